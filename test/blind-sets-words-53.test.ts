import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/** Words found at stop 53. */

describe("cells counted when a bracket restates the flow that reaches them", () => {
  const flow = {
    source: "connections",
    filter: [{ dim: "synapses", min: 5 }],
    pre: [{ dim: "cell_type", values: ["BC"] }],
    post: [{ dim: "cell_type", values: ["5P-IT"] }],
  };
  it.each([
    "How many L5 IT cells have at least one BC that makes 5 or more synapses onto them (a BC→5P-IT connection of " +
      "at least 5 synapses)?",
    "how many 5P-IT cells are contacted by a BC with at least 5 synapses (a BC->5P-IT connection of 5+ synapses)",
  ])("%s counts the 5P-IT cells (it had counted the connections the bracket names)", async (q) => {
    expect(await planOf(q)).toMatchObject({ ...flow, measure: { fn: "distinct", side: "post" } });
  });

  it("'how many BC→5P-IT connections have at least 5 synapses' still counts connections", async () => {
    expect(await planOf("how many BC→5P-IT connections have at least 5 synapses")).toMatchObject({
      ...flow,
      measure: { fn: "count" },
    });
  });
});

describe("layers said to be by soma depth, in a share of cells by a per-cell bound", () => {
  const share = {
    source: "roots",
    measure: { fn: "fraction", part: { filter: [{ dim: "in_synapses", min: 80 }] } },
    groupBy: [{ dim: "layer" }],
  };
  it.each([
    "what fraction of excitatory cells receive at least 80 input synapses, per layer (by soma depth)",
    "% exc cells w/ >=80 input syn, per layer L2/3 / L4 / L5 (soma depth)",
    "In each of layers 2/3, 4 and 5 (by soma depth), what percentage of excitatory cells receive at least 80 " +
      "input synapses?",
  ])("%s is over distinct roots, as without the depth (it had counted cell rows)", async (q) => {
    expect(await planOf(q)).toMatchObject(share);
  });

  it("'mean soma depth of proofread BCs' still keeps the cells", async () => {
    expect(await planOf("mean soma depth of proofread BCs")).toMatchObject({ source: "cells" });
  });
});

describe("cells named in a bracket after the last of the compared sets", () => {
  it.each([
    ["avg gOSI AL vs avg gOSI V1 (coreg neurons)", { dim: "coregistered", is: true }],
    ["avg gOSI AL / avg gOSI V1 (coreg neurons)", { dim: "coregistered", is: true }],
    ["number of BCs in V1 vs BCs in LM (proofread only)", { dim: "proofread", is: true }],
  ])("%s restricts every set (only the last had been restricted)", async (q, shared) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ groupBy: [{ dim: "area" }] });
    expect((plan as { filter: unknown[] }).filter).toContainEqual(shared);
  });

  it("'mean nucleus volume of BCs in V1 vs MCs in LM (neurons only)' keeps both sets and restricts both", async () => {
    expect(await planOf("mean nucleus volume of BCs in V1 vs MCs in LM (neurons only)")).toMatchObject({
      filter: [{ dim: "class", values: ["neuron"] }],
      compare: [{ label: "BC, V1" }, { label: "MC, LM" }],
    });
  });
});

describe("a quantity of each cell, listed", () => {
  it.each([
    ["soma depth of each BC", "BC", "depth"],
    ["depth of each BC", "BC", "depth"],
    ["volume of each MC", "MC", "volume"],
  ])("%s lists each cell with it (the quantity had been left unread)", async (q, type, x) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: [type] }],
      measure: { fn: "list", with: [x] },
    });
  });

  it("'soma depth of each BC in a coffee cup' is asked back", async () => {
    expect(await planOf("soma depth of each BC in a coffee cup")).toBe("clarify");
  });
});

