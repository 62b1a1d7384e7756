import { describe, expect, it } from "vitest";
import { planOf, queryOf } from "./support/reader-plans.js";

/**
 * Wordings of the statistician (dev35): a cutoff said before a share, every layer listed after "per layer", the
 * statistic meant said last, a type whose name says its layer, "functionally measured" cells.
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("a cutoff said first, then the share that passes it", () => {
  it.each([
    "More than 50 incoming synapses: what share of 23P cells pass that cutoff?",
    "More than 50 incoming synapses: for what percentage of layer 2/3 pyramidal cells is that true?",
  ])("%s: the cutoff is the part, the cells the whole", async (q) => {
    // (The cutoff had been read as the whole: the share of the cells past it that are 23P.)
    expect(await queryOf(q)).toMatchObject({
      filter: type("23P"),
      measure: { fn: "fraction", part: { filter: [{ dim: "in_synapses", min: 50, minExclusive: true }] } },
    });
  });

  it("keeps the groups of the cells asked about", async () => {
    const q = "gOSI > 0.3: what share of the functionally measured neurons in each visual area clears that bar?";
    expect(await queryOf(q)).toMatchObject({
      filter: [{ dim: "tuned", is: true }],
      measure: { fn: "fraction", part: { filter: [{ dim: "osi", min: 0.3, minExclusive: true }] } },
      groupBy: [{ dim: "area" }],
    });
  });
});

describe("every layer listed after a grouping by layer", () => {
  it.each(["BC count per layer (L1..L6)", "Per layer (L1, L2/3, L4, L5, L6): how many basket cells?"])(
    "%s: the groups, said again",
    async (q) => {
      expect(await queryOf(q)).toMatchObject({ filter: type("BC"), groupBy: [{ dim: "layer" }] });
    },
  );

  it.each([
    ["% of all cells per layer (L1–L6 + WM)", "layer"],
    [
      "For each layer (L1, L2/3, L4, L5, L6 and white matter), what percent of all cells have their soma there?",
      "layer",
    ],
    ["% of all cells per area (V1, RL, AL, LM)", "area"],
  ])("%s: every group listed, a share of all cells per group", async (q, dim) => {
    expect(await queryOf(q)).toMatchObject({
      filter: [],
      measure: { fn: "fraction", across: true },
      groupBy: [{ dim }],
    });
  });

  it("narrows to the layers when only some are listed", async () => {
    expect((await queryOf("# BC by layer (L2/3, L4)")).filter).toContainEqual({
      dim: "layer",
      values: ["L2/3", "L4"],
    });
  });
});

describe("the statistic meant, said last", () => {
  it.each([
    "For layer 5 extratelencephalic neurons, what's the typical nucleus volume? the median, I mean",
    "typical nucleus volume of 5P-ET cells, I mean the median",
    "mean nucleus volume of 5P-ET cells? the median, I mean",
  ])("%s", async (q) => {
    expect(await queryOf(q)).toMatchObject({ filter: type("5P-ET"), measure: { fn: "median", of: "volume" } });
  });

  it("asks back when nothing asked for a statistic", async () => {
    expect(await planOf("how many BCs? the median, I mean")).toBe("clarify");
  });
});

describe("a type whose name says its layer", () => {
  it.each(["how many layer 5 extratelencephalic neurons", "how many layer 5 thick-tufted neurons"])(
    "%s: the type, not also a depth",
    async (q) => {
      expect((await queryOf(q)).filter).toEqual(type("5P-ET"));
    },
  );
});
