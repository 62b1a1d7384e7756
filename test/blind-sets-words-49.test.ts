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

describe("what the asker will do later, and what they believe, around the question (dev82)", () => {
  it("cells named for later are left out of the question", async () => {
    const q =
      "Hello! I'm comparing nucleus sizes across m-types. What is the mean nucleus volume of the DTC " +
      "(distal-targeting) cells? I'll do the PTC ones afterwards.";
    expect(await planOf(q)).toMatchObject({ filter: [{ dim: "mtype", values: ["DTC"] }], groupBy: [] });
  });

  it("a belief said before the question is background", async () => {
    const q =
      "I assumed every basket cell would be perisomatic-targeting, but now I'm not sure. Break the PV basket " +
      "cells down by their m-type, with a count for each.";
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: ["BC"] }],
      groupBy: [{ dim: "mtype" }],
    });
  });

  it("a plan for later with a restriction cue in it stays, to be asked back", async () => {
    expect(await planOf("How many BCs are in V1? I'll do only the proofread ones later.")).toBe("clarify");
  });

  it("a header naming a reviewer is context", async () => {
    expect(await planOf("reviewer 2 again - # inhibitory neurons per visual area? for the rebuttal")).toMatchObject({
      groupBy: [{ dim: "area" }],
    });
  });
});

describe("words that restate the groups or the order (dev83, dev84)", () => {
  it.each([
    ["Order the four visual areas by how many 5P-ET cells they contain, most first.", "area"],
    ["Sort the seven excitatory cell types by their mean soma depth below the pia, deepest first.", "cell_type"],
  ])("%s", async (q, dim) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim }], order: "desc" });
  });

  it("a count of groups the data does not have stays unread", async () => {
    expect(await planOf("Order the five visual areas by BC count")).toBe("clarify");
  });

  it("a layer said of the types listed after it is no place", async () => {
    expect(await planOf("What is the mean nucleus volume of each layer 5 type, 5P-IT, 5P-ET and 5P-NP?")).toMatchObject(
      { filter: [{ dim: "cell_type", values: ["5P-IT", "5P-ET", "5P-NP"] }], groupBy: [{ dim: "cell_type" }] },
    );
  });

  it("'deepest first' after a list of cells ranks every one of them", async () => {
    const plan = await planOf("list the BCs, deepest first");
    expect(plan).toMatchObject({ groupBy: [{ dim: "root_id" }], order: "desc" });
    expect(plan).not.toHaveProperty("limit");
  });

  it("'deepest first' with the ranking's quantity said is the order of the types", async () => {
    const q = "Deepest first, please: list 23P, 4P, 5P-IT and 6P-CT ordered by the average depth of their somata.";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type" }], order: "desc" });
  });

  it("a top-k before a flow to a grouping is of the groups", async () => {
    expect(await planOf("top 3 MC -> post types by # syn?")).toMatchObject({
      groupBy: [{ dim: "cell_type", side: "post" }],
      limit: 3,
    });
  });
});

describe("a named cell ranked within each place it is in (dev77, dev83)", () => {
  it.each([
    "which MC in each area makes the most output synapses",
    "In each visual area, which Martinotti cell makes the most output synapses?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "cell_type", values: ["MC"] }],
      groupBy: [
        { dim: "area", side: "pre" },
        { dim: "root_id", side: "pre" },
      ],
      limit: 1,
      perGroup: true,
    });
  });

  it("a place said after the partners may be theirs, and is asked back", async () => {
    expect(await planOf("which 23P cell has the most BC inputs in each area")).toBe("clarify");
  });
});

describe("places in an order said as numbers (dev83)", () => {
  it("who comes in at number two", async () => {
    const q =
      "Ranking every presynaptic root of 864691135189272596 by how many synapses it makes onto that cell, " +
      "who comes in at number two?";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "pre" }], limit: 1, rank: 2 });
  });

  it("come out 1st, 2nd and 3rd is the top three", async () => {
    const q = "counting synapses from MC onto every postsynaptic cell type, which types come out 1st, 2nd and 3rd?";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type", side: "post" }], limit: 3 });
  });

  it("'+ how many' asks for the figure too", async () => {
    expect(await planOf("BC w/ 2nd most post partners (distinct roots) + how many?")).toMatchObject({ rank: 2 });
  });
});

