import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/** Words found at stop 52: a grouping said of the cells on one side of a flow. */

describe("a grouping said of cells named on one side", () => {
  it.each([
    ["BC outputs by area of the BC", "pre"],
    ["BC outputs, by the BCs' area", "pre"],
    ["BC outputs by area of the targets", "post"],
    ["23P inputs by layer of the 23P cells", "post"],
  ])("%s is grouped on the %s side (it had been put on the partners' side)", async (q, side) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ side }] });
  });

  it("'BC→23P syn by the 23P cells' layer' (the possessive had put 23P on both sides) is asked back", async () => {
    expect(await planOf("BC→23P syn by the 23P cells' layer")).toBe("clarify");
  });
});

describe("connections said with the side of the cell that owns them", () => {
  const from = { source: "connections", pre: [{ dim: "root_id", values: ["864691135300382104"] }], post: [] };
  it.each([
    ["number of outgoing connections of 864691135300382104", "count"],
    ["how many outgoing conns does 864691135300382104 have", "count"],
    ["864691135300382104: number of outgoing connections", "count"],
    ["864691135300382104: avg syn per outgoing connection", "mean"],
  ])("%s (the side word had been read as a second noun, and asked back)", async (q, fn) => {
    expect(await planOf(q)).toMatchObject({ ...from, measure: { fn } });
  });

  it("'# input conns onto BCs' counts the connections onto BCs", async () => {
    expect(await planOf("# input conns onto BCs")).toMatchObject({
      source: "connections",
      pre: [],
      post: [{ dim: "cell_type", values: ["BC"] }],
      measure: { fn: "count" },
    });
  });
});

describe("a per-cell count named, then its bound", () => {
  it.each([
    ["interneurons in LM with output synapse count > 100", "out_synapses", 100],
    ["BCs with input count over 200", "in_synapses", 200],
    ["BCs with an output partner count of at least 50", "out_partners", 50],
  ])("%s (the bound had been left unread)", async (q, dim, min) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: expect.arrayContaining([expect.objectContaining({ dim, min })]),
    });
  });

  it("'BCs with synapse count above 100' (in or out?) is still asked back", async () => {
    expect(await planOf("BCs with synapse count above 100")).toBe("clarify");
  });
});

describe("the cell with the most synapses of its own, within each group", () => {
  const best = (side: "pre" | "post", dim: string, limit = 1) => ({
    source: "synapses",
    groupBy: [
      { dim, side },
      { dim: "root_id", side },
    ],
    limit,
    perGroup: true,
  });
  it.each([
    ["which cell of each type makes the most output synapses", "pre", "cell_type"],
    ["for each type, the root with the most outputs", "pre", "cell_type"],
    ["the cell with the most output synapses in each inhibitory type", "pre", "cell_type"],
    ["which cell in each type receives the most input synapses", "post", "cell_type"],
    ["which neuron per type has the most output synapses", "pre", "cell_type"],
    ["for each area the neuron with the most inputs", "post", "area"],
    ["the BC with the fewest outputs in each area", "pre", "area"],
  ])("%s (it had ranked the partners, or the synapses per type)", async (q, side, dim) => {
    expect(await planOf(q)).toMatchObject(best(side as "pre" | "post", dim));
  });

  it("'BC, MC, BPC and NGC: for each, the root id of the one cell with the largest number of …'", async () => {
    const q =
      "BC, MC, BPC and NGC: for each, the root id of the one cell with the largest number of outgoing synapses.";
    expect(await planOf(q)).toMatchObject({
      ...best("pre", "cell_type"),
      pre: [{ dim: "cell_type", values: ["BC", "MC", "BPC", "NGC"] }],
    });
  });

  it("'top 3 cells per area by input synapses' keeps three in each area", async () => {
    expect(await planOf("top 3 cells per area by input synapses")).toMatchObject(best("post", "area", 3));
  });

  it("'which cells in each type make the most output synapses' (one each, or a few?) is asked back", async () => {
    expect(await planOf("which cells in each type make the most output synapses")).toBe("clarify");
  });
});

