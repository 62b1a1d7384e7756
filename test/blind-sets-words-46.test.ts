import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found at stop 46 in the read parts of dev63 to dev67 (many qualifiers; the paper-reading lab meeting;
 * measures and units; the newcomer's first week).
 */
const ROOT = "864691135189272596";
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("each side labelled by its role, the role said after the cells (dev63, dev64)", () => {
  it("'23P targets, L4 pyramidal sources: mean # syn per connected pair'", async () => {
    expect(await planOf("23P targets, L4 pyramidal sources: mean # syn per connected pair")).toMatchObject({
      source: "connections",
      pre: type("4P"),
      post: type("23P"),
      measure: { fn: "mean", of: "synapses" },
    });
  });

  it("'In V1: Martinotti targets, VIP presynaptic cells with somata in L2/3, …': V1 on both sides", async () => {
    const q =
      "In V1: Martinotti targets, VIP presynaptic cells with somata in L2/3, synapse size above 2000. How many?";
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "size", min: 2000 }],
      pre: [...type("BPC"), { dim: "layer", values: ["L2/3"] }, { dim: "area", values: ["V1"] }],
      post: [...type("MC"), { dim: "area", values: ["V1"] }],
    });
  });

  it("a role said before one side and after the other ('BC targets anywhere, sources = …')", async () => {
    const q = "Basket-cell targets anywhere, sources = V1 L2/3 pyramids with a proofread axon: median synapse size?";
    expect(await planOf(q)).toMatchObject({ post: type("BC"), measure: { fn: "median", of: "size" } });
  });

  it.each([
    "BC targets, by type",
    "For neurons with somata in L2/3 as targets and those in L4 as sources, how many connections?",
  ])("not a pair of labels: %s", async (q) => {
    const plan = await planOf(q);
    expect(JSON.stringify(plan)).not.toMatch(/"post":\[\{"dim":"cell_type","values":\["BC"\]/);
  });
});

describe("the cells before 'input' send it when each cell of another population is counted (dev63)", () => {
  it.each([
    ["avg # excitatory input syn per 6P-CT cell", "6P-CT", { dim: "class", values: ["excitatory"] }],
    ["avg excitatory inputs per 6P-CT cell", "6P-CT", { dim: "class", values: ["excitatory"] }],
    ["avg # inhibitory input syn per 23P", "23P", { dim: "class", values: ["inhibitory"] }],
    ["mean BC input syn per 23P cell", "23P", { dim: "cell_type", values: ["BC"] }],
  ])("%s", async (q, owner, partner) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: type(owner),
      measure: { fn: "mean", of: "in_synapses" },
      partners: [partner],
    });
  });

  it("'per-cell mean of 23P output syn, per area' is still the 23P cells' own outputs", async () => {
    expect(await planOf("V1 / RL / AL / LM: per-cell mean of 23P output syn")).toMatchObject({
      source: "roots",
      filter: type("23P"),
      measure: { fn: "mean", of: "out_synapses" },
      groupBy: [{ dim: "area" }],
    });
  });
});

describe("pairs connected both ways, each pair once (dev65, dev67)", () => {
  it.each([
    "How many pairs of layer 2/3 pyramidal neurons are connected in both directions? Please count each pair once.",
    "# reciprocal 23P–23P pairs (unordered)",
    "Bidirectional connections among layer 2/3 pyramidal cells, each pair counted once: how many are there?",
    "How many pairs of 23P cells are connected both ways? (count each pair once)",
    "how many 23P pairs with A->B and B->A",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      filter: [{ dim: "reciprocal", is: true }],
      pre: type("23P"),
      post: type("23P"),
      measure: { fn: "count" },
    });
  });

  it("'unordered' without a reciprocal word is not a restated default", async () => {
    expect(await planOf("# 23P-23P pairs (unordered)")).toBe("clarify");
  });
});

describe("a share's whole restated as all the inputs (dev65, dev66, dev67)", () => {
  it.each([
    "% of BC input syn from excitatory cells (all inputs in denominator)",
    "% of BC input syn from excitatory cells, denominator = every input synapse",
    "Out of every synapse that basket cells receive, whatever its source, what percent is made by excitatory neurons?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      post: type("BC"),
      measure: { fn: "fraction", part: { pre: [{ dim: "class", values: ["excitatory"] }] } },
    });
  });

  it("'# exc syn / # inh syn' restates an E/I ratio", async () => {
    expect(await planOf("E/I input ratio onto 23P (# exc syn / # inh syn)")).toMatchObject({
      measure: { fn: "ratio", numerator: { pre: [{ dim: "class", values: ["excitatory"] }] } },
    });
  });
});