describe("restrictions added to a question are read, never set aside with what restates it", () => {
  const reciprocal =
    "Of the 23P→BC connections, what percentage are reciprocated, meaning the basket cell also synapses back onto " +
    "that same 23P cell";
  it("the definition of reciprocal alone is context", async () => {
    expect(await planOf(`${reciprocal}?`)).toMatchObject({ measure: { fn: "fraction" } });
  });
  it.each([" with more than 100 input synapses?", " in LM?"])(
    "a restriction inside the definition (%s) is asked back (it had been set aside with it)",
    async (add) => {
      expect(await planOf(reciprocal + add)).toBe("clarify");
    },
  );

  const averaged = "How many different BCs innervate a 5P-ET cell on average, taking the mean over all 5P-ET cells";
  it("'… taking the mean over all 5P-ET cells per area' is asked back (the grouping had been set aside)", async () => {
    expect(await planOf(`${averaged} per area?`)).toBe("clarify");
    expect(await planOf(`${averaged}?`)).toMatchObject({ measure: { fn: "mean", of: "in_partners" } });
  });

  const share = { measure: { fn: "fraction", part: { filter: [{ dim: "volume", min: 250 }] } } };
  it.each([
    ["inh neurons w/ nuc vol > 250 µm³, % of inh per layer", { groupBy: [{ dim: "layer" }] }],
    ["inh neurons w/ nuc vol > 250 µm³, % of inh with soma deeper than 300 µm", { filter: [{}, { dim: "depth" }] }],
    ["inh neurons w/ nuc vol > 250 µm³, % of inh", { filter: [{ dim: "class" }], groupBy: [] }],
  ])("%s keeps what the whole adds (it had been dropped)", async (q, more) => {
    expect(await planOf(q)).toMatchObject({ ...share, ...more });
  });

  it("'BPC w/ m-type ITC, % of BPC in V1' is the share of V1's BPCs", async () => {
    expect(await planOf("BPC w/ m-type ITC, % of BPC in V1")).toMatchObject({
      filter: [
        { dim: "cell_type", values: ["BPC"] },
        { dim: "area", values: ["V1"] },
      ],
      measure: { fn: "fraction", part: { filter: [{ dim: "mtype", values: ["ITC"] }] } },
    });
  });
});

describe("words of how to show the answer", () => {
  it.each(["one row per type with its number of cells", "a table with one row per cell type and its number of cells"])(
    "%s is a count per cell type",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ measure: { fn: "count" }, groupBy: [{ dim: "cell_type" }] });
    },
  );

  it("'cells with a cell type' are typed cells, not a grouping by type", async () => {
    expect(await planOf("how many cells with a cell type are in V1")).toMatchObject({
      filter: [{ dim: "typed", is: true }, { dim: "area" }],
      groupBy: [],
    });
  });

  it("'… the highest gOSI? List them with their gOSI.' is one question", async () => {
    expect(
      await planOf("Which five coregistered 23P cells have the highest gOSI? List them with their gOSI."),
    ).toMatchObject({ order: "desc", limit: 5, measure: { of: "osi" } });
    expect(
      await planOf("Which five coregistered 23P cells have the highest gOSI? List them with their soma depth."),
    ).toBe("clarify");
  });
});

describe("words found in the sets of stop 53", () => {
  it.each([
    "Thick-tufted L5 cells that get over 100 synapses onto them: how many of those are there?",
    "how many 5P-ET cells receive more than 100 synapses onto them",
  ])("%s bounds each cell's inputs (it had been read as connections of 100 synapses)", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [
        { dim: "cell_type", values: ["5P-ET"] },
        { dim: "in_synapses", min: 100 },
      ],
    });
  });

  it.each([
    "list 5P-ET root ids w/ >130 input syn (all inputs count)",
    "list 5P-ET root ids w/ >130 input syn (every input counts)",
    "building an NG scene. list 5P-ET root ids w/ >130 input syn (all inputs counted). thx",
  ])("%s lists the 5P-ET roots (a per-input grouping had ranked their sources)", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [{ dim: "cell_type" }, { dim: "in_synapses", min: 130 }],
      measure: { fn: "list" },
    });
  });

  it("'list 5P-ET root ids …' never ranks the roots on the other side", async () => {
    const plan = await planOf("list 5P-ET root ids w/ >130 input syn (inputs count)");
    if (plan !== "clarify") expect(plan).not.toMatchObject({ groupBy: [{ dim: "root_id", side: "pre" }] });
  });

  it.each([
    "Among the L2/3 pyramidal cells in RL, which three receive the most input synapses (all of them, from any " +
      "presynaptic segment)?",
    "which three 23P cells in RL receive the most input synapses, from any presynaptic cell",
  ])("%s ranks by synapses (it had ranked by distinct partners)", async (q) => {
    expect(await planOf(q)).toMatchObject({
      measure: { fn: "count" },
      groupBy: [{ dim: "root_id", side: "post" }],
      limit: 3,
    });
  });

  it("'which 3 neurons have the most postsynaptic partners' still ranks by partners", async () => {
    expect(await planOf("which 3 neurons have the most postsynaptic partners")).toMatchObject({
      measure: { fn: "distinct", side: "post" },
    });
  });

  it("'I want to look at X. Give me …' reads the purpose, not a flow to X", async () => {
    const q =
      "I want to look at near-projecting cells that have functional data. Give me the root ids of every " +
      "coregistered L5 NP cell.";
    expect(await planOf(q)).toMatchObject({ source: "cells", measure: { fn: "list" } });
  });

  it("a claim 'not the number of basket cells' holds the plan to synapses", async () => {
    const q =
      "Hello! I'm looking at the 23P cell 864691135300382104. How many synapses does it receive from basket cells? " +
      "I want synapses, not the number of basket cells. Thanks.";
    expect(await planOf(q)).toMatchObject({ source: "synapses", measure: { fn: "count" } });
  });
});

