import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * Words found by the blind sets dev54 to dev61 at stop 44. Most were answers that looked right: a side said before
 * its cells ("whose presyn is a BC") put on the other side, "a cell" after "from" read as an average per cell, a
 * list ending in "or" compared value by value, "V1's 23P cells" split between a share's whole and its part, a
 * strategy's value grouped by the other strategy, "how many X, how many Y, and how many Z" with X and Y pooled,
 * "(also those from fragments)" read as only fragments.
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];
const ROOT = "864691135230539449";

describe("a side said before the cells on it", () => {
  it.each([
    ["% of syn whose presyn is a no-nucleus fragment", "pre", [{ dim: "has_nucleus", is: false }]],
    ["% of synapses whose presyn is a BC", "pre", type("BC")],
    ["% of syn whose postsyn is a BC", "post", type("BC")],
    [
      "What percent of all synapses have a presynaptic partner that's a fragment without a nucleus?",
      "pre",
      [{ dim: "has_nucleus", is: false }],
    ],
  ])("%s", async (q, side, part) => {
    expect(await planOf(q)).toMatchObject({ pre: [], post: [], measure: { fn: "fraction", part: { [side]: part } } });
  });

  it("'where the presynaptic cell is a BC and the postsynaptic cell is a 23P'", async () => {
    const q = "synapses where the presynaptic cell is a BC and the postsynaptic cell is a 23P";
    expect(await planOf(q)).toMatchObject({ pre: type("BC"), post: type("23P"), measure: { fn: "count" } });
  });
});

describe("cells named one at a time", () => {
  it("'from a cell with a proofread axon onto a cell with a proofread dendrite' counts synapses", async () => {
    const q = "How many synapses go from a cell with a proofread axon onto a cell with a proofread dendrite?";
    expect(await planOf(q)).toMatchObject({
      source: "synapses",
      pre: [{ dim: "axon_proofread", is: true }],
      post: [{ dim: "dendrite_proofread", is: true }],
      measure: { fn: "count" },
    });
  });

  it("'how many synapses does a cell get from BCs on average' is still a mean per cell", async () => {
    expect(await planOf("how many synapses does a cell get from BCs on average")).toMatchObject({
      measure: { fn: "mean" },
    });
  });
});

describe("lists and places said of a share's cells", () => {
  it("'RL, AL or LM' is one set", async () => {
    expect(await planOf("how many synapses onto 23P come from neurons in RL, AL or LM?")).toMatchObject({
      pre: [
        { dim: "class", values: ["neuron"] },
        { dim: "area", values: ["RL", "AL", "LM"] },
      ],
      groupBy: [],
    });
  });

  it("'in V1, RL, AL and LM' is still one row each", async () => {
    expect(await planOf("synapses from BC onto 23P in V1, RL, AL and LM")).toMatchObject({
      groupBy: [{ dim: "area", side: "post" }],
    });
  });

  it("'onto V1's layer 2/3 pyramidal cells': both are the share's whole", async () => {
    const q =
      "What percentage of all input synapses onto V1's layer 2/3 pyramidal cells come from neurons located in " +
      "a higher visual area (RL, AL or LM)?";
    expect(await planOf(q)).toMatchObject({
      pre: [],
      post: [{ dim: "area", values: ["V1"] }, ...type("23P")],
      measure: { fn: "fraction", part: { pre: [{ dim: "class" }, { dim: "area", values: ["RL", "AL", "LM"] }] } },
    });
  });

  it.each([
    "from all the input synapses of the 4P cells (also those from fragments), which percent comes from inh neurons?",
    "from all the input synapses of the 4P cells (also the ones coming from fragments without soma), which " +
      "percent comes from inhibitory neurons?",
  ])("%s: fragments are in the whole, not the whole", async (q) => {
    expect(await planOf(q)).toMatchObject({ pre: [], post: type("4P"), measure: { fn: "fraction" } });
  });
});

