import { describe, expect, it } from "vitest";
import { planOf, queryOf } from "./support/reader-plans.js";

/**
 * Wrong answers on arrival of the stacker (dev33) and the comparer (dev34): a share whose part is a count said
 * of the cells, two flows compared within each group, a comparison of proofread axons counted over typed cells,
 * "(summed over targets)" read as a bound on each connection.
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("a share whose part is a count said of the cells", () => {
  it("keeps the place and the depth in the whole, the count in the part", async () => {
    const q =
      "What percentage of the 23P cells in V1 deeper than 250 µm receive at least 5 synapses from basket cells in L2/3?";
    // (V1 had been the part: the share of 23P cells with 5 BC synapses that are in V1.)
    expect(await queryOf(q)).toMatchObject({
      filter: [...type("23P"), { dim: "area", values: ["V1"] }, { dim: "depth", min: 250 }],
      measure: {
        fn: "fraction",
        part: {
          filter: [{ dim: "in_synapses", min: 5, partners: [...type("BC"), { dim: "layer", values: ["L2/3"] }] }],
        },
      },
    });
  });

  it("still reads a place as the part when nothing else is said", async () => {
    expect(await queryOf("fraction of 23P cells in LM")).toMatchObject({
      measure: { fn: "fraction", part: { filter: [{ dim: "area", values: ["LM"] }] } },
    });
  });
});

describe("two flows compared within each group", () => {
  it.each([
    "Which cell types receive more synapses from VIP bipolar cells than from PV basket cells?",
    "types w/ more syn from BPC than from BC",
    // (dev46: each place's count per type had been answered, a table that looked like the set asked for.)
    "Which excitatory cell types have more cells in RL than in LM?",
    "inh types w/ more somata in L5 than L2/3",
  ])("asks back, never merges the flows: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("still compares two flows onto one population", async () => {
    expect(await queryOf("do 23P cells receive more synapses from BC than from MC?")).toMatchObject({
      post: type("23P"),
      groupBy: [{ dim: "cell_type", side: "pre" }],
    });
  });
});

describe("sets compared by a root's annotation", () => {
  it("counts roots, as the plain count does", async () => {
    const q = "How many times more proofread axons are partially extended than fully extended?";
    expect(await queryOf(q)).toMatchObject({ source: "roots", contrast: "ratio" });
    expect(await queryOf("how many axons are fully extended")).toMatchObject({ source: "roots" });
  });
});

describe("a cell's synapses summed over its targets", () => {
  it("is a bound on the cell's count, not on each connection", async () => {
    const q = "give me the 4P cells that make 4 or more synapses (summed over targets) onto 23P cells";
    expect(await queryOf(q)).toMatchObject({
      source: "roots",
      filter: [...type("4P"), { dim: "out_synapses", min: 4, partners: type("23P") }],
      measure: { fn: "list" },
    });
  });
});

describe("a list never runs on past a question word", () => {
  it("keeps the targets said first apart from the senders said in the question", async () => {
    // ("L5 ET targets, what is the 23P" had been one list: 23P onto 23P and 5P-ET, with no senders.)
    const q = "For L5 ET targets, what percent of the possible 23P→target pairs are connected?";
    expect(await queryOf(q)).toMatchObject({ pre: type("23P"), post: type("5P-ET"), measure: { fn: "probability" } });
  });
});

describe("a fold change", () => {
  it("is a ratio of two flows, or how many times more", async () => {
    expect(await queryOf("fold change syn 4P→23P over 23P→4P")).toMatchObject({
      compare: [
        { pre: type("4P"), post: type("23P") },
        { pre: type("23P"), post: type("4P") },
      ],
      contrast: "ratio",
    });
    expect(await queryOf("how many fold more BCs than MCs")).toMatchObject({ contrast: "ratio" });
  });
});

describe("where the cells of a side are, said in brackets or of their soma", () => {
  const deeper = (n: number) => ({ dim: "depth", min: n, minExclusive: true });
  const inV1 = { dim: "area", values: ["V1"] };
  it.each([
    ["p(conn) % 23P(V1, >250um) → BC(V1, L2/3)", [...type("23P"), inV1, deeper(250)]],
    ["# conn (>=2 syn) 4P(V1) → 23P(V1, depth>250um)", [...type("4P"), inV1]],
  ])("%s", async (q, pre) => {
    expect((await queryOf(q)).pre).toEqual(pre);
  });

  it.each([
    "synapses from 23P onto BCs whose soma is deeper than 400 µm",
    "synapses from 23P onto BCs sitting deeper than 400 um",
  ])("%s: the targets' depth", async (q) => {
    expect((await queryOf(q)).post).toEqual([...type("BC"), deeper(400)]);
  });

  it("leaves a bracket with anything but places and depths to be read", async () => {
    expect(await queryOf("BC (fragments excluded)")).toMatchObject({
      filter: expect.arrayContaining([{ dim: "has_nucleus", is: true }]),
    });
  });
});
