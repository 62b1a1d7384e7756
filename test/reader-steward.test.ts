import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

const type = (t: string) => ({ dim: "cell_type", values: [t] });
const neurons = [{ dim: "class", values: ["neuron"] }];

/**
 * Words of the data steward and the modeller (dev26, dev27): checks of proofreading, typing and degree,
 * said the way they are said. Each had been asked back, or read with a word lost (a wrong number).
 */
describe("a per-cell count of partners of a kind counts only those partners", () => {
  it.each([
    ["What is the median number of distinct postsynaptic neurons per Martinotti cell?", "MC", "median", "out"],
    ["median out-deg MC (neuron tgts only)", "MC", "median", "out"],
    ["avg number of presynaptic neurons per 23P", "23P", "mean", "in"],
  ])("%s", async (q, cells, fn, side) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [type(cells)],
      measure: { fn, of: `${side}_partners` },
      partners: neurons,
    });
  });
  it("partners of any kind are all of them", async () => {
    expect(await planOf("median number of postsynaptic partners per MC")).not.toHaveProperty("partners");
  });
  it.each([
    ["SD in-deg 23P", "stddev", "in_partners"],
    ["avg in-deg 23P", "mean", "in_partners"],
    ["median outdeg MC", "median", "out_partners"],
  ])("%s (a degree, shortened)", async (q, fn, of) => {
    expect(await planOf(q)).toMatchObject({ source: "roots", measure: { fn, of } });
  });
});

describe("proofread on a compartment is that compartment's proofreading, not a flow", () => {
  const axon = { dim: "axon_proofread", is: true };
  const dendrite = { dim: "dendrite_proofread", is: true };
  it.each([
    ["how many roots are proofread on axon and dendrite", [axon, dendrite]],
    ["how many cells are proofread on both the axon and the dendrite", [axon, dendrite]],
    ["how many cells proofread on axon only", [axon, { dim: "dendrite_proofread", is: false }]],
    ["how many cells are proofread on axon or dendrite", [{ dim: "proofread", is: true }]],
    ["how many BCs are proofread on their dendrite", [type("BC"), dendrite]],
  ])("%s", async (q, filter) => {
    expect(await planOf(q)).toMatchObject({ source: "roots", filter, pre: [], post: [] });
  });
});

describe("cells without a cell type, said shortly", () => {
  it.each(["# nuclei w/o cell type", "How many detected nuclei don't have a cell type assigned?"])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "nuclei", filter: [{ dim: "typed", is: false }] });
  });
});

describe("'BC targets' with a place is as open as without one", () => {
  it.each(["# BC targets in V1", "how many BC targets are in V1", "share of BC targets in V1 that are 23P"])(
    "%s",
    async (q) => {
      expect(await planOf(q)).toBe("clarify");
    },
  );
});

describe("the steward's shorthand for fragments, layers by depth and cells counted once", () => {
  it.each([
    ["top 3 no-nucleus roots by input syn", { post: [{ dim: "has_nucleus", is: false }], limit: 3 }],
    ["# syn onto 23P from no-nucleus roots", { pre: [{ dim: "has_nucleus", is: false }], post: [type("23P")] }],
    [
      "How are the coregistered cells distributed across cortical layers, based on their soma depth?",
      { source: "cells", groupBy: [{ dim: "layer" }] },
    ],
    ["coreg'd cells per type (distinct cells, not units)", { source: "cells", groupBy: [{ dim: "cell_type" }] }],
  ])("%s", async (q, plan) => {
    expect(await planOf(q)).toMatchObject(plan);
  });
});

describe("a kind said again with no side is the kind already named on a side", () => {
  it.each(["# conn inh type → 4P, per type", "syn from inhibitory types onto 4P per type"])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "class", values: ["inhibitory"] }],
      post: [type("4P")],
      groupBy: [{ dim: "cell_type", side: "pre" }],
    });
  });
});

describe("'whose presynaptic cell is in V1': a place of the cells on that side", () => {
  it("count the synapses whose presynaptic cell is in V1 and whose postsynaptic cell is in RL", async () => {
    expect(
      await planOf("count the synapses whose presynaptic cell is in V1 and whose postsynaptic cell is in RL"),
    ).toMatchObject({ pre: [{ dim: "area", values: ["V1"] }], post: [{ dim: "area", values: ["RL"] }] });
  });
});
