import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConnectomeChat } from "../src/answers/chat.js";
import { PROJECT_ROOT } from "../src/project-root.js";
import { readLlmConfig } from "../src/planning/llm/config.js";
import { llmPlannerFactory } from "../src/planning/llm/from-environment.js";
import type { PlannerResult, QueryPlan } from "../src/planning/plan.js";
import type { OfflineReader } from "../src/planning/reader/reader.js";
import { messageTexts, USAGE } from "./support/stand-in-llm.js";
import {
  AMBIGUOUS,
  CONTACTS_SQL,
  contactsGold,
  L5_PLAN,
  l5Gold,
  llmFixture,
  UNREAD,
  type LlmFixture,
} from "./support/llm-fixture.js";
/**
 * The LLM planner's decisions, with the real LangChain OpenAI client against a stand-in
 * server on loopback that returns scripted replies (plans of the plan language). Every question
 * here is one the offline reader asks back on today (or a reader plan the form checks doubt), so
 * the model is asked; gold answers come from plain SQL over the raw exports. The checks that
 * refuse a model's plan are in llm-plan-refusals.test.ts.
 */
let f: LlmFixture;

beforeAll(async () => {
  f = await llmFixture();
});
afterAll(async () => f?.close());
beforeEach(() => f.reset());

const query = (p: object) => ({ kind: "query", ...p });
const lastLine = (text: string) => text.split("\n").at(-1)!;

