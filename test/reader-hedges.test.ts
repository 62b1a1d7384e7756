import { describe, expect, it } from "vitest";
import { answeredPlan, planOf } from "./support/reader-plans.js";

/**
 * A newcomer's wrappers (found by the blind set dev25, written here in other words): what they expect,
 * why they ask, an apology, an example list. Read as the plain question; anything that may restrict stays.
 */
describe("what the asker expects or why they ask, beside a sentence that asks", () => {
  it.each([
    [
      "Which layer has the most MCs? I heard that they prefer deep layers, not sure though.",
      "which layer has the most MCs",
    ],
    ["How many BCs are in V1? I'm guessing mostly deep ones but I don't know.", "how many BCs are in V1"],
    [
      "Which 2 types have the most coregistered cells? My guess is 23P and 4P.",
      "which 2 types have the most coregistered cells",
    ],
    ["How many proofread neurons per area? I'm trying to choose an area for my project.", "proofread neurons per area"],
    [
      "Mean output syn size per inhibitory type? I'd like to see whether MCs make smaller ones.",
      "mean output syn size per inhibitory type",
    ],
    ["List the proofread MCs. I want to look at them in neuroglancer.", "list the proofread MCs"],
    ["Median nucleus volume of BCs? Sorry if this is a silly question.", "median nucleus volume of BCs"],
    [
      "90th percentile of soma depth of MCs? Sorry if that's odd, our PI asked for it.",
      "90th percentile of soma depth of MCs",
    ],
    // (What the asker's project compares, before the one thing asked: dev26, the modeller, in other words.)
    ["We're comparing the areas with each other. First, how many MCs are in AL?", "how many MCs are in AL"],
    ["I'm mostly interested in BC versus MC wiring. How many BCs are there?", "how many BCs are there"],
  ])("%s", async (q, plain) => {
    const plan = await planOf(q);
    expect(typeof plan).toBe("object");
    expect(plan).toEqual(await planOf(plain));
  });

  it.each([
    "How many BCs? I'm guessing you only want V1.",
    "How many BCs are in V1? I want to see if there are more than 100.",
    "How many MCs? I read that only the ones in L5 matter.",
    "We're comparing only the cells in V1. How many MCs are there?",
  ])("keeps a sentence that may restrict: %s", async (q) => {
    expect(await answeredPlan(q)).toBe("clarify");
  });
});

describe("a list of examples after a grouping illustrates it", () => {
  it("reads '(23P, 4P, the L5 ones ...)' as examples of the excitatory types", async () => {
    const q = "For every excitatory type separately (23P, 4P, the L5 ones ...), the mean gOSI of the tuned cells?";
    expect(await planOf(q)).toMatchObject({
      filter: [
        { dim: "class", values: ["excitatory"] },
        { dim: "tuned", is: true },
      ],
      groupBy: [{ dim: "cell_type" }],
    });
  });
});

describe("two compared sets that are the same cells", () => {
  it("is asked back, never answered as one group twice", async () => {
    const q = "What's the mean gOSI for each excitatory cell type? I'd like to compare the pyramidial types.";
    expect(await answeredPlan(q)).toBe("clarify");
  });
});

describe("a newcomer's words for shares, statistics and layers", () => {
  const cls = (v: string) => ({ dim: "class", values: [v] });
  it.each([
    ["% non-neuronal cells", [], [cls("nonneuron")]],
    ["% inhibitory neurons", [cls("neuron")], [cls("inhibitory")]],
    ["% coregistered cells", [], [{ dim: "coregistered", is: true }]],
    ["Out of all the interneurons, the neurogliaform ones make up what percent?", [cls("inhibitory")], null],
    ["what fraction of all cells do BCs account for", [], [{ dim: "cell_type", values: ["BC"] }]],
  ])("%s", async (q, whole, part) => {
    const plan = (await planOf(q)) as { filter: unknown; measure: { fn: string; part: { filter: unknown } } };
    expect(plan.filter).toEqual(whole);
    expect(plan.measure.fn).toBe("fraction");
    if (part) expect(plan.measure.part.filter).toEqual(part);
  });

  // (Stop 40: this had been asked back, as "each layer's share of them" might be meant. A blind writer (dev42) read
  // "% inh neurons per area" as the share in each area, as a lab does; each area's share is said with "of".)
  it("reads a share of a kind per group as the share in each group", async () => {
    expect(await planOf("% inhibitory neurons by layer")).toMatchObject({
      filter: [cls("neuron")],
      measure: { fn: "fraction", part: { filter: [cls("inhibitory")] } },
      groupBy: [{ dim: "layer" }],
    });
    expect(await planOf("% of inh neurons per area")).toMatchObject({ measure: { fn: "fraction", across: true } });
  });

  it.each([
    ["For all the interneurons together, the 75th percentile of depth below the pia?", "75th pctl depth of inhibitory"],
    [
      "Averaging nucleus volume within each cell type, which three types come out largest?",
      "top 3 types by mean nuc vol",
    ],
    ["areas ranked by % inh among neurons, desc", "areas ranked by % inh among neurons, highest first"],
    [
      "Of the coregistered cells, which 3 cell types are the biggest groups?",
      "3 most numerous types among coregistered cells",
    ],
    [
      "how many neurons have their cell body in layer 4? I mean going by soma depth, not by the cell type labels.",
      "how many neurons in L4",
    ],
    ["How many BCs are there in each cortical layer? Using the soma depth for the layer.", "BCs per layer"],
    ["Interquartile range (Q3 minus Q1) of the nucleus volume for oligodendrocytes?", "IQR of oligo nucleus volume"],
  ])("%s", async (q, plain) => {
    const plan = await planOf(q);
    expect(typeof plan).toBe("object");
    expect(plan).toEqual(await planOf(plain));
  });

  it("holds a said interquartile range to the plan", async () => {
    expect(await planOf("mean BC depth (Q3 minus Q1)")).toBe("clarify");
  });
});

describe("a cutoff the asker defines a word by", () => {
  const osi = { dim: "osi", min: 0.3, minExclusive: true };
  const dsi = { dim: "dsi", min: 0.25, minExclusive: true };
  it.each([
    ["what % of tuned 4P cells are orientation selective, say with a gOSI above 0.3?", osi],
    ["Taking gOSI > 0.3 as the cutoff: among the tuned 4P cells, what percentage pass?", osi],
    [
      "what % of tuned 4P cells are direction selective, if we call a cell direction selective when its gDSI " +
        "is above 0.25?",
      dsi,
    ],
    ["Using gDSI > 0.25 as the criterion for direction selectivity, what % of the tuned 4P cells qualify?", dsi],
  ])("%s", async (q, cutoff) => {
    expect(await planOf(q)).toMatchObject({
      filter: [
        { dim: "tuned", is: true },
        { dim: "cell_type", values: ["4P"] },
      ],
      measure: { fn: "fraction", part: { filter: [cutoff] } },
    });
  });

  it.each([
    "how many tuned cells are direction selective, say with gOSI > 0.3",
    "how many tuned cells are orientation selective",
  ])("asks back a selectivity with no cutoff of its own: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});