describe("what the asker says around the question, again (dev82)", () => {
  it("a plan for later names a direction the question does not ask", async () => {
    const q = "feedforward fig: # syn V1 23P → 23P in AL / LM / RL, one number per target area? feedback next wk";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "area", side: "post" }] });
  });

  it("a paper's claim after a short header", async () => {
    const q =
      "Sanity check - a paper I'm reading says Martinotti cells heavily innervate thick-tufted layer 5 cells. In " +
      "our data, how many synapses are there from MC cells onto 5P-ET cells? I'd like to compare with their figure.";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "cell_type", values: ["MC"] }],
      post: [{ dim: "cell_type", values: ["5P-ET"] }],
    });
  });

  it("an order said in a sentence of its own stays in the question", async () => {
    const q =
      "avg synapses recieved per cell for the 4 inhibitory types (basket, martinotti, bipolar, neurogliaform)... " +
      "ranked high to low";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type" }], order: "desc" });
  });
});

describe("an ordinary week, a fifth time (dev81)", () => {
  it("a count asked first, then as a percent of the same cells", async () => {
    const q =
      "Of all the L5 IT cells, how many have had their axon proofread? As a percent of the L5 IT cells, please.";
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: ["5P-IT"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "axon_proofread", is: true }] } },
    });
  });

  it("a count then a percent of other cells is not made a share of them", async () => {
    expect(await planOf("how many BCs are in L5? as a percent of all neurons")).toBe("clarify");
  });

  it("fully vs partially extended: each strategy", async () => {
    const plan = await planOf("proofread axons: # fully vs partially extended");
    expect(plan).toMatchObject({ compare: [{ label: "axon_fully_extended" }, { label: "axon_partially_extended" }] });
  });

  it.each([
    ["astrocytes, oligos, microglia, OPCs, pericytes, i.e. everything typed as non-neuronal: how many cells in total?"],
    ["corticothalamic L6 cells sitting down in 6b (by soma depth): how many?"],
    ["Of all synapses onto PV cells, counting every input, what percent have an excitatory presynaptic cell?"],
    ["For the model I need per-cell numbers. Near-projecting L5 cells: mean count of incoming synapses per cell?"],
    ["Hi, I'm new to the proofreading table: what percentage of 5P-IT cells have a proofread axon?"],
  ])("%s", async (q) => {
    expect(typeof (await planOf(q))).toBe("object");
  });

  it("an input that contributes 5 or more synapses is a connection of 5 or more", async () => {
    const q = "I need root ids: every input to 864691135934396245 that contributes 5 or more synapses.";
    expect(await planOf(q)).toMatchObject({ filter: [{ dim: "synapses", min: 5 }] });
  });
});

describe("rankings said as instructions (dev83, dev84)", () => {
  it("an order said again the same way", async () => {
    const q = "Which three neuron types have the smallest median nucleus volume? Order them from smallest up.";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type" }], order: "asc", limit: 3 });
  });

  it("an order said again the other way round is asked back", async () => {
    expect(await planOf("which 3 types have the most cells? sort ascending")).toBe("clarify");
  });

  it("excitatory and inhibitory types are the neuron types, three at the bottom", async () => {
    const q =
      "Excitatory and inhibitory types only, no glia: sort them by average number of incoming synapses per cell, " +
      "ascending, and give me the three at the bottom.";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type" }], order: "asc", limit: 3 });
  });

  it("'rank all four' after four names ranks them all", async () => {
    const q =
      "Among the inhibitory m-types (PTC, DTC, STC and ITC), which receives the most input synapses per cell? " +
      "Rank all four.";
    const plan = await planOf(q);
    expect(plan).toMatchObject({ groupBy: [{ dim: "mtype" }], order: "desc" });
    expect(plan).not.toHaveProperty("limit");
  });

  it("'rank all five' after four names stays unread", async () => {
    const q =
      "Among the inhibitory m-types (PTC, DTC, STC and ITC), which receives the most input synapses? Rank all five.";
    expect(await planOf(q)).toBe("clarify");
  });

  it.each([
    [
      "Break down the coregistered cells with gOSI above 0.3 by visual area, one tuning row per cell (its best scan).",
      "area",
    ],
    ["Tabulate how the PV basket cells split across the morphological m-types, with the count for each.", "mtype"],
  ])("%s", async (q, dim) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim }] });
  });
});

