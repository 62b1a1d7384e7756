import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectomeChat } from "../src/answers/chat.js";
import { loadNotInTables, notInTablesMessage } from "../src/answers/not-in-tables.js";
import type { PlannerResult } from "../src/planning/plan.js";
import { buildTestStore } from "./support/store.js";

/*
 * Data the store does not hold is named plainly, with where it lives, instead of a generic
 * question back or an off-topic refusal; writes, instructions and real off-topic questions are
 * refused as before.
 */
describe("what is not in the tables", () => {
  it("names the calcium traces, spikes, running, pupil and stimuli, and where they are", () => {
    expect(notInTablesMessage("show me the calcium traces of 23P cells", ["calcium traces"])).toMatch(
      /no calcium traces.*DANDI.*000402/,
    );
    expect(notInTablesMessage("spike trains of basket cells", ["spike trains"])).toMatch(/no spike trains/);
    expect(notInTablesMessage("what was the running speed of the mouse")).toMatch(
      /^Running speed is not in the store.*nda\.Treadmill/,
    );
    expect(notInTablesMessage("plot the pupil diameter", ["pupil diameter"])).toMatch(/nda\.ManualPupil/);
    expect(notInTablesMessage("what stimulus frames were shown")).toMatch(/stimuli .* are not in the store/);
  });

  it("does not take another meaning of a word for the dataset", () => {
    expect(notInTablesMessage("recommend a good movie")).toBeUndefined();
    expect(notInTablesMessage("what movies did the mouse watch")).toMatch(/stimuli/);
    expect(notInTablesMessage("how many 23P cells are pruning", ["pruning"])).toBeUndefined();
    // Asked back over another word: the stimulus is not why.
    expect(notInTablesMessage("preferred stimulus of the frobnicated cells", ["frobnicated"])).toBeUndefined();
  });

  it("keeps every sentence saying what the store holds instead or where the data is", () => {
    for (const t of loadNotInTables().topics) expect(t.text, t.topic).toMatch(/store|tables/);
  });
});

describe("the chat's answer about missing data", () => {
  let chat: ConnectomeChat;
  let next: PlannerResult;
  beforeAll(async () => {
    const { db } = await buildTestStore({ cells: 300, seed: 3 });
    chat = await ConnectomeChat.open({
      dbPath: db,
      workers: 1,
      planner: () => ({ name: "stand-in", plan: async () => next }),
    });
  }, 120_000);
  afterAll(async () => chat?.close());

  it("replaces 'I did not understand' by the plain sentence, still asking back", async () => {
    next = {
      type: "clarify",
      message: 'I did not understand "calcium traces".',
      suggestions: [],
      reading: { used: ["cells"], unaccounted: ["calcium traces"] },
    };
    const a = await chat.answer("calcium traces of 23P cells");
    expect(a.status).toBe("clarify");
    expect(a.text).toMatch(/^The store holds no calcium traces/);
  });

  it("replaces an off-topic refusal about the mouse's running, still refusing", async () => {
    next = {
      type: "refuse",
      reason:
        "That is outside the connectome data I can answer from (MICrONS cells, synapses, cell types, proofreading and coregistration).",
    };
    const a = await chat.answer("what was the running speed of the mouse");
    expect(a.status).toBe("refused");
    expect(a.text).toMatch(/^Running speed is not in the store/);
  });

  it("leaves a refusal to change the data as it was", async () => {
    next = { type: "refuse", reason: "I can't change the data." };
    const a = await chat.answer("delete the calcium traces");
    expect(a.text).toBe("I can't change the data.");
  });
});
