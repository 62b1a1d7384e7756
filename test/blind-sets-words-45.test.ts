import { describe, expect, it } from "vitest";
import { planOf, reader } from "./support/reader-plans.js";

/**
 * Words found at stop 45 in the read part of dev61 (the newcomer who writes long): a type said of a pasted root
 * ("8646… (a BC)", "the BC 8646…") had been put on its partners; background joined to the question by "and I was
 * wondering"; and a share's whole said again after it ("… of all basket cells") had been read into the part, making
 * the share one of every cell.
 */
const ROOT = "864691135300382104";
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("a type said of a pasted root is the root's", () => {
  it.each([
    `top 5 targets of ${ROOT} (a BC)`,
    `top 5 targets of ${ROOT} (it's a BC)`,
    `top 5 targets of the BC ${ROOT}`,
  ])("%s", async (q) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ post: [] });
    expect((plan as { pre: unknown[] }).pre).toEqual(
      expect.arrayContaining([{ dim: "root_id", values: [ROOT] }, ...type("BC")]),
    );
  });

  it("'onto 8646…, an L5 IT cell?': the type is the root's", async () => {
    expect(await planOf(`which inhibitory neurons synapse onto ${ROOT}, an L5 IT cell?`)).toMatchObject({
      pre: [{ dim: "class", values: ["inhibitory"] }],
      post: [{ dim: "root_id", values: [ROOT] }, ...type("5P-IT")],
    });
  });

  it("a place said after the root is still its partners' ('targets of 8646… in LM')", async () => {
    expect(await planOf(`targets of ${ROOT} in LM`)).toMatchObject({ post: [{ dim: "area", values: ["LM"] }] });
  });
});

describe("background joined to the question by 'and I was wondering'", () => {
  it.each([
    [
      `Hi! I'm looking at a layer 2/3 pyramidal cell for my project, ${ROOT}, and I was wondering how many input ` +
        "synapses it gets from each presynaptic cell type? Thanks in advance!",
      { post: [{ dim: "root_id", values: [ROOT] }], groupBy: [{ dim: "cell_type", side: "pre" }] },
    ],
    [
      "Hello! I'm putting together a summary slide for lab meeting and I was hoping someone could tell me how many " +
        "basket cells there are in V1. Thank you in advance!",
      { source: "cells", filter: [...type("BC"), { dim: "area", values: ["V1"] }], measure: { fn: "count" } },
    ],
  ])("%s", async (q, plan) => {
    expect(await planOf(q)).toMatchObject(plan);
  });

  it.each([
    "I'm looking at the L5 cells for my project and I was wondering how many BCs there are?",
    "I'm looking at L5. How many BCs are there?",
  ])("cells looked at that the question does not name are asked back: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("cells looked at that the question names again are context", async () => {
    const q = "I'm looking at the inhibitory cells for my project and I was wondering how many MCs in L5 there are?";
    expect(await planOf(q)).toMatchObject({ filter: [...type("MC"), { dim: "layer", values: ["L5"] }] });
  });
});

describe("a share's whole said again after its part", () => {
  const share = {
    source: "cells",
    filter: type("BC"),
    measure: { fn: "fraction", part: { filter: [{ dim: "layer", values: ["L2/3"] }] } },
  };
  it.each([
    "what percentage of the basket cells have their soma in layer 2/3? Out of all basket cells, I mean.",
    "what percentage of the basket cells have their soma in layer 2/3 of all basket cells",
    "what % of BCs are in L2/3 out of all BCs",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject(share);
  });

  it.each(["what percentage of the basket cells have their soma in layer 2/3 of all neurons"])(
    "another whole is asked back: %s",
    async (q) => {
      const r = await reader.plan(q);
      expect(r.type === "clarify" && r.message).toMatch(/not the whole of the share/);
    },
  );
});

describe("each side labelled by its role (dev62, dev64)", () => {
  const sides = { pre: type("23P"), post: type("5P-IT") };
  it.each([
    "target 5P-IT, source 23P: how many connections",
    "Target L5 IT, source layer 2/3 pyramidal: how many connected cell pairs are there?",
    "source: 23P, target: 5P-IT - how many connections",
    "target 5P-IT and source 23P: how many connections",
    "source 23P / target 5P-IT: how many connections",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "connections", ...sides, groupBy: [] });
  });

  it("a label that names cells the question does not is never set aside", async () => {
    expect(await planOf("targets 5P-IT plus sources 23P: how many connections")).toMatchObject(sides);
    expect(await planOf("5P-IT and 23P: how many connections")).not.toMatchObject({ pre: [], post: [] });
  });
});

