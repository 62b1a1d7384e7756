import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Two sets compared by the synapses each owns. "difference in mean synapse size between BC and MC outputs" had
 * been read as the synapses between BC and MC (BC→MC vs MC→BC), "mean synapse size of BC outputs and of MC
 * outputs" as BC→MC, and "between BC->23P and MC->23P" was asked back. "By how much does the average size …
 * exceed that of …" is how much bigger one is than the other.
 */
const types = (...t: string[]) => [{ dim: "cell_type", values: t }];

describe("the outputs (or inputs) of two sets, compared", () => {
  it.each([
    "difference in mean synapse size between BC and MC outputs",
    "difference in mean synapse size between BC and MC output synapses",
    "difference in mean size between BC outputs and MC outputs",
    "compare mean synapse size of BC outputs and MC outputs",
    "mean synapse size of BC outputs and of MC outputs",
  ])("%s: BC's and MC's outputs, one row each", async (q) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ pre: types("BC", "MC"), post: [], groupBy: [{ dim: "cell_type", side: "pre" }] });
    expect(plan).not.toHaveProperty("compare");
  });

  it("difference in mean synapse size between BC and MC inputs: the inputs of each", async () => {
    expect(await planOf("difference in mean synapse size between BC and MC inputs")).toMatchObject({
      pre: [],
      post: types("BC", "MC"),
      groupBy: [{ dim: "cell_type", side: "post" }],
    });
  });

  it("difference in mean synapse size between BC->23P and MC->23P: two flows onto 23P", async () => {
    expect(await planOf("difference in mean synapse size between BC->23P and MC->23P")).toMatchObject({
      pre: types("BC", "MC"),
      post: types("23P"),
      measure: { fn: "mean", of: "size" },
      contrast: "difference",
    });
  });

  it("synapses between BC and MC: still both ways", async () => {
    const plan = await planOf("synapses between BC and MC");
    expect(plan).toMatchObject({ compare: [{ label: "BC → MC" }, { label: "MC → BC" }] });
  });

  it("ratio between BC outputs and inputs: one population's two directions", async () => {
    expect(await planOf("ratio between BC outputs and inputs")).toMatchObject({
      measure: { fn: "ratio", numerator: { pre: types("BC") }, denominator: { post: types("BC") } },
    });
  });
});

describe("by how much one measure exceeds another", () => {
  it.each([
    [
      "By how much does the average size of synapses made by excitatory neurons exceed that of synapses made by " +
        "inhibitory neurons?",
      { source: "synapses", pre: [{ dim: "class", values: ["excitatory", "inhibitory"] }] },
    ],
    [
      "by how much does the mean nucleus volume of BCs exceed that of MCs",
      { source: "cells", filter: types("BC", "MC"), measure: { fn: "mean", of: "volume" } },
    ],
    [
      "how much does the median soma depth of 5P-ET cells exceed that of 5P-IT cells?",
      { source: "cells", filter: types("5P-ET", "5P-IT"), measure: { fn: "median", of: "depth" } },
    ],
  ])("%s: the difference of the two", async (q, shape) => {
    expect(await planOf(q)).toMatchObject({ ...shape, contrast: "difference" });
  });
});

describe("a side's word said again before the second set", () => {
  it("the median size of the synapses from excitatory neurons onto BCs and onto MCs: one row each", async () => {
    const q = "what is the median size of the synapses from excitatory neurons onto BCs and onto MCs?";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "class", values: ["excitatory"] }],
      post: types("BC", "MC"),
      groupBy: [{ dim: "cell_type", side: "post" }],
    });
  });
});
