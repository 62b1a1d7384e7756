import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/** Ratios of two named populations' synapses (dev24): which side the terms are on, and the whole's cells. */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("a ratio of two populations' synapses", () => {
  it.each([
    ["ratio of BC to MC synapses onto 23P", "pre", "23P"],
    ["synapses onto 23P: ratio of BC to MC", "pre", "23P"],
  ])("%s: the terms on one side, the cells named on the other", async (q, side, whole) => {
    expect(await planOf(q)).toMatchObject({
      source: "synapses",
      post: type(whole),
      measure: { fn: "ratio", numerator: { [side]: type("BC") }, denominator: { [side]: type("MC") } },
    });
  });

  it.each([
    ["ratio of BC to MC outputs", "pre"],
    ["ratio of BC to MC synapses", "pre"],
    ["ratio of BC to MC inputs", "post"],
  ])("%s: outputs (and synapses) are made by the terms, inputs received", async (q, side) => {
    expect(await planOf(q)).toMatchObject({
      pre: [],
      post: [],
      measure: { fn: "ratio", numerator: { [side]: type("BC") }, denominator: { [side]: type("MC") } },
    });
  });

  it("asks back a ratio with a restriction it cannot read", async () => {
    expect(await planOf("ratio of BC to MC synapses onto 23P spines")).toBe("clarify");
  });
});

describe("the ones of a set counted by comparing each with another set", () => {
  it.each([
    "how many BCs are deeper than the deepest MC",
    "how many BCs are deeper than MCs",
    "which BCs are deeper than any MC",
    "how many synapses onto 23P are larger than BC synapses",
  ])("is asked back, never answered as each set's count: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it.each([
    ["are BCs deeper than MCs", "mean"],
    ["how many BCs are deeper than 500 um", "count"],
  ])("still reads a comparison of the sets, or a threshold: %s", async (q, fn) => {
    expect(await planOf(q)).toMatchObject({ measure: { fn } });
  });
});

describe("a proofreading strategy said of synapses", () => {
  it("is asked back, never read as the partners' axon strategy", async () => {
    expect(await planOf("inter-areal synapses from 23P")).toBe("clarify");
    expect(await planOf("how many interareal neurons")).toMatchObject({
      filter: [{ dim: "axon_strategy", values: ["axon_interareal"] }],
    });
  });
});

describe("the most cells of a selectivity with no cutoff", () => {
  it("is asked back, never read as the group of the most selective cell", async () => {
    expect(await planOf("which area has the most orientation-selective cells")).toBe("clarify");
    expect(await planOf("which area has the most cells with gOSI above 0.3")).toMatchObject({
      measure: { fn: "count" },
      groupBy: [{ dim: "area" }],
    });
  });
});

describe("a share of one population's synapses that are its inputs", () => {
  it.each(["what fraction of BC synapses are inputs", "what fraction of 864691135252221195's synapses are inputs"])(
    "is asked back (inputs and outputs both are the whole): %s",
    async (q) => {
      expect(await planOf(q)).toBe("clarify");
    },
  );

  it("still reads a share of every synapse", async () => {
    expect(await planOf("what % of synapses are onto 864691135252221195")).toMatchObject({
      post: [],
      measure: { fn: "fraction", part: { post: [{ dim: "root_id" }] } },
    });
  });
});

describe("a place grouping said of a share with both sides named", () => {
  it.each([
    "per area, what fraction of 23P inputs come from BCs",
    "what fraction of 23P inputs come from BCs, per area",
  ])("asks which side's place, never takes the partners' (had been the BCs' area): %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("reads the side when it is said", async () => {
    expect(await planOf("what fraction of inputs onto 23P cells in each area come from BCs")).toMatchObject({
      groupBy: [{ dim: "area", side: "post" }],
    });
  });
});

describe("a yes/no question of the ones that rank first", () => {
  it.each([
    "is the largest BC in V1",
    "is the largest BC proofread",
    "are the 5 largest BCs in V1",
    "are the largest cells BCs",
    "are the biggest synapses onto 23P from BCs",
  ])("is asked back, never read as the first among those: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it.each(["what is the largest BC in V1", "are there more BCs or MCs", "are BCs deeper than MCs"])(
    "still reads: %s",
    async (q) => {
      expect(typeof (await planOf(q))).toBe("object");
    },
  );
});

