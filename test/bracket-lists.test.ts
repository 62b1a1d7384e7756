import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * "per visual area (V1, RL, AL, LM), the number of …": a list of short names in brackets is one list. Its commas had
 * split it into "V1" and "RL/AL/LM", read as one group in two places at once, and asked back.
 */
describe("a list of names in brackets", () => {
  it.each([
    ["per layer (L1, L2/3, L4), number of BCs", "layer", 3],
    ["per visual area (V1, RL), the number of neurons that are coregistered", "area", 2],
  ])("%s: one list, grouped", async (q, dim, n) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ groupBy: [{ dim }] });
    expect(JSON.stringify(plan)).toContain(`"values":[${'"'}`);
    expect(
      (plan as { filter: { dim: string; values?: string[] }[] }).filter.find((f) => f.dim === dim)?.values,
    ).toHaveLength(n);
  });

  it.each([
    "per visual area (V1, RL, AL, LM), the number of neurons that are coregistered",
    "per visual area (V1, RL, AL and LM), the number of neurons",
  ])("%s: every area listed names the groups again, grouped with no cut", async (q) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ groupBy: [{ dim: "area" }] });
    expect((plan as { filter: { dim: string }[] }).filter.some((f) => f.dim === "area")).toBe(false);
  });

  it("leaves a side's place in brackets to its own reading: 23P(V1) -> BC(V1, L2/3)", async () => {
    expect(await planOf("avg syn size 23P(V1) -> BC(V1, L2/3)")).toMatchObject({
      post: [{ dim: "cell_type" }, { dim: "area", values: ["V1"] }, { dim: "layer", values: ["L2/3"] }],
    });
  });
});
