import { describe, expect, it } from "vitest";
import { planOf, queryOf } from "./support/reader-plans.js";

/**
 * Wordings typed during a meeting (dev31): a statistic said with the one it is not, a cutoff given with "say"
 * after the cells and their place, "can someone pull …". Each had been asked back.
 */

describe("a statistic said with the one it is not", () => {
  it.each([
    ["what's the median number of output synapses per basket cell, median not mean", "out_synapses"],
    ["median inputs per 23P (not the mean)", "in_synapses"],
    ["median depth of BCs, not the mean", "depth"],
  ])("%s: the median", async (q, of) => {
    expect((await queryOf(q)).measure).toEqual({ fn: "median", of });
  });

  it.each(["mean depth of BCs (not the mean)", "mean, not average, inputs per 23P"])(
    "%s: a statistic denied that is the one asked is asked back",
    async (q) => {
      expect(await planOf(q)).toBe("clarify");
    },
  );
});

describe("a cutoff that defines a word, said after the cells and their place", () => {
  it("is the cutoff, on those cells in that place", async () => {
    expect(
      await queryOf("what's the n for orientation selective cells in V1, say gOSI of at least 0.3?"),
    ).toMatchObject({
      filter: [
        { dim: "area", values: ["V1"] },
        { dim: "osi", min: 0.3 },
      ],
      measure: { fn: "count" },
    });
  });

  it("still asks when the cutoff is on another quantity than the word names", async () => {
    expect(await planOf("how many direction selective cells, say with a gOSI above 0.3")).toBe("clarify");
  });
});

describe("asking someone else in the channel", () => {
  it.each(["can someone pull how many BCs there are", "could somebody pull the number of BCs"])("%s", async (q) => {
    expect(await queryOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: ["BC"] }],
      measure: { fn: "count" },
    });
  });
});

describe("shorthand for leaving out", () => {
  it.each([
    ["how many neurons w/o coregistration", { dim: "coregistered", is: false }],
    ["# cells ex-V1", { dim: "area", values: ["V1"], not: true }],
    ["excitatory neurons ex-23P, how many", { dim: "cell_type", values: ["23P"], not: true }],
  ])("%s", async (q, filter) => {
    expect((await queryOf(q)).filter).toContainEqual(filter);
  });
});