describe("shares and orders", () => {
  it("'% 23P w/ gOSI > 0.3' is a share of the 23P cells whose tuning was measured", async () => {
    expect(await planOf("% 23P w/ gOSI > 0.3")).toMatchObject({
      filter: [{ dim: "cell_type" }, { dim: "tuned", is: true }],
      measure: { fn: "fraction", part: { filter: [{ dim: "osi" }] } },
    });
  });

  it.each(["NGC % in L1", "BC pct in V1"])("%s (which share?) is asked back, as '%% NGC in L1' is", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("'inhibitory % in V1' is still V1's make-up", async () => {
    expect(await planOf("inhibitory % in V1")).toMatchObject({ filter: [{ dim: "area", values: ["V1"] }] });
  });

  it("'areas by avg nuc vol (neurons only)' comes in the order of the mean", async () => {
    expect(await planOf("areas by avg nuc vol (neurons only)")).toMatchObject({
      groupBy: [{ dim: "area" }],
      order: "desc",
    });
  });

  it.each([
    "can u break down the proofread neurons by axon proofreading strategy? how many in each categry",
    "proofread neurons by axon strategy, how many in each group",
  ])("%s is one grouping, by the strategy ('category' had been a second one, by type)", async (q) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "axon_strategy" }] });
    expect(((await planOf(q)) as { groupBy: unknown[] }).groupBy).toHaveLength(1);
  });

  it("'proofread axon stratgy breakdwn' is the strategy field, every root of the table", async () => {
    expect(await planOf("proofread axon stratgy breakdwn, # each")).toMatchObject({
      filter: [],
      groupBy: [{ dim: "axon_strategy" }],
    });
  });
});

describe("short names and words typed in a hurry", () => {
  it.each([
    ["top3 bc by #out syn", "BC"],
    ["how many bc in v1", "BC"],
    ["how many mc", "MC"],
  ])("%s: a lower-case short name after a count or a ranking is the type", async (q, type) => {
    expect(JSON.stringify(await planOf(q))).toContain(`"values":["${type}"]`);
  });

  it("'the count is high bc of the noise' is not read as basket cells", async () => {
    expect(JSON.stringify(await planOf("the count is high bc of the noise"))).not.toContain('"BC"');
  });

  it.each([
    "wat percnt of all the cells in the cell type table are non neuronal?",
    "#syns mc->5pit tot",
    "#post partnrs 864691135488302306 incl frags",
    "# OS cells, gOSI>0.3",
  ])("%s is read", async (q) => {
    expect(typeof (await planOf(q))).toBe("object");
  });
});

describe("scope and grouping said in other words", () => {
  it("'Only counting somata in layer 5, and only in area V1: how many SST cells' counts the MCs there", async () => {
    expect(
      await planOf("Only counting somata in layer 5, and only in area V1: how many SST cells do we have?"),
    ).toMatchObject({
      filter: [{ dim: "layer" }, { dim: "area" }, { dim: "cell_type", values: ["MC"] }],
    });
  });

  it.each([["Split by soma-depth layer, how many interneurons sit in each one?", "layer"]])("%s", async (q, dim) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim }] });
  });
});

describe("each cell of a kind, and the best cell of each group with its partners said", () => {
  it.each(["the top target of each BC", "each BC's strongest target"])(
    "%s (the top target type of all BCs had been given) is asked back",
    async (q) => {
      expect(await planOf(q)).toBe("clarify");
    },
  );

  it("'the 23P cell in each area with the most BC inputs' is each area's top 23P cell by BC inputs", async () => {
    expect(await planOf("the 23P cell in each area with the most BC inputs")).toMatchObject({
      pre: [{ dim: "cell_type", values: ["BC"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
      groupBy: [
        { dim: "area", side: "post" },
        { dim: "root_id", side: "post" },
      ],
      limit: 1,
      perGroup: true,
    });
  });
});

describe("a list in brackets after a class, of what the class takes in", () => {
  it.each([
    "wat percnt of all the cells in the cell type table are non neuronal? (glia, pericytes, all of that)",
    "what percent of all the cells are non neuronal? (glia, pericytes)",
  ])("%s is the non-neuronal share of all cells (it had been the pericytes among them)", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [],
      measure: { fn: "fraction", part: { filter: [{ dim: "class", values: ["nonneuron"] }] } },
    });
  });

  it("'how many non neuronal (pericytes)', one name, still narrows", async () => {
    expect(await planOf("how many non neuronal (pericytes)")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["pericyte"] }],
    });
  });
});

