import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found by the blind sets dev48 to dev57, second part: shares and totals, what is left out, a visiting
 * student's English, lists said with their preposition again, cells said bare, "do not have", cells reached by a
 * number of others (the first part is blind-sets-words.test.ts).
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("shares and totals found by dev54 (the modeller) and dev57 (exclusions)", () => {
  const ROOT = "864691135164525132";
  it("'8646…'s input synapses from typed neurons': the whole is the root's inputs from neurons", async () => {
    const q = `What percentage of ${ROOT}'s input synapses from typed neurons are inhibitory?`;
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "class", values: ["neuron"] }],
      post: [{ dim: "root_id", values: [ROOT] }],
      measure: { fn: "fraction", part: { pre: [{ dim: "class", values: ["inhibitory"] }] } },
    });
  });

  it("'X: what percentage of all the Y are like that?': X is the part", async () => {
    const q =
      "Presynaptic segment with no nucleus: what percentage of all the inputs to PV basket cells are like that?";
    expect(await planOf(q)).toMatchObject({
      post: type("BC"),
      measure: { fn: "fraction", part: { pre: [{ dim: "has_nucleus", is: false }] } },
    });
  });

  it("a total said of types, read per cell, is asked back", async () => {
    expect(await planOf("neuron types (excl. BC) getting < 200 syn total from BC")).toBe("clarify");
  });

  it("'which neuron types receive fewer than 200 synapses in total from BCs': kept by their total", async () => {
    const q = "which neuron types receive fewer than 200 synapses in total from BCs";
    expect(await planOf(q)).toMatchObject({ having: { max: 200 }, groupBy: [{ dim: "cell_type", side: "post" }] });
  });

  it.each([
    "E/I input syn ratio per inh type (exc syn / inh syn, pooled)",
    "E/I input syn ratio per inh type (exc syn / inh syn)",
  ])("%s: per postsynaptic inhibitory type (the terms said again had moved the grouping)", async (q) => {
    expect(await planOf(q)).toMatchObject({
      post: [{ dim: "class", values: ["inhibitory"] }],
      measure: { fn: "ratio" },
      groupBy: [{ dim: "cell_type", side: "post" }],
    });
  });

  it("'taken one synapse at a time': the median over the synapses", async () => {
    const q = "Synapses from PV basket cells onto 23P cells, taken one synapse at a time: what's the median size?";
    expect(await planOf(q)).toMatchObject({
      pre: type("BC"),
      post: type("23P"),
      measure: { fn: "median", of: "size" },
    });
  });

  it("'not pooled' is not a default said again", async () => {
    expect(await planOf("BC mean output syn size, per-cell avg (not pooled)")).toBe("clarify");
  });
});

describe("what is left out, and bounds said again (dev57)", () => {
  it("'Leaving V1 out, so only RL, AL and LM together': neurons outside V1", async () => {
    const q = "Leaving V1 out, so only RL, AL and LM together, how many neurons do we have?";
    expect(await planOf(q)).toMatchObject({
      filter: expect.arrayContaining([{ dim: "area", values: ["V1"], not: true }]),
      groupBy: [],
    });
  });

  it("'Ignoring everything in V1': the cells outside it", async () => {
    const q = "Ignoring everything in V1, give me the five neurons with the highest input synapse counts.";
    expect(await planOf(q)).toMatchObject({
      post: expect.arrayContaining([{ dim: "area", values: ["V1"], not: true }]),
    });
  });

  it.each([
    "How many 23P to 23P connections have between 2 and 4 synapses (inclusive)?",
    "# 23P→23P conn w/ 2-4 syn (incl.)",
  ])("%s: both ends in the range", async (q) => {
    expect(await planOf(q)).toMatchObject({ filter: [{ dim: "synapses", min: 2, max: 4 }] });
  });

  it("'Non-neuronal types count too': every class, the types kept by their count", async () => {
    const q = "Which cell types have more than 20 cells in layer 4? Non-neuronal types count too.";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type" }], having: { min: 20 } });
  });
});

