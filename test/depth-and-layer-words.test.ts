import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Questions of depth and layers (dev39): "all cell classes, glia too" said after the question (it had been read
 * as the glia alone, per class: a wrong count), and a kind said once of two places in a connection probability
 * ("conn prob L4 → L2/3 neurons": the possible pairs had counted every cell in L4, glia too).
 */
describe("a kind said to be included", () => {
  it.each([
    "how many cells have their soma between 300 and 400 µm below the pia? all cell classes, glia too",
    "how many cells in V1, glia too",
    "how many cells in V1? glia included",
  ])("%s: no condition on the kind", async (q) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ source: "cells", measure: { fn: "count" }, groupBy: [] });
    expect(JSON.stringify(plan)).not.toMatch(/nonneuron|"class"/);
  });

  it("asks back glia said to be included in neurons", async () => {
    expect(await planOf("how many neurons in V1? glia too")).toBe("clarify");
  });
});

describe("a kind said once of both places of a connection probability", () => {
  it.each(["conn prob L4 → L2/3 neurons", "conn prob from L4 to L2/3 neurons (%, by soma depth)"])(
    "%s: neurons on both sides",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        measure: { fn: "probability" },
        pre: [
          { dim: "layer", values: ["L4"] },
          { dim: "class", values: ["neuron"] },
        ],
        post: [
          { dim: "layer", values: ["L2/3"] },
          { dim: "class", values: ["neuron"] },
        ],
      });
    },
  );

  it("keeps the cells a side names: conn prob L4 cells → L2/3 neurons", async () => {
    expect(await planOf("conn prob L4 cells → L2/3 neurons")).toMatchObject({
      pre: [{ dim: "layer", values: ["L4"] }],
    });
  });
});

describe("depths said in other words", () => {
  it.each([
    ["How many basket cells sit deeper then 600 µm below the pia?", { dim: "depth", min: 600, minExclusive: true }],
    ["How many excitatory neurons are in the top 200 µm of cortex?", { dim: "depth", max: 200, maxExclusive: true }],
    ["how many BCs within 200 µm of the pia", { dim: "depth", max: 200, maxExclusive: true }],
    ["# interneurons in L5+L6", { dim: "layer", values: ["L5", "L6"] }],
  ])("%s", async (q, filter) => {
    const plan = (await planOf(q)) as { filter: unknown[]; groupBy: unknown[] };
    expect(plan.filter).toContainEqual(filter);
    expect(plan.groupBy).toEqual([]);
  });

  it.each([
    ["Which 5 basket cells sit closest to the pia? List them shallowest first with their depths.", "asc"],
    ["Root id of the 23P whose soma sits furthest from the pia?", "desc"],
  ])("%s: ranked by depth", async (q, order) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id" }], order });
  });
});
