import type { ChatOptions } from "../../answers/chat.js";
import type { LlmConfig } from "./config.js";
import { ExampleIndex, loadExamples } from "./examples.js";
import { LlmPlanner } from "./llm-planner.js";
import { PromptBuilder } from "./prompt.js";
import { createPlanModel, type PlanModel } from "./providers.js";

/**
 * The LLM planner for a checked config (config.ts), as the `planner` factory of
 * ConnectomeChat.open: it wraps the offline planner built there. A provider that is configured
 * but unreachable is not an error here: each question then falls back, with a note.
 */
export async function llmPlannerFactory(
  config: LlmConfig,
  options: { log?: (line: string) => void } = {},
): Promise<NonNullable<ChatOptions["planner"]>> {
  const examples = new ExampleIndex(loadExamples());
  return (offline, vocabulary) => {
    const prompt = new PromptBuilder(vocabulary, { schemaInPrompt: config.method === "jsonMode" });
    // The provider's client is made on the first question that needs it: a chat whose questions
    // the offline planner reads alone never loads the provider package.
    let client: Promise<PlanModel> | undefined;
    const model: PlanModel = {
      label: `${config.provider}/${config.model}`,
      async prepare() {
        client ??= createPlanModel(config, prompt.schema);
        await client;
      },
      async invoke(messages, signal) {
        client ??= createPlanModel(config, prompt.schema);
        return (await client).invoke(messages, signal);
      },
    };
    const { examples: k, timeoutMs } = config;
    return new LlmPlanner({ offline, vocabulary, prompt, examples, model, k, timeoutMs, log: options.log });
  };
}
