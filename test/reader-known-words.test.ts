import { describe, expect, it } from "vitest";
import { answeredPlan, planOf } from "./support/reader-plans.js";

/**
 * Readings found by adding words of known meaning to answered bank questions (a rank, a threshold, a
 * second subject, a claim of what is counted): each had been answered as if the words were not there.
 */
const ID = "864691135001182742";

describe("a guess about one cell ('8646… - L2/3, L4 or L5?') is answered by the field it names", () => {
  it.each([
    [`${ID} - L2/3, L4 or L5?`, ["layer"]],
    [`is ${ID} a basket cell or a martinotti cell?`, ["cell_type"]],
    [`is ${ID} a BC and proofread?`, ["cell_type", "proofreading"]],
    [`is ${ID} a BC and in L5?`, ["cell_type", "layer"]],
    [`is ${ID} a fragment?`, ["nucleus_id"]],
    [`what kind of cell is ${ID} without a nucleus?`, ["nucleus_id", "cell_type"]],
  ])("%s", async (q, fields) => {
    expect(await planOf(q)).toEqual({ kind: "lookup", rootId: ID, fields });
  });

  it.each([
    `${ID} - L2/3, L4 or L5 with at least 5 synapses?`,
    `${ID} - L2/3, L4 or L5 top 3?`,
    `${ID} - BC or MC top 3?`,
    `what type is the cell with nucleus id ${ID} and also for BPCs?`,
    `is ${ID} the largest BC?`,
  ])("takes no rank, threshold or second subject as part of the guess: %s", async (q) => {
    expect(await answeredPlan(q)).toBe("clarify");
  });
});

describe("'counting each pair once' says that pairs or partners are counted", () => {
  it("is kept where pairs or distinct partners are counted", async () => {
    expect(await planOf("Counting each connected pair once, how many BC-to-23P connections exist?")).toMatchObject({
      source: "connections",
      measure: { fn: "count" },
    });
    expect(
      await planOf(
        "How many different excitatory neurons provide input to 5P-NP cells, counting each presynaptic neuron once?",
      ),
    ).toMatchObject({ measure: { fn: "distinct", side: "pre" } });
    expect(
      await planOf(`how many postsynaptic partners of ${ID}, counting each postsynaptic partner once`),
    ).toMatchObject({ measure: { fn: "distinct", side: "post" } });
  });

  it.each([
    "how many BCs, counting each pair once?",
    "avg nuc vol of BCs, counting each presynaptic neuron once",
    "# 23P w/ >60 input syn counting each pair once?",
    "how many synapses from BC onto 23P, counting each pair once",
  ])("is asked back where cells, volumes or synapses are: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("a grouping or a division said with known words is kept", () => {
  it("groups partners by their proofreading strategy", async () => {
    expect(
      await planOf(`How many distinct presynaptic partners does ${ID} have by proofreading strategy?`),
    ).toMatchObject({
      measure: { fn: "distinct", side: "pre" },
      groupBy: [{ dim: "axon_strategy", side: "pre" }],
    });
  });

  it.each([
    "Please compare average number of output synapses per cell between BC, MC and BPC per synapse?",
    "top 3 BCs by output synapses per synapse?",
    "Which inhibitory m-type is contacting the biggest number of different 23P cells per synapse?",
  ])("asks back a 'per synapse' that restates no grouping: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("cells named with nothing asked of them but their relation to one root are listed", () => {
  it.each([
    [`BCs presynaptic to ${ID}`, "pre"],
    [`the 23P cells that ${ID} contacts`, "post"],
    [`list the neurons ${ID} projects to`, "post"],
    [`the BCs ${ID} receives input from`, "pre"],
    [`BCs that ${ID} receives synapses from`, "pre"],
    [`23P cells downstream of ${ID}`, "post"],
  ])("%s", async (q, side) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side }], order: "desc" });
  });

  it.each([`synapses from BCs onto ${ID}`, `BC inputs of ${ID}`, `BCs onto ${ID} synapses`])(
    "while the synapses named are counted: %s",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ measure: { fn: "count" }, groupBy: [] });
    },
  );

  it("reads the side of cells before a root and its verb ('the neurons 8646… targets')", async () => {
    expect(await planOf(`Do you know how many different neurons ${ID} targets?`)).toMatchObject({
      pre: [{ dim: "root_id", values: [ID] }],
      post: [{ dim: "class", values: ["neuron"] }],
      measure: { fn: "distinct", side: "post" },
    });
  });
});

describe("wiring said the way dev21 says it", () => {
  it("reads cells named before the synapses a root receives as their senders", async () => {
    for (const [q, pre] of [
      [`how many inhibitory synapses does ${ID} receive`, { dim: "class", values: ["inhibitory"] }],
      [`how many BC synapses does ${ID} get`, { dim: "cell_type", values: ["BC"] }],
    ] as const)
      expect(await planOf(q), q).toMatchObject({ pre: [pre], post: [{ dim: "root_id", values: [ID] }] });
    // (Synapses a root makes may be named by its own class: which side is meant is asked.)
    expect(await planOf(`how many excitatory synapses does ${ID} make`)).toBe("clarify");
  });

  it("keeps a mean per connection over connections, said of 'a basket cell' on average", async () => {
    expect(
      await planOf(
        "On average, how many synapses does a basket cell make per connection onto a layer 2/3 pyramidal cell?",
      ),
    ).toMatchObject({ source: "connections", measure: { fn: "mean", of: "synapses" }, groupBy: [] });
  });

  it("takes a participle of the whole of a share as the whole's ('the synapses made by 23P cells')", async () => {
    expect(
      await planOf("What fraction of the synapses made by layer 2/3 pyramidal cells are onto inhibitory neurons?"),
    ).toMatchObject({
      pre: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "fraction", part: { post: [{ dim: "class", values: ["inhibitory"] }] } },
    });
  });

  it("counts the partners of the one root named, never the root ('… presyn partners by type (# cells)')", async () => {
    expect(await answeredPlan(`${ID} presyn partners by type (# cells)`)).toMatchObject({
      post: [{ dim: "root_id", values: [ID] }],
      measure: { fn: "distinct", side: "pre" },
      groupBy: [{ dim: "cell_type", side: "pre" }],
    });
  });
});

