import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * A statistic of per-cell statistics ("the mean of each BC's mean synapse size") is not the statistic said
 * twice: the plan language has no mean of means, and a pooled mean had been given for it. It is asked back;
 * a statistic said again ("mean syn size BC->23P (mean)", "median …, median not mean") still restates.
 */
describe("a statistic of per-cell statistics", () => {
  const nested = [
    "mean of each BC's mean output synapse size",
    "what's the average of the per-cell mean synapse size onto 23P?",
    "median of the per-cell mean syn size of BC outputs",
    "mean of every MC's mean input synapse size",
  ];
  it.each(nested)("asks back: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  const restated: [string, string][] = [
    ["mean syn size BC->23P (mean)", "mean syn size BC->23P"],
    ["what's the median number of output synapses per basket cell, median not mean", "median # output syn per BC"],
    [
      "Which three cell types make the largest synapses on average, going by the mean size of their output synapses?",
      "top 3 presynaptic cell types by mean synapse size",
    ],
  ];
  it.each(restated)("reads a statistic said again as one: %s", async (q, plain) => {
    const plan = await planOf(q);
    expect(typeof plan).toBe("object");
    expect(plan).toEqual(await planOf(plain));
  });
});
