import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import type { BaseMessage } from "@langchain/core/messages";
import type { Runnable } from "@langchain/core/runnables";
import type { LlmConfig } from "./config.js";
import type { PromptMessage } from "./prompt.js";

/**
 * The three chat-model providers, through LangChain, each asked for the plan's JSON the way it
 * supports best:
 *
 * - jsonSchema: the reply's JSON schema as a response format (OpenAI `response_format:
 *   json_schema`, non-strict, which vLLM, llama.cpp and LM Studio also accept; Ollama `format`);
 * - jsonMode: "reply with a JSON object" (OpenAI `json_object`, Ollama `format: "json"`), the
 *   schema being in the prompt, for servers without schema-guided decoding;
 * - functionCalling: one forced tool call whose arguments are the reply (Anthropic's way).
 *
 * LangChain's `withStructuredOutput` is not used: given a zod v4 schema, the OpenAI client turns it
 * into a *strict* response format, which requires every property to be required (the plan has
 * optional fields and defaults), and a reply that fails to parse loses its token counts. Here
 * every reply comes back as a message with its usage, and the caller validates it with the same
 * zod schema (`QueryPlan`) as any other plan.
 *
 * Provider packages are imported here, lazily: nothing of them loads unless a provider is set.
 * LangChain's own retries are set from the config (0 by default): the planner has a time limit
 * and a fallback, so a failing server should fail at once.
 */
export interface ModelReply {
  /** The reply's text (jsonSchema, jsonMode). */
  text: string;
  /** The forced tool call's arguments (functionCalling). */
  toolArgs?: unknown;
  tokens?: { input?: number; output?: number };
  /** Set when the provider said the model refused (OpenAI's `refusal`). */
  refusal?: string;
}

export interface PlanModel {
  readonly label: string;
  /** Loads the provider's client ahead of a request, so that its import is not counted as model time. */
  prepare?(): Promise<void>;
  /** One request; `signal` aborts it (the planner's time limit). */
  invoke(messages: PromptMessage[], signal: AbortSignal): Promise<ModelReply>;
}

export const TOOL_NAME = "query_plan";
const TOOL_DESCRIPTION = "The query plan for the question (or cannotAnswer with the reason).";

/** The plan as one function tool (OpenAI and Ollama's form). */
const functionTool = (schema: Record<string, unknown>) => ({
  type: "function" as const,
  function: { name: TOOL_NAME, description: TOOL_DESCRIPTION, parameters: schema },
});

/** The plan's schema as OpenAI's json_schema response format, non-strict (optional fields and defaults). */
const jsonSchemaFormat = (schema: Record<string, unknown>) => ({
  type: "json_schema" as const,
  json_schema: { name: TOOL_NAME, description: TOOL_DESCRIPTION, schema, strict: false },
});

/** Reasoning models take no temperature. */
const takesTemperature = (model: string) => !/^(o\d|gpt-5)/i.test(model);

type ReplyMessage = BaseMessage & {
  tool_calls?: { name: string; args: unknown }[];
  usage_metadata?: { input_tokens?: number; output_tokens?: number };
};

export async function createPlanModel(config: LlmConfig, schema: Record<string, unknown>): Promise<PlanModel> {
  const temperature = takesTemperature(config.model) ? config.temperature : undefined;
  const label = `${config.provider}/${config.model}`;
  // A runnable per request (Ollama needs the request's signal in its fetch), or one for all.
  let runnableFor: (signal: AbortSignal) => Runnable<BaseLanguageModelInput, BaseMessage>;

  if (config.provider === "openai") {
    const { ChatOpenAI } = await import("@langchain/openai");
    const chat = new ChatOpenAI({
      model: config.model,
      // A local OpenAI-compatible server without authentication still needs a non-empty key for the client.
      apiKey: config.apiKey ?? "no-key",
      configuration: { baseURL: config.baseUrl },
      temperature,
      maxRetries: config.maxRetries,
      timeout: config.timeoutMs,
      // The chat-completions converter drops a reply's `refusal`; the raw response keeps it.
      __includeRawResponse: true,
    });
    const toolChoice = { type: "function" as const, function: { name: TOOL_NAME } };
    const format = config.method === "jsonMode" ? { type: "json_object" as const } : jsonSchemaFormat(schema);
    const bound =
      config.method === "functionCalling"
        ? chat.withConfig({ tools: [functionTool(schema)], tool_choice: toolChoice })
        : chat.withConfig({ response_format: format });
    runnableFor = () => bound;
  } else if (config.provider === "anthropic") {
    const { ChatAnthropic } = await import("@langchain/anthropic");
    const chat = new ChatAnthropic({
      model: config.model,
      apiKey: config.apiKey,
      ...(config.baseUrl ? { anthropicApiUrl: config.baseUrl } : {}),
      temperature,
      maxRetries: config.maxRetries,
      maxTokens: 2048,
    });
    const tool = { name: TOOL_NAME, description: TOOL_DESCRIPTION, input_schema: schema as { type: "object" } };
    const bound = chat.withConfig({ tools: [tool], tool_choice: { type: "tool", name: TOOL_NAME } });
    runnableFor = () => bound;
  } else {
    const { ChatOllama } = await import("@langchain/ollama");
    // ChatOllama only checks the signal between streamed chunks, so a server that sends nothing
    // would keep the request (and the process) alive past the time limit: its fetch gets the signal.
    runnableFor = (signal) => {
      const chat = new ChatOllama({
        model: config.model,
        baseUrl: config.baseUrl,
        temperature,
        maxRetries: config.maxRetries,
        fetch: (input, init) =>
          fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
      });
      return config.method === "functionCalling"
        ? chat.bindTools([functionTool(schema)])
        : chat.withConfig({ format: config.method === "jsonMode" ? "json" : schema });
    };
  }

  return {
    label,
    async invoke(messages, signal) {
      // [role, content] pairs are LangChain's plain message form ("system", "user").
      const input = messages.map((m): [string, string] => [m.role, m.content]);
      const message = (await runnableFor(signal).invoke(input, { signal })) as ReplyMessage;
      const usage = message.usage_metadata;
      const extra = message.additional_kwargs as
        { refusal?: unknown; __raw_response?: { choices?: { message?: { refusal?: unknown } }[] } } | undefined;
      const refusal = extra?.refusal ?? extra?.__raw_response?.choices?.[0]?.message?.refusal;
      return {
        text: message.text,
        toolArgs: message.tool_calls?.find((c) => c.name === TOOL_NAME)?.args ?? message.tool_calls?.[0]?.args,
        tokens: usage ? { input: usage.input_tokens, output: usage.output_tokens } : undefined,
        refusal: typeof refusal === "string" && refusal ? refusal : undefined,
      };
    },
  };
}
