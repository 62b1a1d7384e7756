import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectomeChat, DEFAULT_VOCABULARY } from "../src/answers/chat.js";
import { PROJECT_ROOT } from "../src/project-root.js";
import { QueryPlan } from "../src/planning/plan.js";
import { planTypes } from "../src/planning/llm/confidence.js";
import { EXAMPLES_FILE, ExampleIndex, loadExamples, type Example } from "../src/planning/llm/examples.js";
import { checkModelSql } from "../src/planning/llm/sql-check.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { buildTestStore } from "./support/store.js";

/**
 * prompts/examples.jsonl is part of the program: every solved example the model is shown must be a
 * plan this program accepts, names only real vocabulary values, and runs on a store.
 */
const examples = loadExamples();
const vocabulary = Vocabulary.load(DEFAULT_VOCABULARY);
let chat: ConnectomeChat;
let current: Example["plan"];

beforeAll(async () => {
  const { db } = await buildTestStore({ cells: 600, seed: 5 });
  chat = await ConnectomeChat.open({ dbPath: db, plotDir: mkdtempSync(join(tmpdir(), "cc-examples-plots-")), workers: 1, planner: () => ({ name: "example", plan: async () => ({ type: "plan", plan: current, confidence: 1 }) }) });
});
afterAll(async () => chat?.close());

describe("prompts/examples.jsonl", () => {
  it("holds enough examples, one per line, each a valid QueryPlan as written", () => {
    const lines = readFileSync(EXAMPLES_FILE, "utf8").split("\n").filter((l) => l.trim());
    expect(lines.length).toBe(examples.length);
    expect(examples.length).toBeGreaterThanOrEqual(30);
    for (const line of lines) {
      const { plan } = JSON.parse(line) as { plan: unknown };
      expect(QueryPlan.safeParse(plan).success, line).toBe(true);
    }
    // Every plan kind is shown at least once.
    expect(new Set(examples.map((e) => e.plan.kind))).toEqual(new Set(["cells", "synapses", "lookup", "pair", "proofreading", "coregistration", "distribution", "positions", "sql"]));
  });

  it("names only vocabulary values, and says how it read the names it uses", () => {
    const values = new Set([...vocabulary.file.cellTypes, ...vocabulary.file.mtypes].map((e) => e.value));
    for (const e of examples) {
      const { cellTypes, mtypes } = planTypes(e.plan);
      for (const v of [...cellTypes, ...mtypes]) expect(values.has(v), `${e.question}: ${v}`).toBe(true);
      for (const reading of e.names ?? []) {
        expect(e.question, e.question).toContain(reading.text);
        for (const v of reading.values) expect(cellTypes.includes(v) || mtypes.includes(v) || (e.plan.kind === "sql" && e.plan.sql.includes(`'${v}'`)), `${e.question}: ${v}`).toBe(true);
      }
    }
  });

  it("proposes only SQL that passes the gate, with the depth formula of data/cortex_geometry.json", () => {
    const geometry = JSON.parse(readFileSync(join(PROJECT_ROOT, "data/cortex_geometry.json"), "utf8")) as { pia_y_um: number; voxel_resolution_nm: number[] };
    const sqlExamples = examples.flatMap((e) => (e.plan.kind === "sql" ? [e.plan] : []));
    expect(sqlExamples.length).toBeGreaterThanOrEqual(5);
    for (const plan of sqlExamples) {
      expect(() => checkModelSql(plan.sql), plan.sql).not.toThrow();
      expect(plan.explanation, plan.sql).not.toBe("");
      if (plan.sql.includes("pt_position_y")) expect(plan.sql).toContain(`pt_position_y * ${geometry.voxel_resolution_nm[1]} / 1000.0 - ${geometry.pia_y_um}`);
    }
  });

  it("compiles and runs every example on a store (ids made up for the examples are said to be missing)", async () => {
    for (const e of examples) {
      current = e.plan;
      const answer = await chat.answer(e.question);
      if (answer.status === "clarify") expect(answer.text, e.question).toMatch(/is not in this data/);
      else expect(answer.status, `${e.question}: ${answer.text}`).toBe("answered");
    }
  });

  it("retrieves the most similar examples from the sqlite-vec index", async () => {
    const index = new ExampleIndex(examples);
    expect((await index.nearest("How many L5 pyramidal neurons?", 3))[0]!.question).toBe("How many L5 pyramidal cells are in the dataset?");
    expect((await index.nearest("what's the mean number of synapses per basket cell", 3)).map((e) => e.question)).toContain("What is the average number of output synapses per basket cell?");
    expect(await index.nearest("anything", 0)).toEqual([]);
    expect(await index.nearest("How many cells?", 100)).toHaveLength(examples.length);
  });
});