describe("two flows compared cell by cell", () => {
  it.each([
    "how many 23P cells receive more synapses from BCs than from MCs",
    "which 23P cells get more input from BC than from MC",
    "23P cells that receive more BC synapses than MC synapses",
    "which BCs make more synapses onto 23P than onto 4P",
  ])("%s (it had counted the cells with any such synapse, per type) is asked back", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("'do 23P cells receive more synapses from BCs than from MCs' sets the two flows side by side", async () => {
    expect(await planOf("do 23P cells receive more synapses from BCs than from MCs")).toMatchObject({
      groupBy: [{ dim: "cell_type", side: "pre" }],
    });
  });

  it("the reading offered, 'synapses from each BC cell onto 23P and onto 4P', is a row per cell and type", async () => {
    expect(await planOf("synapses from each BC cell onto 23P and onto 4P")).toMatchObject({
      groupBy: [
        { dim: "root_id", side: "pre" },
        { dim: "cell_type", side: "post" },
      ],
    });
  });
});

describe("a scope said with 'restricted to'", () => {
  it("'Nucleus size of PV cells, restricted to V1 and to somata in L2/3: what's the average volume?'", async () => {
    const q = "Nucleus size of PV cells, restricted to V1 and to somata in L2/3: what's the average volume?";
    expect(await planOf(q)).toMatchObject({
      source: "cells",
      filter: [{ dim: "cell_type" }, { dim: "area", values: ["V1"] }, { dim: "layer", values: ["L2/3"] }],
      measure: { fn: "mean", of: "volume" },
    });
  });
});

describe("a root said first with what it is in brackets", () => {
  it("'For root 8646… (a BC), list the downstream partners it contacts with 5 or more synapses.'", async () => {
    const q = "For root 864691135300382104 (a BC), list the downstream partners it contacts with 5 or more synapses.";
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 5 }],
      pre: [{ dim: "root_id", values: ["864691135300382104"] }],
      groupBy: [{ dim: "root_id", side: "post" }],
    });
  });
});

describe("'both directions' said of reciprocal partners", () => {
  it.each([
    "reciprocal partners of 864691135563174029 (both directions), ids",
    "reciprocal partners of 864691135563174029, both directions",
  ])("%s is said again, not a second condition", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "roots", measure: { fn: "list" } });
  });
});

describe("how connections are counted, said again", () => {
  it("'How many 4P → 23P connections are there, counting each connected pair of cells once?'", async () => {
    expect(
      await planOf("How many 4P → 23P connections are there, counting each connected pair of cells once?"),
    ).toMatchObject({
      source: "connections",
      measure: { fn: "count" },
    });
  });
});

describe("cells counted that are reached by a connection", () => {
  it("'how many 5P-IT cells receive a connection of at least 5 synapses from a BC' counts the cells", async () => {
    expect(await planOf("how many 5P-IT cells receive a connection of at least 5 synapses from a BC")).toMatchObject({
      source: "connections",
      measure: { fn: "distinct", side: "post" },
    });
  });

  it("'how many BC→23P connections' still counts the connections", async () => {
    expect(await planOf("how many BC→23P connections")).toMatchObject({ measure: { fn: "count" } });
  });
});

describe("a layer said as a depth, and 'using only'", () => {
  it("'n conn (pairs ≥1 syn) L4-depth BC → 4P' is the BCs at L4 depth", async () => {
    expect(await planOf("n conn (pairs ≥1 syn) L4-depth BC → 4P")).toMatchObject({
      source: "connections",
      pre: [
        { dim: "layer", values: ["L4"] },
        { dim: "cell_type", values: ["BC"] },
      ],
    });
  });

  it("'Using only L2/3 pyramidal neurons with proofread axons as the source, how many synapses …'", async () => {
    const q =
      "Using only L2/3 pyramidal neurons with proofread axons as the source, how many synapses do they send to PV " +
      "basket cells?";
    expect(await planOf(q)).toMatchObject({ pre: [{ dim: "cell_type" }, { dim: "axon_proofread", is: true }] });
  });
});

describe("comparisons that had lost a set or a condition", () => {
  it.each([
    "864691135006604625 out syn → 23P vs BC vs MC",
    "Which 5P-NP cells receive more synapses from 4P cells than from 23P cells? List them.",
  ])("%s is asked back", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("'BC vs MC vs NGC: mean output synapse size' keeps the three", async () => {
    expect(await planOf("BC vs MC vs NGC: mean output synapse size")).toMatchObject({
      pre: [{ dim: "cell_type", values: ["BC", "MC", "NGC"] }],
      groupBy: [{ dim: "cell_type", side: "pre" }],
    });
  });
});

describe("compared sets read apart, each as the whole is", () => {
  it("'thick-tufted vs L2/3 pyramidal: mean nucleus volume of the thick-tufted cells relative to …'", async () => {
    const q =
      "Nucleus size, thick-tufted vs L2/3 pyramidal: mean nucleus volume of the thick-tufted cells relative to the " +
      "L2/3 ones, as a ratio?";
    expect(await planOf(q)).toBe("clarify");
  });

  it("'how many times more neurons have a partially … than a fully extended one' keeps every root", async () => {
    const q =
      "In the proofreading table, how many times more neurons have a partially extended axon than a fully " +
      "extended one?";
    const plan = (await planOf(q)) as { compare: { filter: { dim: string }[] }[] };
    expect(plan.compare.flatMap((s) => s.filter.map((f) => f.dim))).toEqual(["axon_strategy", "axon_strategy"]);
  });
});
