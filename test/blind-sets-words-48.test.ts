import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found at stop 48 in the read parts of dev71 to dev75 (typed in a hurry, stacked restrictions, one neuron's
 * profile, following the flow, shares and denominators), and the wrong answers found beside them.
 */
const R = "864691135488302306";
const meanPerConnection = { source: "connections", measure: { fn: "mean", of: "synapses" } };

describe("synapses averaged over partners are synapses per connection (dev73)", () => {
  it.each([
    [`On average, how many synapses does ${R} make per postsynaptic partner it contacts?`, "pre"],
    [`avg syn per outgoing conn, ${R}`, "pre"],
    [`mean number of synapses per output connection of ${R}`, "pre"],
    [`average synapses per postsynaptic partner of ${R}`, "pre"],
    [`avg syn per presynaptic partner of ${R}`, "post"],
    [`mean synapses per incoming connection onto ${R}`, "post"],
  ])("%s", async (q, side) => {
    expect(await planOf(q)).toMatchObject({ ...meanPerConnection, [side]: [{ dim: "root_id", values: [R] }] });
  });

  it.each([
    ["on average, how many synapses does a BC make per target?", "pre"],
    ["avg syn per target for BC", "pre"],
  ])("of a type: %s", async (q, side) => {
    expect(await planOf(q)).toMatchObject({ ...meanPerConnection, [side]: [{ dim: "cell_type", values: ["BC"] }] });
  });

  it.each([`how many synapses does ${R} make per target`, `how many synapses does ${R} make per target it contacts`])(
    "without a mean, each partner's count: %s",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "post" }] });
    },
  );

  it(`a root's count per neuron it contacts is not its mean over itself`, async () => {
    const plan = await planOf(`how many synapses does ${R} make per neuron it contacts`);
    expect(plan).toMatchObject({ groupBy: [{ dim: "root_id", side: "post" }] });
  });

  it.each(["mean synapses from BC per target cell type", "mean input synapses per cell, per presynaptic type"])(
    "a per-cell count split by its partners' kind is asked back: %s",
    async (q) => {
      expect(typeof (await planOf(q))).toBe("string");
    },
  );
});

describe("the whole of a share said by a list of the part's own kind is pooled (dev75)", () => {
  it.each([
    ["what percent of excitatory and inhibitory neurons in L2/3 are interneurons?", ["excitatory", "inhibitory"]],
    // ("every excitatory and inhibitory neuron" is said as "all neurons", the same cells.)
    [
      "Among every excitatory and inhibitory neuron whose soma is in L2/3 (soma depth), what percent are interneurons?",
      ["neuron"],
    ],
  ])("%s", async (q, whole) => {
    expect(await planOf(q)).toMatchObject({
      filter: expect.arrayContaining([{ dim: "class", values: whole }]),
      measure: { fn: "fraction", part: { filter: [{ dim: "class", values: ["inhibitory"] }] } },
      groupBy: [],
    });
  });

  it("every value listed again is not pooled", async () => {
    const q =
      "of the excitatory and inhibitory neurons in L2/3, what percent are excitatory and what percent inhibitory?";
    const plan = await planOf(q);
    expect(typeof plan === "string" || (plan as { groupBy: unknown[] }).groupBy.length > 0).toBe(true);
  });

  it("a list of another kind still gives a share each", async () => {
    expect(await planOf("what % of BC and MC are in L5")).toMatchObject({ groupBy: [{ dim: "cell_type" }] });
  });
});

describe("each group's share of the cells said first and again as the whole (dev75)", () => {
  it.each([
    ["coreg cells by area, % of all coreg", [{ dim: "coregistered", is: true }], "area"],
    ["coregistered cells per area, as a % of all coregistered cells", [{ dim: "coregistered", is: true }], "area"],
    ["BC by layer, % of all BC", [{ dim: "cell_type", values: ["BC"] }], "layer"],
  ])("%s", async (q, filter, dim) => {
    expect(await planOf(q)).toMatchObject({ filter, measure: { fn: "fraction", across: true }, groupBy: [{ dim }] });
  });

  it("of all cells: each layer's cells are the whole", async () => {
    expect(await planOf("BC by layer, % of all cells")).toMatchObject({
      filter: [],
      measure: { fn: "fraction", part: { filter: [{ dim: "cell_type", values: ["BC"] }] } },
      groupBy: [{ dim: "layer" }],
    });
  });
});

