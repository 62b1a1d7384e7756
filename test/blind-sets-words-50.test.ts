import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found at stop 50: wrong answers that looked right in the blind sets dev85 to dev88, and the words of the
 * read parts of dev81 to dev88.
 */

describe("a bound on a cell's own total said as 'its output exceeds N' (had been a bound on each connection)", () => {
  it.each([
    ["list the PV cells (root ids) whose synapse output exceeds 200 synapses", "out_synapses"],
    ["list BCs whose number of output synapses exceeds 200", "out_synapses"],
    ["which BCs have an output above 200 synapses", "out_synapses"],
    ["BCs whose input exceeds 200 synapses", "in_synapses"],
  ])("%s", async (q, dim) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({
      source: "roots",
      filter: [
        { dim: "cell_type", values: ["BC"] },
        { dim, min: 200 },
      ],
    });
  });

  it("at least, and below", async () => {
    expect(await planOf("how many 23P cells have an input of at least 300 synapses")).toMatchObject({
      filter: [{ dim: "cell_type" }, { dim: "in_synapses", min: 300 }],
    });
    expect(await planOf("23P cells whose input synapse count is below 100: how many?")).toMatchObject({
      filter: [{ dim: "cell_type" }, { dim: "in_synapses", max: 100, maxExclusive: true }],
    });
  });
});

describe("the whole said after 'of all' with no comma (the share had been the other way round)", () => {
  it.each([
    "of all the l2/3 pyramidal cells how many percent r coregistered",
    "of all 23P cells how many percent are coregistered",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "coregistered", is: true }] } },
    });
  });

  it("a state said after the cells is the part: % 5P-IT coregistered", async () => {
    expect(await planOf("% 5P-IT coregistered")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["5P-IT"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "coregistered", is: true }] } },
    });
    // (A place said after the cells stays asked back: the share of the place, or of the cells?)
    expect(await planOf("% 23P in V1")).toBe("clarify");
  });
});

describe("one in how many (had been the count of the part)", () => {
  it.each([
    "one in how many neurons is a MC?",
    "Counting every excitatory and inhibitory neuron in the cell-type table, one in how many of them is a " +
      "Martinotti cell?",
  ])("the whole over the part: %s", async (q) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ measure: { fn: "ratio", denominator: { filter: [{ values: ["MC"] }] } } });
  });
});

describe("layers listed before one type name share it (had been the type in the first layer)", () => {
  it.each([
    ["how many L4 and L2/3 pyramidal neurons", ["4P", "23P"]],
    ["how many layer 5 and layer 6 IT cells", ["5P-IT", "6P-IT"]],
  ])("%s", async (q, types) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: types }],
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it("all excitatory and inhibitory neurons are the neurons, one whole", async () => {
    const q =
      "How much of the layer 2/3 neuronal population (all excitatory and inhibitory neurons with the soma in L2/3 by " +
      "depth) is made up of L2/3 pyramidal cells?";
    expect(await planOf(q)).toMatchObject({ filter: [{ dim: "layer" }, { dim: "class", values: ["neuron"] }] });
  });
});

describe("a comparison said with 'compared with' is never a pool", () => {
  it("among the 23P cells compared with the 4P cells: asked back, not one count", async () => {
    const q =
      "How many orientation-selective cells, with gOSI above 0.3, are there among the 23P cells compared with the 4P " +
      "cells?";
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("a list of kinds per cell of a flow is one row each (had been one mean over all of them)", () => {
  it.each([
    "BC and MC: synapses onto 4P per presynaptic cell",
    "rank BC/MC/BPC/NGC by syn -> 4P per presyn cell",
    "rank BC, MC, BPC and NGC by synapses onto 4P per presynaptic cell",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      measure: { fn: "mean", of: "out_synapses" },
      groupBy: [{ dim: "cell_type" }],
      partners: [{ dim: "cell_type", values: ["4P"] }],
    });
  });
});

describe("the place of the cells ranked, said last", () => {
  it.each(["which MC makes the most output synapses in each area?", "top MC by # ouput syn, per area"])(
    "%s",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        groupBy: [
          { dim: "area", side: "pre" },
          { dim: "root_id", side: "pre" },
        ],
        perGroup: true,
      });
    },
  );

  it("other cells named between keep the place theirs", async () => {
    expect(await planOf("which MC makes the most synapses onto 23P in each area?")).toMatchObject({
      groupBy: [
        { dim: "area", side: "post" },
        { dim: "root_id", side: "pre" },
      ],
    });
  });
});

describe("the figure asked again after a ranking", () => {
  it.each([
    "Which basket cell has the second-highest number of distinct postsynaptic partners, and how many partners " +
      "does it have?",
    "Which BC has the most postsynaptic partners, and what's its partner count?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      measure: { fn: "distinct", side: "post" },
      groupBy: [{ dim: "root_id", side: "pre" }],
      limit: 1,
    });
  });

  it("another figure stays another question", async () => {
    expect(await planOf("Which BC has the most output synapses, and how many partners does it have?")).toBe("clarify");
  });
});