describe("words of chat that say nothing of what is asked, and words the tables do not hold", () => {
  it("an emoji is no word of the question", async () => {
    expect(await planOf(`how many syn onto ${ROOT} from BCs 🤔`)).toMatchObject({
      pre: type("BC"),
      post: [{ dim: "root_id", values: [ROOT] }],
    });
  });

  it("a t-type is not a cell type of these tables: asked back", async () => {
    const r = await reader.plan(`${ROOT} inputs by t-type`);
    expect(r.type).toBe("clarify");
  });

  it("'… preferred orientation from the functional data' is a lookup of the root, not of its inputs", async () => {
    const q = `in degrees pls — ${ROOT}'s preferred orientaiton from the functional data`;
    expect(await planOf(q)).toMatchObject({ kind: "lookup", rootId: ROOT, fields: ["tuning"] });
  });

  it.each([
    "how many output synapses does nucleus 101265 make",
    "how many output synapses does the cell with nucleus id 101265 make",
  ])("the cell named by its nucleus: %s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "synapses",
      pre: expect.arrayContaining([{ dim: "nucleus_id", values: ["101265"] }]),
      post: [],
      measure: { fn: "count" },
    });
  });
});

describe("an area said of a whole flow holds on both sides (dev63)", () => {
  const v1 = { dim: "area", values: ["V1"] };
  it.each([
    ["In V1, how many synapses from MC onto 5P-ET?", type("MC"), type("5P-ET")],
    ["V1 only: total synapse count onto 5P-ET cells from MC cells?", type("MC"), type("5P-ET")],
    ["how many synapses do BCs make onto 23P cells, everything in V1?", type("BC"), type("23P")],
    ["# syn from BC -> 23P, all in V1", type("BC"), type("23P")],
  ])("%s", async (q, pre, post) => {
    expect(await planOf(q)).toMatchObject({ source: "synapses", pre: [...pre, v1], post: [...post, v1] });
  });

  it("a place before a colon is never the sender of the synapses said after it", async () => {
    const q = "LM: synapse count onto 5P-ET cells from MC cells, and BCs in RL";
    expect(await planOf(q)).not.toMatchObject({ pre: [{ dim: "area", values: ["LM"] }] });
  });

  it("'BC: synapses onto 23P' is still BC's synapses", async () => {
    expect(await planOf("BC: synapses onto 23P")).toMatchObject({ pre: type("BC"), post: type("23P") });
  });
});

describe("'below 550 µm depth' is deeper than 550 µm, as 'below 550 µm' is", () => {
  it.each([
    ["how many L5 IT neurons have a soma below 550 um depth", { min: 550, minExclusive: true }],
    ["how many cells above 300 um depth", { max: 300, maxExclusive: true }],
    ["how many cells with a depth below 300 um", { max: 300, maxExclusive: true }],
  ])("%s", async (q, bound) => {
    expect(await planOf(q)).toMatchObject({ filter: expect.arrayContaining([{ dim: "depth", ...bound }]) });
  });
});

describe("more said of one cell before its verb, and both sides in one area (dev63)", () => {
  it("'does a 6P-CT cell in L6a of V1 receive' is a mean over those cells", async () => {
    const q = "On average, how many input synapses from excitatory neurons does a 6P-CT cell in L6a of V1 recieve?";
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [...type("6P-CT"), { dim: "layer", values: ["L6a"] }, { dim: "area", values: ["V1"] }],
      measure: { fn: "mean", of: "in_synapses" },
      partners: [{ dim: "class", values: ["excitatory"] }],
    });
  });

  it("'counting only V1 cells on both sides'", async () => {
    const q = "the average size of synapses from BCs onto 23P cells, counting only V1 cells on both sides";
    expect(await planOf(q)).toMatchObject({
      pre: [...type("BC"), { dim: "area", values: ["V1"] }],
      post: [...type("23P"), { dim: "area", values: ["V1"] }],
    });
  });
});

describe("cells said first with 'among', then one root's partners (dev64)", () => {
  it.each([
    "among 23Ps only, who are 864691135843610552's 3 strongest targets by syn count",
    "among 23Ps, 864691135843610552's 3 strongest targets by syn count",
  ])("%s: the 23P cells are the targets, not the root", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "root_id", values: ["864691135843610552"] }],
      post: type("23P"),
      limit: 3,
    });
  });
});

describe("each group said first, and a depth pointed back to (dev62)", () => {
  it("'For each target cell type, how many synapses does 8646… make onto it?' groups the targets", async () => {
    const q = `For each target cell type, how many synapses does ${ROOT} make onto it?`;
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "root_id", values: [ROOT] }],
      groupBy: [{ dim: "cell_type", side: "post" }],
    });
  });

  it("'… below pia, how many 23P cells are down there?' is the depth said; with none said it is asked", async () => {
    const q = "Deeper than 300 microns below pia, how many L2/3 pyramidal cells are down there?";
    expect(await planOf(q)).toMatchObject({ filter: [...type("23P"), { dim: "depth", min: 300 }] });
    expect(await planOf("how many BCs are down there?")).toBe("clarify");
  });
});