describe("words of measures and statistics (dev66)", () => {
  it("'BC, MC, BPC and NGC: median size of their output synapses, one number per type': per listed type", async () => {
    const q = "BC, MC, BPC and NGC: the median size of their output synapses, one number per type please.";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type", side: "pre" }] });
  });

  it.each(["p90 # input syn per 23P", "Input synapse count per 23P neuron: where does the 90th percentile fall?"])(
    "%s",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        source: "roots",
        filter: type("23P"),
        measure: { fn: "percentile", of: "in_synapses", p: 90 },
      });
    },
  );

  it("'where is 8646…'s soma' is still a position", async () => {
    expect(await planOf(`where is ${ROOT}'s soma`)).toMatchObject({ kind: "lookup", fields: ["position"] });
  });
});

describe("background of the paper, and words that are no typo (dev65, dev67)", () => {
  it("a figure described before the question is context ('… in their Fig. 2 gets hammered by …')", async () => {
    const q =
      `The example ET cell in their Fig. 2 gets hammered by a few interneurons. Ours is ${ROOT}: ` +
      "who are its top 5 presynaptic partners by number of synapses?";
    expect(await planOf(q)).toMatchObject({ post: [{ dim: "root_id", values: [ROOT] }], limit: 5 });
  });

  it("'lots of input' is not a plot", async () => {
    expect(await planOf("The BCs in L5 get lots of input. How many are there?")).toBe("clarify");
  });

  it("'each brain region' is each area", async () => {
    expect(await planOf("How many coregistered neurons are there in each brain region?")).toMatchObject({
      groupBy: [{ dim: "area" }],
    });
  });
});

describe("what stop 46 reads still asks back on a restriction the tables cannot hold", () => {
  it.each([
    "23P targets, L4 pyramidal sources with myelinated axons: mean # syn per connected pair",
    "avg # excitatory input syn per 6P-CT cell during running",
    "# reciprocal 23P–23P pairs (unordered) on spines",
    "% of BC input syn from excitatory cells onto dendritic shafts (all inputs in denominator)",
    "p90 # input syn per 23P in the thalamus",
  ])("%s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("silent misreads found by varying the new sets' wordings", () => {
  it("'how many of each type of inhibitory neuron …' is one count per type (not a plain count)", async () => {
    const q = "How many of each type of inhibitory neuron have their cell body in layer 2/3?";
    expect(await planOf(q)).toMatchObject({
      filter: [
        { dim: "class", values: ["inhibitory"] },
        { dim: "layer", values: ["L2/3"] },
      ],
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it.each([
    [
      "% of input syn from inhibitory neurons: 5P-ET vs 23P",
      ["5P-ET", "23P"],
      { dim: "class", values: ["inhibitory"] },
    ],
    ["% of inputs from BC: 23P vs 4P", ["23P", "4P"], { dim: "cell_type", values: ["BC"] }],
  ])("the sets compared after a share own its whole: %s", async (q, owners, part) => {
    expect(await planOf(q)).toMatchObject({
      post: [{ dim: "cell_type", values: owners }],
      measure: { fn: "fraction", part: { pre: [part] } },
      groupBy: [{ dim: "cell_type", side: "post" }],
    });
  });

  it("a share's part that no cell of the whole can be is asked back (it had answered 0%)", async () => {
    expect(await planOf("What percent of all input synapses onto 5P-ET cells come from inhibitory 23P cells?")).toBe(
      "clarify",
    );
    expect(await planOf("what fraction of the inhibitory inputs onto 5P-ET come from 23P")).toBe("clarify");
  });

  it.each([`strongest input to ${ROOT}?`, `the largest excitatory input onto ${ROOT}`])(
    "a superlative of one input is one partner: %s",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "pre" }], limit: 1 });
    },
  );

  it("'strongest inputs of 8646…' stays a ranking of all of them", async () => {
    expect(await planOf(`strongest inputs of ${ROOT}`)).not.toHaveProperty("limit");
  });

  it("'median inhibitory output syn per BC' are the BCs' own outputs, inhibitory as their sender is", async () => {
    expect(await planOf("median inhibitory output syn per BC")).toMatchObject({
      source: "roots",
      measure: { fn: "median", of: "out_synapses" },
    });
    expect(await planOf("median inhibitory output syn per BC")).not.toHaveProperty("partners");
  });

  it("'counting each target neuron once' is held to the plan", async () => {
    const q = "Counting each target neuron once, how many neurons receive synapses from 864691135578006213?";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "distinct", side: "post" } });
    expect(await planOf("how many synapses onto 23P from 864691135578006213, counting each target neuron once")).toBe(
      "clarify",
    );
  });
});

