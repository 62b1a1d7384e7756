import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * Words found by the blind sets dev54 to dev61 at stop 44, second part (the first is blind-sets-words-44.test.ts):
 * ranked partners, a newcomer's long messages, a property said with "are" of the cells asked for, two things named
 * then "which" of them, the types of several pasted roots, proofreading said as the table says it, a cell-type
 * label, and the synapses between two roots in each direction (with their root ids).
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];
const ROOT = "864691135230539449";

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
