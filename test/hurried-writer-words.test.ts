import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * A hurried writer in a second language (dev38): misspellings the corrector by edit distance leaves alone
 * (data/misspellings.json), "8646…: his top 5 partners", "…, which are they" said last. Each had been asked back.
 */
describe("misspellings read as the word meant", () => {
  it.each([
    ["cells with proofred axon - count per cell tipe plz", { groupBy: [{ dim: "cell_type" }] }],
    ["in V1, coregistred 23P cells - how many we hav", { measure: { fn: "count" } }],
    ["layer 5 only: count of inhibitry cells, splitted by cell type", { groupBy: [{ dim: "cell_type" }] }],
    ["for 23P cells the soma depth distribusion, as histogramm plot pls", { chart: "histogram" }],
    ["how much distal-targetting cells (the DTC m-type) are ther in V1", { filter: [{ dim: "mtype" }, {}] }],
  ])("%s", async (q, plan) => {
    expect(await planOf(q)).toMatchObject(plan);
  });

  it("still asks back a misspelling it cannot place", async () => {
    expect(await planOf("how many 23P cells in V1 with a myelinatd axon")).toBe("clarify");
  });
});

describe("a root said first, then its partners", () => {
  it.each([
    "864691135118462719: its top 5 downstream partners sorted by synapse count",
    "864691135118462719: his top 5 downstrem partners sorted by synapse cout, wich are they",
  ])("%s: the root's top 5 targets", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "root_id", values: ["864691135118462719"] }],
      groupBy: [{ dim: "root_id", side: "post" }],
      limit: 5,
    });
  });
});