describe("the second set said again after the word of its side (dev65)", () => {
  it.each([
    ["mean soma depth of BC, and of MC?", "filter"],
    ["mean soma depth of BC and of MC", "filter"],
    ["how many synapses from BC onto 23P, and from MC?", "pre"],
  ])("%s", async (q, side) => {
    expect(await planOf(q)).toMatchObject({
      [side]: expect.arrayContaining([{ dim: "cell_type", values: ["BC", "MC"] }]),
    });
  });

  it("'what % of 23P are coregistered, and what % of 4P?' is one share per type", async () => {
    expect(await planOf("what % of 23P are coregistered, and what % of 4P?")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["23P", "4P"] }],
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it("still asked back with a restriction the tables cannot hold", async () => {
    expect(await planOf("how many synapses from BC onto 23P spines, and from MC?")).toBe("clarify");
  });
});

describe("lab words for fragments, the imaging and a share's whole (dev65, dev66, dev67)", () => {
  it("'frags' are fragments", async () => {
    expect(await planOf("how many orphan frags have more than 50 output synapses")).toMatchObject({
      filter: [
        { dim: "has_nucleus", is: false },
        { dim: "out_synapses", min: 50 },
      ],
    });
  });

  it("'coregistered to the 2p imaging' is coregistered", async () => {
    expect(await planOf("per visual area, count the cells that were coregistered to the 2p imaging")).toMatchObject({
      filter: [{ dim: "coregistered", is: true }],
      groupBy: [{ dim: "area" }],
    });
  });

  it.each([
    "What percentage of all the synapses onto 4P cells come from inhibitory neurons? Every input synapse counts in " +
      "the denominator, fragments included.",
    "Out of every input synapse onto the 4P cells, whatever made it, what percent are made by an inhibitory neuron?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      post: [{ dim: "cell_type", values: ["4P"] }],
      measure: { fn: "fraction", part: { pre: [{ dim: "class", values: ["inhibitory"] }] } },
    });
  });
});

describe("who is counted or ranked (dev68, dev69)", () => {
  it.each([
    "Most synapses received, L2/3 pyramidal only: top 5 cells?",
    "L2/3 pyramidal only: top 5 cells by synapses received",
  ])("the cells said with 'only' are the ones ranked: %s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      post: type("23P"),
      groupBy: [{ dim: "root_id", side: "post" }],
      limit: 5,
    });
  });

  it("'receiving >= 1 syn from a proofread axon': the axon is the partners'", async () => {
    expect(await planOf("# coreg cells receiving >=1 syn from a proofread axon")).toMatchObject({
      filter: [
        { dim: "coregistered", is: true },
        { dim: "in_synapses", min: 1, partners: [{ dim: "axon_proofread" }] },
      ],
    });
  });

  it.each([
    "# coreg cells receiving >=2 syn from a proofread axon",
    "how many coregistered cells get more than 3 synapses from a V1 neuron",
    "how many 23P receive more than 5 synapses from one BC",
  ])("more than one synapse 'from a …' (in total, or in one connection?) is asked back: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("'Among the coregistered cells, how many get 2 or more synapses from …' counts those cells", async () => {
    const q = "Among the coregistered cells, how many get 2 or more synapses from proofread axons?";
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [
        { dim: "coregistered", is: true },
        { dim: "in_synapses", min: 2, partners: [{ dim: "axon_proofread" }] },
      ],
      measure: { fn: "count" },
    });
  });

  it("'neurons (excitatory and inhibitory, no glia)' is neurons, not one row per class", async () => {
    const q =
      "How many neurons (excitatory and inhibitory, non-neuronal cells excluded) are there in each visual area?";
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "class", values: ["neuron"] }],
      groupBy: [{ dim: "area" }],
    });
  });
});

