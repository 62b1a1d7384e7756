import { describe, expect, it } from "vitest";
import { describePlan } from "../src/planning/describe.js";
import { planShapeProblem } from "../src/planning/plan-check.js";
import type { QueryPlan } from "../src/planning/plan.js";
import { answeredPlan, planOf } from "./support/reader-plans.js";

/**
 * Readings found by the blind sets dev22 (one cell at a time) and dev23 (a hurried week), written in
 * other words than theirs: each had been asked back, or answered as another question.
 */
const A = "864691135001182742";
const B = "864691135002233445";
const root = (id: string) => [{ dim: "root_id", values: [id] }];
const neurons = [{ dim: "class", values: ["neuron"] }];

describe("'neurons only' said apart restricts the partners, not the one cell", () => {
  it.each([
    [`Only counting neurons: how many different downstream partners does ${A} have?`, "pre", "post"],
    [`# postsyn partners of ${A} (neurons only)`, "pre", "post"],
    [`top 5 inputs to ${A}, neurons only`, "post", "pre"],
    [`Just neurons please: who are the 3 strongest inputs to ${A}?`, "post", "pre"],
  ])("%s", async (q, own, other) => {
    const plan = (await planOf(q)) as Extract<QueryPlan, { kind: "query" }>;
    expect(plan[own as "pre"]).toEqual(root(A));
    expect(plan[other as "pre"]).toEqual(neurons);
  });

  it("holds 'counting neurons' to the plan when nothing names the neurons", async () => {
    expect(await planOf(`how many partners does ${A} have? counting neurons`)).toBe("clarify");
  });
});

describe("a threshold one named cell makes onto each of the cells asked for is per connection", () => {
  it.each([
    `List the layer 2/3 pyramidal cells that ${A} makes at least 3 synapses onto.`,
    `how many 23P cells does ${A} make at least 3 synapses onto?`,
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 3 }],
      pre: root(A),
      post: [{ dim: "cell_type", values: ["23P"] }],
    });
  });
});

describe("a ranking said right after one root is of its partners", () => {
  it.each([`${A} top 5 post partners by # syn`, `${A} top 5 targets by # syn`, `${A} top4 targets`])(
    "%s",
    async (q) => {
      const plan = (await planOf(q)) as Extract<QueryPlan, { kind: "query" }>;
      expect(plan.pre).toEqual(root(A));
      expect(plan.groupBy).toEqual([{ dim: "root_id", side: "post" }]);
      expect(plan.measure).toEqual({ fn: "count" });
    },
  );
});

describe("two named cells compared on what each receives or makes", () => {
  it.each([
    [`which gets more input synapses, ${A} or ${B}?`, "post"],
    [`Which of these two receives more synapses, ${A} or ${B}?`, "post"],
    [`which makes more output synapses, ${A} or ${B}?`, "pre"],
    [`who has more inputs, ${A} or ${B}?`, "post"],
    // ("each" said of names listed elsewhere, and a side's count said before its owner.)
    [`input syn count ${A} vs ${B}`, "post"],
    [`${A} and ${B}: number of synapses onto each?`, "post"],
    [`number of synapses onto each of ${A} and ${B}`, "post"],
    [`output synapse count: ${A} vs ${B}`, "pre"],
  ])("%s", async (q, side) => {
    const plan = (await planOf(q)) as Extract<QueryPlan, { kind: "query" }>;
    expect(plan.groupBy).toEqual([]);
    expect(plan.compare?.map((p) => p[side as "pre"])).toEqual([root(A), root(B)]);
  });

  it("says the side of each compared cell in the reading", async () => {
    const plan = (await planOf(`which gets more inputs, ${A} or ${B}?`)) as QueryPlan;
    expect(describePlan(plan, { typeLabel: (v) => v })).toContain(`compared: onto ${A} vs onto ${B}`);
  });

  it("asks back 'which of the two cells' with no cells named", async () => {
    expect(await planOf("Which of the two cells receives more inhibitory input?")).toBe("clarify");
  });

  it("reads both directions between two named cells", async () => {
    const plan = (await planOf(`${A} <-> ${B}: # syn each way`)) as Extract<QueryPlan, { kind: "query" }>;
    expect(plan.compare?.map((p) => [p.pre, p.post])).toEqual([
      [root(A), root(B)],
      [root(B), root(A)],
    ]);
  });
});

