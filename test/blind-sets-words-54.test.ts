import { describe, expect, it } from "vitest";
import { answeredPlan, planOf } from "./support/reader-plans.js";

/** Words found at stop 54. */

const ID = "864691135300382104";

describe("a root named in a sentence set aside, before an ask that names none", () => {
  it.each([
    `I'm looking at ${ID}. # input syn from BCs?`,
    `looking at 23P ${ID} today. # input syn from BCs? synapses pls, not # of BCs. thx`,
  ])("%s is read of that root (it had counted every BC output)", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "synapses",
      pre: [{ dim: "cell_type", values: ["BC"] }],
      post: [{ dim: "root_id", values: [ID] }],
      measure: { fn: "count" },
    });
  });

  it("a question the root cannot be the subject of is asked back, never answered without it", async () => {
    expect(await answeredPlan(`I'm looking at basket cell ${ID}. How many BCs are in V1?`)).toBe("clarify");
  });

  it("'it' still carries the root as before", async () => {
    expect(await planOf(`I'm looking at ${ID}. How many input synapses from BCs does it get?`)).toMatchObject({
      post: [{ dim: "root_id", values: [ID] }],
    });
  });
});

describe("what a label before a colon counts", () => {
  it("'postsynaptic partners: which SST cells?' is not the list of every MC", async () => {
    expect(await planOf("postsynaptic partners: which SST cells?")).toBe("clarify");
  });

  it("'Quick question: how many BCs?' still sets the label aside", async () => {
    expect(await planOf("Quick question: how many BCs?")).toMatchObject({ measure: { fn: "count" }, groupBy: [] });
  });

  it("a label naming what the ask also counts stays context", async () => {
    const q =
      "pasting a basket cell root 864691135732854867 - which roots does it synapse onto the most? top 3 by syn count";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "root_id", values: ["864691135732854867"] }],
      groupBy: [{ dim: "root_id", side: "post" }],
    });
  });
});

describe("number words past fifty are thresholds", () => {
  it.each([
    "sixty or more different postsynaptic partners: which SST cells?",
    "which SST cells have sixty or more postsynaptic partners",
  ])("%s keeps the bound of 60 (it had been set aside, and every MC listed)", async (q) => {
    expect(JSON.stringify(await planOf(q))).toContain('"min":60');
  });
});

describe("days, a moment, and phrases typed with underscores", () => {
  it("'for lab meeting on Thursday' is no condition", async () => {
    const q =
      "I'm putting together the inhibitory census for lab meeting on Thursday. Restricting to primary visual " +
      "cortex (V1), how many SST Martinotti cells are there?";
    expect(await planOf(q)).toMatchObject({
      filter: [
        { dim: "area", values: ["V1"] },
        { dim: "cell_type", values: ["MC"] },
      ],
    });
  });

  it("'how many BCs in V1 on Thursday?' is still asked back", async () => {
    expect(await planOf("how many BCs in V1 on Thursday?")).toBe("clarify");
  });

  it("'for a sec.' ends a sentence", async () => {
    const q =
      "Switching to the morphological types from the m-type table for a sec. L4c, L4b and L4a separately: " +
      "synapses received per cell, on average?";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "mtype" }] });
  });

  it.each([
    "# 23P in V1 w/ gOSI > 0.25? best-cc_abs scan per cell",
    "# 23P in V1 w/ gOSI > 0.25? one value per cell = its best-cc_abs scan",
    "# 23P in V1 w/ gOSI > 0.25 (best scan per cell by cc_abs)",
    "how many 23P in V1 have gOSI > 0.25, taking each cell's best scan (max cc_abs)",
  ])("%s restates the best scan, as always", async (q) => {
    expect(await planOf(q)).toMatchObject({
      measure: { fn: "count" },
      filter: [{ dim: "cell_type" }, { dim: "area" }, { dim: "osi", min: 0.25 }],
    });
  });
});