describe("the same question asked again of other cells or another place, said last (dev65, dev70)", () => {
  it.each([
    ["What percentage of neurons in V1 are coregistered, and what percentage in LM?", "area", ["V1", "LM"]],
    ["how many BCs in L5? same for L6", "layer", ["L5", "L6"]],
    ["average soma depth of NGCs? and for MCs the same", "cell_type", ["NGC", "MC"]],
    [
      "What percent of all input synapses onto 5P-ET cells come from inhibitory neurons, and the same for 23P cells?",
      "cell_type",
      ["5P-ET", "23P"],
    ],
  ])("%s", async (q, dim, values) => {
    const plan = JSON.stringify(await planOf(q));
    expect(plan).toContain(JSON.stringify({ dim, values }));
    expect(plan).toContain('"groupBy":[{"dim":"' + dim);
  });

  it.each([
    "average soma depth of NGCs? and for MCs the same, only in V1",
    "how many BCs in L5? same for L6 during running",
    "For the coregistered L5 IT cells, what's their average gOSI - and same for the L4 and the L2/3 pyramidal cells?",
  ])("not read when more is said, or the first set is not one thing: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("a flow and its reverse, and sets compared said last (dev70)", () => {
  it.each([
    "how many synapses from 23P onto BC, and vice versa?",
    "synapse count 23P→BC and back",
    "How many synapses go from 23P cells onto BCs, and how many go the other way, from BCs back onto 23P cells?",
  ])("%s", async (q) => {
    const plan = JSON.stringify(await planOf(q));
    expect(plan).toContain('"label":"23P→BC"');
    expect(plan).toContain('"label":"BC→23P"');
  });

  it.each([
    "How many synapses go from 23P onto BC, and how many go the other way, from BC back onto 4P?",
    "how many synapses from 23P onto BC, and vice versa, during running?",
  ])("not a reverse: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("'How many basket cells have their soma in L2/3, compared with L4 and with L5?': one row per layer", async () => {
    expect(await planOf("How many basket cells have their soma in L2/3, compared with L4 and with L5?")).toMatchObject({
      filter: [type("BC")[0], { dim: "layer", values: ["L2/3", "L4", "L5"] }],
      groupBy: [{ dim: "layer" }],
    });
  });
});

describe("'coregistered inputs of 8646…' said alone are the cells (dev56, dev64)", () => {
  it.each([`coreg'd inputs of ${ROOT}`, `coregistered inputs of ${ROOT}`])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "coregistered", is: true }],
      groupBy: [{ dim: "root_id", side: "pre" }],
    });
  });

  it("'how many coregistered inputs of 8646…' is still a count", async () => {
    expect(await planOf(`how many coregistered inputs of ${ROOT}`)).toMatchObject({ groupBy: [] });
  });
});

describe("how a methods section says what is counted (dev69)", () => {
  it("'(n = connections, not synapses)' is held to a share of connections", async () => {
    const q =
      "Of the connections from excitatory neurons onto BCs, what percent have 2 or more synapses (n = connections)?";
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "fraction" } });
    expect(await planOf("what % of synapses onto BC are from 23P (n = connections)")).toBe("clarify");
  });

  it("'IQR (Q3−Q1) of # presyn partners per 23P' is the quartiles", async () => {
    expect(await planOf("IQR (Q3−Q1) of # presyn partners per 23P")).toMatchObject({
      measure: { fn: "quartiles", of: "in_partners" },
    });
  });

  it("'# neurons (E+I, no glia) in L2/3' is neurons", async () => {
    expect(await planOf("# neurons (E+I, no glia) in L2/3")).toMatchObject({
      filter: [
        { dim: "class", values: ["neuron"] },
        { dim: "layer", values: ["L2/3"] },
      ],
      groupBy: [],
    });
  });
});

describe("'take every …' and 'taking all …' lead in to what is asked (dev62, dev67, dev69)", () => {
  it.each([
    [
      "Take every input synapse onto the PV basket cells: what is the median synapse size?",
      { fn: "median", of: "size" },
    ],
    ["Taking every connected pair from 4P onto 23P, what's the mean number of synapses per pair?", { fn: "mean" }],
  ])("%s", async (q, measure) => {
    expect(await planOf(q)).toMatchObject({ measure });
  });

  it("still asked back with a restriction the tables cannot hold", async () => {
    expect(await planOf("Take every input synapse onto BCs during running: what is the median synapse size?")).toBe(
      "clarify",
    );
  });
});

describe("words of the dev bank's asked-back lines (stop 46)", () => {
  it("'# 23P→23P synapses inside LM' is within LM, on both sides", async () => {
    expect(await planOf("# 23P→23P synapses inside LM")).toMatchObject({
      pre: [...type("23P"), { dim: "area", values: ["LM"] }],
      post: [...type("23P"), { dim: "area", values: ["LM"] }],
    });
  });

  it("'who are its 3 strongest inputs, 8646…': the root named last is the one 'its' points at", async () => {
    expect(await planOf(`who are its 3 strongest inputs, ${ROOT}`)).toMatchObject({
      post: [{ dim: "root_id", values: [ROOT] }],
      groupBy: [{ dim: "root_id", side: "pre" }],
      limit: 3,
    });
  });

  it("'its …, A and B' is not one root", async () => {
    expect(await planOf(`who are its 3 strongest inputs, ${ROOT} and 864691135341879032`)).toBe("clarify");
  });
});
