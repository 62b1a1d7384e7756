import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Ways of asking of a systems neuroscientist (dev44, structure meets function) that had been asked back: a tuning
 * word with its cutoff in brackets or said first, "the 4P neurons we have tuning for", "a coregistered functional
 * unit", and a pasted cell's coregistered partners "+ their gOSI".
 */
const ID = "864691135934396245";
const above = (min: number) => ({ dim: "osi", min, minExclusive: true });

describe("a tuning word and the cutoff it is given", () => {
  it.each([
    ["How many synapses do Martinotti cells make onto orientation-tuned cells (gOSI > 0.3)?", 0.3],
    ["Onto orientation-tuned neurons (gOSI over 0.3), how many synapses come from SST cells?", 0.3],
  ])("%s: the cutoff on the targets", async (q, min) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "cell_type", values: ["MC"] }],
      post: [above(min)],
      measure: { fn: "count" },
    });
  });

  it.each([
    ["# strongly orientation-tuned neurons (gOSI > 0.4)", 0.4],
    ["Count the strongly orientation-tuned cells (global OSI greater than 0.5).", 0.5],
  ])("%s: an adverb before the word is part of it", async (q, min) => {
    expect(await planOf(q)).toMatchObject({ source: "cells", filter: [above(min)], measure: { fn: "count" } });
  });

  it("reads 'Using gOSI > 0.3 as the cutoff for orientation selective, how many … pass?'", async () => {
    expect(
      await planOf("Using gOSI > 0.3 as the cutoff for orientation selective, how many coregistered neurons pass?"),
    ).toMatchObject({ filter: [{ dim: "coregistered", is: true }, above(0.3)], measure: { fn: "count" } });
  });

  it("reads 'Taking gOSI > 0.3 as tuned: what percentage of … are tuned?'", async () => {
    expect(
      await planOf("Taking gOSI > 0.3 as tuned: what percentage of the functionally imaged V1 neurons are tuned?"),
    ).toMatchObject({ measure: { fn: "fraction", part: { filter: [above(0.3)] } } });
  });
});

describe("the functional tables said another way", () => {
  it.each([
    ["For the 4P neurons we have tuning for, what's their average global OSI?", "tuned"],
    ["% of func-characterized cells w/ gOSI > 0.2", "tuned"],
    ["how many neurons have a matched functional unit (coreg)?", "coregistered"],
  ])("%s: the %s cells", async (q, dim) => {
    expect(JSON.stringify(await planOf(q))).toContain(`{"dim":"${dim}","is":true}`);
  });

  it.each([
    `coreg inputs to ${ID} + their gOSI`,
    `coregistered inputs to ${ID} with their gOSI`,
    `coreg inputs to ${ID} and their gOSI`,
  ])("%s: each coregistered input with its gOSI", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      pre: [{ dim: "coregistered", is: true }],
      post: [{ dim: "root_id", values: [ID] }],
      measure: { fn: "list", with: ["osi"], side: "pre" },
    });
  });

  it("still adds up populations joined by a plus", async () => {
    expect(await planOf("how many BC + MC in V1")).toMatchObject({
      filter: [
        { dim: "cell_type", values: ["BC", "MC"] },
        { dim: "area", values: ["V1"] },
      ],
      groupBy: [],
    });
  });
});

describe("a condition said of both sides", () => {
  it("asks back a cutoff said of both sides that the plan would put on one side", async () => {
    // (It had been put on the postsynaptic cells alone, "on both sides" left unread as a connective.)
    expect(await planOf("# syn tuned→tuned with gOSI > 0.3 on both sides")).toBe("clarify");
  });

  it("reads the cutoff on both sides when the cells between are named once", async () => {
    expect(await planOf("how many synapses between cells with gOSI > 0.3 on both sides")).toMatchObject({
      pre: [above(0.3)],
      post: [above(0.3)],
    });
  });
});

describe("both cells said in full", () => {
  const coreg = [{ dim: "coregistered", is: true }];
  it.each([
    "how many synapses BC->23P with both the pre and the post cell coregistered",
    "number of synapses where pre and post cells are both coregistered",
    "# syn where pre and post both coregistered",
  ])("%s: coregistered on each side", async (q) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ source: "synapses", measure: { fn: "count" } });
    expect((plan as { pre: unknown[] }).pre).toEqual(expect.arrayContaining(coreg));
    expect((plan as { post: unknown[] }).post).toEqual(expect.arrayContaining(coreg));
  });
});

describe("an interval said in brackets", () => {
  it.each([
    ["[45°, 90°)", { min: 45 }, { max: 90, maxExclusive: true }],
    ["(45°, 90°]", { min: 45, minExclusive: true }, { max: 90 }],
  ])("a preferred orientation in %s: each end kept or left out as its bracket says", async (said, lo, hi) => {
    const plan = await planOf(`how many cells with gOSI > 0.3 have a preferred orientation in ${said}`);
    expect(plan).toMatchObject({ filter: [above(0.3), { dim: "pref_ori", ...lo }, { dim: "pref_ori", ...hi }] });
  });
});
