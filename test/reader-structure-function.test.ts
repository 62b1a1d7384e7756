import { describe, expect, it } from "vitest";
import type { QueryPlan } from "../src/planning/plan.js";
import { planOf } from "./support/reader-plans.js";

/**
 * Readings found wrong or asked back by dev19 (structure and function, visual areas) and the checks
 * around it: superlatives of single synapses, ids asked after a flow, "feedforward" held to the plan,
 * lists of places, percent thresholds and top-k of kinds.
 */
/** The plan with its filters in one order (the order they were said in does not matter). */
const sorted = (plan: QueryPlan | string) => {
  if (typeof plan !== "object" || plan.kind !== "query") return plan;
  const order = <T>(fs: T[]) => [...fs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { ...plan, filter: order(plan.filter), pre: order(plan.pre), post: order(plan.post) };
};
const same = async (q: string, plain: string) => {
  const plan = await planOf(q);
  expect(typeof plan, q).toBe("object");
  expect(sorted(plan), q).toEqual(sorted(await planOf(plain)));
};

describe("a superlative said of the synapses an arrow names", () => {
  it.each([
    ["largest 23P->23P synapse", "the largest synapse from 23P onto 23P"],
    ["how big is the biggest BC->23P synapse", "the biggest synapse from BC onto 23P"],
    ["the smallest MC → 23P synapse size", "the smallest synapse from MC onto 23P"],
    ["Of the synapses made by BCs onto 23P, how big is the biggest one?", "the biggest synapse from BC onto 23P"],
  ])("%s is the size of one synapse", async (q, plain) => same(q, plain));

  it("never ranks the presynaptic cells for it, and a top-k of single synapses is asked back", async () => {
    const plan = await planOf("what's the largest BC->23P synapse");
    expect(plan).toMatchObject({ measure: { fn: "max", of: "size" }, groupBy: [] });
    expect(await planOf("the 5 largest 23P->23P synapses")).toBe("clarify");
    expect(await planOf("top 23P->23P synapse")).toBe("clarify");
  });
});

describe("whose outputs, and which side is ranked", () => {
  it.each([
    ["BPC outputs: top 3 target types", "top 3 target types of BPC outputs"],
    ["BC outputs top target types", "top target types of BC outputs"],
    ["Among BC outputs, what is the top target cell type by synapse count?", "top target type of BC outputs"],
  ])("%s reads as %s", async (q, plain) => same(q, plain));

  it("asks back when what is ranked does not say its side", async () => {
    expect(await planOf("Among BC outputs, what is the top cell by synapse count?")).toBe("clarify");
  });
});

describe("ids asked after a question about one cell's partners", () => {
  it.each([
    ["coreg'd inputs to 864691135698188007 - root ids pls", "which coregistered cells synapse onto 864691135698188007"],
    ["the coregistered inputs to 864691135698188007 (ids)", "which coregistered cells synapse onto 864691135698188007"],
    [
      "Which coregistered cells are presynaptic to 864691135698188007? List their root ids.",
      "which coregistered cells synapse onto 864691135698188007",
    ],
  ])("%s lists the partners", async (q, plain) => same(q, plain));

  it("keeps the look-up of one nucleus's root id", async () => {
    expect(await planOf("nucleus 1234 -> root id?")).toMatchObject({ kind: "lookup" });
  });
});

describe("feedforward and feedback, held to the areas read", () => {
  it.each([
    "# syn V1 → LM (ff)?",
    "feedforward synapses V1 -> LM, how many?",
    "how many feedforward synapses from L4 to L2/3",
  ])("%s is answered", async (q) => expect(typeof (await planOf(q))).toBe("object"));
  it.each([
    "feedback synapses V1 -> LM, how many?",
    "# syn LM → V1 (ff)?",
    "feedforward synapses from V1",
    "feedforward input onto 23P: how many synapses",
  ])("%s is asked back (the direction said is not the one read)", async (q) => expect(await planOf(q)).toBe("clarify"));
  it("accepts one named cell on a side", async () => {
    const q = "I'm tracing feedback onto 864691135988481406 - how many of its input synapses come from cells in RL?";
    expect(await planOf(q)).toMatchObject({ pre: [{ dim: "area", values: ["RL"] }] });
  });
});

describe("places and lists", () => {
  it.each([
    ["how many neurons in V1 and in LM", "how many neurons in V1 and LM"],
    ["mean volume of BCs in L4 vs in L5", "mean volume of BCs in L4 vs L5"],
    ["how many BCs in V1, RL, AL or LM", "how many BCs in V1, RL, AL and LM"],
  ])("%s reads as %s", async (q, plain) => same(q, plain));

  it("keeps every place of a list ended by 'or'", async () => {
    const plan = await planOf("which area has the highest median OSI: V1, RL, AL or LM?");
    expect(plan).toMatchObject({ filter: [{ dim: "area", values: ["V1", "RL", "AL", "LM"] }] });
  });
});

describe("thresholds, top-k and lists of kinds", () => {
  it("reads a percent threshold of an index as its fraction, and asks back a percent of a depth", async () => {
    expect(await planOf("how many cells with OSI > 50%")).not.toMatchObject({ filter: [{ dim: "osi", min: 50 }] });
    expect(await planOf("cells deeper than 50%")).toBe("clarify");
  });
  it.each([
    ["the 3 cell types with the most synapses onto 23P", 3],
    ["Onto coregistered cells in V1: the 3 presynaptic cell types with the most synapses?", 3],
    ["the 2 areas with the most BCs", 2],
    ["name the 3 RL cell types that get the most input from V1", 3],
  ])("%s keeps its top %i", async (q, k) => expect(await planOf(q)).toMatchObject({ limit: k, order: "desc" }));
  it.each([
    ["n func-matched cells w/ OSI > 0.5?", "how many coregistered cells with OSI > 0.5"],
    ["sd of gOSI over the 4P cells that have tuning", "sd of gOSI of 4P cells with tuning"],
    ["most OSI-selective cell in lm? root id", "most selective cell in LM"],
  ])("%s reads as %s", async (q, plain) => same(q, plain));
});

describe("remarks in brackets and units restated", () => {
  it.each([
    [
      "Onto neurons in LM, from layer 2/3 pyramidal cells in V1: how many connections (distinct pre/post pairs)?",
      "how many connections from 23P in V1 onto neurons in LM",
    ],
    [
      "What is the connection probability, in percent, among the coregistered L2/3 pyramidal cells in V1?",
      "connection probability among coregistered 23P in V1",
    ],
  ])("%s reads as %s", async (q, plain) => same(q, plain));
  it("holds a bracketed claim to the plan", async () => {
    expect(await planOf("how many synapses from BC onto 23P (distinct pre/post pairs)?")).toBe("clarify");
  });
});

describe("synapses per connection, said in other words", () => {
  it.each([
    ["on average how many synapses make up a 4P→4P connection", "synapses per 4P→4P connection"],
    [
      "When an L4 pyramidal cell connects to an L2/3 pyramidal cell, how many synapses does that connection have?",
      "synapses per 4P→23P connection",
    ],
    [
      "When a 23P cell connects to another, how many synapses does that connection have on average?",
      "synapses per 23P→23P connection",
    ],
    ["What is the mean number of synapses per connected 4P→23P pair?", "synapses per 4P→23P connection"],
    [
      "mean Δ pref ori (deg) over connected coreg'd pairs?",
      "mean orientation difference over connected coregistered pairs",
    ],
  ])("%s reads as %s", async (q, plain) => same(q, plain));
});

describe("a topic before the question", () => {
  it.each([
    ["connections between BCs: how many", "how many connections between BCs"],
    ["connections from BC to 23P: how many", "how many connections from BC to 23P"],
    [
      "Interareal connectivity: how many synapses are there from V1 neurons onto LM neurons?",
      "V1 neurons → LM neurons",
    ],
  ])("%s reads as %s", async (q, plain) => same(q, plain));
});

describe("shares of places", () => {
  it("does not cut a share on the place its whole is already in", async () => {
    const plan = await planOf("What fraction of the functionally matched cells have gOSI > 0.3 in V1, and in AL?");
    expect(plan).toMatchObject({
      filter: [{ dim: "coregistered" }, { dim: "area", values: ["V1", "AL"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "osi", min: 0.3 }] } },
      groupBy: [{ dim: "area" }],
    });
  });
  it("reads 'func cells' as cells with tuning", async () =>
    same("n L5 func cells w/ OSI > 0.3?", "n L5 tuned cells w/ OSI > 0.3?"));
});