describe("shares and ratios that had been answered as something else", () => {
  it.each([
    "One in how many of the synapses onto 5P-ET cells comes from a Martinotti cell?",
    "Of all that input, SST cells supply one synapse in every how many?",
  ])("%s is asked back (it had been a count of the part)", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("'one in how many neurons is a Martinotti cell?' is still the ratio", async () => {
    expect(await planOf("One in how many neurons is a Martinotti cell?")).toMatchObject({ measure: { fn: "ratio" } });
  });

  it("'ratio of all synapses onto 5P-ET to those from MC' is asked back (read as from 5P-ET)", async () => {
    expect(await planOf("ratio of all synapses onto 5P-ET to those from MC")).toBe("clarify");
  });

  it("'ratio of BC to MC outputs' is still two terms of one side", async () => {
    expect(await planOf("ratio of BC to MC outputs")).toMatchObject({ measure: { fn: "ratio" } });
  });

  it.each([
    ["E/I neuron ratio, L2/3 vs L5 (soma depth)", "layer"],
    ["ratio of excitatory to inhibitory neurons in V1 vs RL", "area"],
  ])("%s is one ratio per set (both had been pooled)", async (q, dim) => {
    expect(await planOf(q)).toMatchObject({ measure: { fn: "ratio" }, groupBy: [{ dim }] });
  });

  it("'mean nuc vol 5P-ET / 23P' is their ratio", async () => {
    expect(await planOf("mean nuc vol 5P-ET / 23P")).toMatchObject({ contrast: "ratio" });
  });

  it("a share whose part is its whole again is each type's share of it, not 100% each", async () => {
    const q =
      "What share of the synapses onto 4P cells comes from each presynaptic cell type? Give me the top three " +
      "types by percent of 4P input.";
    expect(await planOf(q)).toMatchObject({
      measure: { fn: "fraction", part: {}, across: true },
      groupBy: [{ dim: "cell_type", side: "pre" }],
      limit: 3,
    });
    expect(await planOf("what % of synapses onto 4P are onto 4P")).toBe("clarify");
  });

  it("'inh neurons: % w/ nuc vol > 300 um3' is the share of inhibitory neurons", async () => {
    expect(await planOf("inh neurons: % w/ nuc vol > 300 um3")).toMatchObject({
      measure: { fn: "fraction", part: { filter: [{ dim: "volume", min: 300 }] } },
    });
  });
});

describe("sides said around the ask", () => {
  it("'For 6P-CT as the target: … by presynaptic cell type' is not split per target root", async () => {
    const q =
      "For layer 6 corticothalamic cells as the target: tabulate synapse counts by presynaptic cell type and give " +
      "me the top three, biggest first.";
    expect(await planOf(q)).toMatchObject({
      post: [{ dim: "cell_type", values: ["6P-CT"] }],
      groupBy: [{ dim: "cell_type", side: "pre" }],
      limit: 3,
    });
  });

  it.each([
    "One row per interneuron type (BC, MC, BPC, NGC): the cell type it makes the most synapses onto.",
    "for each of BC and MC, the cell type it makes the most synapses onto",
  ])("%s ranks the targets within each presynaptic type", async (q) => {
    expect(await planOf(q)).toMatchObject({
      groupBy: [
        { dim: "cell_type", side: "pre" },
        { dim: "cell_type", side: "post" },
      ],
      limit: 1,
      perGroup: true,
    });
  });

  it("'onto SST cells and onto PV cells' is one list of targets", async () => {
    const q =
      "Synapses made by L2/3 pyramidal cells onto SST cells and onto PV cells: what is the median synapse size for " +
      "each target type?";
    expect(await planOf(q)).toMatchObject({
      post: [{ dim: "cell_type", values: ["MC", "BC"] }],
      groupBy: [{ dim: "cell_type", side: "post" }],
    });
  });

  it.each([
    "most common interneuron type per layer, L1-L5 (soma depth)?",
    "most common interneuron type per layer, layers 1-5?",
  ])("%s lists the layers of the range", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "class" }, { dim: "layer", values: ["L1", "L2/3", "L4", "L5"] }],
    });
  });

  it("'BCs in L2-3' is L2/3", async () => {
    expect(await planOf("BCs in L2-3")).toMatchObject({
      filter: [{ dim: "cell_type" }, { dim: "layer", values: ["L2/3"] }],
    });
  });
});

