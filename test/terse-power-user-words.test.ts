import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/** Words of the blind set dev45 ("the terse power user") that had been asked back. */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("fragments said to be counted, as they are anyway", () => {
  it.each([
    "top 5 inputs onto 864691135907322349 by syn #, frags ok",
    "top 5 inputs onto 864691135907322349 by syn #, incl. orphan frags",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "pre" }], limit: 5 });
  });

  it("med in-degree 4P (# distinct presyn roots incl frags)", async () => {
    expect(await planOf("med in-degree 4P (# distinct presyn roots incl frags)")).toMatchObject({
      measure: { fn: "median", of: "in_partners" },
    });
  });
});

describe("a bound said after its number", () => {
  it("a size of 4000 or more is at least 4000", async () => {
    expect(await planOf("What percentage of 23P to 23P synapses have a size of 4000 or more?")).toMatchObject({
      measure: { fn: "fraction", part: { filter: [{ dim: "size", min: 4000 }] } },
    });
  });

  it("a nucleus volume of 300 um3 or less is at most 300", async () => {
    expect(await planOf("how many BCs with a nucleus volume of 300 um3 or less")).toMatchObject({
      filter: [...type("BC"), { dim: "volume", max: 300 }],
    });
  });

  it("leaves 'a threshold of 3 or more synapses' to the reader", async () => {
    expect(await planOf("connections of 3 or more synapses from BC onto 23P: how many")).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 3 }],
    });
  });

  it("'5 or more synapses in total from MCs': the MCs are the count's partners", async () => {
    expect(await planOf("How many 23P cells receive 5 or more synapses in total from Martinotti cells?")).toMatchObject(
      {
        source: "roots",
        filter: [...type("23P"), { dim: "in_synapses", min: 5, partners: type("MC") }],
      },
    );
  });
});

describe("more lab shorthand", () => {
  it("'(all inputs, any presyn)' says the default again", async () => {
    expect(await planOf("L6 IT cells: mean # of synapses received per cell (all inputs, any presyn)")).toMatchObject({
      measure: { fn: "mean", of: "in_synapses" },
    });
  });

  it("'(summed)' after each cell's count with others, and '— roots' last", async () => {
    expect(await planOf("4P w/ >=15 syn from PV (summed) — roots")).toMatchObject({
      filter: [...type("4P"), { dim: "in_synapses", min: 15, partners: type("BC") }],
      measure: { fn: "list" },
    });
  });

  it("'(best scan per unit)' says the default again", async () => {
    expect(await planOf("gOSI > 0.5 (best scan per unit), 4P, V1: list roots")).toMatchObject({
      filter: expect.arrayContaining([{ dim: "osi", min: 0.5, minExclusive: true }]),
    });
  });

  it("leaves '(any source, untyped fragments included)' to the reading it had", async () => {
    const q =
      "Of every synapse onto an L2/3 pyramidal cell (any source, untyped fragments included), what % is made by a BC?";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "fraction", part: { pre: type("BC") } } });
  });
});
