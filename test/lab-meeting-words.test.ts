import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/** Words of the blind set dev46 ("the lab meeting") that had been asked back. */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];
const layer = (l: string) => ({ dim: "layer", values: [l] });
const eiCells = {
  fn: "ratio",
  numerator: { filter: [{ dim: "class", values: ["excitatory"] }] },
  denominator: { filter: [{ dim: "class", values: ["inhibitory"] }] },
};

describe("two things compared, as a meeting says it", () => {
  it.each([
    "We're looking at L4 only. How many basket cells and how many Martinotti cells are there?",
    "How many BCs and how many MCs are there in L4?",
  ])("%s: one count each, in L4", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "cells",
      filter: [layer("L4"), { dim: "cell_type", values: ["BC", "MC"] }],
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it("'…, and how does that compare with RL?' is the same share in V1 and in RL", async () => {
    expect(
      await planOf("What percentage of the neurons in V1 are coregistered, and how does that compare with RL?"),
    ).toMatchObject({
      filter: [
        { dim: "class", values: ["neuron"] },
        { dim: "area", values: ["V1", "RL"] },
      ],
      measure: { fn: "fraction", part: { filter: [{ dim: "coregistered", is: true }] } },
      groupBy: [{ dim: "area" }],
    });
  });

  it("'in each group' after two sets compared says the sets again", async () => {
    expect(
      await planOf("For Martinotti vs basket cells, what's the mean number of output synapses per cell in each group?"),
    ).toMatchObject({ measure: { fn: "mean", of: "out_synapses" }, groupBy: [{ dim: "cell_type" }] });
  });

  it.each([
    "how many BCs and how many synapses do they make",
    "How many distinct postsynaptic partners does 864691135488302306 have, and how many does 864691135300382104 have?",
  ])("%s: still two questions", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("a scope said first, as a sentence", () => {
  it.each([
    "We're looking at L4 only. What's the ratio of excitatory to inhibitory neurons there?",
    "L4 only: E/I ratio (# exc neurons / # inh neurons)",
    "E/I ratio, i.e. the number of excitatory neurons divided by the number of inhibitory neurons, for cells with " +
      "their soma in layer 4?",
  ])("%s: the E/I ratio of cells in L4", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "cells", filter: [layer("L4")], measure: eiCells });
  });

  it("Let's restrict to V1: the cells in V1", async () => {
    const q = "Let's restrict to V1. How many cells of each cell type, glia included, have their soma in layer 5?";
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "area", values: ["V1"] }, layer("L5")],
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it("a lead sentence with no 'only' stays context, not a scope", async () => {
    const q =
      "I'm looking at PV inhibition onto deep L2/3 pyramids. Of the 23P cells in V1, what percent get 5 or more " +
      "synapses from basket cells?";
    expect(await planOf(q)).toMatchObject({ filter: [...type("23P"), { dim: "area", values: ["V1"] }] });
  });
});

describe("more words of a meeting", () => {
  it("'…: which three come first?' after a ranking is its top 3", async () => {
    const q = "Onto thick-tufted L5 cells, rank the input cell types by synapse count: which three come first?";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type", side: "pre" }], order: "desc", limit: 3 });
  });

  it("'how many more synapses go from BC onto 23P cells than from 23P cells back onto BC': the two flows", async () => {
    const q = "How many more synapses go from basket cells onto 23P cells than from 23P cells back onto basket cells?";
    expect(await planOf(q)).toMatchObject({
      compare: [
        { pre: type("BC"), post: type("23P") },
        { pre: type("23P"), post: type("BC") },
      ],
      contrast: "difference",
    });
  });

  it("'Counting BC vs MC in L4, how many of each': the count said again", async () => {
    const q = "Counting PV basket vs SST Martinotti cells with their soma in layer 4, how many of each are there?";
    expect(await planOf(q)).toMatchObject({ filter: [layer("L4"), { dim: "cell_type", values: ["BC", "MC"] }] });
  });

  it("'V1 / RL / AL / LM: per-cell mean of …' is a mean per cell, per area", async () => {
    expect(await planOf("V1 / RL / AL / LM: per-cell mean of 23P output syn")).toMatchObject({
      filter: type("23P"),
      measure: { fn: "mean", of: "out_synapses" },
      groupBy: [{ dim: "area" }],
    });
  });

  it("still reads 'the mean size of NGC or of BPC synapses onto 23P' as the two sets", async () => {
    const q = "Which is larger, the mean size of NGC or of BPC synapses onto layer 2/3 pyramidal cells?";
    expect(await planOf(q)).toMatchObject({ pre: [{ dim: "cell_type", values: ["NGC", "BPC"] }], post: type("23P") });
  });
});

describe("two questions, one of them the other's first row", () => {
  it("answers the ranking when the first question asks for its top row", async () => {
    const q =
      "Which layer has the most inhibitory neurons? Can you rank the layers by how many interneuron somata they contain?";
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "class", values: ["inhibitory"] }],
      groupBy: [{ dim: "layer" }],
      order: "desc",
    });
    expect(await planOf(q)).not.toHaveProperty("limit");
  });

  it.each([
    "Which type has the most cells? How many BCs are there?",
    "Which type has the most cells? And how many MCs are in L5?",
  ])("%s: two questions (they had been read as one plan, the BCs ranked among types)", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});
