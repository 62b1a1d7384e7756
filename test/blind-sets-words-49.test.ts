import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found at stop 49: wrong answers that looked right, found beside the blind sets, and the words of the
 * blind sets dev81 to dev84.
 */

describe("cells said first, then '% of all' a whole (a share the other way round had been 100%)", () => {
  it.each([
    "coreg cells by area, % of all coreg pls",
    "coreg cells by area (% of all coreg)",
    "coreg cells by area; % of total coreg",
    "coreg cells by area (% of all coreg cells)",
  ])("each area's share of the same cells: %s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "coregistered", is: true }],
      measure: { fn: "fraction", across: true },
      groupBy: [{ dim: "area" }],
    });
  });

  it("a kind of the whole: BCs per layer as a share of each layer's inhibitory cells", async () => {
    expect(await planOf("BCs by layer (% of all inhibitory cells)")).toMatchObject({
      filter: [{ dim: "class", values: ["inhibitory"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "cell_type", values: ["BC"] }] } },
      groupBy: [{ dim: "layer" }],
    });
  });

  it("a place said of the part only is asked back (of all neurons, or of those there?)", async () => {
    expect(await planOf("23P cells in V1 (% of all neurons)")).toBe("clarify");
  });

  it("the whole said first still is the whole", async () => {
    expect(await planOf("of all the 23Ps, what percentage sit in LM?")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "area", values: ["LM"] }] } },
    });
  });
});
