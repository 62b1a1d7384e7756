import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectomeChat } from "../src/answers/chat.js";
import { buildTestStore } from "./support/store.js";
import { gold, loadRawExports } from "./support/raw-tables.js";

const SLOW =
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT count(*) FROM n";

let chat: ConnectomeChat;
let raw: Database.Database;

beforeAll(async () => {
  const store = await buildTestStore({ cells: 1200, seed: 5 });
  raw = loadRawExports(store.dir, ["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  // A planner that reads one question into a deliberately slow query and leaves the rest to the offline planner.
  chat = await ConnectomeChat.open({
    dbPath: store.db,
    timeoutMs: 500,
    planner: (offline) => ({
      name: "test",
      plan: async (q, last) =>
        q === "slow question"
          ? { type: "plan", plan: { kind: "sql", sql: SLOW, explanation: "" }, confidence: 1 }
          : offline.plan(q, last),
    }),
  });
});

afterAll(async () => {
  await chat.close();
});

describe("answering under load", () => {
  it("stops a question past its time limit and reports it plainly, while another question is answered meanwhile", async () => {
    const started = performance.now();
    const slow = chat.answer("slow question").then((a) => ({ answer: a, at: performance.now() - started }));
    const fast = await chat.answer("How many basket cells are there?");
    const fastAt = performance.now() - started;
    const { answer, at } = await slow;

    expect(fast.status).toBe("answered");
    expect(fast.table!.rows[0]![0]).toBe(gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'BC'"));
    expect(fastAt).toBeLessThan(at);
    expect(answer.status).toBe("error");
    expect(answer.text).toMatch(/took longer than 0\.5 s and was stopped/);
    expect(at).toBeLessThan(3000);
  });

  it("keeps the conversations of two threads apart", async () => {
    const a = chat.newConversation();
    const b = chat.newConversation();
    await chat.answer("How many synapses go from basket cells to 23P cells?", a);
    await chat.answer("How many cells of each cell type are there?", b);
    const followUp = await chat.answer("and onto 4P?", a);
    expect(followUp.status).toBe("answered");
    expect(followUp.table!.rows[0]![0]).toBe(
      gold(
        raw,
        "SELECT count(*) FROM syn JOIN root_type a ON pre_pt_root_id = a.pt_root_id JOIN root_type b ON post_pt_root_id = b.pt_root_id WHERE a.cell_type = 'BC' AND b.cell_type = '4P'",
      ),
    );
    const sqlOfB = await chat.answer("show the SQL", b);
    expect(sqlOfB.text).toMatch(/cell_type/);
    expect(sqlOfB.text).not.toMatch(/connectivity/);
  });

  it("answers what the store holds from its import log, exact row counts included", async () => {
    for (const question of ["What tables are loaded?", "which materialization version is this data?"]) {
      const answer = await chat.answer(question);
      expect(answer.status).toBe("answered");
      expect(answer.text).toMatch(/^This store holds \d+ CAVE tables, materialization version/);
      const synapses = answer.table!.rows.find((r) => r[0] === "synapses_pni_2")!;
      expect(synapses[1]).toBe(gold(raw, "SELECT count(*) FROM syn"));
    }
  });

  it("answers 'help' with example questions", async () => {
    const help = await chat.answer("help");
    expect(help.status).toBe("answered");
    expect(help.text).toMatch(/How many basket cells are there\?/);
  });

  it("asks back for an empty question instead of failing", async () => {
    expect((await chat.answer("   ")).status).toBe("clarify");
  });
});
