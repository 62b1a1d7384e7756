import { describe, expect, it } from "vitest";
import { DEFAULT_VOCABULARY } from "../src/answers/chat.js";
import { planShapeProblem } from "../src/planning/plan-check.js";
import type { QueryPlan } from "../src/planning/plan.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";

/**
 * Readings found by adding words of known meaning to answered bank questions (a rank, a threshold, a
 * second subject, a claim of what is counted): each had been answered as if the words were not there.
 */
const reader = new OfflineReader(Vocabulary.load(DEFAULT_VOCABULARY));
const ID = "864691135001182742";
const planOf = async (q: string): Promise<QueryPlan | string> => {
  const r = await reader.plan(q);
  return r.type === "plan" ? r.plan : r.type;
};
/** What is answered: the reader's plan when the plan check lets it through, else "clarify". */
const answeredPlan = async (q: string): Promise<QueryPlan | string> => {
  const plan = await planOf(q);
  return typeof plan === "object" && planShapeProblem(plan) ? "clarify" : plan;
};

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