describe("an E/I ratio of the inputs of listed types", () => {
  it.each(["E/I input ratio of 5P-IT, 5P-ET and 5P-NP cells", "E/I input syn ratio per type: 5P-IT, 5P-ET, 5P-NP"])(
    "is of the partners of each type, one row per type: %s",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        post: type("5P-IT").map((f) => ({ ...f, values: expect.arrayContaining(["5P-IT", "5P-ET", "5P-NP"]) })),
        measure: { numerator: { pre: [{ dim: "class", values: ["excitatory"] }] } },
        groupBy: [{ dim: "cell_type", side: "post" }],
      });
    },
  );

  it("never answers a ratio cut on the class of the very types it is grouped by", async () => {
    const { planShapeProblem } = await import("../src/planning/plan-check.js");
    const plan = await planOf("fraction of 23P inputs that are inhibitory per presynaptic type");
    expect(typeof plan === "object" && planShapeProblem(plan)).toBeTruthy();
  });
});

describe("an E/I ratio spelled out, and its noun said before 'ratio'", () => {
  const ei = (side: string) => ({
    fn: "ratio",
    numerator: { [side]: [{ dim: "class", values: ["excitatory"] }] },
    denominator: { [side]: [{ dim: "class", values: ["inhibitory"] }] },
  });
  it.each([
    "864691135183251314 inputs: exc/inh syn ratio",
    "exc/inh input ratio of 23P cells",
    "excitatory/inhibitory ratio of inputs to BCs",
  ])("%s: excitatory over inhibitory inputs", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "synapses", measure: ei("pre") });
  });

  it.each(["L2/3 E:I cell ratio", "exc:inh neuron ratio in L2/3"])("%s: a ratio of cell counts", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "cells",
      filter: [{ dim: "layer", values: ["L2/3"] }],
      measure: ei("filter"),
    });
  });
});

describe("a share whose part is said first, before the cells that own the whole", () => {
  const inh = [{ dim: "class", values: ["inhibitory"] }];
  it.each([
    ["Onto interneurons: what fraction of 23P output synapses go there?", "pre", type("23P"), "post", inh],
    [
      "Onto interneurons: what fraction of L2/3 pyramidal output synapses end up there?",
      "pre",
      type("23P"),
      "post",
      inh,
    ],
    ["From BCs: what fraction of 23P inputs come from there?", "post", type("23P"), "pre", type("BC")],
  ])("%s: the outputs (inputs) named are the whole", async (q, side, whole, partSide, part) => {
    expect(await planOf(q)).toMatchObject({
      [side]: whole,
      [partSide]: [],
      measure: { fn: "fraction", part: { [partSide]: part } },
    });
  });
});

describe("how much bigger, deeper, stronger: the difference of what the word implies", () => {
  it.each([
    ["how much bigger are 5P-ET nuclei than 23P nuclei", "mean", "volume", "difference"],
    ["how many times bigger are 5P-ET nuclei than 23P nuclei", "mean", "volume", "ratio"],
    [
      "How much deeper, on average, are L5 ET somata than L5 IT somata, in µm below the pia?",
      "mean",
      "depth",
      "difference",
    ],
    ["how much bigger are BC->23P synapses than MC->23P synapses", "mean", "size", "difference"],
  ])("%s: never the two counts", async (q, fn, of, contrast) => {
    expect(await planOf(q)).toMatchObject({ measure: { fn, of }, contrast });
  });

  it("asks back a size said of nothing that has one", async () => {
    expect(await planOf("how much larger are BCs than MCs")).toBe("clarify");
  });

  it("still counts for 'how many more'", async () => {
    expect(await planOf("how many more BCs than MCs")).toMatchObject({
      measure: { fn: "count" },
      contrast: "difference",
    });
  });
});

describe("a comparison whose second set names nothing", () => {
  it("is asked back, never compared with every row", async () => {
    const q = "how many distinct cells does 864691135252221195 receive input from, vs how many it targets";
    expect(await planOf(q)).toBe("clarify");
  });

  it("still compares with all cells when 'all' is said", async () => {
    expect(await planOf("mean volume of BCs vs all cells")).toMatchObject({
      compare: [{ filter: [{ dim: "cell_type", values: ["BC"] }] }, { filter: [] }],
    });
  });
});

describe("a share of a population's outputs that stay or end up somewhere", () => {
  it.each([
    ["what fraction of V1 neuron outputs stay in V1", { dim: "area", values: ["V1"] }],
    ["what fraction of BC outputs end up in L5", { dim: "layer", values: ["L5"] }],
  ])("%s: the outputs are the whole, the place the part's", async (q, place) => {
    expect(await planOf(q)).toMatchObject({ post: [], measure: { fn: "fraction", part: { post: [place] } } });
  });
});

describe("from within a place", () => {
  it("is from that place, one side; 'within' alone is both", async () => {
    expect(await planOf("what fraction of 23P inputs come from within V1")).toMatchObject({
      post: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "fraction", part: { pre: [{ dim: "area", values: ["V1"] }] } },
    });
    expect(await planOf("synapses within V1")).toMatchObject({
      pre: [{ dim: "area", values: ["V1"] }],
      post: [{ dim: "area", values: ["V1"] }],
    });
  });
});
