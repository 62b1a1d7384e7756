/**
 * Reading an adapter's settings from the environment (and a `.env` file), checked with zod at
 * start so that a missing or malformed setting is one clear line naming the variable, never a
 * crash later. Messages never include a variable's value: they may be tokens.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

/** A setting that is missing or malformed; its message names every variable at fault. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/**
 * Loads `file` (default ./.env) into process.env if it exists, with Node's own parser
 * (process.loadEnvFile, Node 20.12+). Variables already set win over the file, as with dotenv.
 * Returns the absolute path loaded, or undefined when there is no such file.
 */
export function loadDotEnv(file = ".env"): string | undefined {
  const path = resolve(file);
  if (!existsSync(path)) return undefined;
  process.loadEnvFile(path);
  return path;
}

/**
 * Checks `env` against a zod object schema whose keys are variable names: the parsed settings, or
 * one line per problem. Empty values count as unset (a `.env` line `SLACK_TEAMS=` means "not set").
 * Each field's `.describe()` text says what a missing variable is and where to find it.
 */
export function checkEnv<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  env: NodeJS.ProcessEnv,
):
  | { ok: true; settings: z.infer<z.ZodObject<Shape>>; present: Set<string> }
  | { ok: false; problems: string[]; present: Set<string> } {
  const values: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key]?.trim();
    if (value) values[key] = value;
  }
  const present = new Set(Object.keys(values));
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, settings: parsed.data, present };
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "");
    const about = describeVariable(schema, name);
    if (name && !present.has(name)) return `${name} is not set${about}`;
    return `${name || "settings"}: ${issue.message}${about}`;
  });
  return { ok: false, problems, present };
}

/** " (what it is)" from a field's description, or "". */
export function describeVariable(schema: z.ZodObject<z.ZodRawShape>, name: string): string {
  const field = schema.shape[name] as z.ZodType | undefined;
  return field?.description ? ` (${field.description})` : "";
}

/** checkEnv that throws a ConfigError naming every problem. */
export function parseEnv<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  env: NodeJS.ProcessEnv,
  what: string,
): z.infer<z.ZodObject<Shape>> {
  const checked = checkEnv(schema, env);
  if (!checked.ok) failWith(what, checked.problems);
  return checked.settings;
}

/** Throws a ConfigError listing problems, one per line. */
export function failWith(what: string, problems: string[]): never {
  throw new ConfigError(
    `${what} settings are incomplete:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSet them in the environment or in a .env file (see .env.example).`,
  );
}

/** A zod field for a comma-separated list of ids ("T1, T2"); unset means an empty list. */
export const idList = (description: string) =>
  z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]+$/, "ids are letters, digits, '-' or '_', separated by commas")))
    .optional()
    .transform((ids) => ids ?? [])
    .describe(description);

/** The settings every chat adapter reads beside its platform's own: the per-user rate limit and the log level. */
export const commonAdapterEnv = {
  CONNECTOME_CHAT_RATE_LIMIT: z.coerce
    .number()
    .int("must be a whole number")
    .min(0, "must be 0 (no limit) or more")
    .default(10)
    .describe("questions per user per minute; 0 for no limit"),
  CONNECTOME_CHAT_LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error"])
    .default("info")
    .describe("debug, info, warn or error"),
};