describe("'It's a …' after a question about one root describes the root (dev61)", () => {
  it("the root's tuning is looked up; the sentence about it is context", async () => {
    const q =
      `In degrees, what orientation does ${ROOT} prefer? It's one of the coregistered L2/3 pyramidal cells and ` +
      "I'm trying to relate its tuning to its inputs. Thank you!";
    expect(await planOf(q)).toMatchObject({ kind: "lookup", rootId: ROOT, fields: ["tuning"] });
  });

  it("a restriction in it is still read", async () => {
    expect(await planOf(`how many synapses onto ${ROOT}? It's only the ones from V1 I need.`)).toMatchObject({
      pre: [{ dim: "area", values: ["V1"] }],
    });
  });
});

describe("places said as the others, or spelled out (dev59, dev60)", () => {
  const hva = { dim: "area", values: ["RL", "AL", "LM"] };
  it.each([
    "How many synapses do V1 neurons make onto neurons in the higher visual areas (RL, AL and LM together)?",
    "# syn V1 → HVAs (RL+AL+LM), neuron to neuron",
  ])("the three higher areas spelled out are the areas named: %s", async (q) => {
    expect(await planOf(q)).toMatchObject({ post: expect.arrayContaining([hva]) });
  });

  it.each([
    ["How many synapses do L2/3 neurons make onto neurons in other layers, i.e. outside L2/3?", "layer", "L2/3"],
    ["# syn L2/3 neurons → neurons in other layers (not L2/3)", "layer", "L2/3"],
    ["how many synapses do V1 neurons make onto neurons in other areas", "area", "V1"],
  ])("the other layers (areas) are all but the one named: %s", async (q, dim, value) => {
    expect(await planOf(q)).toMatchObject({
      pre: expect.arrayContaining([{ dim, values: [value] }]),
      post: expect.arrayContaining([{ dim, values: [value], not: true }]),
    });
  });

  it("'haven't been proofread yet'; 'roots with no nucleus attached'", async () => {
    const q = "For each visual area, how many coregistered cells haven't been proofread at all yet?";
    expect(await planOf(q)).toMatchObject({
      filter: [
        { dim: "coregistered", is: true },
        { dim: "proofread", is: false },
      ],
    });
    expect(await planOf("how many synapses come from roots with no nucleus attached")).toMatchObject({
      pre: [{ dim: "has_nucleus", is: false }],
    });
  });
});

describe("what stop 45 reads still asks back on a restriction the tables cannot hold", () => {
  it.each([
    "target 5P-IT, source 23P with spines: how many connections",
    "In V1, how many synapses from MC onto 5P-ET during running?",
    "V1 only: synapse count onto 5P-ET from MC in the striatum",
    "how many synapses do L2/3 neurons make onto neurons in other layers of the thalamus",
    `top 5 targets of ${ROOT} (a BC with myelin)`,
    "what percentage of the basket cells have their soma in layer 2/3? Out of all basket cells with mRNA, I mean.",
    `I'm looking at ${ROOT}, an L5 IT cell with a long axon, and I was wondering which BCs synapse onto it?`,
    "# syn V1 → HVAs (RL+AL+LM) at P60",
    `total syn count between ${ROOT} and 864691135341879032, any direction, during locomotion`,
  ])("%s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("'them' after onto/from (dev62)", () => {
  it("'more than 90 synapses onto them: how many 23P cells' is the 23P cells' own inputs", async () => {
    expect(await planOf("More than 90 synapses onto them: how many 23P cells are like that?")).toMatchObject({
      source: "roots",
      filter: [...type("23P"), { dim: "in_synapses", min: 90, minExclusive: true }],
    });
  });

  it("a side pointed at that nothing fills is asked back, not dropped", async () => {
    expect(await planOf("how many synapses from MCs onto them")).toBe("clarify");
    expect(await planOf(`how many synapses does ${ROOT} make onto them`)).toBe("clarify");
  });

  it.each([
    `With how many cells ${ROOT} makes 3 or more synapses onto them?`,
    "number of synapses BCs make on targets that get more than 3 synapses from them",
    "If you pool all the 5P-ET cells together, what's the ratio of their total output synapses to their total inputs?",
  ])("still read: %s", async (q) => {
    expect(await planOf(q)).not.toBe("clarify");
  });
});

describe("'% inh of neurons' is the share of the neurons that are inhibitory (dev58)", () => {
  it.each(["% inh of neurons, V1 vs LM", "% inh of neurons in V1 vs LM"])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [
        { dim: "class", values: ["neuron"] },
        { dim: "area", values: ["V1", "LM"] },
      ],
      measure: { fn: "fraction", part: { filter: [{ dim: "class", values: ["inhibitory"] }] } },
      groupBy: [{ dim: "area" }],
    });
  });
});
