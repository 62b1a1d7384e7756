import type { ChatOptions } from "../answers/chat.js";
import { CliError } from "./run.js";

/** Values of CONNECTOME_CHAT_LLM that mean "no model", as an unset or empty variable does. */
const OFF = ["off", "none", "offline", "0", "false", "no"];

/**
 * Which planner the CLI uses: the offline planner alone (undefined) unless CONNECTOME_CHAT_LLM
 * names a provider, and then the LLM planner. Nothing is imported unless it does, so that `ask`
 * without a model starts as fast as before; its settings are checked before LangChain loads, and
 * a misconfiguration is one line (run.ts prints CliError messages without a stack trace).
 */
export async function plannerFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<ChatOptions["planner"]> {
  const setting = env.CONNECTOME_CHAT_LLM?.trim().toLowerCase();
  if (!setting || OFF.includes(setting)) return undefined;
  const { LlmConfigError, readLlmConfig } = await import("../planning/llm/config.js");
  let config;
  try {
    config = readLlmConfig(env);
  } catch (error) {
    if (error instanceof LlmConfigError) throw new CliError(error.message, 2);
    throw error;
  }
  const { llmPlannerFactory } = await import("../planning/llm/from-environment.js");
  return llmPlannerFactory(config);
}
