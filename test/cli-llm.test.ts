import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestStore, CLI } from "./support/store.js";
import { gold, loadRawExports } from "./support/raw-tables.js";
import { messageTexts, startStandIn, type StandIn } from "./support/stand-in-llm.js";

/**
 * `connectome-chat ask` with CONNECTOME_CHAT_LLM set, as a person runs it: the built CLI in a
 * child process (asynchronously, so that the stand-in server in this process can answer).
 */
const run = promisify(execFile);
const KEY = "sk-test-cli-key-never-printed";
let db: string;
let raw: Database.Database;
let server: StandIn;

/** The environment without any real provider settings of the machine running the tests. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const mine = (k: string) => /^(CONNECTOME_CHAT_|OPENAI_|ANTHROPIC_|OLLAMA_)/.test(k);
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !mine(k)));
  return { ...base, ...extra };
}

/** What `ask --json` prints, as far as these tests read it. */
interface AskJson {
  status: string;
  text: string;
  table?: { rows: unknown[][] };
  planner?: { name: string; modelMs?: number; tokens?: unknown };
}

async function ask(question: string, extra: Record<string, string>) {
  try {
    const args = [CLI, "ask", "--db", db, "--json", question];
    const { stdout, stderr } = await run(process.execPath, args, { env: env(extra), timeout: 30_000 });
    return { code: 0, stdout, stderr, answer: JSON.parse(stdout) as AskJson };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    const answer = e.stdout.trim() ? (JSON.parse(e.stdout) as AskJson) : undefined;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, answer };
  }
}

const junkServer = () => ({ CONNECTOME_CHAT_LLM: "openai", OPENAI_BASE_URL: `${server.url}/v1`, OPENAI_API_KEY: KEY });

beforeAll(async () => {
  const store = await buildTestStore({ cells: 1500, seed: 21 });
  db = store.db;
  raw = loadRawExports(store.dir, ["aibs_metamodel_celltypes_v661"]);
  server = await startStandIn();
  server.reply({ text: "I'm sorry, as a language model I think there are roughly 40 of them." });
});

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  server.requests.length = 0;
});

describe("connectome-chat ask with CONNECTOME_CHAT_LLM=openai and a server that answers junk", () => {
  it("still answers the exact count of Martinotti cells", async () => {
    const { code, answer, stderr } = await ask("How many Martinotti cells are in the volume?", junkServer());
    expect(code).toBe(0);
    expect(answer!.status).toBe("answered");
    expect(answer!.table!.rows).toEqual([[gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'MC'")]]);
    // The offline reader reads every word of this one: the model is not asked, and the log line says so.
    expect(answer!.planner).toEqual({ name: "offline" });
    expect(server.requests).toHaveLength(0);
    expect(stderr.trim()).toBe("connectome-chat planner: offline (plan); openai/gpt-4o-mini not asked");
  });

  it("asks the server a question the offline reader asks back on, and falls back", async () => {
    const question = "How many 23P neurons does a Martinotti cell contact in expectation?";
    const { code, answer, stdout, stderr } = await ask(question, junkServer());
    expect(code).toBe(0);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(messageTexts(server.requests[0]!).at(-1)).toContain(JSON.stringify(question));
    expect(answer!.status).toBe("clarify");
    expect(answer!.text).toMatch(/^I did not understand "expectation" in your question\./);
    expect(answer!.text).toMatch(/was not used: the model's reply is not JSON\.$/);
    expect(answer!.text).not.toMatch(/40/);
    expect(answer!.planner!.name).toBe("offline");
    expect(answer!.planner!.modelMs).toEqual(expect.any(Number));
    expect(stderr.trim()).toMatch(/^connectome-chat planner: offline \(clarify\) after openai\/gpt-4o-mini failed: /);
    expect(stderr.trim()).toMatch(/ failed: the model's reply is not JSON; model \d+ ms, tokens unknown$/);
    expect(stdout + stderr).not.toContain(KEY);
  });

  it("answers from a valid plan of the model, with planner, time and tokens in --json and on stderr", async () => {
    const types = ["6P-IT", "6P-CT"];
    const filter = [{ dim: "cell_type", values: types }];
    const plan = { kind: "query", source: "cells", filter, measure: { fn: "count" } };
    server.reply({ text: JSON.stringify({ plan, names: [{ text: "L6 pyramidal cells", values: types }] }) });
    try {
      const { answer, stdout, stderr } = await ask("How many L6 pyramidal cells are there?", junkServer());
      expect(answer!.status).toBe("answered");
      const l6 = gold(raw, "SELECT count(*) FROM ct WHERE cell_type IN ('6P-IT', '6P-CT')");
      expect(answer!.table!.rows).toEqual([[l6]]);
      const tokens = { input: 1234, output: 56 };
      expect(answer!.planner).toEqual({ name: "openai/gpt-4o-mini", modelMs: expect.any(Number), tokens });
      expect(answer!.text.split("\n").at(-1)).toBe(
        'Read "L6 pyramidal" as 6P-IT and 6P-CT (language model openai/gpt-4o-mini).',
      );
      expect(stderr.trim()).toMatch(/^connectome-chat planner: openai\/gpt-4o-mini \(cells count plan\), model \d+ ms/);
      expect(stderr.trim()).toMatch(/, 1234 tokens in, 56 out$/);
      expect(stdout + stderr).not.toContain(KEY);
    } finally {
      server.reply({ text: "I'm sorry, as a language model I think there are roughly 40 of them." });
    }
  });
});

describe("connectome-chat ask and the LLM settings", () => {
  it("fails with one JSON error object, no stack trace, when openai has neither a key nor a base URL", async () => {
    const { code, stdout, stderr } = await ask("How many basket cells are there?", { CONNECTOME_CHAT_LLM: "openai" });
    expect(code).toBe(2);
    // `ask --json` always prints one JSON object, a failure included (issue 15).
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const failure = JSON.parse(stdout) as { status: string; text: string };
    expect(failure.status).toBe("error");
    expect(failure.text).toMatch(/^the LLM planner is misconfigured: CONNECTOME_CHAT_LLM=openai needs OPENAI_API_KEY/);
    expect(stderr).toBe("");
  });

  it("logs nothing and asks nothing without CONNECTOME_CHAT_LLM", async () => {
    const question = "How many 23P neurons does a Martinotti cell contact in expectation?";
    const { code, answer, stderr } = await ask(question, { OPENAI_BASE_URL: `${server.url}/v1`, OPENAI_API_KEY: KEY });
    expect(code).toBe(0);
    expect(answer!.status).toBe("clarify");
    expect(answer!.planner).toEqual({ name: "offline" });
    expect(stderr).toBe("");
    expect(server.requests).toHaveLength(0);
  });
});
