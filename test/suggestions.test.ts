import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../src/answers/answer.js";
import { ConnectomeChat, DEFAULT_VOCABULARY } from "../src/answers/chat.js";
import { CHOICE_EXPIRED, ChoiceStore } from "../src/answers/choices.js";
import { newConversation, type Conversation } from "../src/answers/conversation.js";
import { shapeOf } from "../src/answers/suggest/shape.js";
import { loadSuggestionTemplates } from "../src/answers/suggest/templates.js";
import type { QueryPlan } from "../src/planning/plan.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { CLI, buildTestStore } from "./support/store.js";
import { gold, loadRawExports } from "./support/raw-tables.js";

/**
 * Next questions and clickable readings in the core and the terminal: every question offered is
 * read by the offline reader as a plan (in the conversation it would be asked in) and, asked, is
 * answered; a choice id that expired or belongs to another conversation is refused plainly.
 */
let chat: ConnectomeChat;
let raw: Database.Database;
let db: string;
let root: string;
let now = 0;
const reader = new OfflineReader(Vocabulary.load(DEFAULT_VOCABULARY));

beforeAll(async () => {
  const store = await buildTestStore({ cells: 1200, seed: 9 });
  db = store.db;
  raw = loadRawExports(store.dir, ["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  root = gold(
    raw,
    "SELECT pre_pt_root_id FROM syn JOIN root_type ON pt_root_id = pre_pt_root_id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
  ) as string;
  const plotDir = mkdtempSync(join(tmpdir(), "cc-suggest-plots-"));
  chat = await ConnectomeChat.open({
    dbPath: db,
    plotDir,
    offers: { choices: { now: () => now, ttlMs: 30 * 60_000 } },
  });
});

afterAll(async () => {
  await chat?.close();
});

/** Asks each offered question in a copy of the conversation it was offered in; all must be plans and answers. */
async function expectAllAnswerable(answer: Answer, conversation: Conversation) {
  expect(answer.suggestions!.length).toBeGreaterThan(0);
  expect(answer.choices!.map((c) => c.question)).toEqual(answer.suggestions);
  for (const choice of answer.choices!) {
    const read = await reader.plan(choice.question, conversation.lastPlan);
    expect(read.type, `"${choice.question}" reads as a plan`).toBe("plan");
    // Each pick is asked with the plan it was checked after (choose restores it), whatever was asked in between.
    const picked = await chat.choose(choice.id, conversation);
    expect(picked.status, `"${choice.question}" is answered`).toBe("answered");
    expect(picked.question).toBe(choice.question);
  }
}

describe("next questions after an answer", () => {
  // (Functions: the root id is known only once the store is built.)
  const cases: [string, () => string, () => RegExp[]][] = [
    [
      "a count of a type",
      () => "How many basket cells are there?",
      () => [/^where are the BC cells\?$/, /^how many synapses do BC cells make\?$/],
    ],
    [
      "a look-up of a root",
      () => `What is the cell type of ${root}?`,
      () => [new RegExp(`^what are the top 5 postsynaptic partners of ${root}\\?$`)],
    ],
    [
      "top partners of a root",
      () => `What are the top 5 postsynaptic partners of ${root}?`,
      () => [new RegExp(`^which cell types does ${root} target\\?$`)],
    ],
    [
      "a type-to-type count",
      () => "How many synapses go from basket cells to 23P cells?",
      () => [/^how many synapses go from 23P cells to BC cells\?$/, /heatmap/],
    ],
    ["a synapse size statistic", () => "What is the median synapse size?", () => [/distribution of synapse sizes/]],
  ];
  for (const [what, question, expected] of cases) {
    it(`after ${what}: two or three, named as people write them, each read as a plan and answered`, async () => {
      const conversation = newConversation();
      const answer = await chat.answer(question(), conversation);
      expect(answer.status).toBe("answered");
      expect(answer.suggestions!.length).toBeGreaterThanOrEqual(2);
      expect(answer.suggestions!.length).toBeLessThanOrEqual(3);
      for (const pattern of expected()) expect(answer.suggestions).toContainEqual(expect.stringMatching(pattern));
      await expectAllAnswerable(answer, conversation);
    });
  }

  it("the reverse of a type-to-type count is the reverse, with the right number", async () => {
    const conversation = newConversation();
    const answer = await chat.answer("How many synapses go from basket cells to 23P cells?", conversation);
    const reverse = answer.choices!.find((c) => /from 23P cells to BC cells/.test(c.question))!;
    const picked = await chat.choose(reverse.id, conversation);
    const n = gold(
      raw,
      "SELECT count(*) FROM syn JOIN root_type a ON pre_pt_root_id = a.pt_root_id JOIN root_type b ON post_pt_root_id = b.pt_root_id WHERE a.cell_type = '23P' AND b.cell_type = 'BC'",
    ) as number;
    expect(picked.text.split("\n")[0]).toContain(`: ${n.toLocaleString("en-US")}.`);
  });

  it("offers nothing where no template fits, and never the question just asked", async () => {
    const answer = await chat.answer("How many neurons have a proofread axon?");
    expect(answer.suggestions).toEqual([]);
    const count = await chat.answer("How many BC cells are there per layer?");
    expect(count.suggestions).not.toContain("how many BC cells are there per layer?");
  });

  it("every shape of data/suggestions.json is one that answered plans have", async () => {
    const questions = [
      "How many basket cells are there?",
      "where are the BC cells?",
      "how many BC cells are there per layer?",
      "How many cells of each cell type are there?",
      `What is the cell type of ${root}?`,
      `What are the top 5 postsynaptic partners of ${root}?`,
      `what are the top 5 inputs of ${root}?`,
      `which cell types does ${root} target?`,
      `which cell types provide input to ${root}?`,
      "How many synapses go from basket cells to 23P cells?",
      "how many synapses do BC cells make?",
      "how many synapses do BC cells receive?",
      "how many synapses do BC cells make onto each cell type?",
      "which cell types provide input to BC cells?",
      "What is the median synapse size?",
    ];
    const shapes = new Set<string>();
    for (const q of questions) {
      const read = await reader.plan(q);
      if (read.type === "plan") shapes.add(shapeOf(read.plan as QueryPlan)?.shape ?? "none");
    }
    expect([...shapes].sort()).toEqual(Object.keys(loadSuggestionTemplates().shapes).sort());
  });
});

describe("readings of a question asked back", () => {
  it("offers each meaning of an ambiguous word as a question that reads, and picking one answers it", async () => {
    const conversation = newConversation();
    const answer = await chat.answer("how many bp cells are there?", conversation);
    expect(answer.status).toBe("clarify");
    expect(answer.suggestions).toEqual(["how many BC cells are there?", "how many BPC cells are there?"]);
    expect(answer.choices!.every((c) => c.kind === "reading")).toBe(true);
    for (const q of answer.suggestions!) expect((await reader.plan(q, conversation.lastPlan)).type).toBe("plan");
    const picked = await chat.choose(answer.choices![1]!.id, conversation);
    const bpc = gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'BPC'") as number;
    expect(picked.text.split("\n")[0]).toBe(`Number of bipolar cells (BPC): ${bpc.toLocaleString("en-US")}.`);
  });

  it("offers the question without the words it could not read, and nothing that would be asked back again", async () => {
    const answer = await chat.answer("how many synapses do BC cells make on rainy days?");
    expect(answer.status).toBe("clarify");
    expect(answer.suggestions).toEqual(["how many synapses do BC cells make?"]);
    const nothing = await chat.answer("what is the flux capacitance of the wobble?");
    expect(nothing.choices ?? []).toEqual([]);
  });
});

describe("choice ids", () => {
  it("refuses an id that expired, one of another conversation and one that was never given, plainly", async () => {
    const conversation = newConversation();
    const answer = await chat.answer("How many basket cells are there?", conversation);
    const id = answer.choices![0]!.id;
    expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const foreign = await chat.choose(id, newConversation());
    expect(foreign).toMatchObject({ status: "refused", text: CHOICE_EXPIRED });
    expect((await chat.choose("AAAAAAAAAAAA", conversation)).text).toBe(CHOICE_EXPIRED);
    expect((await chat.choose({ id } as unknown, conversation)).text).toBe(CHOICE_EXPIRED);
    now += 29 * 60_000;
    expect((await chat.choose(id, conversation)).status).toBe("answered");
    now += 2 * 60_000;
    expect(await chat.choose(id, conversation)).toMatchObject({
      status: "refused",
      text: "That choice has expired; please ask again.",
    });
  });

  it("keeps a bounded number, forgetting the oldest first", () => {
    const store = new ChoiceStore({ max: 2 });
    const c = newConversation();
    const a = store.add("a?", undefined, c);
    const b = store.add("b?", undefined, c);
    const d = store.add("d?", undefined, c);
    expect(store.size).toBe(2);
    expect(store.get(a, c)).toBeUndefined();
    expect(store.get(b, c)?.question).toBe("b?");
    expect(store.get(d, c)?.question).toBe("d?");
  });
});

describe("the terminal", () => {
  it("ask --json always carries suggestions, each read as a plan on its own (the next ask remembers nothing)", async () => {
    const out = JSON.parse(
      execFileSync(process.execPath, [CLI, "ask", "--db", db, "--json", "How many basket cells are there?"], {
        encoding: "utf8",
      }),
    );
    expect(out.suggestions).toEqual(expect.arrayContaining(["where are the BC cells?"]));
    for (const q of out.suggestions as string[]) expect((await reader.plan(q)).type).toBe("plan");
    const none = JSON.parse(
      execFileSync(process.execPath, [CLI, "ask", "--db", db, "--json", "How many neurons have a proofread axon?"], {
        encoding: "utf8",
      }),
    );
    expect(none.suggestions).toEqual([]);
  });

  it("ask prints the commands that ask them", () => {
    const out = execFileSync(process.execPath, [CLI, "ask", "--db", db, "How many basket cells are there?"], {
      encoding: "utf8",
    });
    expect(out).toContain(`Next, you could ask:\n  connectome-chat ask --db ${db} 'where are the BC cells?'`);
  });

  it("chat numbers them, and typing a number asks that one (a reading of a question asked back, then a next question)", () => {
    const input = "how many bp cells are there?\n2\n7\n1\n/quit\n";
    const r = spawnSync(
      process.execPath,
      [CLI, "chat", "--db", db, "--plot-dir", mkdtempSync(join(tmpdir(), "cc-chat-"))],
      { input, encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    const bpc = (gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'BPC'") as number).toLocaleString("en-US");
    expect(r.stdout).toContain(
      "Did you mean (type the number to ask it):\n  1. how many BC cells are there?\n  2. how many BPC cells are there?",
    );
    expect(r.stdout).toContain(`(asking: how many BPC cells are there?)\nNumber of bipolar cells (BPC): ${bpc}.`);
    expect(r.stdout).toContain("Next questions (type the number to ask one):\n  1. where are the BPC cells?");
    expect(r.stdout).toMatch(/Type a number from 1 to 3 to ask one of the questions offered\./);
    expect(r.stdout).toContain("(asking: where are the BPC cells?)");
    expect(r.stdout).toMatch(/bipolar cells \(BPC\), by soma position/);
  });
});