describe("cells matched in more than one two-photon scan", () => {
  it.each([
    "how many neurons were imaged in more than one scan",
    "How many coregistered nuclei appear in more than one imaging scan?",
    "how many cells were imaged in multiple scans",
  ])("%s is a threshold on the scans a cell is matched in", async (q) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ measure: { fn: "count" } });
    expect((plan as { filter: unknown[] }).filter).toContainEqual({ dim: "scans", min: 1, minExclusive: true });
  });
  it("counts 2 or more as at least 2", async () => {
    const plan = await planOf("how many 23P cells were matched in 2 or more scans");
    expect((plan as { filter: unknown[] }).filter).toContainEqual({ dim: "scans", min: 2 });
  });
});

describe("number words and relative clauses without 'that'", () => {
  it("reads 'three' as a number, never corrected to another word", async () => {
    const plan = await planOf("List the three postsynaptic types BPCs hit hardest.");
    expect(plan).toMatchObject({ pre: [{ dim: "cell_type", values: ["BPC"] }], limit: 3 });
    expect(plan).toMatchObject({ groupBy: [{ dim: "cell_type", side: "post" }] });
  });
  it("keeps 'other than 23P' with the types it excludes", async () => {
    const plan = await planOf("which 3 cell types other than 23P make the most synapses onto 5P-ET cells?");
    expect(plan).toMatchObject({ pre: [{ dim: "cell_type", values: ["23P"], not: true }], limit: 3 });
  });
});