describe("wiring terms of a lab channel (dev21)", () => {
  const flowOf = (pre: string, post: string) => ({
    pre: [{ dim: "cell_type", values: [pre] }],
    post: [{ dim: "cell_type", values: [post] }],
  });

  it("reads both directions as one row each way", async () => {
    for (const q of [
      "syn 23P<->4P, each direction",
      "synapse counts 23P to 4P in both directions",
      "L4 pyr and L2/3 pyr: synapse counts in both directions please, split by which one is presynaptic",
    ]) {
      const plan = await planOf(q);
      expect(plan, q).toMatchObject({ measure: { fn: "count" } });
      const labels = typeof plan === "object" && plan.kind === "query" ? plan.compare?.map((p) => p.label) : [];
      expect(new Set(labels), q).toEqual(new Set(["23P → 4P", "4P → 23P"]));
    }
    expect(await planOf("how many BCs in both directions")).toBe("clarify");
  });

  it("reads degrees, convergence and divergence said tersely", async () => {
    expect(await planOf("avg in-degree 5P-ET")).toMatchObject({ measure: { fn: "mean", of: "in_partners" } });
    expect(await planOf("avg divergence BC→23P")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["BC"] }],
      measure: { fn: "mean", of: "out_partners" },
      partners: [{ dim: "cell_type", values: ["23P"] }],
    });
    for (const q of [
      "convergence 23P→5P-ET",
      "On average, how many different L2/3 pyramidal cells converge onto a single layer 5 ET cell?",
    ])
      expect(await planOf(q), q).toMatchObject({
        filter: [{ dim: "cell_type", values: ["5P-ET"] }],
        measure: { fn: "mean", of: "in_partners" },
        partners: [{ dim: "cell_type", values: ["23P"] }],
      });
    expect(await planOf("avg # 23P targets per BC")).toMatchObject({ measure: { fn: "mean", of: "out_partners" } });
    expect(await planOf(`${ID} out partners w/ >=3 syn`)).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 3 }],
      groupBy: [{ dim: "root_id", side: "post" }],
    });
  });

  it("reads the share of possible pairs that are connected as the connection probability", async () => {
    for (const [q, pre, post] of [
      ["What percent of all possible PV → layer 5 IT cell pairs are actually connected?", "BC", "5P-IT"],
      ["what fraction of possible BC→23P pairs are connected", "BC", "23P"],
      [
        "What's the connection probabilty among layer 2/3 pyramidal cells (23P onto 23P), as a percentage?",
        "23P",
        "23P",
      ],
    ])
      expect(await planOf(q!), q).toMatchObject({ ...flowOf(pre!, post!), measure: { fn: "probability" } });
  });
});

describe("the synapses of one connection", () => {
  it.each([
    ["max syn in one BC -> L5 IT conn", "max"],
    ["max synapses in a single BC→5P-IT connection", "max"],
    ["what's the largest number of synapses per BC→23P connection", "max"],
    ["the fewest synapses per BC→23P connection", "min"],
    ["mean synapses per connection BC→23P", "mean"],
  ])("%s", async (q, fn) => {
    expect(await answeredPlan(q)).toMatchObject({ source: "connections", measure: { fn, of: "synapses" } });
  });

  it("still asks back an order of one number ('highest mean synapses per connection BC→23P')", async () => {
    expect(await answeredPlan("highest mean synapses per connection BC→23P")).toBe("clarify");
  });
});

describe("two flows listed with 'and'", () => {
  it("are one row each, as with 'vs' ('synapses 23P→4P and 4P→23P')", async () => {
    const plan = await answeredPlan("synapses 23P→4P and 4P→23P");
    const labels = typeof plan === "object" && plan.kind === "query" ? plan.compare?.map((p) => p.label) : [];
    expect(labels).toEqual(["23P→4P", "4P→23P"]);
  });

  it("are asked back when a name is said twice with other names ('total synapses BC→23P and MC→23P')", async () => {
    expect(await answeredPlan("total synapses BC→23P and MC→23P")).toBe("clarify");
  });
});

describe("where on a cell a synapse lands is not in the tables", () => {
  it.each([
    "median syn size BC->5P-ET at the soma?",
    `How many distinct interneurons synapse onto ${ID} at the soma?`,
    "Of all synapses onto L5 ET cells, what share is from excitatory cells at the soma?",
  ])("asks back a soma said of synapses: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("keeps a cell's own soma as where the cell is", async () => {
    expect(await planOf("synapses onto cells whose soma lies in layer 4")).toMatchObject({
      post: [{ dim: "layer", values: ["L4"] }],
    });
  });
});
