import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUT_MS, LlmConfigError, readLlmConfig } from "../src/planning/llm/config.js";
import { plannerFromEnvironment } from "../src/cli/planner-choice.js";
import { CliError } from "../src/cli/run.js";

/** The LLM planner's settings, from the environment: nothing set means the offline planner alone. */
describe("LLM planner settings", () => {
  it("uses no model when CONNECTOME_CHAT_LLM is unset, empty or off", async () => {
    const envs = [
      {},
      { CONNECTOME_CHAT_LLM: "" },
      { CONNECTOME_CHAT_LLM: "off" },
      { CONNECTOME_CHAT_LLM: "none", OPENAI_API_KEY: "sk-x" },
    ];
    for (const env of envs) {
      expect(await plannerFromEnvironment(env)).toBeUndefined();
    }
  });

  it("reads each provider with its defaults: no retries, a time limit", () => {
    expect(readLlmConfig({ CONNECTOME_CHAT_LLM: "openai", OPENAI_API_KEY: "sk-x" })).toMatchObject({
      provider: "openai",
      model: "gpt-4o-mini",
      apiKey: "sk-x",
      method: "jsonSchema",
      maxRetries: 0,
      timeoutMs: DEFAULT_TIMEOUT_MS,
    });
    const local = { OPENAI_BASE_URL: "http://127.0.0.1:8000/v1", CONNECTOME_CHAT_MODEL: "Qwen/Qwen2.5-7B-Instruct" };
    expect(readLlmConfig({ CONNECTOME_CHAT_LLM: "OpenAI", ...local })).toMatchObject({
      provider: "openai",
      baseUrl: "http://127.0.0.1:8000/v1",
      apiKey: undefined,
      model: "Qwen/Qwen2.5-7B-Instruct",
    });
    expect(readLlmConfig({ CONNECTOME_CHAT_LLM: "anthropic", ANTHROPIC_API_KEY: "sk-ant" })).toMatchObject({
      provider: "anthropic",
      method: "functionCalling",
    });
    expect(readLlmConfig({ CONNECTOME_CHAT_LLM: "ollama" })).toMatchObject({
      provider: "ollama",
      baseUrl: "http://127.0.0.1:11434",
      model: "llama3.1",
    });
    const tuned = {
      CONNECTOME_CHAT_LLM: "ollama",
      CONNECTOME_CHAT_LLM_TIMEOUT_MS: "5000",
      CONNECTOME_CHAT_LLM_EXAMPLES: "3",
      CONNECTOME_CHAT_LLM_RETRIES: "1",
    };
    expect(readLlmConfig(tuned)).toMatchObject({ timeoutMs: 5000, examples: 3, maxRetries: 1 });
  });

  it.each([
    [{ CONNECTOME_CHAT_LLM: "openai" }, /CONNECTOME_CHAT_LLM=openai needs OPENAI_API_KEY \(or OPENAI_BASE_URL/],
    [{ CONNECTOME_CHAT_LLM: "anthropic" }, /needs ANTHROPIC_API_KEY/],
    [{ CONNECTOME_CHAT_LLM: "gpt" }, /CONNECTOME_CHAT_LLM must be one of openai, anthropic, ollama; got "gpt"/],
    [{ CONNECTOME_CHAT_LLM: "ollama", OLLAMA_BASE_URL: "localhost:11434" }, /OLLAMA_BASE_URL must be an http\(s\) URL/],
    [
      { CONNECTOME_CHAT_LLM: "ollama", CONNECTOME_CHAT_LLM_TIMEOUT_MS: "soon" },
      /CONNECTOME_CHAT_LLM_TIMEOUT_MS must be a number/,
    ],
    [
      { CONNECTOME_CHAT_LLM: "anthropic", ANTHROPIC_API_KEY: "sk-ant", CONNECTOME_CHAT_LLM_METHOD: "jsonMode" },
      /not available for anthropic/,
    ],
  ])("says what is wrong in one line: %j", (env, message) => {
    expect(() => readLlmConfig(env)).toThrow(LlmConfigError);
    expect(() => readLlmConfig(env)).toThrow(message);
    try {
      readLlmConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
      expect((error as Error).message).toMatch(/\. Unset CONNECTOME_CHAT_LLM to use the offline planner alone\.$/);
    }
  });

  it("never repeats a key in a message", () => {
    const env = {
      CONNECTOME_CHAT_LLM: "openai",
      OPENAI_API_KEY: "sk-secret-123",
      CONNECTOME_CHAT_LLM_TIMEOUT_MS: "-1",
    };
    expect(() => readLlmConfig(env)).toThrow(LlmConfigError);
    expect(() => readLlmConfig(env)).toThrow(/^(?!.*sk-secret).*$/);
  });

  it("turns a misconfiguration into a CLI error (one line, exit code 2)", async () => {
    const attempt = plannerFromEnvironment({ CONNECTOME_CHAT_LLM: "openai" });
    await expect(attempt).rejects.toBeInstanceOf(CliError);
    await expect(attempt).rejects.toMatchObject({ exitCode: 2 });
  });
});
