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
