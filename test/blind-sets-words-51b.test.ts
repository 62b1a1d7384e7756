import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found at stop 51, continued from blind-sets-words-51.test.ts: rankings (rank, sort, "ranked by", "among …,
 * rank by"), cells counted with a pronoun or a participle ("they contact", "synapses received"), ids, possessives.
 */

describe("cells ranked by a measure of their own, said with rank, sort or 'ranked by'", () => {
  const bcRows = { pre: [{ dim: "cell_type", values: ["BC"] }], groupBy: [{ dim: "root_id", side: "pre" }] };
  it.each([
    ["rank BCs by output synapses", { ...bcRows, order: "desc" }],
    // (It had ranked the BCs' targets, by the synapses each gets from BCs.)
    ["list BCs ranked by output synapses", { ...bcRows, order: "desc" }],
    ["BCs sorted by output synapse count", { ...bcRows, order: "desc" }],
    ["sort the MCs by soma depth, ascending", { groupBy: [{ dim: "root_id" }], order: "asc" }],
    ["rank the areas by number of 23P cells", { source: "cells", groupBy: [{ dim: "area" }], order: "desc" }],
  ])("%s", async (q, want) => {
    expect(await planOf(q)).toMatchObject(want);
  });
});

describe("words of the read sets", () => {
  it.each([
    [
      "List the L5 ET neurons (root ids) that have a matched two-photon unit.",
      { filter: [{}, { dim: "coregistered" }] },
    ],
    ["give me the five 4P roots with the highest numbers of input synapses", { order: "desc", limit: 5 }],
    ["which 3 5P-NP cells score highest on gOSI", { measure: { of: "osi" }, order: "desc", limit: 3 }],
  ])("%s", async (q, want) => {
    expect(await planOf(q)).toMatchObject(want);
  });
});

describe("more words of the read sets: ids asked first, split by, one connection on average", () => {
  it("'Root ids, please: the interneurons whose axon is …' lists them", async () => {
    const q = "Root ids, please: the interneurons whose axon is marked proofread in the proofreading table.";
    expect(await planOf(q)).toMatchObject({ source: "roots", measure: { fn: "list" } });
  });

  it("'split … by the cell type of the presynaptic neuron' groups", async () => {
    const q = "Could you split the incoming synapses of 864691135183251314 by the cell type of the presynaptic neuron?";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type", side: "pre" }] });
  });

  it("'a single … connection' with the mean said is the mean per connection; without it, asked back", async () => {
    const q = "On average, how many synapses does a single basket cell to layer 2/3 pyramidal cell connection have?";
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "mean", of: "synapses" } });
    expect(await planOf("how many synapses does a single BC→23P connection have")).toBe("clarify");
  });
});

describe("the cells of each group, said with a possessive", () => {
  it("'what % of each area's neurons are inhibitory' has the neurons as the whole", async () => {
    // (It had counted inhibitory neurons over every cell of each area.)
    expect(await planOf("what % of each area's neurons are inhibitory")).toMatchObject({
      filter: [{ dim: "class", values: ["neuron"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "class", values: ["inhibitory"] }] } },
      groupBy: [{ dim: "area" }],
    });
  });

  it("'average volume of each area's 23P cells'", async () => {
    expect(await planOf("average volume of each area's 23P cells")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["23P"] }],
      groupBy: [{ dim: "area" }],
    });
  });
});

describe("cells counted with the ranked cells as a pronoun subject", () => {
  const bcTo23P = {
    pre: [{ dim: "cell_type", values: ["BC"] }],
    post: [{ dim: "cell_type", values: ["23P"] }],
    measure: { fn: "distinct", side: "post" },
    groupBy: [{ dim: "root_id", side: "pre" }],
  };
  it.each([
    // (Each had been read the other way round: the 23P cells contacting the BCs.)
    ["top 5 BCs by how many 23P cells they contact", bcTo23P],
    ["top 5 BCs by number of 23P cells contacted", bcTo23P],
    ["rank the BCs by how many 23P cells they contact", bcTo23P],
    [
      "top 5 23P cells by how many BCs they receive input from",
      { ...bcTo23P, measure: { fn: "distinct", side: "pre" }, groupBy: [{ dim: "root_id", side: "post" }] },
    ],
    [
      "rank the excitatory neurons by the number of inhibitory inputs they receive",
      { pre: [{ dim: "class", values: ["inhibitory"] }], groupBy: [{ dim: "root_id", side: "post" }] },
    ],
  ])("%s", async (q, want) => {
    expect(await planOf(q)).toMatchObject(want);
  });

  it("'number of 23P cells contacted by BCs' keeps its own subject", async () => {
    expect(await planOf("number of 23P cells contacted by BCs")).toMatchObject({
      pre: [{ dim: "cell_type", values: ["BC"] }],
      measure: { fn: "distinct", side: "post" },
    });
  });
});

describe("a ranking said with more than the cells and the measure is left as read", () => {
  it("'order MCs by depth, shallowest first' stays the shallowest first", async () => {
    expect(await planOf("order MCs by depth, shallowest first")).toMatchObject({ order: "asc" });
  });

  it("sets listed to be ranked are not read as cells ranked", async () => {
    expect(await planOf("rank BC/MC/BPC/NGC by mean output synapses per cell")).toMatchObject({
      measure: { fn: "mean", of: "out_synapses" },
      groupBy: [{ dim: "cell_type" }],
    });
  });
});

describe("the ids of the one ranked first", () => {
  it("'5PNP w max gOSI - id' is the 5P-NP cell with the highest gOSI", async () => {
    expect(await planOf("5PNP w max gOSI - id")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["5P-NP"] }],
      groupBy: [{ dim: "root_id" }],
      limit: 1,
    });
  });
});

describe("cells 'with max' of a quantity are the one ranked first", () => {
  it.each([
    ["BCs with max output synapses", { groupBy: [{ dim: "root_id", side: "pre" }], order: "desc" }],
    ["MC w min soma depth", { groupBy: [{ dim: "root_id" }], order: "asc" }],
  ])("%s", async (q, want) => {
    expect(await planOf(q)).toMatchObject(want);
  });

  it("'with max 5 synapses' is a bound, not a ranking", async () => {
    const plan = await planOf("connections from BC onto 23P with max 5 synapses");
    expect(plan === "clarify" || !(plan as { order?: string }).order).toBe(true);
  });
});

describe("cells said first with 'among', then ranked", () => {
  it("'Among the L2/3 pyramidal cells, rank by the number of BC synapses received, and give the top 4'", async () => {
    const q = "Among the L2/3 pyramidal cells, rank by the number of basket-cell synapses received, and give the top 4";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "cell_type", values: ["BC"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
      groupBy: [{ dim: "root_id", side: "post" }],
      limit: 4,
    });
  });
});

describe("synapses 'received' after their partners' name are inputs", () => {
  it.each([
    "top 4 23P cells by the number of BC synapses received",
    "top 4 23P cells by BC synapses received",
    "top 5 23P cells by the number of BC synapses they receive",
  ])("%s ranks the 23P cells (it had ranked 23P cells as senders onto BCs)", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "cell_type", values: ["BC"] }],
      groupBy: [{ dim: "root_id", side: "post" }],
    });
  });
});

describe("synapses 'made' after their targets' name are outputs onto them", () => {
  it("top 5 BCs by number of 23P synapses made (it had ranked 23P cells as targets of BCs the other way)", async () => {
    expect(await planOf("top 5 BCs by number of 23P synapses made")).toMatchObject({
      pre: [{ dim: "cell_type", values: ["BC"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
      groupBy: [{ dim: "root_id", side: "pre" }],
    });
  });
});
