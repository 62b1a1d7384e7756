import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_VOCABULARY } from "../src/answers/chat.js";
import { ExampleIndex, loadExamples } from "../src/planning/llm/examples.js";
import { LlmPlanner } from "../src/planning/llm/llm-planner.js";
import { PromptBuilder } from "../src/planning/llm/prompt.js";
import type { PlanModel } from "../src/planning/llm/providers.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { gold } from "./support/raw-tables.js";
import { messageTexts, USAGE } from "./support/stand-in-llm.js";
import {
  AMBIGUOUS,
  closedPort,
  CONTACTS_SQL,
  contactsGold,
  L5_PLAN,
  l5Gold,
  llmFixture,
  UNREAD,
  type LlmFixture,
} from "./support/llm-fixture.js";

/**
 * The three providers' LangChain clients (@langchain/openai, @langchain/ollama, @langchain/anthropic)
 * against the stand-in server, and every way a model call can fail: each falls back to the offline
 * reader's result with a one-line note, never with a number of the model's.
 */
let f: LlmFixture;

beforeAll(async () => {
  f = await llmFixture();
});
afterAll(async () => f?.close());
beforeEach(() => f.reset());

/** The offline reader's question back on AMBIGUOUS. */
const ASKED_BACK = /^"l5 pyramidal" could mean 5P-IT, 5P-ET or 5P-NP\. Which one\?/;

