import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * "avg output syn per cell: axon_fully_extended vs axon_partially_extended": the cells of the proofreading table are
 * its roots (as "how many cells have a proofread axon" counts them), not only those with a cell-type row. The mean
 * had left out the proofread roots without a type, a number that looked right.
 */
describe("per cell, of a table of roots", () => {
  const store = useChatOnRaw(["proofreading_status_and_strategy", "synapses_pni_2", "aibs_metamodel_celltypes_v661"]);

  it.each([
    "avg output syn per cell: axon_fully_extended vs axon_partially_extended",
    "mean output synapses per cell with a proofread axon",
  ])("%s: the table's roots, typed or not", async (q) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ source: "roots" });
    expect(JSON.stringify(plan)).not.toMatch(/"typed"/);
  });

  it("still counts typed cells per cell where no such table is named", async () => {
    expect(JSON.stringify(await planOf("mean output synapses per cell"))).toMatch(/"typed"/);
  });

  it("gives the mean over every root with a proofread axon", async () => {
    const answer = await store.chat.answer("mean output synapses per cell with a proofread axon");
    expect(answer.status, answer.text).toBe("answered");
    const rows = store.raw
      .prepare(
        "SELECT avg(n) m, sum(typed) t, count(*) c FROM (SELECT p.pt_root_id, " +
          "(SELECT count(*) FROM syn WHERE pre_pt_root_id = p.pt_root_id) n, " +
          "EXISTS (SELECT 1 FROM ct WHERE ct.pt_root_id = p.pt_root_id) typed FROM " +
          "(SELECT DISTINCT pt_root_id FROM proof WHERE status_axon = 't') p)",
      )
      .get() as { m: number; t: number; c: number };
    expect(rows.t).toBeLessThan(rows.c); // (some proofread roots have no cell-type row, so the reading shows)
    expect(Number(answer.table!.rows[0]![0])).toBeCloseTo(rows.m, 6);
  });
});

describe("a number per cell, grouped", () => {
  it.each([
    "number of synapses received per L2/3 pyramidal cell in each area",
    "synapses received per 23P cell in each area",
  ])("%s: asked back (each cell's mean, or the total per area), never the total alone", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("reads the mean per cell in each area when the mean is said", async () => {
    expect(await planOf("mean number of synapses received per 23P cell in each area")).toMatchObject({
      source: "roots",
      measure: { fn: "mean", of: "in_synapses" },
      groupBy: [{ dim: "area" }],
    });
  });
});