describe("where the sending cells' somata are, in a share (dev60)", () => {
  it.each([
    "% of 23P inputs from neurons with somata in L4",
    "% of all 23P input syn from neurons with L4 somata",
    "% of all 23P input syn from L4-soma neurons",
  ])("%s: the layer is the presynaptic cells'", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [],
      post: type("23P"),
      measure: { fn: "fraction", part: { pre: expect.arrayContaining([{ dim: "layer", values: ["L4"] }]) } },
    });
  });

  it("'% syn onto MC w/ size > 5000': the size is the synapses'", async () => {
    expect(await planOf("% syn onto MC w/ size > 5000")).toMatchObject({
      post: type("MC"),
      measure: { fn: "fraction", part: { filter: [{ dim: "size", min: 5000 }] } },
    });
  });
});

describe("distinct partners, said again after the question (dev56, dev58)", () => {
  const R = "864691135712289818";
  const outs = { pre: [{ dim: "root_id", values: [R] }], measure: { fn: "distinct", side: "post" } };
  it.each([
    `How many different postsynaptic partners does ${R} have? Distinct partner root ids, not the synapse count.`,
    `how many different downstream partners does ${R} synapse onto? partners not syn`,
    `${R}: number of distinct partners it synapses onto?`,
    `number of distinct partners ${R} synapses onto?`,
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject(outs);
  });

  it("a claim of partners on a count of synapses is asked back", async () => {
    const q = `How many synapses does ${R} make? Distinct partner root ids, not the synapse count.`;
    expect(await planOf(q)).toBe("clarify");
  });

  it("'(all presyn partners)' says which inputs count, not that partners are counted", async () => {
    expect(await planOf("per 5P-IT neuron, mean count of incoming syn (all presyn partners)?")).toMatchObject({
      measure: { fn: "mean", of: "in_synapses" },
    });
  });

  it("'which of the cells that 8646… synapses onto are coregistered': the targets are", async () => {
    expect(await planOf(`Which of the cells that ${R} synapses onto are coregistered?`)).toMatchObject({
      pre: [{ dim: "root_id", values: [R] }],
      post: [{ dim: "coregistered", is: true }],
    });
  });
});

describe("a share of possible pairs that are connected is a connection probability (dev54)", () => {
  const flow = (pre: object[], post: object[]) => ({
    source: "connections",
    pre,
    post,
    measure: { fn: "probability" },
  });
  const neuronsIn = (layer: string) => [
    { dim: "layer", values: [layer] },
    { dim: "class", values: ["neuron"] },
  ];
  it("'what percentage of ordered pairs from L4 neurons to L2/3 neurons are connected'", async () => {
    const q = "what percentage of ordered pairs from L4 neurons to L2/3 neurons are connected?";
    expect(await planOf(q)).toMatchObject(flow(neuronsIn("L4"), neuronsIn("L2/3")));
  });

  it.each([
    "what percentage of possible pairs from 23P to BC are connected?",
    "what % of all 23P→BC pairs are connected?",
    "of all possible pairs with a 23P cell presynaptic and a BC postsynaptic, what percentage are actually connected?",
    "what % of all ordered (23P, BC) pairs have at least one synapse from the 23P to the BC",
    "with BC as targets and 23P as sources, what's the connection probability?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject(flow(type("23P"), type("BC")));
  });
});

describe("fragments left out, with no side said", () => {
  const R = "864691135183251314";
  it.each([
    `top 3 targets of ${R} by # syn, excluding fragments`,
    `What are the top 5 targets of ${R} by synapse count, counting only cells with a nucleus (no orphan fragments)?`,
  ])("%s: the partners have a nucleus", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "root_id", values: [R] }],
      post: [{ dim: "has_nucleus", is: true }],
      groupBy: [{ dim: "root_id", side: "post" }],
    });
  });

  it("'synapses onto 8646…, excluding fragments': the presynaptic side", async () => {
    expect(await planOf(`how many synapses onto ${R}, excluding fragments`)).toMatchObject({
      pre: [{ dim: "has_nucleus", is: true }],
      post: [{ dim: "root_id", values: [R] }],
    });
  });
});

