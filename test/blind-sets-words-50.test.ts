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

describe("two roots named first, then a question of each one", () => {
  it("For the basket cell A and the Martinotti cell B, how many partners does each one contact …", async () => {
    const q =
      "For the basket cell 864691135300382104 and the Martinotti cell 864691135488302306, how many postsynaptic " +
      "partners does each one contact with at least 3 synapses?";
    const plan = (await planOf(q)) as { compare: { label: string }[] };
    expect(plan).toMatchObject({ source: "connections", filter: [{ dim: "synapses", min: 3 }] });
    expect(plan.compare.map((p) => p.label)).toEqual(["864691135300382104", "864691135488302306"]);
  });

  it("a root described by its kind is labelled by its id", async () => {
    const plan = (await planOf("# targets w/ >=3 syn: 864691135300382104 (BC) vs 864691135488302306 (MC)")) as {
      compare: { label: string }[];
    };
    expect(plan.compare.map((p) => p.label)).toEqual(["864691135300382104", "864691135488302306"]);
  });

  it("cells of two kinds and 'each one' stay asked back (each cell, or the total?)", async () => {
    expect(await planOf("For the BCs and the MCs, how many output synapses does each one have?")).toBe("clarify");
  });
});

describe("the difference said again in a sentence of its own", () => {
  it("is the contrast read", async () => {
    const q =
      "How much larger is the average nucleus of a 5P-ET cell than that of a 5P-IT cell? Give me the difference in " +
      "mean nucleus volume.";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "volume" }, contrast: "difference" });
  });

  it("is asked back when the rest has no two to take apart", async () => {
    expect(await planOf("mean nucleus volume of 5P-ET? give me the difference")).toBe("clarify");
  });
});

describe("more words of the read sets", () => {
  it.each([
    [
      "Which m-types do the basket cells get assigned, and how many basket cells are in each?",
      { groupBy: [{ dim: "mtype" }] },
    ],
    [
      "among all the neurons with tuning data, counting those whose preferred orientation lies from 60° to 120°: " +
        "how many?",
      { filter: [{ dim: "tuned" }, { dim: "pref_ori", min: 60, max: 120 }] },
    ],
  ])("%s", async (q, want) => {
    expect(await planOf(q)).toMatchObject(want);
  });
});

describe("shares of connections and of one root's partners", () => {
  it("the share of a root's partners that get N synapses is the share of its connections of N", async () => {
    const q = "What percentage of the postsynaptic partners of 864691135300382104 receive at least 5 synapses from it?";
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      pre: [{ dim: "root_id", values: ["864691135300382104"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "synapses", min: 5 }] } },
    });
  });

  it.each([
    "Of the 23P→BC connections, what percentage are reciprocated?",
    "Of the 23P→BC connections, what percentage are reciprocated, meaning the basket cell also synapses back onto " +
      "that same 23P cell?",
  ])("the connections said first are the whole: %s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      measure: { fn: "fraction", part: { filter: [{ dim: "reciprocal", is: true }] } },
    });
  });
});

describe("a share named first as a heading, then the cells compared", () => {
  it.each([
    ["% proofread: BC vs MC vs BPC", "proofread", ["BC", "MC", "BPC"]],
    ["% coreg: 5P-IT vs 5P-NP", "coregistered", ["5P-IT", "5P-NP"]],
  ])("%s", async (q, flag, types) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: types }],
      measure: { fn: "fraction", part: { filter: [{ dim: flag, is: true }] } },
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it("a kind of cell as the heading stays asked back (of every cell there, or of the neurons?)", async () => {
    expect(await planOf("% inh: V1 vs RL")).toBe("clarify");
  });
});

describe("typed in a hurry", () => {
  it("a count typed onto its noun, and ids typed last", async () => {
    expect(await planOf("864691135988481406 inputs w>=3syn ids")).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 3 }],
      groupBy: [{ dim: "root_id", side: "pre" }],
    });
  });

  it("pasting a basket cell root 8646… - which roots does it synapse onto the most?", async () => {
    const q =
      "pasting a basket cell root 864691135732854867 - which roots does it synapse onto the most? top 3 by syn count";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "root_id", values: ["864691135732854867"] }],
      groupBy: [{ dim: "root_id", side: "post" }],
      limit: 3,
    });
  });

  it.each([
    "recurrent conectivity among thick tufted cells: what percent of ordered pairs of distinct cells are connected",
    "recurrent conn prob (%) within 5P-ET",
  ])("recurrent connectivity is the connection probability within: %s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      measure: { fn: "probability" },
      pre: [{ dim: "cell_type", values: ["5P-ET"] }],
      post: [{ dim: "cell_type", values: ["5P-ET"] }],
    });
  });
});