describe("two names joined by a hyphen are the synapses between them", () => {
  it("reads one type on both sides as within it", async () => {
    expect(await planOf("mean syn size 23P-23P")).toMatchObject({
      pre: [{ dim: "cell_type", values: ["23P"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
    });
  });

  it.each(["how many BC-23P synapses", "# exc-inh synapses", "how many BC<->23P synapses"])(
    "reads two names as both directions: %s",
    async (q) => {
      const plan = (await planOf(q)) as Extract<QueryPlan, { kind: "query" }>;
      expect(plan.compare).toHaveLength(2);
    },
  );

  it("keeps a name with a hyphen whole", async () => {
    expect(await planOf("how many 5P-IT cells")).toMatchObject({ filter: [{ dim: "cell_type", values: ["5P-IT"] }] });
  });
});

describe("a lead that names one cell, then a question pointing back at it", () => {
  it.each([
    [`Just came across ${A} while scrolling in neuroglancer - what kind of cell is this one?`, { rootId: A }],
    [
      "I only have a nucleus id from the detection table, 101804. Which cell type is that cell?",
      { nucleusId: "101804" },
    ],
  ])("%s", async (q, id) => {
    expect(await planOf(q)).toMatchObject({ kind: "lookup", ...id, fields: ["cell_type"] });
  });

  it.each([
    `Just came across ${A} in the left hemisphere - what type is this one?`,
    `Just came across ${A} while scrolling during locomotion - what type is this one?`,
  ])("keeps a lead that may restrict in the question (asked back): %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("the part of a share said before it, of a population's or a cell's inputs", () => {
  it.each([
    ["inhibitory share of 23P inputs", [{ dim: "cell_type", values: ["23P"] }]],
    [`inhibitory share of ${A}'s input syn`, root(A)],
  ])("%s", async (q, whole) => {
    expect(await planOf(q)).toMatchObject({
      pre: [],
      post: whole,
      measure: { fn: "fraction", part: { pre: [{ dim: "class", values: ["inhibitory"] }] } },
    });
  });
});

describe("words said again, and words that were absorbed", () => {
  it.each([
    ["More than 80 incoming synapses: how many L2/3 pyramidal cells pass that cutoff?", "roots"],
    ["how many 23P cells are coregistered with the two-photon data?", "cells"],
    ["For the recurrent L2/3 pyr → L2/3 pyr synapses, what is the mean size?", "synapses"],
    ["By number of unique input partners, which 3 layer 5 IT neurons come out on top?", "synapses"],
  ])("reads %s", async (q, source) => {
    expect(await answeredPlan(q)).toMatchObject({ source });
  });

  it.each([
    "how many L2/3 pyramidal cells pass that cutoff?",
    "recurrent BC → 23P synapses",
    "Which three cell types are the most numerous inside layer 4 sorted by depth?",
    "By synapse count, which 3 BCs are on top?",
  ])("asks back %s", async (q) => {
    expect(await answeredPlan(q)).toBe("clarify");
  });

  it("refuses a count of distinct roots grouped by those same roots", () => {
    const plan: QueryPlan = {
      kind: "query",
      source: "synapses",
      filter: [],
      pre: [{ dim: "cell_type", values: ["5P-IT"] }],
      post: [],
      measure: { fn: "distinct", side: "pre" },
      groupBy: [{ dim: "root_id", side: "pre" }],
    };
    expect(planShapeProblem(plan)).toMatch(/1 each/);
  });
});

describe("constructions said first or twice", () => {
  it("reads a threshold said first as what the cells asked for get", async () => {
    expect(await planOf(`With 3 or more synapses from ${A}, which 23P cells are those?`)).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 3 }],
      pre: root(A),
      post: [{ dim: "cell_type", values: ["23P"] }],
    });
  });

  it("reads 'from A to B, and how many from B to A' as both directions", async () => {
    const plan = await planOf("How many synapses go from 23P to 4P cells, and how many from 4P to 23P?");
    const labels = (plan as Extract<QueryPlan, { kind: "query" }>).compare?.map((p) => p.label?.replace(/\s/g, ""));
    expect(labels).toEqual(["23P→4P", "4P→23P"]);
  });

  it("reads two flows asked with two 'how many' as one row each (compared-later.ts), never merged", async () => {
    expect(await planOf("how many synapses from BC to 23P and how many from MC to 23P")).toMatchObject({
      pre: [{ dim: "cell_type", values: ["BC", "MC"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
      groupBy: [{ dim: "cell_type", side: "pre" }],
    });
  });
});

describe("a question said again after 'i.e.'", () => {
  it("is read when the restatement reads into the same plan", async () => {
    const q = `Who is the strongest presynaptic partner of ${A}, i.e. the one with the most synapses onto it?`;
    expect(await planOf(q)).toMatchObject({ post: root(A), groupBy: [{ dim: "root_id", side: "pre" }], limit: 1 });
  });

  it("is asked back when the restatement says another thing", async () => {
    const q = `Who is the strongest presynaptic partner of ${A}, i.e. the one with the most synapses from it?`;
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("a comparative said of synapses named first is of their size", () => {
  it.each([
    "are BC synapses onto 23P larger than MC synapses onto 23P?",
    "do MC synapses onto 23P tend to be smaller than BC synapses onto 23P?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "size" } });
  });

  it("reads 'stronger' as synapses per connection of connections, and as the size of synapses", async () => {
    expect(await planOf("are 23P->23P connections stronger than 4P->23P connections?")).toMatchObject({
      source: "connections",
      measure: { fn: "mean", of: "synapses" },
    });
    expect(await planOf("are BC synapses onto 23P stronger than MC synapses onto 23P?")).toMatchObject({
      measure: { fn: "mean", of: "size" },
    });
    expect(await planOf("do 23P cells receive stronger input from BCs or MCs?")).toBe("clarify");
  });

  it("keeps a count said with it", async () => {
    const q = "is the number of BC synapses onto 23P larger than MC synapses onto 23P?";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "count" } });
  });
});

describe("two kinds compared right after 'more' are the sets compared", () => {
  it.each([
    "do 23P cells receive more inhibitory or excitatory synapses?",
    "do 23P cells get more synapses from inhibitory or excitatory cells?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "class", values: ["inhibitory", "excitatory"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "count" },
      groupBy: [{ dim: "class", side: "pre" }],
    });
  });
});

describe("the side one named cell is said to be on", () => {
  it.each([
    [`how many synapses in which ${A} is the presynaptic cell`, "pre"],
    [`count synapses with ${A} as postsynaptic partner`, "post"],
    [`mean size of synapses where ${A} is presynaptic`, "pre"],
  ])("%s", async (q, side) => {
    const plan = (await planOf(q)) as Extract<QueryPlan, { kind: "query" }>;
    expect(plan[side as "pre"]).toEqual(root(A));
    expect(plan.groupBy).toEqual([]);
  });

  it("reads the cells said to be on each side", async () => {
    const q = "synapses where the presynaptic cell is a BC and the postsynaptic cell is a 23P, how many";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "cell_type", values: ["BC"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "count" },
    });
  });
});
