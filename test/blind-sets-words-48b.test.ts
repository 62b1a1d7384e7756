import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found at stop 48 in the read parts of dev76 to dev80 (an ordinary week, rankings, bounds, structure and
 * function, a question inside a longer message), and the wrong answers found beside them.
 */

describe("a value taken back and the one meant, said first (dev80)", () => {
  it.each([
    ["not BC, MC only: how many in L5?", { dim: "cell_type", values: ["MC"] }],
    ["not in V1, RL only: how many BC", { dim: "area", values: ["RL"] }],
  ])("%s", async (q, kept) => {
    expect(await planOf(q)).toMatchObject({ filter: expect.arrayContaining([kept]) });
  });
});

describe("what the asker says around the question (dev80)", () => {
  it.each([
    "committee report: avg # input syn per 6P-CT cell? thx :)",
    "jc prep: mean gOSI 5P-NP? (best scan per cell) ty",
    "poster stuff: 23P w/ axon_fully_extended → root ids pls :)",
    "grant fig: conn prob 5P-IT → MC in % pls (that direction only). thx",
    "hey, quick one before lab mtg (census slide): # 5P-ET in RL? ty :)",
    "Hi! Slides for tomorrow, sorry for the rush. Which three excitatory cell types receive the most input synapses " +
      "per cell on average? Please rank them. Thanks!",
    "re the #wiring thread: avg syn per conn, 23P→BC? ty :)",
    'Someone wrote in #wiring: "PV cells get mostly single-synapse inputs". I\'m skeptical. Taking each connected ' +
      "pair from an L2/3 pyramidal cell onto a basket cell, what is the mean number of synapses per connection?",
    "Some cells show up in more than one scan, I know, and I just want each cell once. Of the L5 IT " +
      "(intratelencephalic) cells, how many are coregistered?",
  ])("%s", async (q) => {
    expect(typeof (await planOf(q))).toBe("object");
  });

  it("a scan count said of the cells asked about stays a condition", async () => {
    const plan = await planOf("how many 5P-IT cells are coregistered in more than one scan?");
    expect(plan).toMatchObject({ filter: expect.arrayContaining([expect.objectContaining({ dim: "scans" })]) });
  });

  it.each(["V1 slide: how many BC?", "planning L5 func analyses: # coregisterd 5P-IT cells?"])(
    "a header that names cells stays: %s",
    async (q) => {
      expect(typeof (await planOf(q))).toBe("string");
    },
  );
});

describe("bounds on per-cell counts and on connections (dev78)", () => {
  it("cells with 90+ output synapses, ranked per m-type", async () => {
    expect(await planOf("Which three m-types have the most cells with 90+ output synapses?")).toMatchObject({
      source: "roots",
      filter: expect.arrayContaining([{ dim: "out_synapses", min: 90 }]),
      groupBy: [{ dim: "mtype" }],
      limit: 3,
    });
  });

  it.each([
    ["Can you list the root ids of the SST cells whose outgoing synapse count is greater than 144?", "out_synapses"],
    ["counting only layer 2/3 pyramidal neurons whose incoming synapse count is over 95, how many?", "in_synapses"],
  ])("%s", async (q, dim) => {
    expect(await planOf(q)).toMatchObject({ filter: expect.arrayContaining([expect.objectContaining({ dim })]) });
  });

  it.each([
    "among 23P→23P connections with at least 2 synapses, what's the mean number of synapses per connection?",
    "avg syn/conn 23P->23P, only conns w/ >=2 syn",
  ])("the mean synapse count of the connections over a bound: %s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 2 }],
      measure: { fn: "mean", of: "synapses" },
    });
  });
});

describe("more words of dev76 to dev80", () => {
  it("words that share an ending said once", async () => {
    const q =
      "Perisomatic-, distal-, sparsely- and inhibitory-targeting interneurons: per cell of each m-type, how " +
      "many output synapses on average?";
    expect(await planOf(q)).toMatchObject({
      filter: expect.arrayContaining([{ dim: "mtype", values: ["PTC", "DTC", "STC", "ITC"] }]),
      groupBy: [{ dim: "mtype" }],
    });
  });

  it.each([
    ["give me root ids: SST cells whose input synapse count is strictly above 84", { fn: "list" }],
    ["how many cells have more than one coregistration match", { fn: "count" }],
    [
      "Some cells seem to show up in two imaging sessions. In the coregistration table, how many nuclei have more " +
        "than one match?",
      { fn: "count" },
    ],
  ])("%s", async (q, measure) => {
    expect(await planOf(q)).toMatchObject({ measure });
  });

  it.each(["how many BC, counting fragments", "how many synapses onto 23P, counting the ones from fragments"])(
    "'counting' what is included is never read as only those: %s",
    async (q) => {
      expect(typeof (await planOf(q))).toBe("string");
    },
  );
});

describe("layers said by their numbers, and a number of rows asked for (dev77)", () => {
  it("rank layers 2/3, 4 and 5", async () => {
    const q =
      "For Martinotti cells, rank layers 2/3, 4 and 5 (by soma depth) by the average number of input " +
      "synapses per cell, highest first.";
    expect(await planOf(q)).toMatchObject({
      filter: expect.arrayContaining([{ dim: "layer", values: ["L2/3", "L4", "L5"] }]),
      groupBy: [{ dim: "layer" }],
      order: "desc",
    });
  });

  it("give me 5", async () => {
    expect(await planOf("which BC receive the most synapses? give me 5")).toMatchObject({ limit: 5 });
  });
});

describe("distinct cells counted are cells (dev79)", () => {
  it.each(["how many distinct cells are coregistered?", "how many distinct neurons are in V1?"])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "cells", measure: { fn: "count" } });
  });
});