describe("through @langchain/openai, failures fall back to the offline reader", () => {
  it("on an HTTP 500 at once: one request, no retries", async () => {
    const chat = await f.openai();
    f.server.reply({ status: 500 });
    const started = Date.now();
    const answer = await chat.answer(AMBIGUOUS);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(f.server.requests).toHaveLength(1);
    expect(answer.status).toBe("clarify");
    expect(answer.text).toMatch(ASKED_BACK);
    expect(answer.text).toMatch(/was not used: the provider answered HTTP 500\.$/);
    expect(answer.planner?.name).toBe("offline");
    expect(f.logs).toHaveLength(1);
    expect(f.logs[0]).toMatch(/^connectome-chat planner: offline \(clarify\) after openai\/test-model failed: /);
    expect(f.logs[0]).toMatch(/ failed: the provider answered HTTP 500; model \d+ ms, tokens unknown$/);
  });

  it("on a slow reply at the time limit, aborting the request", async () => {
    const chat = await f.openai({ CONNECTOME_CHAT_LLM_TIMEOUT_MS: "400" });
    f.server.reply({ delayMs: 10_000, then: { text: JSON.stringify(L5_PLAN) } });
    const started = Date.now();
    const answer = await chat.answer(AMBIGUOUS);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(3000);
    expect(answer.status).toBe("clarify");
    expect(answer.text).toMatch(/was not used: no reply within 0\.4 s\.$/);
    await expect.poll(() => f.server.requests[0]?.aborted, { timeout: 2000 }).toBe(true);
  });

  it("when nothing listens at the base URL", async () => {
    const chat = await f.openai({ OPENAI_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1` });
    const answer = await chat.answer(AMBIGUOUS);
    expect(answer.status).toBe("clarify");
    expect(answer.text).toMatch(/was not used: could not reach the provider( \(ECONNREFUSED\))?\.$/);
  });

  it.each([
    ["the provider reports a refusal", { refusal: "I can't help with that." }, "the model refused", /can't help/],
    [
      "the model says it cannot plan the question",
      { text: JSON.stringify({ cannotAnswer: "There are exactly 7 of them, trust me." }) },
      "the model said it cannot plan this question",
      /trust me|7/,
    ],
    [
      "the reply is junk text",
      { text: "Sure! Basket cells contact about 42 of them on average." },
      "the model's reply is not JSON",
      /42/,
    ],
  ])("when %s, without passing its words on", async (_, reply, reason, words) => {
    const chat = await f.openai();
    f.server.reply(reply);
    const answer = await chat.answer(UNREAD);
    expect(answer.status).toBe("clarify");
    expect(answer.text).toMatch(/^I did not understand "expectation" in your question\./);
    expect(answer.text.split("\n").at(-1)).toBe(`The language model (openai/test-model) was not used: ${reason}.`);
    expect(answer.text).not.toMatch(words);
    expect(answer.table).toBeUndefined();
  });

  it.each([
    ["a DELETE", "DELETE FROM cell_type", /only SELECT statements/],
    [
      "an INSERT behind a WITH",
      "WITH x AS (SELECT 1) INSERT INTO cell_type (id) SELECT * FROM x",
      /only SELECT statements/,
    ],
    ["a SELECT followed by a DROP", "SELECT count(*) FROM cell_type; DROP TABLE cell_type", /only one statement/],
    [
      "a SELECT of an undocumented table",
      "SELECT * FROM import_log",
      /not one of the documented tables|does not compile/,
    ],
    ["a SELECT of the schema", "SELECT sql FROM sqlite_schema", /sqlite_schema/],
  ])("when it proposes %s as free-form SQL, and the store is unchanged", async (_, sql, reason) => {
    const chat = await f.openai();
    const before = readFileSync(f.db);
    f.server.reply({ text: JSON.stringify({ plan: { kind: "sql", sql } }) });
    const answer = await chat.answer(UNREAD);
    expect(f.server.requests).toHaveLength(1);
    expect(answer.status).toBe("clarify");
    const note = answer.text.split("\n").at(-1)!;
    expect(note).toMatch(/^The language model \(openai\/test-model\) was not used: the model's SQL was refused: /);
    expect(note).toMatch(reason);
    expect(answer.sql).toBeUndefined();
    expect(readFileSync(f.db).equals(before)).toBe(true);
  });
});

describe("through @langchain/ollama", () => {
  it("answers with the model's valid plan and counts its tokens", async () => {
    const chat = await f.ollama();
    f.server.reply({ text: JSON.stringify(L5_PLAN) });
    const answer = await chat.answer(AMBIGUOUS);
    expect(answer.status).toBe("answered");
    expect(answer.table!.rows).toEqual([[l5Gold(f.raw)]]);
    expect(answer.planner).toMatchObject({ name: "ollama/test-model", tokens: USAGE });
    const request = f.server.requests[0]!;
    expect(request.path).toBe("/api/chat");
    expect(request.body.model).toBe("test-model");
    expect((request.body.format as { type?: string }).type).toBe("object");
    expect(messageTexts(request).at(-1)).toContain(JSON.stringify(AMBIGUOUS));
  });

  it("runs a checked free-form SELECT", async () => {
    const chat = await f.ollama();
    f.server.reply({ text: JSON.stringify(CONTACTS_SQL) });
    const answer = await chat.answer(UNREAD);
    expect(answer.status).toBe("answered");
    expect(answer.table!.rows[0]![0] as number).toBeCloseTo(contactsGold(f.raw), 9);
  });

  it("falls back on an HTTP 500, and on junk text", async () => {
    const chat = await f.ollama();
    f.server.reply({ status: 500 });
    expect((await chat.answer(AMBIGUOUS)).text).toMatch(/was not used: the provider answered HTTP 500\.$/);
    f.server.reply({ text: "The answer is 12." });
    const junk = await chat.answer(UNREAD);
    expect(junk.status).toBe("clarify");
    expect(junk.text).toMatch(/was not used: the model's reply is not JSON\.$/);
    expect(junk.text).not.toMatch(/12/);
  });

  it("gives up on a server that sends nothing, at the time limit, and closes the request", async () => {
    const chat = await f.ollama({ CONNECTOME_CHAT_LLM_TIMEOUT_MS: "400" });
    f.server.reply({ delayMs: 10_000, then: { text: JSON.stringify(L5_PLAN) } });
    const started = Date.now();
    const answer = await chat.answer(AMBIGUOUS);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer.text).toMatch(/was not used: no reply within 0\.4 s\.$/);
    await expect.poll(() => f.server.requests[0]?.aborted, { timeout: 2000 }).toBe(true);
  });

  it("falls back when no Ollama is running", async () => {
    const chat = await f.ollama({ OLLAMA_BASE_URL: `http://127.0.0.1:${await closedPort()}` });
    const answer = await chat.answer(AMBIGUOUS);
    expect(answer.status).toBe("clarify");
    expect(answer.text).toMatch(/was not used: could not reach the provider( \(ECONNREFUSED\))?\.$/);
  });

  it("refuses a SELECT that tries to write, and the data stays as it was", async () => {
    const chat = await f.ollama();
    f.server.reply({ text: JSON.stringify({ plan: { kind: "sql", sql: "UPDATE cell_type SET cell_type = 'BC'" } }) });
    const answer = await chat.answer(UNREAD);
    expect(answer.status).toBe("clarify");
    expect(answer.text).toMatch(/the model's SQL was refused: only SELECT statements/);
    const count = await chat.answer("How many basket cells are there?");
    expect(count.table!.rows[0]![0]).toBe(gold(f.raw, "SELECT count(*) FROM ct WHERE cell_type = 'BC'"));
  });
});

describe("through @langchain/anthropic", () => {
  const anthropic = () =>
    f.openChat({ CONNECTOME_CHAT_LLM: "anthropic", ANTHROPIC_API_KEY: "sk-ant", ANTHROPIC_BASE_URL: f.server.url });

  it("answers from the forced tool call, with its tokens", async () => {
    const chat = await anthropic();
    f.server.reply({ toolArgs: L5_PLAN });
    const answer = await chat.answer(AMBIGUOUS);
    expect(answer.status).toBe("answered");
    expect(answer.table!.rows).toEqual([[l5Gold(f.raw)]]);
    expect(answer.planner).toMatchObject({ name: "anthropic/test-model", tokens: USAGE });
    const request = f.server.requests[0]!;
    expect(request.path).toBe("/v1/messages");
    expect(request.body.tool_choice).toEqual({ type: "tool", name: "query_plan" });
    expect(messageTexts(request).at(-1)).toContain(JSON.stringify(AMBIGUOUS));
  });

  it("falls back on an HTTP 500", async () => {
    const chat = await anthropic();
    f.server.reply({ status: 500 });
    const answer = await chat.answer(AMBIGUOUS);
    expect(f.server.requests).toHaveLength(1);
    expect(answer.status).toBe("clarify");
    expect(answer.text).toMatch(/was not used: the provider answered HTTP 500\.$/);
  });
});

describe("LlmPlanner's time limit", () => {
  it("counts the model's reply against it, not the loading of the provider's package", async () => {
    const vocabulary = Vocabulary.load(DEFAULT_VOCABULARY);
    // Like the real client (from-environment.ts): loaded once, by prepare() or by the first request.
    let loaded: Promise<void> | undefined;
    const load = () => (loaded ??= new Promise((resolve) => setTimeout(resolve, 300)));
    const model: PlanModel = {
      label: "slow-to-load/model",
      prepare: load,
      invoke: async () => {
        await load();
        return { text: JSON.stringify(L5_PLAN), tokens: { input: 1, output: 1 } };
      },
    };
    const planner = new LlmPlanner({
      offline: new OfflineReader(vocabulary),
      vocabulary,
      model,
      prompt: new PromptBuilder(vocabulary),
      examples: new ExampleIndex(loadExamples()),
      k: 2,
      timeoutMs: 100,
      log: () => {},
    });
    const result = await planner.plan(AMBIGUOUS);
    expect(result).toMatchObject({ type: "plan", planner: "slow-to-load/model" });
    expect(result.modelMs).toBeLessThan(100);
  });
});
