import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found by the blind sets dev54 to dev61 at stop 44 (first part; the second is blind-sets-words-44b.test.ts).
 * Most were answers that looked right: a side said before its cells ("whose presyn is a BC") put on the other side,
 * "a cell" after "from" read as an average per cell, a list ending in "or" compared value by value, "V1's 23P cells"
 * split between a share's whole and its part, a strategy's value grouped by the other strategy, "how many X, how many
 * Y, and how many Z" with X and Y pooled, "(also those from fragments)" read as only fragments.
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];
const ROOT = "864691135230539449";

describe("a side said before the cells on it", () => {
  it.each([
    ["% of syn whose presyn is a no-nucleus fragment", "pre", [{ dim: "has_nucleus", is: false }]],
    ["% of synapses whose presyn is a BC", "pre", type("BC")],
    ["% of syn whose postsyn is a BC", "post", type("BC")],
    [
      "What percent of all synapses have a presynaptic partner that's a fragment without a nucleus?",
      "pre",
      [{ dim: "has_nucleus", is: false }],
    ],
  ])("%s", async (q, side, part) => {
    expect(await planOf(q)).toMatchObject({ pre: [], post: [], measure: { fn: "fraction", part: { [side]: part } } });
  });

  it("'where the presynaptic cell is a BC and the postsynaptic cell is a 23P'", async () => {
    const q = "synapses where the presynaptic cell is a BC and the postsynaptic cell is a 23P";
    expect(await planOf(q)).toMatchObject({ pre: type("BC"), post: type("23P"), measure: { fn: "count" } });
  });
});

describe("cells named one at a time", () => {
  it("'from a cell with a proofread axon onto a cell with a proofread dendrite' counts synapses", async () => {
    const q = "How many synapses go from a cell with a proofread axon onto a cell with a proofread dendrite?";
    expect(await planOf(q)).toMatchObject({
      source: "synapses",
      pre: [{ dim: "axon_proofread", is: true }],
      post: [{ dim: "dendrite_proofread", is: true }],
      measure: { fn: "count" },
    });
  });

  it("'how many synapses does a cell get from BCs on average' is still a mean per cell", async () => {
    expect(await planOf("how many synapses does a cell get from BCs on average")).toMatchObject({
      measure: { fn: "mean" },
    });
  });
});

describe("lists and places said of a share's cells", () => {
  it("'in V1, RL, AL and LM' is still one row each", async () => {
    expect(await planOf("synapses from BC onto 23P in V1, RL, AL and LM")).toMatchObject({
      groupBy: [{ dim: "area", side: "post" }],
    });
  });

  it("'onto V1's layer 2/3 pyramidal cells': both are the share's whole", async () => {
    const q =
      "What percentage of all input synapses onto V1's layer 2/3 pyramidal cells come from neurons located in " +
      "a higher visual area (RL, AL or LM)?";
    expect(await planOf(q)).toMatchObject({
      pre: [],
      post: [{ dim: "area", values: ["V1"] }, ...type("23P")],
      measure: { fn: "fraction", part: { pre: [{ dim: "class" }, { dim: "area", values: ["RL", "AL", "LM"] }] } },
    });
  });

  it.each([
    "from all the input synapses of the 4P cells (also those from fragments), which percent comes from inh neurons?",
    "from all the input synapses of the 4P cells (also the ones coming from fragments without soma), which " +
      "percent comes from inhibitory neurons?",
  ])("%s: fragments are in the whole, not the whole", async (q) => {
    expect(await planOf(q)).toMatchObject({ pre: [], post: type("4P"), measure: { fn: "fraction" } });
  });
});

describe("where the sending cells' somata are, in a share (dev60)", () => {
  it.each([
    "% of 23P inputs from neurons with somata in L4",
    "% of all 23P input syn from neurons with L4 somata",
    "% of all 23P input syn from L4-soma neurons",
  ])("%s: the layer is the presynaptic cells'", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [],
      post: type("23P"),
      measure: { fn: "fraction", part: { pre: expect.arrayContaining([{ dim: "layer", values: ["L4"] }]) } },
    });
  });

  it("'% syn onto MC w/ size > 5000': the size is the synapses'", async () => {
    expect(await planOf("% syn onto MC w/ size > 5000")).toMatchObject({
      post: type("MC"),
      measure: { fn: "fraction", part: { filter: [{ dim: "size", min: 5000 }] } },
    });
  });
});

describe("distinct partners, said again after the question (dev56, dev58)", () => {
  const R = "864691135712289818";
  const outs = { pre: [{ dim: "root_id", values: [R] }], measure: { fn: "distinct", side: "post" } };
  it.each([
    `How many different postsynaptic partners does ${R} have? Distinct partner root ids, not the synapse count.`,
    `how many different downstream partners does ${R} synapse onto? partners not syn`,
    `${R}: number of distinct partners it synapses onto?`,
    `number of distinct partners ${R} synapses onto?`,
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject(outs);
  });

  it("a claim of partners on a count of synapses is asked back", async () => {
    const q = `How many synapses does ${R} make? Distinct partner root ids, not the synapse count.`;
    expect(await planOf(q)).toBe("clarify");
  });

  it("'(all presyn partners)' says which inputs count, not that partners are counted", async () => {
    expect(await planOf("per 5P-IT neuron, mean count of incoming syn (all presyn partners)?")).toMatchObject({
      measure: { fn: "mean", of: "in_synapses" },
    });
  });

  it("'which of the cells that 8646… synapses onto are coregistered': the targets are", async () => {
    expect(await planOf(`Which of the cells that ${R} synapses onto are coregistered?`)).toMatchObject({
      pre: [{ dim: "root_id", values: [R] }],
      post: [{ dim: "coregistered", is: true }],
    });
  });
});