describe("one tuning value per cell, said again (dev77, dev80)", () => {
  it.each([
    "Near-projecting L5 cells only. I'd like their orientation selectivity (gOSI), one value per cell, averaged.",
    "Which four excitatory cell types have the highest mean gOSI, one tuning row per cell? Highest first.",
    "exc types ranked by avg gOSI (best cc_abs row/cell), top 4",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "osi" } });
  });

  it("not said of a count of cells", async () => {
    expect(typeof (await planOf("how many BC, one value per cell"))).toBe("string");
  });
});

describe("the largest per-cell count within each group is the groups' maximum (dev77)", () => {
  it.each([
    "For each interneuron type (BC, MC, BPC, NGC), what is the largest number of output synapses per cell?",
    "For each interneuron type (BC, MC, BPC, NGC), what is the largest number of output synapses made by a single cell?",
    "For each interneuron type (BC, MC, BPC, NGC), what is the largest number of output synapses made by one cell?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      measure: { fn: "max", of: "out_synapses" },
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it("which type has the largest number per cell ranks the types by their mean", async () => {
    expect(await planOf("which type has the largest number of output synapses per cell?")).toMatchObject({
      measure: { fn: "mean", of: "out_synapses" },
      limit: 1,
    });
  });
});

describe("cells said after 'onto' or 'from' a per-cell count are its partners", () => {
  it.each([
    ["avg output synapses per cell onto BC", "out_synapses"],
    ["how many output synapses of any cell onto BC", "out_synapses"],
    ["how many synapses does a cell get from BCs on average", "in_synapses"],
  ])("%s", async (q, of) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "typed", is: true }],
      measure: { fn: "mean", of },
      partners: [{ dim: "cell_type", values: ["BC"] }],
    });
  });

  it("the partners said with 'from' after the cells stay partners", async () => {
    expect(await planOf("mean input synapses per 23P cell from BC")).toMatchObject({
      partners: [{ dim: "cell_type", values: ["BC"] }],
    });
  });
});

describe("the largest synapse and the strongest pair, said at length (dev77)", () => {
  it("the biggest synapse a type receives, in the table's size units", async () => {
    const q =
      "Of all the synapses that thick-tufted L5 cells receive, how big is the biggest one, in the table's size units?";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "max", of: "size" } });
  });

  it("a pair of cells is a pair", async () => {
    const q =
      "Looking at every connected SST -> thick-tufted L5 pair of cells, what's the highest synapse count for one pair?";
    expect(await planOf(q)).toMatchObject({ source: "connections", limit: 1 });
  });
});

describe("a connection probability per group of a side named only by the grouping (dev77)", () => {
  it.each([
    "Which three postsynaptic cell types have the highest connection probability from 5P-ET cells?",
    "connection probability from 5P-ET onto each cell type",
    "connection probability from 5P-ET per target type",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      measure: { fn: "probability" },
      post: [{ dim: "typed", is: true }],
      groupBy: [{ dim: "cell_type", side: "post" }],
    });
  });
});

describe("three places each said with 'in' are a list (dev79)", () => {
  it("in L2/3, in L4 and in L5", async () => {
    const q = "How many coregistered excitatory neurons have their soma in L2/3, in L4 and in L5 (by soma depth)?";
    expect(await planOf(q)).toMatchObject({
      filter: expect.arrayContaining([{ dim: "layer", values: ["L2/3", "L4", "L5"] }]),
      groupBy: [{ dim: "layer" }],
    });
  });

  it("an area and a layer stay two conditions", async () => {
    expect(await planOf("how many BC in V1 and in L5")).toMatchObject({ groupBy: [] });
  });
});

describe("ids of cells listed, and cells coregistered 'to the functional data' (dev79)", () => {
  it.each([
    "List the root ids of the inhibitory neurons that are coregistered to the functional data.",
    "list the inhibitory neurons that are coregistered to the functional data",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "cells",
      filter: [
        { dim: "class", values: ["inhibitory"] },
        { dim: "coregistered", is: true },
      ],
      measure: { fn: "list" },
    });
  });

  it("synapses coming in are the cells' inputs", async () => {
    const q = "of the functionally matched cells, how many have over 100 synapses coming in? count of cells";
    expect(await planOf(q)).toMatchObject({
      filter: expect.arrayContaining([expect.objectContaining({ dim: "in_synapses" })]),
    });
  });
});

describe("orders said from the top down, and a modeller's lead (dev76)", () => {
  it("from biggest down", async () => {
    const q = "among the excitatory types, ranking by average nucleus volume from biggest down, which four come first?";
    expect(await planOf(q)).toMatchObject({ order: "desc", limit: 4 });
  });

  it("modeller here", async () => {
    const q = "modeller here: from L2/3 pyramidal onto SST cells, connection probability, as a percent please";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "probability" } });
  });
});

describe("the cell-type model named as who assigns the type (dev73)", () => {
  it.each([
    ["Which m-type does the metamodel assign to neuron 864691135443521016?", "mtype"],
    ["what cell type does the classifier assign to 864691135443521016", "cell_type"],
  ])("%s", async (q, field) => {
    expect(await planOf(q)).toMatchObject({ kind: "lookup", fields: [field] });
  });
});

describe("pairs of neurons name the cells paired", () => {
  it("how many connected pairs of neurons are there?", async () => {
    expect(await planOf("how many connected pairs of neurons are there?")).toMatchObject({
      pre: [{ dim: "class", values: ["neuron"] }],
      post: [{ dim: "class", values: ["neuron"] }],
    });
  });
});
