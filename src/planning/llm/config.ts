import { z } from "zod";

/**
 * The LLM planner's settings, read from the environment and validated here. Nothing in this file
 * imports a model package: a missing or wrong setting is reported before anything is loaded.
 * Keys are kept in the config for the provider client only; they never appear in a message.
 */
export class LlmConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LlmConfigError";
  }
}

export const PROVIDERS = ["openai", "anthropic", "ollama"] as const;
export type Provider = (typeof PROVIDERS)[number];

/** How the model is asked for the plan's JSON (see providers.ts). */
export const METHODS = ["jsonSchema", "jsonMode", "functionCalling"] as const;
export type StructuredMethod = (typeof METHODS)[number];

/** Default models: small, cheap ones that read a short question well. Override with CONNECTOME_CHAT_MODEL. */
export const DEFAULT_MODELS: Record<Provider, string> = {
  openai: "gpt-4o-mini",
  anthropic: "claude-haiku-4-5",
  ollama: "llama3.1",
};

export const DEFAULT_METHODS: Record<Provider, StructuredMethod> = {
  openai: "jsonSchema",
  anthropic: "functionCalling",
  ollama: "jsonSchema",
};

export interface LlmConfig {
  provider: Provider;
  model: string;
  /** The provider's key (OPENAI_API_KEY / ANTHROPIC_API_KEY); never logged. */
  apiKey?: string;
  baseUrl?: string;
  timeoutMs: number;
  /** Solved examples put in the prompt. */
  examples: number;
  method: StructuredMethod;
  /**
   * Retries of a failed request inside the time limit (HTTP 429/5xx, connection errors). 0 by
   * default: a failing server means the offline planner answers at once, not after back-offs.
   */
  maxRetries: number;
  temperature: number;
}

const blank = (v: unknown) => (typeof v !== "string" ? v : v.trim() === "" ? undefined : v.trim());
const optionalText = z.preprocess(blank, z.string().optional());
const url = (name: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .refine((v) => {
        try {
          const u = new URL(v);
          return u.protocol === "http:" || u.protocol === "https:";
        } catch {
          return false;
        }
      }, `${name} must be an http(s) URL, e.g. http://127.0.0.1:8000/v1`)
      .optional(),
  );
const integer = (name: string, min: number, max: number) =>
  z.preprocess(
    blank,
    z.coerce
      .number({ error: `${name} must be a number` })
      .int(`${name} must be a whole number`)
      .min(min, `${name} must be at least ${min}`)
      .max(max, `${name} must be at most ${max}`)
      .optional(),
  );

/** The environment variables read, and what each must look like. */
const Environment = z.object({
  CONNECTOME_CHAT_LLM: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.enum(PROVIDERS, {
      error: (issue) =>
        `CONNECTOME_CHAT_LLM must be one of ${PROVIDERS.join(", ")}; got "${String(issue.input).slice(0, 30)}"`,
    }),
  ),
  CONNECTOME_CHAT_MODEL: optionalText,
  CONNECTOME_CHAT_LLM_TIMEOUT_MS: integer("CONNECTOME_CHAT_LLM_TIMEOUT_MS", 100, 600_000),
  CONNECTOME_CHAT_LLM_EXAMPLES: integer("CONNECTOME_CHAT_LLM_EXAMPLES", 0, 30),
  CONNECTOME_CHAT_LLM_RETRIES: integer("CONNECTOME_CHAT_LLM_RETRIES", 0, 5),
  CONNECTOME_CHAT_LLM_METHOD: z.preprocess(
    blank,
    z.enum(METHODS, { error: `CONNECTOME_CHAT_LLM_METHOD must be one of ${METHODS.join(", ")}` }).optional(),
  ),
  CONNECTOME_CHAT_LLM_TEMPERATURE: z.preprocess(blank, z.coerce.number().min(0).max(2).optional()),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: url("OPENAI_BASE_URL"),
  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_BASE_URL: url("ANTHROPIC_BASE_URL"),
  OLLAMA_BASE_URL: url("OLLAMA_BASE_URL"),
});

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_EXAMPLES = 6;

/** Reads and checks the settings; throws LlmConfigError naming every problem, on one line. */
export function readLlmConfig(env: NodeJS.ProcessEnv = process.env): LlmConfig {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    // A message that does not name its variable gets the name in front.
    const named = (i: { path: PropertyKey[]; message: string }) =>
      i.message.startsWith(String(i.path[0])) ? i.message : `${String(i.path[0])}: ${i.message}`;
    throw misconfigured(parsed.error.issues.map(named));
  }
  const e = parsed.data;
  const provider = e.CONNECTOME_CHAT_LLM;
  const problems: string[] = [];
  let apiKey: string | undefined;
  let baseUrl: string | undefined;
  if (provider === "openai") {
    apiKey = e.OPENAI_API_KEY;
    baseUrl = e.OPENAI_BASE_URL;
    // A local OpenAI-compatible server (vLLM, llama.cpp, LM Studio) usually wants no key.
    if (!apiKey && !baseUrl) {
      problems.push(
        "CONNECTOME_CHAT_LLM=openai needs OPENAI_API_KEY " +
          "(or OPENAI_BASE_URL for a local OpenAI-compatible server)",
      );
    }
  } else if (provider === "anthropic") {
    apiKey = e.ANTHROPIC_API_KEY;
    baseUrl = e.ANTHROPIC_BASE_URL;
    if (!apiKey) problems.push("CONNECTOME_CHAT_LLM=anthropic needs ANTHROPIC_API_KEY");
  } else {
    baseUrl = e.OLLAMA_BASE_URL ?? "http://127.0.0.1:11434";
  }
  const method = e.CONNECTOME_CHAT_LLM_METHOD ?? DEFAULT_METHODS[provider];
  if (provider === "anthropic" && method !== "functionCalling") {
    problems.push(
      `CONNECTOME_CHAT_LLM_METHOD=${method} is not available for anthropic; ` + "it answers through functionCalling",
    );
  }
  if (problems.length) throw misconfigured(problems);
  return {
    provider,
    model: e.CONNECTOME_CHAT_MODEL ?? DEFAULT_MODELS[provider],
    apiKey,
    baseUrl,
    timeoutMs: e.CONNECTOME_CHAT_LLM_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS,
    examples: e.CONNECTOME_CHAT_LLM_EXAMPLES ?? DEFAULT_EXAMPLES,
    method,
    maxRetries: e.CONNECTOME_CHAT_LLM_RETRIES ?? 0,
    temperature: e.CONNECTOME_CHAT_LLM_TEMPERATURE ?? 0,
  };
}

/** One line for the person at the terminal: what is wrong, and how to run without a model. */
function misconfigured(problems: string[]): LlmConfigError {
  return new LlmConfigError(
    `the LLM planner is misconfigured: ${problems.join("; ")}. ` +
      "Unset CONNECTOME_CHAT_LLM to use the offline planner alone.",
  );
}