describe("a visiting student's English (dev55)", () => {
  it.each([
    ["How many of L5 IT cells have the soma more deep than 600 µm under the pia?", { dim: "depth", min: 600 }],
    [
      "In the V1, the layer 2/3 pyramidal cells that have a coregistration — make me the count of them, please " +
        "(cells, not scan units).",
      { dim: "area", values: ["V1"] },
    ],
  ])("%s", async (q, filter) => {
    expect(await planOf(q)).toMatchObject({
      source: "cells",
      filter: expect.arrayContaining([expect.objectContaining(filter)]),
    });
  });

  it.each([
    "% of all 4P input syn (incl. from fragments) that come from inhib neurons",
    "what % of 4P inputs are from inhibitory neurons? As denominator please take all their inputs, also from " +
      "orphan fragments.",
  ])("%s: the share of all 4P inputs", async (q) => {
    expect(await planOf(q)).toMatchObject({
      post: type("4P"),
      measure: { fn: "fraction", part: { pre: [{ dim: "class", values: ["inhibitory"] }] } },
    });
  });
});

describe("a list said with its preposition again, and a grouping said first (dev48)", () => {
  it.each([
    "Onto 23P cells, per connected pair: how many synapses on average from MCs, and from BCs?",
    "onto L4 pyr: synapse count from BCs, and from MCs (give both)",
  ])("%s: one row per presynaptic type", async (q) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type", side: "pre" }] });
  });

  it("'By visual area: …' groups (it had been set aside as a label, and the areas dropped)", async () => {
    const q = "By visual area: how many output synapses does a 23P cell make on average?";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "out_synapses" }, groupBy: [{ dim: "area" }] });
  });

  it("'By visual area of the soma: …' is asked back, not answered without the areas", async () => {
    const q = "By visual area of the soma: how many output synapses does a 23P cell make on average?";
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("cells said bare, with a bound on their synapses with a named root (dev51)", () => {
  const ET = "864691135988481406";
  it("'BCs w/ >=3 syn onto 8646…' lists the BCs (it had counted the connections)", async () => {
    expect(await planOf(`BCs w/ >=3 syn onto ${ET}`)).toMatchObject({
      pre: type("BC"),
      groupBy: [{ dim: "root_id", side: "pre" }],
    });
  });

  it("'# BCs w/ >=3 syn onto 8646…' is not listed", async () => {
    expect(await planOf(`# BCs w/ >=3 syn onto ${ET}`)).not.toMatchObject({ groupBy: [{ dim: "root_id" }] });
  });
});

describe("'do not have' is 'have no' (dev57)", () => {
  it("'how many do NOT have a fully extended axon': not that strategy", async () => {
    const q = "Among the neurons with a proofread axon, how many do NOT have a fully extended axon?";
    expect(await planOf(q)).toMatchObject({
      filter: [
        { dim: "axon_proofread", is: true },
        { dim: "axon_strategy", values: ["axon_fully_extended"], not: true },
      ],
    });
  });

  it("'which BCs don't have any synapses onto 23P': none onto them", async () => {
    expect(await planOf("which BCs don't have any synapses onto 23P")).toMatchObject({
      filter: [{}, { dim: "out_synapses", max: 0 }],
      measure: { fn: "list" },
    });
  });
});

describe("'don't get any input', 'no input at all' (dev57)", () => {
  it.each(["how many 23P cells don't get any input from BCs", "how many 23P cells do not receive synapses from BCs"])(
    "%s: none from BCs",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        filter: [type("23P")[0], { dim: "in_synapses", max: 0, partners: type("BC") }],
      });
    },
  );

  it("'how many neurons get no input at all from basket cells', per type", async () => {
    const q = "For each neuron type, how many neurons get no input at all from basket cells?";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type" }], filter: [{}, { max: 0 }] });
  });
});

describe("cells reached by a number of distinct others (dev57)", () => {
  it.each([
    ["How many 23P cells are contacted by at least 5 different basket cells?", 5, undefined],
    ["which MCs are targeted by more than 3 distinct BCs", 3, true],
  ])("%s: a bound on the distinct presynaptic partners of that type", async (q, min, minExclusive) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [{}, { dim: "in_partners", min, ...(minExclusive ? { minExclusive } : {}), partners: type("BC") }],
    });
  });
});
