import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found at stop 51: the misreads left at stop 50 and the read parts of the sets written at this stop.
 */

const ROOT = "864691135006604625";

describe("the partners of one root, each with a bound on its connection's synapses", () => {
  it.each([`top 3 targets of ${ROOT} w >=3 syn`, `strongest inputs of ${ROOT} with 2+ syn`])(
    "%s ranks the partners by their synapses (a count of connections is 1 on every row)",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "sum", of: "synapses" } });
    },
  );

  it("connections asked for by name are counted as asked", async () => {
    const q = `how many connections with at least 3 synapses does ${ROOT} make onto each target`;
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "count" } });
  });

  it("a population's partners (not one root's) are still counted in connections", async () => {
    const q = "which 23P cells receive the most connections of at least 3 synapses from BCs";
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "count" } });
  });
});

describe("a share or a size statistic of each cell's synapses is one number per cell", () => {
  it.each([
    ["what fraction of each BC's output synapses land on 23P cells", "pre"],
    ["what percent of each 23P cell's inputs come from inhibitory neurons", "post"],
    ["mean synapse size of each BC's outputs", "pre"],
  ])("%s", async (q, side) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side }] });
  });

  it("the share of all of them together stays one number", async () => {
    expect(await planOf("what fraction of BC output synapses land on 23P cells")).toMatchObject({ groupBy: [] });
  });
});

describe("cells kept by their own share of their synapses", () => {
  const bc = { pre: [{ dim: "cell_type", values: ["BC"] }], groupBy: [{ dim: "root_id", side: "pre" }] };
  it.each([
    ["which BCs send more than 40% of their output synapses onto 23P", { ...bc, having: { min: 0.4 } }],
    ["BC ids w/ >40% of their out syn -> 23P (denom = all their outputs)", { ...bc, having: { min: 0.4 } }],
    ["list BCs with at least 40 percent of their outputs onto 23P", { ...bc, having: { min: 0.4 } }],
    ["which MCs make under 10% of their output synapses onto BCs", { having: { max: 0.1, maxExclusive: true } }],
    [
      "Which 23P cells get more than a third of their input synapses from inhibitory neurons?",
      { groupBy: [{ dim: "root_id", side: "post" }], having: { min: 1 / 3, minExclusive: true } },
    ],
    ["23P ids w/ >1/3 of input syn from inhibtory neurons", { having: { min: 1 / 3 } }],
  ])("%s", async (q, want) => {
    expect(await planOf(q)).toMatchObject({ measure: { fn: "fraction" }, ...want });
  });

  it.each([
    "which BCs have more than 40% of their output synapses onto 23P in the morning",
    "which BCs have more than 40% of 23P inputs",
    "23P ids w/ >1/3 of input syn from inhibtory neurons (denom = all BC outputs)",
  ])("%s is asked back", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("a pooled share and a ratio said again", () => {
  it("'taking all … together' is the pooled share", async () => {
    const q = "Taking all input synapses onto 23P cells together, what percentage come from inhibitory neurons?";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "fraction" }, groupBy: [] });
  });

  it("'Give me the ratio.' after a 'how many times more' is the ratio read", async () => {
    const q = "how many times more axons were partially extended than fully extended? Give me the ratio.";
    expect(await planOf(q)).toMatchObject({ contrast: "ratio" });
  });

  it("'Give me the ratio.' after one count is asked back", async () => {
    expect(await planOf("how many BCs are there? Give me the ratio.")).toBe("clarify");
  });
});

describe("restrictions said in brackets, with a hyphen, or before a comma", () => {
  const bcL5V1 = [
    { dim: "cell_type", values: ["BC"] },
    { dim: "area", values: ["V1"] },
    { dim: "layer", values: ["L5"] },
  ];
  it("'BC(V1, L5 soma) -> 5P-IT(V1)': restrictions of two kinds in brackets both hold", async () => {
    const plan = (await planOf("# syn BC(V1, L5 soma) -> 5P-IT(V1)")) as { pre: unknown[] };
    expect(plan).toMatchObject({ post: [{ dim: "cell_type" }, { dim: "area", values: ["V1"] }] });
    expect(plan.pre).toEqual(expect.arrayContaining(bcL5V1));
  });

  it("names of one kind in brackets stay a list, and two layers of one cell stay asked back", async () => {
    expect(await planOf("# cells per area (V1, RL, AL, LM)")).toMatchObject({ groupBy: [{ dim: "area" }] });
    expect(await planOf("# BC (L4, L5)")).toBe("clarify");
  });

  it("'layer-5 basket cells' is layer 5", async () => {
    const q = "How many synapses do layer-5 basket cells in V1 make onto 5P-IT cells in V1?";
    const plan = (await planOf(q)) as { pre: unknown[] };
    expect(plan.pre).toEqual(expect.arrayContaining(bcL5V1));
  });

  it("cells that name their side, after 'among', are on that side only", async () => {
    const q =
      "Restricting to presynaptic cells with a proofread axon, how many of their synapses land on L2/3 pyramidal cells?";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "axon_proofread", is: true }],
      post: [{ dim: "cell_type", values: ["23P"] }],
    });
    expect(await planOf("among coregistered neurons, how many synapses")).toMatchObject({
      pre: [{ dim: "coregistered" }],
      post: [{ dim: "coregistered" }],
    });
  });
});

describe("the cells a mean is taken over, said again", () => {
  const perCell = { source: "roots", measure: { fn: "mean", of: "in_partners" } };
  it.each([
    "How many different BCs innervate a 5P-ET cell on average",
    "How many different BCs innervate a 5P-ET cell on average, taking the mean over all 5P-ET cells?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ ...perCell, filter: [{ dim: "cell_type", values: ["5P-ET"] }] });
  });

  it("other cells than those of the mean are asked back", async () => {
    const q = "How many different BCs innervate a 5P-ET cell on average, taking the mean over all 23P cells?";
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("a kind said first with 'each', then pointed back at", () => {
  it.each([
    [
      "For each excitatory cell type, how many synapses do BCs make onto cells of that type?",
      { post: [{ dim: "class", values: ["excitatory"] }], groupBy: [{ dim: "cell_type", side: "post" }] },
    ],
    ["for each area, how many BCs are in that area", { source: "cells", groupBy: [{ dim: "area" }] }],
  ])("%s", async (q, want) => {
    expect(await planOf(q)).toMatchObject(want);
  });

  it("without the pointer the kind is not moved", async () => {
    expect(await planOf("for each cell type, how many synapses do BCs make onto 23P")).toBe("clarify");
  });
});

describe("fragments said again, and 'both of them' with no cells named", () => {
  it.each([
    "Which 4 postsynaptic partners does 864691135685177162 hit hardest (fragments count as partners too)?",
    "top 3 targets of 864691135685177162, with or without a nucleus",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "post" }] });
  });

  it("'every root id that both of them synapse onto' is asked back (it had counted every synapse per root)", async () => {
    expect(await planOf("give me every root id that both of them synapse onto (any segment counts)")).toBe("clarify");
  });
});

describe("a connection's definition and a share's whole said in brackets", () => {
  it.each(["# conns coreg → coreg (ordered pairs)", "# conns coreg → coreg (ordered pairs, both sides coregistered)"])(
    "%s",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ source: "connections", pre: [{ dim: "coregistered" }] });
    },
  );

  it("'(out of all 23P inputs)' is the share's whole; another whole is asked back", async () => {
    const q = "% of 23P input syn from inh neurons (out of all 23P inputs)";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "fraction" } });
    expect(await planOf("% of 23P input syn from inh neurons (out of all BC outputs)")).toBe("clarify");
  });
});