describe("'Among the X, the top 5 by …'", () => {
  it.each([
    ["Among the BCs, the top 5 by output synapses", "pre", type("BC")],
    ["Of the 23P cells in V1: top 3 by input synapses", "post", [...type("23P"), { dim: "area", values: ["V1"] }]],
    [
      "Among the axon-proofread cells, rank by number of output synapses and give me the top five.",
      "pre",
      [{ dim: "axon_proofread", is: true }],
    ],
  ])("%s: the cells said first are ranked", async (q, side, cells) => {
    expect(await planOf(q)).toMatchObject({ [side]: cells, groupBy: [{ dim: "root_id", side }] });
  });

  it.each([
    ["In V1, of the bipolar (VIP) interneurons, give me the three closest to the pia.", "asc", 3],
    ["Of the MCs, the 2 with the largest nuclei", "desc", 2],
  ])("%s", async (q, order, limit) => {
    expect(await planOf(q)).toMatchObject({ source: "cells", groupBy: [{ dim: "root_id" }], order, limit });
  });
});

describe("a share of connections (dev59)", () => {
  it.each([
    [
      "Of the connections onto basket cells, what percentage come from a presynaptic cell with a proofread axon?",
      type("BC"),
    ],
    ["What percentage of all connections have a presynaptic cell whose axon is proofread?", []],
    ["% conn w/ proofread-axon presyn", []],
  ])("%s: connected pairs, not synapses", async (q, post) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      post,
      measure: { fn: "fraction", part: { pre: [{ dim: "axon_proofread", is: true }] } },
    });
  });
});

describe("proofreading strategies", () => {
  it("a dendrite strategy's value is not grouped by the axon strategy", async () => {
    const q =
      "How many proofread cells in each visual area had their dendrites proofread with the dendrite_clean strategy?";
    expect(await planOf(q)).toMatchObject({
      filter: expect.arrayContaining([{ dim: "dendrite_strategy", values: ["dendrite_clean"] }]),
      groupBy: [{ dim: "area" }],
    });
  });

  it("'how many X, how many Y, and how many Z': three sets", async () => {
    const q =
      "Of the L2/3 pyramidal cells in the proofreading table, how many had their axon fully extended, how many " +
      "partially extended, and how many have no axon proofreading (strategy none)?";
    const plan = await planOf(q);
    expect(plan).toMatchObject({ measure: { fn: "count" } });
    expect((plan as { compare: unknown[] }).compare).toHaveLength(3);
  });
});

describe("ranked partners and degrees", () => {
  it.each([
    `which are the five postsynaptic partners that receive the most synapses from ${ROOT}?`,
    `the five targets of ${ROOT} with the most synapses`,
  ])("%s: the top 5", async (q) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "post" }], limit: 5 });
  });

  it.each([
    `Looking only at the PV basket cells presynaptic to ${ROOT}, who are the top 3 by synapse count?`,
    `the BCs presynaptic to ${ROOT}: top 3 by synapse count`,
  ])("%s: the BCs ranked one by one", async (q) => {
    expect(await planOf(q)).toMatchObject({ pre: type("BC"), groupBy: [{ dim: "root_id", side: "pre" }], limit: 3 });
  });

  it.each(["max fan-in over 4P cells", "max in-degree over 4P cells"])(
    "%s: 4P is the cells, not a bound",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ filter: type("4P"), measure: { fn: "max", of: "in_partners" } });
    },
  );

  it("'fold change syn 4P→23P over 23P→4P' still divides", async () => {
    expect(await planOf("fold change syn 4P→23P over 23P→4P")).toMatchObject({ contrast: "ratio" });
  });
});

describe("polite openers of a visiting student", () => {
  it.each([
    "Sorry for the basic question: how many BCs are in V1?",
    "I am a visiting student here for two months. How many BCs are in V1?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ filter: [...type("BC"), { dim: "area", values: ["V1"] }] });
  });
});

describe("kinds compared as partners, and 'those' said for cells", () => {
  it("'PV vs SST cells as targets of VIP interneurons': the two kinds compared, not each target", async () => {
    const q = "PV vs SST cells as targets of VIP interneurons: which gets the higher connection probability?";
    expect(await planOf(q)).toMatchObject({
      pre: type("BPC"),
      measure: { fn: "probability" },
      groupBy: [{ dim: "cell_type", side: "post" }],
    });
  });

  it("'neurons in L2/3 as targets and those in L4 as sources': neurons on both sides", async () => {
    const q =
      "For neurons with somata in L2/3 as targets and those in L4 as sources, what percentage of all possible " +
      "L4→L2/3 pairs is actually connected?";
    const neuronsIn = (layer: string) => [
      { dim: "class", values: ["neuron"] },
      { dim: "layer", values: [layer] },
    ];
    expect(await planOf(q)).toMatchObject({ pre: neuronsIn("L4"), post: neuronsIn("L2/3") });
  });

  it("the last of three sets is labelled by its value ('none')", async () => {
    const q =
      "how many 23P cells had their axon fully extended, how many partially extended, and how many have no axon " +
      "proofreading (strategy none)?";
    const plan = (await planOf(q)) as { compare: { label: string }[] };
    expect(plan.compare.map((p) => p.label)).toEqual(["axon_fully_extended", "axon_partially_extended", "none"]);
  });
});