describe("a pasted root described by its kind", () => {
  it.each([
    "Pasting a thick-tufted cell, 864691135189272596: rank the cell types presynaptic to it by how many synapses " +
      "they make on it, top 3.",
    "Here's a thick-tufted cell, 864691135189272596. Tabulate how many synapses it receives from each presynaptic " +
      "cell type.",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      post: expect.arrayContaining([{ dim: "root_id", values: ["864691135189272596"] }]),
      groupBy: [{ dim: "cell_type", side: "pre" }],
    });
  });
});

describe("roots that synapse onto it, in a per-cell question", () => {
  it("For each thick-tufted L5 neuron, count the distinct roots that synapse onto it; give me the mean", async () => {
    const q =
      "For each thick-tufted L5 neuron, count the distinct roots that synapse onto it; give me the mean of those " +
      "counts.";
    expect(await planOf(q)).toMatchObject({ source: "roots", measure: { fn: "mean", of: "in_partners" } });
  });

  it("a lower-case 'it' before 'and' is a pronoun, not the IT cells", async () => {
    expect(await planOf("For every BC, count the cells it synapses onto and give me the median")).toMatchObject({
      measure: { fn: "median", of: "out_partners" },
    });
  });
});

describe("a flow and its reverse", () => {
  it.each([
    "# syn V1→RL vs RL→V1 (by source area)",
    "Are there more synapses going from V1 cells to RL cells, or from RL cells to V1 cells? Give me both counts, " +
      "labelled by the source area.",
    "count the synapses from RL neurons onto V1 neurons and from V1 neurons onto RL neurons, grouped by the " +
      "presynaptic area.",
  ])("one row each: %s", async (q) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ measure: { fn: "count" }, groupBy: [] });
    expect((plan as { compare: unknown[] }).compare).toHaveLength(2);
  });

  it("and the other way round", async () => {
    const q =
      "How many synapses per connection are there from 23P cells onto basket cells, and the other way round from " +
      "basket cells onto 23P cells? Label each by the presynaptic type.";
    const plan = await planOf(q);
    expect(plan).toMatchObject({ source: "connections", measure: { fn: "mean", of: "synapses" } });
    expect((plan as { compare: unknown[] }).compare).toHaveLength(2);
  });
});

describe("words of the read sets", () => {
  it.each([
    ["how many stellate cells in V1", { filter: [{ dim: "cell_type", values: ["4P"] }, { dim: "area" }] }],
    [
      "quick q abt the primary visual area v1..howmany sst martinotti neurns does it have",
      { filter: [{ dim: "area" }, { dim: "cell_type", values: ["MC"] }] },
    ],
  ])("%s", async (q, want) => {
    expect(await planOf(q)).toMatchObject(want);
  });
});

describe("a connection probability said by its definition", () => {
  it.each([
    ["Of all possible presynaptic-23P / postsynaptic-SST pairs, what percentage are actually connected?", "MC"],
    [
      "Out of all possible L5 IT → L5 ET (thick-tufted) cell pairs, give me the percentage that are connected.",
      "5P-ET",
    ],
    ["in %: chance that a given l4 pyrmaid connects onto a given l2/3 pyramidal cell (connection probabilty)", "23P"],
    [
      "What is the connection probability from MC cells to 5P-ET cells (connected pairs over all possible " +
        "MC→5P-ET pairs)?",
      "5P-ET",
    ],
  ])("%s", async (q, post) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      measure: { fn: "probability" },
      post: [{ dim: "cell_type", values: [post] }],
    });
  });
});

describe("the partners of one root with a bound on their synapses are its connections of that strength", () => {
  it.each([
    "how many postsynaptic partners with at least 3 synapses does 864691135300382104 have?",
    "# targets w/ >=3 syn: 864691135300382104",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 3 }],
      measure: { fn: "distinct", side: "post" },
    });
  });

  it("cells of a kind counted with a bound stay asked back (their total, or one connection?)", async () => {
    expect(await planOf("how many 4P cells with at least 3 synapses onto 5P-ET")).not.toMatchObject({
      source: "connections",
    });
  });
});

describe("a flow and its reverse labelled by where each starts", () => {
  it("labels the two rows by their source area", async () => {
    const plan = (await planOf("# syn V1→RL vs RL→V1 (by source area)")) as { compare: { label: string }[] };
    expect(plan.compare.map((p) => p.label)).toEqual(["V1", "RL"]);
  });
});

describe("glia said not to count", () => {
  it("how many neurons have their soma in layer 4, glia not counted", async () => {
    expect(
      await planOf("how many neurons have thier soma in layer 4 going by soma depth ,glia not counted"),
    ).toMatchObject({
      filter: expect.arrayContaining([
        { dim: "class", values: ["neuron"] },
        { dim: "layer", values: ["L4"] },
      ]),
    });
  });
});