describe("more words of stop 54", () => {
  it("'with a heavy input load, defined as over 80 incoming synapses' is that bound", async () => {
    const q =
      "Cells with a heavy input load, defined as over 80 incoming synapses: tabulate how many there are for each " +
      "excitatory type.";
    expect(await planOf(q)).toMatchObject({ filter: [{ dim: "in_synapses", min: 80 }, { dim: "class" }] });
  });

  it("'which cell types make more than 55 output synapses per cell on average?' bounds each type's mean", async () => {
    expect(await planOf("which cell types make more than 55 output synapses per cell on average?")).toMatchObject({
      measure: { fn: "mean" },
      groupBy: [{ dim: "cell_type" }],
      having: { min: 55 },
    });
  });

  it("a second sentence that groups the first's rows more precisely is the question", async () => {
    const q = `Where do the inputs to ${ID} come from? Count its input synapses by the visual area of the presynaptic cell.`;
    expect(await planOf(q)).toMatchObject({
      post: [{ dim: "root_id", values: [ID] }],
      groupBy: [{ dim: "area", side: "pre" }],
    });
  });

  it.each([
    "How many excitatory neurons have both their dendrite and their axon marked as proofread?",
    "# exc neurons w/ dendrite + axon proofread",
  ])("%s needs both compartments proofread", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "class" }, { dim: "axon_proofread" }, { dim: "dendrite_proofread" }],
    });
  });

  it("'Counting each connected pair once no matter how many synapses it has' counts connections", async () => {
    const q =
      "Counting each connected pair once no matter how many synapses it has: how many PV basket → L2/3 pyramidal " +
      "connections are there?";
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "count" } });
  });

  it("a share of tuned cells whose bound was read into the whole is asked back, not 100%", async () => {
    expect(await planOf("% of 23P with func data that have gOSI > 0.2")).toBe("clarify");
  });
});

describe("words of the last sets of stop 54", () => {
  it("'(L1 not included)' excludes L1 from the cells in L2/3", async () => {
    const q = "By soma depth, layer 2/3 only (L1 not included), interneurons of any type: how many are there?";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "count" } });
  });

  it("'mean synapse size BC→23P relative to MC→23P' is their ratio", async () => {
    expect(await planOf("mean synapse size BC→23P relative to MC→23P")).toMatchObject({ contrast: "ratio" });
  });

  it.each(["tabulate axon-proofread (status_axon=t) cells per exc type", "# cells w/ status_axon=t, by cell type"])(
    "%s is the axon proofread",
    async (q) => {
      expect(JSON.stringify(await planOf(q))).toContain('"dim":"axon_proofread","is":true');
    },
  );

  it.each([
    [
      "Break down the synapses that Martinotti cells make onto excitatory neurons by the layer of the target's soma: " +
        "L2/3, L4 and L5.",
      "MC",
    ],
    ["BC outputs by the layer of the target", "BC"],
    ["BC outputs by the postsynaptic layer", "BC"],
  ])("%s groups by the targets' layer, the cells named being the sources", async (q, source) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "cell_type", values: [source] }],
      groupBy: [{ dim: "layer", side: "post" }],
    });
  });
});

describe("a relative difference, which the plan language does not say", () => {
  it.each([
    "percent more synapses from BC than from MC onto 23P",
    "By what percentage is the connection probability among 23P cells higher than from 4P cells onto 23P cells?",
  ])("%s is asked back (it had been a share of BC and MC outputs)", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("'what percent of BC outputs go to 23P' is still a share", async () => {
    expect(await planOf("what percent of BC outputs go to 23P")).toMatchObject({ measure: { fn: "fraction" } });
  });
});

describe("a connection said to be ordered", () => {
  it.each([
    "# connected 23P→23P pairs (ordered, ≥1 syn)?",
    "# connected 23P→23P pairs (ordered, ≥1 syn)? pairs, not # syn. ty",
  ])("%s counts the connections (it had been read as an order)", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "count" }, groupBy: [] });
  });
});