describe("a newcomer's long messages (dev61)", () => {
  const L5IT = "864691135443521016";
  it.each([
    `inhibitory neurons → ${L5IT}, list root ids`,
    `list inhibitory neurons → ${L5IT}`,
    `inhibitory neurons → ${L5IT}? list them`,
  ])("%s: the inhibitory inputs listed", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "class", values: ["inhibitory"] }],
      post: [{ dim: "root_id", values: [L5IT] }],
      groupBy: [{ dim: "root_id", side: "pre" }],
    });
  });

  it("'8646… → any 6P-CT? list them': the 6P-CT targets listed", async () => {
    expect(await planOf(`${ROOT} → any 6P-CT? list them`)).toMatchObject({
      pre: [{ dim: "root_id", values: [ROOT] }],
      post: type("6P-CT"),
      groupBy: [{ dim: "root_id", side: "post" }],
    });
  });

  it("'how many BCs in V1? list them' asks which of the two", async () => {
    expect(await planOf("how many BCs in V1? list them")).toBe("clarify");
  });

  it("'I'm looking at the inputs to L5 ET cells … I was wondering …': the lead is read with the question", async () => {
    const q =
      "Hello! I'm looking at the inputs to layer 5 ET cells for my project and I was wondering what the average " +
      "size is of the synapses they recieve from inhibitory neurons? Thanks very much!";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "class", values: ["inhibitory"] }],
      post: type("5P-ET"),
      measure: { fn: "mean", of: "size" },
    });
  });

  it("chatter of a newcomer is context", async () => {
    const q =
      "Counting synapses from any inhibitory neuron, which layer 2/3 pyramdial cells get the most? " +
      "Sorry if my question is a bit vague, I'm still new.";
    expect(await planOf(q)).toMatchObject({ post: type("23P"), groupBy: [{ dim: "root_id", side: "post" }] });
  });
});

describe("a share of a kind among proofread cells is of the typed ones", () => {
  it.each(["From the proofread neurons, which fraction is excitatory?", "frac of axon-proofread cells that are 23P"])(
    "%s",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        source: "roots",
        filter: expect.arrayContaining([{ dim: "class", values: ["neuron"] }]),
        measure: { fn: "fraction" },
      });
    },
  );

  it("'how many proofread neurons' still counts every root of the proofreading table", async () => {
    expect(await planOf("how many proofread neurons are there?")).toMatchObject({
      filter: [{ dim: "proofread", is: true }],
    });
  });
});

describe("a property said with 'are' of the cells asked for (dev58)", () => {
  const R = "864691135587114068";
  const coregTargets = {
    pre: [{ dim: "root_id", values: [R] }],
    post: [{ dim: "coregistered", is: true }],
    groupBy: [{ dim: "root_id", side: "post" }],
  };
  it.each([
    `which of the cells postsynaptic to ${R} are coregistered?`,
    `of the cells postsynaptic to ${R}, which are coregistered?`,
    `of the targets of ${R}, which are coregistered?`,
    `of the cells that ${R} synapses onto, which are coregistered?`,
  ])("%s: the targets are coregistered, not the root", async (q) => {
    expect(await planOf(q)).toMatchObject(coregTargets);
  });

  it("'which of the inputs of 8646… are proofread?': the presynaptic partners", async () => {
    expect(await planOf(`which of the inputs of ${R} are proofread?`)).toMatchObject({
      pre: [{ dim: "proofread", is: true }],
      post: [{ dim: "root_id", values: [R] }],
    });
  });
});