describe("a share of possible pairs that are connected is a connection probability (dev54)", () => {
  const flow = (pre: object[], post: object[]) => ({
    source: "connections",
    pre,
    post,
    measure: { fn: "probability" },
  });
  const neuronsIn = (layer: string) => [
    { dim: "layer", values: [layer] },
    { dim: "class", values: ["neuron"] },
  ];
  it("'what percentage of ordered pairs from L4 neurons to L2/3 neurons are connected'", async () => {
    const q = "what percentage of ordered pairs from L4 neurons to L2/3 neurons are connected?";
    expect(await planOf(q)).toMatchObject(flow(neuronsIn("L4"), neuronsIn("L2/3")));
  });

  it.each([
    "what percentage of possible pairs from 23P to BC are connected?",
    "what % of all 23P→BC pairs are connected?",
    "of all possible pairs with a 23P cell presynaptic and a BC postsynaptic, what percentage are actually connected?",
    "what % of all ordered (23P, BC) pairs have at least one synapse from the 23P to the BC",
    "with BC as targets and 23P as sources, what's the connection probability?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject(flow(type("23P"), type("BC")));
  });
});

describe("a share of pairs connected both ways is not a connection probability", () => {
  it.each([
    "what % of possible 23P→BC pairs are connected in both directions?",
    "what % of all possible 23P → BC pairs are actually connected to each other?",
  ])("%s: asked back", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("fragments left out, with no side said", () => {
  const R = "864691135183251314";
  it.each([
    `top 3 targets of ${R} by # syn, excluding fragments`,
    `What are the top 5 targets of ${R} by synapse count, counting only cells with a nucleus (no orphan fragments)?`,
  ])("%s: the partners have a nucleus", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "root_id", values: [R] }],
      post: [{ dim: "has_nucleus", is: true }],
      groupBy: [{ dim: "root_id", side: "post" }],
    });
  });

  it("'synapses onto 8646…, excluding fragments': the presynaptic side", async () => {
    expect(await planOf(`how many synapses onto ${R}, excluding fragments`)).toMatchObject({
      pre: [{ dim: "has_nucleus", is: true }],
      post: [{ dim: "root_id", values: [R] }],
    });
  });
});

describe("'Among the X, the top 5 by …'", () => {
  it.each([
    ["Among the BCs, the top 5 by output synapses", "pre", type("BC")],
    ["Of the 23P cells in V1: top 3 by input synapses", "post", [...type("23P"), { dim: "area", values: ["V1"] }]],
    [
      "Among the axon-proofread cells, rank by number of output synapses and give me the top five.",
      "pre",
      [{ dim: "axon_proofread", is: true }],
    ],
  ])("%s: the cells said first are ranked", async (q, side, cells) => {
    expect(await planOf(q)).toMatchObject({ [side]: cells, groupBy: [{ dim: "root_id", side }] });
  });

  it.each([
    ["In V1, of the bipolar (VIP) interneurons, give me the three closest to the pia.", "asc", 3],
    ["Of the MCs, the 2 with the largest nuclei", "desc", 2],
  ])("%s", async (q, order, limit) => {
    expect(await planOf(q)).toMatchObject({ source: "cells", groupBy: [{ dim: "root_id" }], order, limit });
  });
});

describe("a share of connections (dev59)", () => {
  it.each([
    [
      "Of the connections onto basket cells, what percentage come from a presynaptic cell with a proofread axon?",
      type("BC"),
    ],
    ["What percentage of all connections have a presynaptic cell whose axon is proofread?", []],
    ["% conn w/ proofread-axon presyn", []],
  ])("%s: connected pairs, not synapses", async (q, post) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      post,
      measure: { fn: "fraction", part: { pre: [{ dim: "axon_proofread", is: true }] } },
    });
  });
});

describe("proofreading strategies", () => {
  it("a dendrite strategy's value is not grouped by the axon strategy", async () => {
    const q =
      "How many proofread cells in each visual area had their dendrites proofread with the dendrite_clean strategy?";
    expect(await planOf(q)).toMatchObject({
      filter: expect.arrayContaining([{ dim: "dendrite_strategy", values: ["dendrite_clean"] }]),
      groupBy: [{ dim: "area" }],
    });
  });

  it("'how many X, how many Y, and how many Z': three sets", async () => {
    const q =
      "Of the L2/3 pyramidal cells in the proofreading table, how many had their axon fully extended, how many " +
      "partially extended, and how many have no axon proofreading (strategy none)?";
    const plan = await planOf(q);
    expect(plan).toMatchObject({ measure: { fn: "count" } });
    expect((plan as { compare: unknown[] }).compare).toHaveLength(3);
  });
});
