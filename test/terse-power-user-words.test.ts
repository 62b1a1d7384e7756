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