describe("examples, counts and plans said around the question (dev82, dev84)", () => {
  it.each([
    "How many coregistered excitatory neurons are there in each cortical layer, going by soma depth (L2/3, L4, L5 and so on)?",
    "How many coregistered excitatory neurons are there in each cortical layer (L2/3, L4, L5, ...)?",
  ])("places given as examples of the grouping do not cut it: %s", async (q) => {
    const plan = (await planOf(q)) as { filter: { dim: string }[] };
    expect(plan).toMatchObject({ groupBy: [{ dim: "layer" }] });
    expect(plan.filter.some((f) => f.dim === "layer")).toBe(false);
  });

  it("a list of places with 'etc.' and no grouping by them is asked back", async () => {
    expect(await planOf("How many BCs in L2/3, L4, L5 etc?")).toBe("clarify");
  });

  it("'Three is enough.' after a ranking", async () => {
    const q =
      "Recon figure: I'll show the three strongest PV cells, and the MCs go in the supplement. Ranked by how many " +
      "synapses they make (outputs), which basket cells come out on top? Three is enough.";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "pre" }], limit: 3 });
  });

  it("a plan for the answer with a superlative in it is context", async () => {
    const q =
      "Which 3 BC cells make the most output synapses? Rank them please. I want to pick the most prolific basket " +
      "cells for a reconstruction figure.";
    expect(await planOf(q)).toMatchObject({ limit: 3 });
  });

  it("each coregistered cell once, even if matched in several scans, and the sample size it is for", async () => {
    const q =
      "How many 4P cells are coregistered with the two-photon data? Count each cell once, even if it was matched " +
      "in more than one scan. I need the sample size for our functional analysis, thanks!";
    expect(await planOf(q)).toMatchObject({ filter: [{ dim: "cell_type" }, { dim: "coregistered", is: true }] });
  });
});

describe("partners named before a bare 'how many' are counted once each", () => {
  it.each([
    "postsynaptic partners that are neurons: how many does 864691135300382104 have?",
    "postsynaptic partners that are neurons (excitatory or inhibitory), how many does 864691135300382104 have?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ measure: { fn: "distinct", side: "post" } });
  });

  it("synapses named are what is counted", async () => {
    expect(await planOf("synapses onto 23P from 864691135300382104: how many?")).toMatchObject({
      measure: { fn: "count" },
    });
  });
});

describe("function words inside a bracket that restates the cells before it", () => {
  it("'(typed excitatory or inhibitory)' is said of the neurons, not of the root", async () => {
    const q =
      "postsynaptic partners that are neurons (typed excitatory or inhibitory), how many does 864691135300382104 have?";
    expect(await planOf(q)).toMatchObject({ pre: [{ dim: "root_id" }], post: [{ dim: "class", values: ["neuron"] }] });
  });

  it("an 'only' before the closing bracket keeps the bracket a restriction", async () => {
    expect(await planOf("median out-deg MC (neuron tgts only)")).toMatchObject({
      partners: [{ dim: "class", values: ["neuron"] }],
    });
  });
});

describe("last checks (stop 49)", () => {
  it("a place in an order said as a digit ordinal", async () => {
    expect(await planOf("which area ranks 2nd by # of MCs?")).toMatchObject({ groupBy: [{ dim: "area" }], rank: 2 });
  });
});

describe("a sign glued to a name is not a phrase of its own", () => {
  it("'SST+ count' counts the cells ('+ count' had been read as 'and how many')", async () => {
    expect(await planOf("SST+ count")).toMatchObject({ filter: [{ dim: "cell_type", values: ["MC"] }] });
  });
});