describe("terse and chatty words of the stop-53 sets", () => {
  it.each([
    ["grant due friday. # inh neurons per area?", { groupBy: [{ dim: "area" }] }],
    ["for JC slides: # MC in L5?", { filter: [{ dim: "cell_type", values: ["MC"] }, { dim: "layer" }] }],
    ["cnt 4P w/ >100 output syn", { filter: [{ dim: "cell_type" }, { dim: "out_synapses", min: 100 }] }],
    ["sort exc types by avg soma depth, ascending", { order: "asc", groupBy: [{ dim: "cell_type" }] }],
    ["sort exc types by avg soma depth (µm), shallow to deep", { order: "asc" }],
    ["Biggest SST cells as measured by nucleus volume: which are the top three?", { limit: 3, order: "desc" }],
    [
      "Give me the ids of the five basket cells with the most output synapses (order doesn't matter).",
      { limit: 5, groupBy: [{ dim: "root_id", side: "pre" }] },
    ],
    [
      "Not synapses but connected pairs: SST cell onto L2/3 pyramidal, how many such connections are there?",
      { source: "connections", measure: { fn: "count" } },
    ],
    [
      "Among the coregistered neurons, which three receive the most input synapses, counting every synapse onto them?",
      { measure: { fn: "count" }, limit: 3 },
    ],
  ])("%s", async (q, plan) => {
    expect(await planOf(q)).toMatchObject(plan);
  });

  it("'top 3 BCs by output synapses, ascending' is asked back (top and ascending disagree)", async () => {
    expect(await planOf("top 3 BCs by output synapses, ascending")).toBe("clarify");
  });
});

describe("L6 spelled out, and the synapses that make up one connection", () => {
  it.each([
    "Which three neuronal cell types have the most somata in layer 6 (L6a and L6b together), from most to fewest?",
    "top 3 neuron types by # cells in L6 (6a+6b), desc",
  ])("%s is L6 (the sublayers had been read as a second group)", async (q) => {
    expect(await planOf(q)).toMatchObject({ filter: [{}, { dim: "layer", values: ["L6"] }], limit: 3 });
  });

  it.each([
    "On average, how many synapses make up a single 23P→MC connection?",
    "on avg how many syn form one 23P->MC connection",
  ])("%s is the mean synapses per connection", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "mean", of: "synapses" } });
  });
});

describe("a ranking said before the cells it ranks", () => {
  it.each([
    ["Top three by incoming synapse count, please, among the 23P cells located in area RL.", "post", 3],
    ["top 5 by output synapses among BCs in V1?", "pre", 5],
  ])("%s ranks those cells (it had been asked back)", async (q, side, limit) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side }], order: "desc", limit });
  });

  it("'… Partners without a nucleus count too.' restates that fragments are partners", async () => {
    const q =
      "Which three postsynaptic partners receive the most synapses from 864691135300382104? Partners " +
      "without a nucleus count too.";
    expect(await planOf(q)).toMatchObject({ limit: 3, post: [] });
  });
});

describe("a root said first, then the types of its partners on one side", () => {
  const root = [{ dim: "root_id", values: ["864691135300382104"] }];
  it.each([
    ["864691135300382104: top 3 pre types by syn", { post: root, groupBy: [{ dim: "cell_type", side: "pre" }] }],
    ["864691135300382104: top 3 presynaptic types by syn", { post: root, groupBy: [{ side: "pre" }], limit: 3 }],
    ["864691135300382104: post cell types", { pre: root, groupBy: [{ dim: "cell_type", side: "post" }] }],
  ])("%s (the root had no side, and was asked back)", async (q, plan) => {
    expect(await planOf(q)).toMatchObject(plan);
  });
});