describe("two things named, then 'which' of them (dev58)", () => {
  it("'8646…A vs 8646…B: which one receives more synapses?' compares the two roots' inputs", async () => {
    const [a, b] = ["864691135183251314", "864691135189272596"];
    expect(await planOf(`${a} vs ${b}: which one receives more synapses? totals pls`)).toMatchObject({
      compare: [{ post: [{ dim: "root_id", values: [a] }] }, { post: [{ dim: "root_id", values: [b] }] }],
    });
  });

  it("'BC vs MC: which makes more synapses onto 23P?'", async () => {
    expect(await planOf("BC vs MC: which makes more synapses onto 23P?")).toMatchObject({
      pre: [{ dim: "cell_type", values: ["BC", "MC"] }],
      groupBy: [{ dim: "cell_type", side: "pre" }],
    });
  });

  it("'which L6 corticothalamic cells, if any, are postsynaptic to 8646…'", async () => {
    expect(
      await planOf("which L6 corticothalamic cells, if any, are postsynaptic to 864691135909466935?"),
    ).toMatchObject({
      post: type("6P-CT"),
      groupBy: [{ dim: "root_id", side: "post" }],
    });
  });
});

describe("the types of several pasted roots (dev56)", () => {
  const ids = ["864691135742484109", "864691135685177162", "864691135988481406"];
  it.each([
    `types pls: ${ids.join(" ")}`,
    `Can someone tell me the cell types of these three roots: ${ids.join(", ")}?`,
  ])("%s: each root's type", async (q) => {
    expect(await planOf(q)).toMatchObject({
      groupBy: [{ dim: "cell_type" }],
      compare: ids.map((id) => ({ filter: [{ dim: "root_id", values: [id] }] })),
    });
  });
});

describe("a proofreading status said as the table says it (dev55)", () => {
  it.each([
    "Only the presynaptic segments whose axon is marked proofread: how much synapses do they make onto BC?",
    "How many synapses onto basket cells come from the proofread axons (axon status true in the proofreading table)?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: expect.arrayContaining([{ dim: "axon_proofread", is: true }]),
      post: type("BC"),
      measure: { fn: "count" },
    });
  });

  it("'…, how much is it?' asks for the value", async () => {
    const q = "Below the pia, in µm: the median of the soma depth for thick-tufted layer 5 cells, how much is it?";
    expect(await planOf(q)).toMatchObject({ filter: type("5P-ET"), measure: { fn: "median", of: "depth" } });
  });
});

describe("a cell-type label", () => {
  it.each([
    "How many detected nuclei don't have a cell-type lable?",
    "How many nuclei outside V1 have no cell-type label?",
  ])("%s: the nuclei with no type", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "nuclei",
      filter: expect.arrayContaining([{ dim: "typed", is: false }]),
    });
  });

  it("'not the MC label' is not read as leaving MCs out", async () => {
    const q =
      "How many DTC cells (distal-targeting m-type, from the m-type table — not the MC label) are in layer 2/3 by " +
      "soma depth?";
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("synapses between two roots, each direction", () => {
  const store = useChatOnRaw(["synapses_pni_2"]);
  it("has the presynaptic and postsynaptic root of each row as ids", async () => {
    const pair = store.raw
      .prepare(
        `SELECT CAST(pre_pt_root_id AS TEXT) a, CAST(post_pt_root_id AS TEXT) b, count(*) n FROM synapses_pni_2
         WHERE pre_pt_root_id != post_pt_root_id GROUP BY 1, 2 ORDER BY n DESC LIMIT 1`,
      )
      .get() as { a: string; b: string; n: bigint };
    const answer = await store.chat.answer(
      `How many synapses are there between ${pair.a} and ${pair.b}, each direction?`,
    );
    expect(answer.status, answer.text).toBe("answered");
    const cols = answer.table!.columns;
    const rows = answer.table!.rows.map((r) => [r[cols.indexOf("pre_pt_root_id")], r[cols.indexOf("post_pt_root_id")]]);
    expect(rows).toEqual([
      [pair.a, pair.b],
      [pair.b, pair.a],
    ]);
    expect(answer.table!.rows[0]).toContain(Number(pair.n));
  });

  it("a connection probability per target cell is answered (its key had been an ambiguous column)", async () => {
    const answer = await store.chat.answer("connection probability from BPC onto BC per BC cell");
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.table!.columns).toContain("post_pt_root_id");
  });
});