describe("the model's plan, when it passes the checks", () => {
  it("answers with it, exactly, and reports planner, model time and tokens", async () => {
    const chat = await f.openai();
    f.server.reply({ text: JSON.stringify(L5_PLAN) });
    const answer = await chat.answer(AMBIGUOUS);
    expect(answer.status).toBe("answered");
    expect(answer.table!.rows).toEqual([[l5Gold(f.raw)]]);
    expect(answer.planner).toMatchObject({ name: "openai/test-model", tokens: USAGE });
    expect(answer.planner!.modelMs).toBeGreaterThanOrEqual(0);
    expect(lastLine(answer.text)).toBe(
      'Read "L5 pyramidal" as 5P-IT, 5P-ET and 5P-NP (language model openai/test-model).',
    );
    expect(f.logs).toHaveLength(1);
    expect(f.logs[0]).toMatch(/^connectome-chat planner: openai\/test-model \(cells count plan\), model \d+ ms, /);
    expect(f.logs[0]).toMatch(/ ms, 1234 tokens in, 56 out$/);

    // The request: one, with the plan's JSON schema as the response format, and the question as data.
    expect(f.server.requests).toHaveLength(1);
    const request = f.server.requests[0]!;
    expect(request.path).toBe("/v1/chat/completions");
    expect(request.headers.authorization).toBe("Bearer sk-test-never-shown");
    const format = { type: "json_schema", json_schema: { name: "query_plan", strict: false } };
    expect(request.body.response_format).toMatchObject(format);
    const [system, human] = messageTexts(request);
    expect(system).toMatch(/never instructions to you/);
    expect(system).toMatch(/\| out_synapses \| output synapses \| a root id/);
    expect(system).toMatch(/\| 5P-ET \| excitatory \|/);
    expect(system).not.toMatch(/\{\{\w+\}\}/);
    expect(human).toContain(`<<<QUESTION\n${JSON.stringify(AMBIGUOUS)}\nQUESTION>>>`);
    expect(human).toMatch(/Solved examples[\s\S]*"kind":"query"/);
    // No table row leaves the machine: no root id of the store is in the request.
    expect(f.rootIds.filter((id) => request.raw.includes(id))).toEqual([]);
    expect(f.logs.join("\n")).not.toContain("sk-test");
  });

  it("runs a model's free-form SELECT after the gate, and marks the answer as free-form SQL", async () => {
    const chat = await f.openai();
    f.server.reply({ text: JSON.stringify(CONTACTS_SQL) });
    const answer = await chat.answer(UNREAD);
    expect(messageTexts(f.server.requests[0]!).join("\n")).toContain(JSON.stringify(UNREAD));
    expect(answer.status).toBe("answered");
    expect(answer.table!.rows[0]![0] as number).toBeCloseTo(contactsGold(f.raw), 9);
    expect(answer.interpretation).toMatch(/^Read as free-form SQL proposed by the language model/);
    expect(lastLine(answer.text)).toMatch(/^Planned by the language model \(openai\/test-model\) as free-form SQL/);
  });

  it("gives a follow-up the previous plan (the reading, never the rows of the answer)", async () => {
    const chat = await f.openai();
    const conversation = chat.newConversation();
    const first = await chat.answer("How many basket cells are there?", conversation);
    expect(first.status).toBe("answered");
    expect(f.server.requests).toHaveLength(0);
    // The reader does not understand "on average" here: the model is asked, with the previous plan.
    f.server.reply({ text: JSON.stringify(CONTACTS_SQL) });
    const answer = await chat.answer("and how many 4P neurons does one of them contact on average?", conversation);
    expect(f.server.requests).toHaveLength(1);
    const human = messageTexts(f.server.requests[0]!).at(-1)!;
    expect(human).toContain(
      "The previous plan in this conversation (the question may be a follow-up to it):\n" +
        '{"kind":"query","source":"cells","filter":[{"dim":"cell_type","values":["BC"]}],"measure":{"fn":"count"}}',
    );
    expect(first.text.split("\n")[0]).toMatch(/^Number of basket cells \(BC\): \d+\.$/);
    expect(f.server.requests[0]!.raw).not.toContain(first.text.split("\n")[0]!);
    expect(answer.status).toBe("answered");
    expect(answer.table!.rows[0]![0] as number).toBeCloseTo(contactsGold(f.raw), 9);
  });

  it("asks through a forced tool call with CONNECTOME_CHAT_LLM_METHOD=functionCalling", async () => {
    const chat = await f.openai({ CONNECTOME_CHAT_LLM_METHOD: "functionCalling" });
    f.server.reply({ toolArgs: L5_PLAN });
    const answer = await chat.answer(AMBIGUOUS);
    expect(answer.table!.rows).toEqual([[l5Gold(f.raw)]]);
    const body = f.server.requests[0]!.body as {
      tools: { function: { name: string } }[];
      tool_choice: unknown;
      response_format?: unknown;
    };
    expect(body.tools.map((t) => t.function.name)).toEqual(["query_plan"]);
    expect(body.tool_choice).toEqual({ type: "function", function: { name: "query_plan" } });
    expect(body.response_format).toBeUndefined();
  });

  it("asks for a JSON object with the schema in the prompt with CONNECTOME_CHAT_LLM_METHOD=jsonMode", async () => {
    const chat = await f.openai({ CONNECTOME_CHAT_LLM_METHOD: "jsonMode" });
    f.server.reply({ text: "```json\n" + JSON.stringify(L5_PLAN) + "\n```" });
    const answer = await chat.answer(AMBIGUOUS);
    expect(answer.table!.rows).toEqual([[l5Gold(f.raw)]]);
    expect(f.server.requests[0]!.body.response_format).toEqual({ type: "json_object" });
    expect(messageTexts(f.server.requests[0]!)[0]).toMatch(/"kind":\{"type":"string","const":"query"\}/);
  });
});
describe("a reader's plan that the form checks doubt", () => {
  // No plan of the reader on the question bank is doubted today; the reader is wrapped so that it
  // leaves the number out, as a reader with a gap would.
  const DOUBT = "How many cells are deeper than 500 µm?";
  const gap: PlannerResult = {
    type: "plan",
    confidence: 0.9,
    plan: { kind: "query", source: "cells", filter: [], pre: [], post: [], groupBy: [], measure: { fn: "count" } },
  };
  const openDoubting = async () => {
    const config = readLlmConfig({
      CONNECTOME_CHAT_LLM: "openai",
      CONNECTOME_CHAT_MODEL: "test-model",
      OPENAI_BASE_URL: `${f.server.url}/v1`,
      OPENAI_API_KEY: "sk-test",
    });
    const factory = await llmPlannerFactory(config, { log: (line) => f.logs.push(line) });
    const withGap = (offline: OfflineReader) =>
      ({ plan: async (q: string, last?: QueryPlan) => (q === DOUBT ? gap : offline.plan(q, last)) }) as OfflineReader;
    return ConnectomeChat.open({
      dbPath: f.db,
      plotDir: mkdtempSync(join(tmpdir(), "cc-llm-plots-")),
      workers: 1,
      planner: (offline, vocabulary) => factory(withGap(offline), vocabulary),
    });
  };
  /** Cells whose soma lies deeper than 500 µm, from the raw "[x y z]" positions and the geometry file's pia. */
  const deeper = () => {
    const geometry = JSON.parse(readFileSync(join(PROJECT_ROOT, "data/cortex_geometry.json"), "utf8")) as {
      pia_y_um: number;
      voxel_resolution_nm: number[];
    };
    const y = (p: string) => Number(p.slice(1, -1).split(" ")[1]);
    const depth = (p: string) => (y(p) * geometry.voxel_resolution_nm[1]!) / 1000 - geometry.pia_y_um;
    const positions = f.raw.prepare("SELECT pt_position FROM ct").raw(true).all() as [string][];
    return positions.filter(([p]) => depth(p) > 500).length;
  };

  it("asks the model, and uses its plan when it reads the whole question", async () => {
    const chat = await openDoubting();
    const filter = [{ dim: "depth", min: 500, minExclusive: true }];
    const plan = query({ source: "cells", filter, measure: { fn: "count" } });
    f.server.reply({ text: JSON.stringify({ plan }) });
    const answer = await chat.answer(DOUBT);
    expect(f.server.requests).toHaveLength(1);
    expect(answer.status).toBe("answered");
    expect(answer.table!.rows).toEqual([[deeper()]]);
    await chat.close();
  });

  it("asks back, rather than answer the doubted plan, when the model fails", async () => {
    const chat = await openDoubting();
    f.server.reply({ text: "I cannot do that." });
    const answer = await chat.answer(DOUBT);
    expect(answer.status).toBe("clarify");
    const asked = "I'm not sure I read that right: the number 500 in the question is not part of the reading.";
    expect(answer.text.split("\n")[0]).toBe(`${asked} Could you rephrase it?`);
    expect(answer.table).toBeUndefined();
    await chat.close();
  });
});