describe("words that say again what the plan does", () => {
  it.each([
    ["how many 23P cells with orientation tuning are there in V1?", "how many tuned 23P cells in V1"],
    ["nucleus volume spread for L2/3 PYR — the std dev please, in cubic microns", "sd of nucleus volume of 23P"],
    [
      "like-to-like: average |pref ori difference| in degrees across connected 23P pairs where both cells are tuned",
      "mean orientation difference over connections between tuned 23P cells",
    ],
    [
      "in V1 only, and only cells matched to the 2p imaging (coregistered): how many L4 pyramidal neurons?",
      "how many coregistered 4P cells in V1",
    ],
  ])("%s reads as %s", async (q, plain) => same(q, plain));
  it("asks back a spread said without its statistic", async () => {
    expect(await planOf("nucleus volume spread for L2/3 PYR")).toBe("clarify");
  });
});

describe("a synapse measure said of connections", () => {
  it.each([
    ["average synapse size for 23P→23P connections", "mean synapse size from 23P onto 23P"],
    ["median syn size on basket -> L2/3 PYR edges", "median synapse size from BC onto 23P"],
  ])("%s is over the synapses of those connections: %s", async (q, plain) => same(q, plain));
  it("keeps 'on' as onto when no arrow follows", async () => {
    expect(await planOf("how many synapses on 23P")).toMatchObject({ post: [{ dim: "cell_type", values: ["23P"] }] });
  });
});

describe("a condition said of a share's whole and of its part", () => {
  it("keeps 'coregistered' in the part, not in the whole (which made every share 100%)", async () => {
    const plan = await planOf("fraction of neurons in V1 and LM that are coregistered");
    expect(plan).toMatchObject({
      filter: [
        { dim: "class", values: ["neuron"] },
        { dim: "area", values: ["V1", "LM"] },
      ],
      measure: { fn: "fraction", part: { filter: [{ dim: "coregistered", is: true }] } },
      groupBy: [{ dim: "area" }],
    });
  });
});
