import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/** A ranking within each group (top-per-group.ts; `perGroup` in the plan language since stop 39). */
describe("a ranking within each group", () => {
  it.each([
    ["top 2 target types for each inhibitory type", 2],
    ["for each area, the most common cell type", 1],
    ["per layer, which type has the most cells", 1],
    ["most common m-type per cell type", 1],
  ])("is ranked within each group, never across every group: %s", async (q, limit) => {
    expect(await planOf(q)).toMatchObject({ order: "desc", limit, perGroup: true });
  });

  it("asks back a ranking within groups with no second grouping: which 23P cell has the most BC inputs in each area", async () => {
    expect(await planOf("which 23P cell has the most BC inputs in each area")).toBe("clarify");
  });

  it.each([
    ["number of synapses per pre type and post type, top 5", 5],
    ["Averaging nucleus volume within each cell type, which three types come out largest?", 3],
    ["which area has the most BCs", 1],
  ])("still ranks across the groups when that is asked: %s", async (q, limit) => {
    expect(await planOf(q)).toMatchObject({ order: "desc", limit });
  });
});

describe("the kind of each of several ranked partners", () => {
  const R = "864691135252221195";
  it.each([
    `what type are ${R}'s top 3 targets`,
    `what types are the top 3 targets of ${R}`,
    `which area are ${R}'s top 3 targets in`,
  ])("is asked back, never answered as the top kinds: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("still ranks kinds when kinds are asked for", async () => {
    expect(await planOf(`top 3 target types of ${R}`)).toMatchObject({
      groupBy: [{ dim: "cell_type", side: "post" }],
      limit: 3,
    });
    expect(await planOf("Which cell type is the biggest upstream input to MCs, in synapses?")).toMatchObject({
      groupBy: [{ dim: "cell_type", side: "pre" }],
      limit: 1,
    });
  });
});
