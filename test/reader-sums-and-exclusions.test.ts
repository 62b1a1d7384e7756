import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/** Names added up ("BC plus MC"), a class spelled out as its parts, and names left out after the fact. */
describe("names added up are one population", () => {
  it.each([
    ["mean volume of BC plus MC", { filter: [{ dim: "cell_type", values: ["BC", "MC"] }] }],
    ["synapses from BC plus MC onto 23P", { pre: [{ dim: "cell_type", values: ["BC", "MC"] }] }],
    ["how many BC + MC in V1", { filter: expect.arrayContaining([{ dim: "cell_type", values: ["BC", "MC"] }]) }],
    ["how many neurons (excitatory plus inhibitory) are in L4", { measure: { fn: "count" } }],
    ["how many neurons (excitatory and inhibitory) are in L4", { measure: { fn: "count" } }],
    ["total number of synapses onto 23P and 4P", { post: [{ dim: "cell_type", values: ["23P", "4P"] }] }],
  ])("%s: one figure, not one per name", async (q, plan) => {
    expect(await planOf(q)).toMatchObject({ ...plan, groupBy: [] });
  });

  it("still gives each its own figure when they are compared", async () => {
    expect(await planOf("total synapses from BC vs MC onto 23P")).toMatchObject({
      groupBy: [{ dim: "cell_type", side: "pre" }],
    });
  });

  it("still gives each name its own figure when only 'and' joins them", async () => {
    expect(await planOf("how many excitatory and inhibitory cells are in L4")).toMatchObject({
      groupBy: [{ dim: "class" }],
    });
  });
});

describe("names left out after the fact", () => {
  const noGlia = { dim: "class", values: ["nonneuron"], not: true };
  it.each([
    "Glia excluded, what are the 3 most common cell types in AL?",
    "how many cells in AL, glia excluded?",
    "Glia excluded (so no astrocytes or oligos), what are the 3 most common cell types in AL?",
    "# neurons in L4 (excl. glia)",
    "# neurons in L4 (by soma depth; excl. glia)",
  ])("%s: the names are excluded, never kept", async (q) => {
    expect(await planOf(q)).toMatchObject({ filter: expect.arrayContaining([noGlia]) });
  });

  it("asks back what it cannot name", async () => {
    expect(await planOf("outliers excluded, mean volume of BCs")).toBe("clarify");
  });
});
