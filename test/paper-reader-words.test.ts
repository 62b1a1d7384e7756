import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * A claim of a paper reported before the ask (found by the blind set dev48, "the paper reader"): "The cell-type
 * paper says ET cells have the largest nuclei of all (Fig. 2); what is the mean nucleus volume …" had been asked
 * back ("paper says"). The claim describes; it is set aside as context when every name in it is the ask's too,
 * and kept (so asked back) when it names other cells or says "only".
 */
const type = (...t: string[]) => [{ dim: "cell_type", values: t }];

describe("a claim reported before the ask", () => {
  it.each([
    [
      "The cell-type paper says ET cells have the largest nuclei of all (Fig. 2); what is the mean nucleus volume, " +
        "in µm³, of the 5P-ET cells in each visual area (V1, RL, AL, LM)?",
      { source: "cells", filter: type("5P-ET"), measure: { fn: "mean", of: "volume" }, groupBy: [{ dim: "area" }] },
    ],
    [
      "The paper claims Martinotti cells make bigger synapses onto L2/3 pyramidal cells than basket cells do " +
        "(Fig. 4c); what are the mean synapse sizes of MC→23P vs BC→23P synapses?",
      { source: "synapses", pre: type("MC", "BC"), post: type("23P"), measure: { fn: "mean", of: "size" } },
    ],
    [
      "The functional paper reports orientation selectivity to be similar across areas (Fig. 2c); what is the mean " +
        "gOSI of the coregistered neurons in each visual area?",
      { source: "cells", measure: { fn: "mean", of: "osi" }, groupBy: [{ dim: "area" }] },
    ],
  ])("%s: the ask, the claim as context", async (q, plan) => {
    expect(await planOf(q)).toMatchObject(plan);
  });

  it.each([
    "The paper says proofread MCs make more synapses; how many synapses do MCs make onto 23P?",
    "The paper says only V1 cells were used; what is the mean nucleus volume of 5P-ET cells?",
    "The preprint shows that MCs with more than 500 outputs are rare; how many MCs are there?",
  ])("%s: a claim that may restrict the ask is asked back", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("a value and its kind said after it", () => {
  it.each([
    ["what percentage of BC cells have PTC as their m-type?", "fraction"],
    ["how many BCs have PTC as their m-type", "count"],
  ])("%s: the PTC m-type, not a grouping by m-type", async (q, fn) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ source: "cells", measure: { fn }, groupBy: [] });
    expect(JSON.stringify(plan)).toContain('"PTC"');
  });
});