describe("comparisons said in passing", () => {
  it("the SST cell count next to the PV cell count", async () => {
    expect(await planOf("Restricting to V1, give me the SST cell count next to the PV cell count.")).toMatchObject({
      filter: [{ dim: "area" }, { dim: "cell_type", values: ["MC", "BC"] }],
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it.each([
    [
      "Do perisomatic-targeting cells receive more input synapses per cell than distal-targeting cells? Give me the " +
        "average for each m-type.",
      "mtype",
    ],
    [
      "What share of 5P-IT cells are coregistered, compared with 5P-NP cells? Give me the percentage for each type.",
      "cell_type",
    ],
  ])("a figure for each, said again: %s", async (q, dim) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim }] });
  });

  it("a figure for each said of a question with one figure is asked back", async () => {
    expect(await planOf("how many BCs in V1? Give me the average for each type.")).toBe("clarify");
  });
});

describe("how many rows, said in other words", () => {
  it("tell me the three with the smallest nuclei", async () => {
    const q =
      "Neurons only: rank the types by median nucleus volume, ascending, and tell me the three with the smallest nuclei.";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type" }], order: "asc", limit: 3 });
  });

  it("group them by target root, and show me the three targets receiving the most synapses", async () => {
    const q =
      "Pull the output synapses of 864691135732854867, group them by target root, and show me the three targets " +
      "receiving the most synapses.";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "post" }], order: "desc", limit: 3 });
  });

  it("a number of rows with no ranking stays asked back", async () => {
    expect(await planOf("show me the two areas")).toBe("clarify");
  });
});

describe("cells sorted, then the top N of them (the ids had been read as their targets)", () => {
  it.each([
    "Sort the L2/3 pyramidal cells by how many synapses their axons make, descending, and show me the top ten root ids.",
    "Sort 23P cells by how many synapses they make and list the ten highest root ids",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "cell_type", values: ["23P"] }],
      groupBy: [{ dim: "root_id", side: "pre" }],
      order: "desc",
      limit: 10,
    });
  });

  it("the lowest", async () => {
    expect(await planOf("rank the 23P cells by input synapses and give me the 5 lowest")).toMatchObject({
      groupBy: [{ dim: "root_id", side: "post" }],
      order: "asc",
      limit: 5,
    });
  });
});

describe("a purpose said around the question", () => {
  it.each([
    "quick ranking for lab meeting: per neuron, averaged within each cell type, synapses made (outputs), which 3 " +
      "types come out on top?",
    "quick count for my committee slides: how many BCs in V1?",
    "how many BCs in V1, for lab meeting?",
  ])("%s", async (q) => {
    expect(typeof (await planOf(q))).toBe("object");
  });

  it("a restriction the tables do not hold, said as a purpose's neighbour, is still asked back", async () => {
    expect(await planOf("how many BCs in V1 in awake mice, for lab meeting?")).toBe("clarify");
  });
});

describe("which of two roots contacts more partners", () => {
  it("one row each", async () => {
    const q =
      "Which of these two cells contacts more postsynaptic partners, 864691135118462719 or 864691135742484109? " +
      "Give me the number of distinct downstream partners of each.";
    const plan = (await planOf(q)) as { compare: { label: string }[] };
    expect(plan).toMatchObject({ measure: { fn: "distinct", side: "post" } });
    expect(plan.compare.map((p) => p.label)).toEqual(["864691135118462719", "864691135742484109"]);
  });
});

describe("cells the asker is looking at, then a question pointing back at them", () => {
  it.each([
    "I'm looking at the near-projecting L5 neurons; what fraction of them have their nucleus in the coregistration " +
      "table?",
    "I'm looking at the 5P-NP cells. What fraction of them are coregistered?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: ["5P-NP"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "coregistered", is: true }] } },
    });
  });

  it("without a pointer back, the lead is not made the topic", async () => {
    expect(await planOf("I'm looking at the L5 cells. How many BCs are there?")).toBe("clarify");
  });
});
