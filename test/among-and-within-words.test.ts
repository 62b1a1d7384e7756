import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * "Among" synapses and "within" places (found by the blind sets dev49 and dev51). "mean size among BC outputs" and
 * "Among BC outputs, what is the biggest synapse?" had been BC onto BC; "Both cells in V1, pre and post L2/3
 * pyramidal" V1→23P vs 23P→V1; "synapses within V1 and within RL" V1→RL vs RL→V1.
 */
const type = (...t: string[]) => [{ dim: "cell_type", values: t }];
const area = (a: string) => ({ dim: "area", values: [a] });

describe("among synapses", () => {
  it.each([
    ["mean size among BC outputs", "mean"],
    ["Among BC outputs, what is the biggest synapse?", "max"],
    ["Among basket cell output synapses, what is the largest size?", "max"],
    ["Of all the synapses from BC, what's the size of the single biggest one?", "max"],
  ])("%s: the BC outputs (%s size)", async (q, fn) => {
    expect(await planOf(q)).toMatchObject({ pre: type("BC"), post: [], measure: { fn, of: "size" } });
  });

  it.each([
    ["the mean size among the BC synapses onto 23P", "mean"],
    ["What is the smallest synapse size among the Martinotti cell synapses onto L2/3 pyramidal cells?", "min"],
  ])("%s: one flow", async (q, fn) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ measure: { fn, of: "size" }, post: type("23P") });
  });

  it("Among 23P inputs, what fraction come from BC?: a share of the 23P inputs", async () => {
    expect(await planOf("Among 23P inputs, what fraction come from BC?")).toMatchObject({
      pre: [],
      post: type("23P"),
      measure: { fn: "fraction", part: { pre: type("BC") } },
    });
  });

  it("Among BC outputs, what is the top cell by synapse count?: a BC or a target? asked back", async () => {
    expect(await planOf("Among BC outputs, what is the top cell by synapse count?")).toBe("clarify");
  });
});

describe("within places and types", () => {
  it("Both cells in V1, pre and post L2/3 pyramidal: one flow, both on each side", async () => {
    const q = "Both cells in V1, pre and post L2/3 pyramidal: average synapse size?";
    const both = [area("V1"), { dim: "cell_type", values: ["23P"] }];
    expect(await planOf(q)).toMatchObject({ pre: both, post: both, measure: { fn: "mean", of: "size" } });
  });

  it("synapses within V1 and within RL: each place on both sides, compared", async () => {
    expect(await planOf("synapses within V1 and within RL")).toMatchObject({
      compare: [
        { label: "within V1", pre: [area("V1")], post: [area("V1")] },
        { label: "within RL", pre: [area("RL")], post: [area("RL")] },
      ],
    });
  });

  it("synapses between V1 and RL: still both ways", async () => {
    expect(await planOf("synapses between V1 and RL")).toMatchObject({
      compare: [{ label: "V1 → RL" }, { label: "RL → V1" }],
    });
  });
});