describe("one cell said with 'an' and a place before its type is the mean over the cells (dev74)", () => {
  it.each([
    "how many synapses does an RL 23P cell receive from V1 23P cells?",
    "On average, how many synapses does an RL layer 2/3 pyramidal cell receive from V1 layer 2/3 pyramidal cells?",
    "On average, how many synapses does an RL layer 2/3 pyramidal cell receive from V1 layer 2/3 pyramidal cells? " +
      "Mean over all 23P cells in RL.",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [
        { dim: "area", values: ["RL"] },
        { dim: "cell_type", values: ["23P"] },
      ],
      measure: { fn: "mean", of: "in_synapses" },
    });
  });

  it.each([
    "how many synapses does a 23P cell receive from BC? mean over all 23P cells in V1",
    "how many synapses does a 23P cell receive from BC? mean over all proofread 23P cells",
  ])("cells said again that the question did not name are asked back: %s", async (q) => {
    expect(typeof (await planOf(q))).toBe("string");
  });
});

describe("the partners of a root said by a clause (dev73)", () => {
  it.each([
    [`How many of the cells that ${R} synapses onto are coregistered with the functional imaging?`, "pre"],
    [`how many neurons that ${R} receives input from are inhibitory`, "post"],
  ])("%s", async (q, side) => {
    expect(await planOf(q)).toMatchObject({ [side]: [{ dim: "root_id", values: [R] }], measure: { fn: "distinct" } });
  });
});

describe("a header before a colon, and other words said in passing (dev72, dev73)", () => {
  it.each([
    "Soma-depth question: counting only cells in area V1 whose soma lies in layer 5, how many PV basket cells are there?",
    "Looking at connected pairs where the postsynaptic cell is an L2/3 pyramidal cell in RL and the presynaptic cell" +
      " is a PV basket cell with its soma in L2/3: how many synapses per connection on average?",
    "Orientation selectivity in L2/3 pyramidal neurons: restricted to the ones with tuning measurements, what percent" +
      " have a global OSI over 0.2?",
    "axon partially extended, dendrite strategy dendrite_clean, excitatory, located in V1. How many cells meet all of that?",
    `How many distinct neurons does ${R} make synapses onto? Count only partners that are classified neurons, not` +
      " unassigned fragments.",
    "what % of 23P output synapses go onto inhibitory neurons, whatever the target",
  ])("%s", async (q) => {
    expect(typeof (await planOf(q))).toBe("object");
  });

  it.each([
    // (A header that names a place restricts: never dropped.)
    "V1 question: how many BC?",
    // (A claim of neurons the plan does not keep.)
    `How many distinct partners does ${R} make synapses onto? Count only partners that are classified neurons.`,
  ])("asked back: %s", async (q) => {
    expect(typeof (await planOf(q))).toBe("string");
  });
});

describe("readings that answer another question are asked back (dev77)", () => {
  it.each([
    // (Root ids asked, a figure per group read.)
    "per area: BC w/ max output syn (root id)",
    "In V1, LM, AL and RL separately, find the PV basket cell with the highest output synapse count and give me " +
      "area -> root id.",
    // (A bound that is the figure of another group's top cell.)
    "How many 23P cells receive more input synapses than the basket cell with the most input synapses?",
    "which BC has more outputs than the top MC",
  ])("%s", async (q) => {
    expect(typeof (await planOf(q))).toBe("string");
  });

  it.each(["root ids of BC in V1", "which BC has the most outputs? root id please", "top 5 23P by inputs, ids"])(
    "ids given stay answered: %s",
    async (q) => {
      expect(typeof (await planOf(q))).toBe("object");
    },
  );
});

describe("each cell's count read as the total of all of them is asked back (dev79)", () => {
  it.each([
    "how many output synapses does each of the BCs have?",
    "For the coregistered cells whose axon has been proofread, how many output synapses does each one have?",
    "For the BCs, how many output synapses do they each have?",
  ])("%s", async (q) => {
    expect(typeof (await planOf(q))).toBe("string");
  });
});

describe("a quantity said in a sentence of its own stays in the question (dev79)", () => {
  it("a root's coregistration and its preferred orientation", async () => {
    const plan = await planOf("864691135445598477 coreg? pref ori (deg)");
    expect(plan).toMatchObject({ kind: "lookup", fields: expect.arrayContaining(["coregistration", "tuning"]) });
  });
});
