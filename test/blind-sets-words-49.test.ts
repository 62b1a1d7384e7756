import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found at stop 49: wrong answers that looked right, found beside the blind sets, and the words of the
 * blind sets dev81 to dev84.
 */

describe("cells said first, then '% of all' a whole (a share the other way round had been 100%)", () => {
  it.each([
    "coreg cells by area, % of all coreg pls",
    "coreg cells by area (% of all coreg)",
    "coreg cells by area; % of total coreg",
    "coreg cells by area (% of all coreg cells)",
  ])("each area's share of the same cells: %s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "coregistered", is: true }],
      measure: { fn: "fraction", across: true },
      groupBy: [{ dim: "area" }],
    });
  });

  it("a kind of the whole: BCs per layer as a share of each layer's inhibitory cells", async () => {
    expect(await planOf("BCs by layer (% of all inhibitory cells)")).toMatchObject({
      filter: [{ dim: "class", values: ["inhibitory"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "cell_type", values: ["BC"] }] } },
      groupBy: [{ dim: "layer" }],
    });
  });

  it("a place said of the part only is asked back (of all neurons, or of those there?)", async () => {
    expect(await planOf("23P cells in V1 (% of all neurons)")).toBe("clarify");
  });

  it("the whole said first still is the whole", async () => {
    expect(await planOf("of all the 23Ps, what percentage sit in LM?")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "area", values: ["LM"] }] } },
    });
  });
});

describe("a place in an order said with a verb of ranking", () => {
  it.each([
    ["which type comes second by number of cells", 2],
    ["which area is third by BC count", 3],
    ["which cell type ranks second in cell count", 2],
    ["which area is in third place for BC count", 3],
  ])("%s", async (q, rank) => {
    expect(await planOf(q)).toMatchObject({ order: "desc", limit: 1, rank });
  });

  it("ranks first is the top one", async () => {
    const plan = await planOf("which area ranks first in number of BCs");
    expect(plan).toMatchObject({ order: "desc", limit: 1, groupBy: [{ dim: "area" }] });
    expect(plan).not.toHaveProperty("rank");
  });
});

describe("a lone 'which' after a ranking of cells asks for one of them", () => {
  it.each([
    "Ranking the layer 4 pyramidal cells by how many synapses they receive, which root id comes in third place?",
    "ranking the 4P cells by synapses they receive, which root id is the highest?",
  ])("the cells ranked are the receivers: %s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      post: [{ dim: "cell_type", values: ["4P"] }],
      groupBy: [{ dim: "root_id", side: "post" }],
      limit: 1,
    });
  });

  it("count the inputs of every 23P: which has the most? is one cell", async () => {
    expect(await planOf("count the input synapses of every 23P: which has the most?")).toMatchObject({
      groupBy: [{ dim: "root_id", side: "post" }],
      order: "desc",
      limit: 1,
    });
  });
});

describe("a share of named cells by their root's proofreading counts cell-type rows (a cell is a row)", () => {
  it.each(["proofread % of neurons, by area", "What percentage of 23P cells have a proofread axon?"])(
    "%s",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ source: "cells", measure: { fn: "fraction" } });
    },
  );

  it("the proofreading table's own roots stay roots", async () => {
    expect(await planOf("what fraction of proofread neurons are excitatory?")).toMatchObject({ source: "roots" });
  });
});
