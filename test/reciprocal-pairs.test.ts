import { describe, expect, it } from "vitest";
import { DEFAULT_VOCABULARY } from "../src/answers/chat.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { gold } from "./support/raw-tables.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * Reciprocal connections (dev21): connected pairs also connected the other way, counted once each. Checked
 * against plain SQL over the raw synapse export, as the shared scorer checks answers.
 */
const reader = new OfflineReader(Vocabulary.load(DEFAULT_VOCABULARY));
const pairsSql = (a: string, b: string) =>
  `WITH c AS (SELECT DISTINCT pre_pt_root_id p, post_pt_root_id q FROM syn)
   SELECT count(*) FROM c x JOIN c y ON y.p = x.q AND y.q = x.p
   JOIN root_type s ON s.pt_root_id = x.p JOIN root_type t ON t.pt_root_id = x.q
   WHERE s.cell_type = '${a}' AND t.cell_type = '${b}'${a === b ? " AND x.p < x.q" : ""}`;

describe("reciprocally connected pairs", () => {
  const store = useChatOnRaw(["synapses_pni_2", "aibs_metamodel_celltypes_v661"]);

  it.each([
    ["# reciprocal 23P<->BC pairs", "23P", "BC"],
    ["how many reciprocal connections between BC and 23P", "BC", "23P"],
    ["How many L2/3 pyramidal cell / basket cell pairs are reciprocally connected?", "23P", "BC"],
    ["how many reciprocally connected 23P pairs", "23P", "23P"],
    ["number of bidirectionally connected pairs of 23P cells", "23P", "23P"],
  ])("%s", async (q, a, b) => {
    const expected = Number(gold(store.raw, pairsSql(a, b)));
    expect(expected).toBeGreaterThan(0);
    const answer = await store.chat.answer(q);
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.table?.rows[0]?.[0], answer.text).toBe(expected);
    if (a === b) expect(answer.text).toContain("each pair once");
  });

  it("asks back what it cannot say of them, never dropping the word", async () => {
    for (const q of [
      "mean synapse size of reciprocal 23P pairs",
      "how many reciprocal 23P-BC pairs are there during locomotion",
      "which BC has the most reciprocal partners",
    ])
      expect((await reader.plan(q)).type, q).toBe("clarify");
  });

  it.each([
    ["what % of MC->23P connections are reciprocated", "MC", "23P"],
    ["fraction of 23P->23P conns that are reciprocal", "23P", "23P"],
  ])("%s: the share of connections also connected the other way", async (q, a, b) => {
    const connections = `SELECT count(*) FROM (SELECT DISTINCT pre_pt_root_id p, post_pt_root_id q FROM syn) x
      JOIN root_type s ON s.pt_root_id = x.p JOIN root_type t ON t.pt_root_id = x.q
      WHERE s.cell_type = '${a}' AND t.cell_type = '${b}'`;
    const reciprocated = Number(gold(store.raw, pairsSql(a, b))) * (a === b ? 2 : 1);
    const expected = reciprocated / Number(gold(store.raw, connections));
    expect(expected).toBeGreaterThan(0);
    const answer = await store.chat.answer(q);
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.text).toContain(`${(100 * expected).toFixed(1)}%`);
  });

  it("asks back a share of reciprocated connections with a restriction it cannot place", async () => {
    expect((await reader.plan("% of BC->23P conns reciprocated on apical dendrites")).type).toBe("clarify");
  });
});

describe("reciprocal pairs said in a hurry", () => {
  it.each([
    "How many pairs of layer 2/3 pyramidal cells are reciprocaly connected, i.e. each one synapses onto the other?",
    "sorry if it's been asked already — among 23P cells, how many pairs are wired both ways (A→B and B→A)?",
  ])("%s", async (q) => {
    const plan = await reader.plan(q);
    expect(plan.type === "plan" && plan.plan).toMatchObject({
      source: "connections",
      filter: [{ dim: "reciprocal", is: true }],
      measure: { fn: "count" },
    });
  });

  it("holds 'each one synapses onto the other' to the plan", async () => {
    expect((await reader.plan("how many 23P->BC connections, i.e. each one synapses onto the other?")).type).toBe(
      "clarify",
    );
  });
});
