import { describe, expect, it } from "vitest";
import { planOf, queryOf } from "./support/reader-plans.js";

/**
 * Wordings of a newcomer (dev30): "contacts" for synapses, partners that "send" to a cell, "pyramid cells in
 * layer 2/3", "from the functional data". Each had been answered with a wrong number that looked right, or
 * asked back.
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("a word that is a noun or a verb is the noun after a count word, 'of' or 'the'", () => {
  it.each([
    "How many contacts do basket cells make onto 23P cells?",
    "how many contacts do BCs make onto 23P",
    "how many contacts from BCs onto 23P",
  ])("%s: the BCs make them", async (q) => {
    expect(await queryOf(q)).toMatchObject({ source: "synapses", pre: type("BC"), post: type("23P") });
  });

  it("keeps the whole of a share: the contacts onto 5P-ET, of which the inhibitory ones", async () => {
    expect(await queryOf("what percent of the contacts onto 5P-ET cells come from inhibitory cells?")).toMatchObject({
      post: type("5P-ET"),
      measure: { fn: "fraction", part: { pre: [{ dim: "class", values: ["inhibitory"] }] } },
    });
  });

  it("still reads the verb where it is one", async () => {
    expect(await queryOf("what fraction of BC outputs target 23P cells")).toMatchObject({
      pre: type("BC"),
      measure: { fn: "fraction", part: { post: type("23P") } },
    });
  });
});

describe("partners that send to a cell are its inputs", () => {
  it.each([
    ["On average, how many different partners send contacts to a layer 2/3 pyramid cell?", "in_partners"],
    ["mean number of partners per 23P that send it synapses", "in_partners"],
    ["how many partners receive synapses from the average BC", "out_partners"],
    ["on average how many partners does a BC send synapses to", "out_partners"],
  ])("%s", async (q, of) => {
    expect((await queryOf(q)).measure).toEqual({ fn: "mean", of });
  });
});

describe("pyramidal cells in a layer are the type named by that layer", () => {
  it.each([
    ["how many pyramid cells in layer 2/3", "23P"],
    ["how many pyramidal cells in L4", "4P"],
  ])("%s", async (q, t) => {
    expect((await queryOf(q)).filter).toEqual(type(t));
  });

  it("asks which type when the layer has several", async () => {
    expect(await planOf("how many pyramidal cells in layer 5")).toBe("clarify");
  });

  it("keeps the layer by depth when depth is said", async () => {
    expect((await queryOf("how many pyramidal cells in L4 by depth")).filter).toContainEqual({
      dim: "layer",
      values: ["L4"],
    });
  });
});

describe("the table a tuning is read from, said again", () => {
  it("is no flow from tuned cells", async () => {
    const q = "In degrees please - the preferred orientation of cell 864691135281225674, from the functional data?";
    expect(await planOf(q)).toMatchObject({ kind: "lookup", fields: ["tuning"] });
  });

  it("still names the tuned cells when nothing of tuning is asked", async () => {
    expect((await queryOf("how many BCs from the functional data")).filter).toContainEqual({ dim: "tuned", is: true });
  });
});

describe("a newcomer's words for what the tables call proofread and coregistered (data/lay-words.json)", () => {
  it.each([
    ["How many cells had their axon checked by hand?", { dim: "axon_proofread", is: true }],
    ["how many 23P cells whose axon was checked by hand", { dim: "axon_proofread", is: true }],
    ["Of the cells that were checked by hand, how many are there of each type?", { dim: "proofread", is: true }],
    ["How many of the cells they recorded activity from are in area LM?", { dim: "coregistered", is: true }],
    ["how many cells with recorded activity in LM", { dim: "coregistered", is: true }],
    ["how many cells were recorded in LM", { dim: "coregistered", is: true }],
    ["# neurons recorded in V1", { dim: "coregistered", is: true }],
  ])("%s", async (q, flag) => {
    expect((await queryOf(q)).filter).toContainEqual(flag);
  });

  it("reads 'recorded in' as coregistered only before a place", async () => {
    // ("cells recorded in LM" had counted every LM cell; "recorded in the dataset" says only where they are.)
    expect((await queryOf("how many cells are recorded in the dataset")).filter).toEqual([]);
    expect(await queryOf("how many synapses are recorded in the table")).toMatchObject({ source: "synapses" });
  });

  it("reads fragments said with an adjective as fragments", async () => {
    const q = `864691135300382104 top 5 post partners by # syn (unassigned fragments included)`;
    expect(await queryOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "post" }], post: [] });
  });

  it("reads a share of the cells recorded from", async () => {
    const q = "What percent of the pyramid cells in layer 2/3 did they record activity from?";
    expect(await queryOf(q)).toMatchObject({
      filter: type("23P"),
      measure: { fn: "fraction", part: { filter: [{ dim: "coregistered", is: true }] } },
    });
  });
});

describe("numbers and restatements said the long way", () => {
  it.each([
    ["# cells gOSI > 1/3", 1 / 3],
    ["how many cells with gOSI above half", 0.5],
  ])("%s: a fraction after a bound is its number", async (q, min) => {
    expect((await queryOf(q)).filter).toEqual([{ dim: "osi", min, minExclusive: true }]);
  });

  it("keeps L2/3 a layer", async () => {
    expect((await queryOf("how many 23P cells in L2/3")).filter).toContainEqual({ dim: "layer", values: ["L2/3"] });
  });

  it("reads depth 'below the surface' as below the pia", async () => {
    const q =
      "Ranking the neuron types by their average depth below the surface, deepest first, what are the top three?";
    expect(await queryOf(q)).toMatchObject({ measure: { fn: "mean", of: "depth" }, order: "desc", limit: 3 });
  });

  it("takes 'with at least one contact' said of connected pairs as what a connection is", async () => {
    const q = "How many different Martinoti → layer 5 IT cell pairs are actually wired up, with at least one contact?";
    expect(await queryOf(q)).toMatchObject({ source: "connections", pre: type("MC"), post: type("5P-IT") });
  });
});
