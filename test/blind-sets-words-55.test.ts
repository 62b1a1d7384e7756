import { describe, expect, it } from "vitest";
import { answeredPlan, planOf } from "./support/reader-plans.js";

/** Words found at stop 55. */

const ID = "864691135300382104";
const MC_IN_L5 = {
  source: "cells",
  filter: [
    { dim: "cell_type", values: ["MC"] },
    { dim: "layer", values: ["L5"] },
  ],
};

describe("someone else's request or claim around the ask (<asker> in data/discourse.json)", () => {
  it.each([
    "reviewer 2 asked us to report how many MC are in L5.",
    "Hi all, my PI wants to know how many MC are in L5.",
    "Hi, our collaborators asked me to check how many MC are in L5.",
    "R2 wants us to report how many MC are in L5.",
  ])("%s is the count asked", async (q) => {
    expect(await planOf(q)).toMatchObject({ ...MC_IN_L5, measure: { fn: "count" } });
  });

  it("a quoted claim posted by a colleague describes; the question after it is read", async () => {
    const q =
      "A colleague just posted this in our channel: 'PV cells absolutely hammer the thick-tufted neurons'. " +
      "How many synapses do basket cells make onto 5P-ET cells in total?";
    expect(await planOf(q)).toMatchObject({
      source: "synapses",
      pre: [{ dim: "cell_type", values: ["BC"] }],
      post: [{ dim: "cell_type", values: ["5P-ET"] }],
      measure: { fn: "count" },
    });
  });

  it("what a reviewer wonders about sets the scene ('differ in nucleus size' is no condition)", async () => {
    const q =
      "Reviewer 2 wonders whether the classes differ in nucleus size. Rank the excitatory types by mean volume.";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "volume" }, groupBy: [{ dim: "cell_type" }] });
  });

  it("a condition said in the wondering still stays ('… differ in the dark' is asked back)", async () => {
    const q = "Reviewer 2 wonders whether the classes differ in the dark. Rank the excitatory types by mean volume.";
    expect(await answeredPlan(q)).toBe("clarify");
  });

  it("a condition said after the request still stays ('… under anesthesia' is asked back)", async () => {
    expect(await answeredPlan("Reviewer 2 asked us to report how many MC are in L5 under anesthesia.")).toBe("clarify");
  });
});

describe("per-cell figures of a flow", () => {
  it("'per coregistered 4P': the cells counted one by one narrow the side they repeat", async () => {
    expect(await planOf("avg BC->4P syn per coregistered 4P")).toMatchObject({
      source: "roots",
      filter: [
        { dim: "coregistered", is: true },
        { dim: "cell_type", values: ["4P"] },
      ],
      measure: { fn: "mean", of: "in_synapses" },
      partners: [{ dim: "cell_type", values: ["BC"] }],
    });
  });

  it("a side repeated by both ends is still asked back", async () => {
    expect(await planOf("BC->BC syn per BC in V1")).toBe("clarify");
  });

  it.each([
    "Among coregistered 4P cells, how many synapses does each one receive from basket cells, on average?",
    "For coregistered 4P cells, how many synapses does each receive from BCs on average?",
  ])("%s: cells said first, then 'each one' of them", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [
        { dim: "coregistered", is: true },
        { dim: "cell_type", values: ["4P"] },
      ],
      measure: { fn: "mean", of: "in_synapses" },
      partners: [{ dim: "cell_type", values: ["BC"] }],
    });
  });
});

describe("one root's facts, said as the tables say them", () => {
  it.each([
    `What cell type is ${ID}, according to the cell-type table?`,
    `what cell type does the cell-type table assign ${ID}`,
  ])("%s is its cell type", async (q) => {
    expect(await planOf(q)).toMatchObject({ kind: "lookup", rootId: ID, fields: ["cell_type"] });
  });

  it("'what m-type does the table give <id>' is its m-type (it had been its inputs by m-type)", async () => {
    expect(await planOf(`what m-type does the table give ${ID}?`)).toMatchObject({ kind: "lookup", fields: ["mtype"] });
  });

  it("'what m-types give <id> the most input' is still its inputs by m-type", async () => {
    expect(await planOf(`What m-types give ${ID} the most input?`)).toMatchObject({
      groupBy: [{ dim: "mtype", side: "pre" }],
    });
  });

  it("'where <id> is on the postsynaptic side' is the synapses onto it", async () => {
    const q = `Counting every synapse where ${ID} is on the postsynaptic side, how many are there?`;
    expect(await planOf(q)).toMatchObject({ post: [{ dim: "root_id", values: [ID] }], measure: { fn: "count" } });
  });

  it("'already coregistered' is coregistered", async () => {
    expect(await planOf("How many 5P-IT cells are already coregistered?")).toMatchObject({
      filter: expect.arrayContaining([{ dim: "coregistered", is: true }]),
      measure: { fn: "count" },
    });
  });
});

describe("a sentence after the question mark", () => {
  it.each([
    "Which basket cells send more than 40% of all their output synapses onto 23P cells? Thanks.",
    "Which basket cells send more than 40% of all their output synapses onto 23P cells? list the root ids.",
  ])("%s: each BC's share, bounded, as without it", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "cell_type", values: ["BC"] }],
      measure: { fn: "fraction", part: { post: [{ dim: "cell_type", values: ["23P"] }] } },
      groupBy: [{ dim: "root_id", side: "pre" }],
      having: { min: 0.4, minExclusive: true },
    });
  });

  it("a restriction said after it still counts ('… ? In the dark only.' is asked back)", async () => {
    const q = "Which basket cells send more than 40% of all their output synapses onto 23P cells? In the dark only.";
    expect(await answeredPlan(q)).toBe("clarify");
  });
});

describe("one root's partners said briefly", () => {
  it.each([`${ID} top3 post types by #syn`, `${ID}'s top 3 postsynaptic types by #syn`])(
    "%s: its top 3 target types",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        pre: [{ dim: "root_id", values: [ID] }],
        groupBy: [{ dim: "cell_type", side: "post" }],
        limit: 3,
      });
    },
  );

  it("'<id> presyn cell types, ranked' is its inputs by presynaptic type", async () => {
    expect(await planOf(`${ID} presyn cell types, ranked`)).toMatchObject({
      post: [{ dim: "root_id", values: [ID] }],
      groupBy: [{ dim: "cell_type", side: "pre" }],
    });
  });

  it("'ids w/ >=3 syn onto <id>' lists the roots with that many synapses onto it", async () => {
    expect(await planOf(`ids w/ >=3 syn onto ${ID}`)).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 3 }],
      post: [{ dim: "root_id", values: [ID] }],
      groupBy: [{ dim: "root_id", side: "pre" }],
    });
  });
});

describe("a question reported, beside the one asked", () => {
  it.each([
    "Hi! My PI asked which excitatory types are the most orientation selective. " +
      "Can you rank the excitatory cell types by their mean gOSI, highest first? Thanks!",
    "My PI wants to know where orientation selectivity is strongest among the pyramidal types. " +
      "Average gOSI per excitatory type, sorted from highest to lowest, please.",
  ])("%s: the ask is read, the report set aside", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "class", values: ["excitatory"] }],
      measure: { fn: "mean", of: "osi" },
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it("a place the report names and the ask does not is asked back", async () => {
    const q =
      "My PI asked which excitatory types in V1 are the most orientation selective. " +
      "Can you rank the excitatory cell types by their mean gOSI, highest first?";
    expect(await answeredPlan(q)).toBe("clarify");
  });

  it("'R2 again, nucleus size q: …' and 'Before I reply, …' are chatter", async () => {
    expect(await planOf("R2 again, nucleus size q: all excitatory types ranked by avg nuc volume?")).toMatchObject({
      measure: { fn: "mean", of: "volume" },
    });
    const q =
      "A colleague wrote in our channel: 'bipolar cells are basically all ITC by morphology'. " +
      "Before I reply, could you break the BPC cells down by their m-type, with a count for each?";
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: ["BPC"] }],
      groupBy: [{ dim: "mtype" }],
    });
  });

  it("what the asker hunts for after a greeting sets the scene; cells named there must be asked", async () => {
    const q =
      "Hey, I'm hunting for a good example cell to trace for my poster. Which 23P cell receives the most inputs?";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "post" }], limit: 1 });
    expect(await answeredPlan("I'm hunting for V1 cells. Which 23P cell receives the most input synapses?")).toBe(
      "clarify",
    );
  });

  it("loading cells in Neuroglancer is no write", async () => {
    const q =
      "Hey! I want to load the 5P-ET cells in Neuroglancer this afternoon. Could you list the root ids of all " +
      "coregistered 5P-ET cells?";
    expect(await planOf(q)).toMatchObject({ source: "cells", measure: { fn: "list" } });
    expect(await answeredPlan("please load the 5P-ET cells into the table")).toBe("refuse");
  });
});

describe("each group said first, then pointed at", () => {
  it("'averaged over all 23P cells, … does each one get?' is the mean per 23P cell", async () => {
    expect(
      await planOf("averaged over all 23P cells, how many synapses from 4P cells does each one get?"),
    ).toMatchObject({
      source: "roots",
      measure: { fn: "mean", of: "in_synapses" },
      partners: [{ dim: "cell_type", values: ["4P"] }],
    });
  });

  it("'Among 4P cells, how many synapses does each one receive from BCs?' is one row per 4P cell", async () => {
    expect(await planOf("Among 4P cells, how many synapses does each one receive from basket cells?")).toMatchObject({
      groupBy: [{ dim: "root_id", side: "post" }],
    });
  });

  it.each([
    "For each inhibitory type (BC, MC, BPC, NGC), how many synapses per connection does it make onto 5P-ET cells?",
    "For each inhibitory type (BC, MC, BPC, NGC), how many synapses per connection do they make onto 5P-ET cells?",
  ])("%s: one row per type listed", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      pre: [{ dim: "cell_type", values: ["BC", "MC", "BPC", "NGC"] }],
      measure: { fn: "mean", of: "synapses" },
      groupBy: [{ dim: "cell_type", side: "pre" }],
    });
  });
});

describe("groups and ids said tersely", () => {
  it("'which types avg > 55 out syn per cell?' keeps the types whose mean is past the bound", async () => {
    expect(await planOf("which types avg > 55 out syn per cell?")).toMatchObject({
      source: "roots",
      measure: { fn: "mean", of: "out_synapses" },
      groupBy: [{ dim: "cell_type" }],
      having: { min: 55, minExclusive: true },
    });
  });

  it("'per area: 23P root w/ most input syn (ids)' is the top 23P of each area", async () => {
    expect(await planOf("per area: 23P root w/ most input syn (ids)")).toMatchObject({
      groupBy: [
        { dim: "area", side: "post" },
        { dim: "root_id", side: "post" },
      ],
      limit: 1,
      perGroup: true,
    });
  });

  it("ids asked in brackets of a count are still asked back", async () => {
    expect(await answeredPlan("per area: # 23P w/ >100 input syn (ids)")).toBe("clarify");
  });
});

describe("a superlative with a measure of its own", () => {
  it.each([
    "How many output synapses does the basket cell with the largest nucleus make?",
    "How many output synapses does the deepest BC make?",
  ])("%s is asked back (it had been the BC with the most outputs)", async (q) => {
    expect(await answeredPlan(q)).toBe("clarify");
  });

  it.each([
    ["which BC is the deepest?", "depth"],
    ["the BC with the largest nucleus", "volume"],
    ["most orientation selective 23P cell", "osi"],
  ])("%s still picks by its own measure", async (q, of) => {
    expect(await planOf(q)).toMatchObject({ measure: { of }, limit: 1 });
  });
});

describe("shares of cells said with the cells first", () => {
  it.each([
    "Of all the L5 IT cells, what share, in percent, receive any input at all from VIP cells?",
    "what fraction of 5P-IT cells receive any input at all from BPC?",
  ])("%s is the share of 5P-IT cells with any BPC input", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [{ dim: "cell_type", values: ["5P-IT"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "in_synapses", min: 0, minExclusive: true }] } },
    });
  });

  it("'MC -> exc syn by target soma layer (L2/3, L4, L5)' groups by the target's layer", async () => {
    expect(await planOf("MC -> exc syn by target soma layer (L2/3, L4, L5)")).toMatchObject({
      groupBy: [{ dim: "layer", side: "post" }],
    });
  });
});

describe("per-cell figures said the long way", () => {
  it.each([
    "Split by visual area (V1, RL, AL, LM): how many synapses does each L2/3 pyramidal cell make onto other cells, " +
      "on average?",
    "Split by visual area (V1, RL, AL, LM): how many output synapses does each L2/3 pyramidal cell make, on average?",
  ])("%s: synapses made onto other cells are outputs", async (q) => {
    expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "out_synapses" }, groupBy: [{ dim: "area" }] });
  });

  it("'synapses BCs make onto other BCs' still names the BCs", async () => {
    expect(await planOf("how many synapses do BCs make onto other BCs?")).toMatchObject({
      post: [{ dim: "cell_type", values: ["BC"] }],
    });
  });

  it.each([
    ["What's the median number of output synapses per basket cell, taken across all the BCs?", "median"],
    ["avg # BC→23P syn per 23P cell, incl. 23Ps w/ 0", "mean"],
    [
      "Take just the L2/3 pyramidal neurons whose axon has been proofread: how many synapses does each of them " +
        "make, on average?",
      "mean",
    ],
  ])("%s", async (q, fn) => {
    expect(await planOf(q)).toMatchObject({ source: "roots", measure: { fn } });
  });

  it("'counting any root (fragments included)' restates the partners counted", async () => {
    const q = "How many distinct postsynaptic partners does each 5P-IT cell have on average, counting any root?";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "out_partners" } });
  });

  it("'…, down to the least? Order them.' orders the types", async () => {
    const q = "23P, 4P, 5P-IT - which one gets the most synaptic input per cell on average, down to the least?";
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "cell_type" }], order: "desc" });
  });
});

describe("fixes of the new rules' edges", () => {
  it("'… onto 23P in the morning' keeps its condition (a 'Morning!' at the end had been cut from its phrase)", async () => {
    const q = "which BCs have more than 40% of their output synapses onto 23P in the morning";
    expect(await answeredPlan(q)).toBe("clarify");
  });

  it("'dump 5P-ET roots w/ >100 out syn' lists them", async () => {
    expect(await planOf("dump 5P-ET roots w/ >100 out syn")).toMatchObject({ measure: { fn: "list" } });
  });
});

describe("a share whose part lies outside its whole", () => {
  it("the whole kept to fragments and the part typed cells on that side is asked back (it had been 0%)", async () => {
    const q = "what percent of synapses from fragments onto 23P cells are from interneurons?";
    expect(await answeredPlan(q)).toBe("clarify");
  });

  it("'(inputs from unidentified fragments stay in the total)' keeps the fragments in the whole", async () => {
    const q =
      "Take every synapse onto an L2/3 pyramidal cell (inputs from unidentified fragments stay in the total) and " +
      "tell me what percent are from an interneuron.";
    expect(await planOf(q)).toMatchObject({
      pre: [],
      post: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "fraction", part: { pre: [{ dim: "class", values: ["inhibitory"] }] } },
    });
  });

  it("a part on the other side of a fragment whole is still read", async () => {
    const q = "what percent of synapses from fragments onto 23P cells are onto L5 cells";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "fraction", part: { post: [{ dim: "layer" }] } } });
  });
});

describe("a share whose part is its whole", () => {
  it("is asked back (it had been 100% in each area)", async () => {
    const q =
      "For V1, RL, AL and LM separately: neurons whose axon is marked proofread, as a percent of all neurons in " +
      "that same area.";
    expect(await answeredPlan(q)).toBe("clarify");
  });

  it("'of all the distinct nuclei in the coregistration table' is the coregistered cells", async () => {
    const q = "Of all the distinct nuclei in the coregistration table, what percent belong to 23P cells?";
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "coregistered", is: true }],
      measure: { fn: "fraction", part: { filter: [{ dim: "cell_type", values: ["23P"] }] } },
    });
  });

  it("a part of its own is still read", async () => {
    expect(await planOf("proofread neurons as a percent of all neurons in V1")).toMatchObject({
      measure: { fn: "fraction", part: { filter: expect.arrayContaining([{ dim: "proofread", is: true }]) } },
    });
  });
});

describe("a bound said first as a number, then pointed at", () => {
  it("'Threshold at 90: … receive more synapses than that' is more than 90 input synapses", async () => {
    const q = "Threshold at 90: give me how many L2/3 pyramidal cells receive more synapses than that.";
    expect(await planOf(q)).toMatchObject({
      filter: [
        { dim: "cell_type", values: ["23P"] },
        { dim: "in_synapses", min: 90, minExclusive: true },
      ],
      measure: { fn: "count" },
    });
  });

  it("a bound pointed at with nothing said first is still asked back", async () => {
    expect(await answeredPlan("how many L2/3 pyramidal cells receive more synapses than that?")).toBe("clarify");
  });
});

describe("claims said after the question", () => {
  it("'Root ids with their synapse counts, please.' after a ranking of roots restates it", async () => {
    const q = `Which three presynaptic partners make the most synapses onto ${ID}? Root ids with their synapse counts, please.`;
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim: "root_id", side: "pre" }], limit: 3 });
  });

  it("… after a count is asked back", async () => {
    expect(await answeredPlan("How many BCs are in V1? Root ids with their synapse counts, please.")).toBe("clarify");
  });

  it("'Use soma depth below the pia for the layers, and count a cell once even if …' restates the defaults", async () => {
    const q =
      "How many coregistered neurons have their soma in L2/3, in L4 and in L5? Use soma depth below the pia for the " +
      "layers, and count a cell once even if it was matched in two scans.";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "count" }, groupBy: [{ dim: "layer" }] });
  });
});

describe("a named root kept to fragments", () => {
  it("'(soma-less fragments included)' restates that partners count fragments", async () => {
    const q =
      `How many distinct postsynaptic partners does ${ID} have, counting every downstream root id ` +
      "(soma-less fragments included)?";
    expect(await planOf(q)).toMatchObject({ pre: [{ dim: "root_id", values: [ID] }], measure: { fn: "distinct" } });
  });

  it("a fragment condition read onto the root named is asked back", async () => {
    expect(await answeredPlan(`How many distinct postsynaptic partners does ${ID} have, soma-less?`)).toBe("clarify");
  });

  it("fragments on the other side are still read", async () => {
    expect(await planOf(`how many synapses does ${ID} make onto fragments?`)).toMatchObject({
      post: [{ dim: "has_nucleus", is: false }],
    });
  });
});

describe("two roots named first", () => {
  const ID2 = "864691135300382105";
  it("'For <a> and <b>, the number of synapses each makes onto 23P' compares both (it had read only the second)", async () => {
    const q = `For ${ID} and ${ID2}, the number of synapses each makes onto 23P cells`;
    expect(await planOf(q)).toMatchObject({
      compare: [{ pre: [{ dim: "root_id", values: [ID] }] }, { pre: [{ dim: "root_id", values: [ID2] }] }],
    });
  });

  it("'Compare two interneurons for me, <a> and <b>: …' compares both", async () => {
    const q =
      `Compare two interneurons for me, ${ID} and ${ID2}: for each one, the number of synapses it makes onto ` +
      "L2/3 pyramidal cells.";
    expect(await planOf(q)).toMatchObject({ post: [{ dim: "cell_type", values: ["23P"] }], compare: [{}, {}] });
  });

  it("'For the BC <a>, …' still reads the one root", async () => {
    expect(await planOf(`For the BC ${ID}, how many output synapses?`)).toMatchObject({
      pre: [{ dim: "root_id", values: [ID] }],
    });
  });
});

describe("'strong' with its cutoff said elsewhere", () => {
  it.each([
    "How many strong 23P-to-23P connections are there, i.e. pre/post pairs with at least 3 synapses?",
    "how many strong 23P→23P connections (at least 3 synapses)?",
  ])("%s is the connections with at least 3 synapses", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "connections", filter: [{ dim: "synapses", min: 3 }] });
  });

  it("'strong' alone is still asked back", async () => {
    expect(await answeredPlan("how many strong 23P→23P connections?")).toBe("clarify");
  });
});

describe("synapses that make up a connection", () => {
  it("'how many synapses make up that connection, on average?' is the mean synapses per connection", async () => {
    const q =
      "When a PV basket cell connects to an L2/3 pyramid, how many synapses make up that connection, on average?";
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "mean", of: "synapses" } });
  });
});

describe("a ranking said first", () => {
  it("'<id> (pasted …). Ranked by how many synapses each makes onto it, who are its top three …?'", async () => {
    const q =
      `${ID} (pasted from neuroglancer). Ranked by how many synapses each one makes onto it, who are its top ` +
      "three presynaptic partners?";
    expect(await planOf(q)).toMatchObject({
      post: [{ dim: "root_id", values: [ID] }],
      groupBy: [{ dim: "root_id", side: "pre" }],
      limit: 3,
    });
  });

  it("'Ranked by mean synapse size, which inhibitory types …' ranks by the mean size", async () => {
    const q = "Ranked by mean synapse size, which inhibitory types make the biggest synapses onto 23P?";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "size" }, order: "desc" });
  });
});

describe("words given their cutoff", () => {
  it("'Multi-synaptic contacts: … how many percent have two or more synapses?'", async () => {
    const q =
      "Multi-synaptic contacts: out of all connected PV→L2/3 pyramidal pairs, how many percent have two or more synapses?";
    expect(await planOf(q)).toMatchObject({
      measure: { fn: "fraction", part: { filter: [{ dim: "synapses", min: 2 }] } },
    });
  });

  it("'… connections are strong, meaning three synapses or more?'", async () => {
    const q = "How many L2/3 pyramidal → L2/3 pyramidal connections are strong, meaning three synapses or more?";
    expect(await planOf(q)).toMatchObject({ filter: [{ dim: "synapses", min: 3 }], measure: { fn: "count" } });
  });

  it.each([
    "For the heavily innervated 23P cells, meaning those with more than 100 input synapses, what is their average " +
      "number of input synapses?",
    "How many heavily innervated 23P cells, i.e. more than 100 input synapses, are there?",
  ])("%s: the cells with that cutoff", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [
        { dim: "cell_type", values: ["23P"] },
        { dim: "in_synapses", min: 100, minExclusive: true },
      ],
    });
  });

  it("'heavily innervated' alone is still asked back", async () => {
    expect(await answeredPlan("How many heavily innervated 23P cells are there?")).toBe("clarify");
  });
});

describe("groupings said with a verb or a possessive", () => {
  it("'Group the BCs by layer' counts BCs per layer", async () => {
    expect(await planOf("Group the BCs by layer")).toMatchObject({
      groupBy: [{ dim: "layer" }],
      measure: { fn: "count" },
    });
  });

  it.each([
    ["PV output synapses by the target's cell type, top 4", "cell_type"],
    ["BC synapses by the postsynaptic cell's area", "area"],
  ])("%s groups by the target's kind", async (q, dim) => {
    expect(await planOf(q)).toMatchObject({ groupBy: [{ dim, side: "post" }] });
  });
});

describe("the kind of cells said with a possessive", () => {
  it("'… broken down by the interneuron's type' groups by the interneurons' type", async () => {
    const q = "How many 23P-to-interneuron connections are there, broken down by the interneuron's type?";
    expect(await planOf(q)).toMatchObject({ source: "connections", groupBy: [{ dim: "cell_type", side: "post" }] });
  });

  it("'BC synapses onto 23P, by the BC's area' groups by the BCs' area", async () => {
    expect(await planOf("BC synapses onto 23P, by the BC's area")).toMatchObject({
      groupBy: [{ dim: "area", side: "pre" }],
    });
  });

  it("'Count each partner segment once' restates distinct partners", async () => {
    const q =
      "On average, how many distinct postsynaptic partners does each NGC have? Count each partner segment once.";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "out_partners" } });
  });
});

describe("cells said first, then how many of them", () => {
  it("'Among all the cells presynaptic to <id>, how many have had their axon proofread?'", async () => {
    const q = `Among all the cells presynaptic to ${ID}, how many have had their axon proofread?`;
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "axon_proofread", is: true }],
      post: [{ dim: "root_id", values: [ID] }],
      measure: { fn: "distinct", side: "pre" },
    });
  });
});

describe("a share said with 'sits', 'falls', 'lies'", () => {
  it.each([
    "Of all the PV basket cells, what share sits shallower than 300 microns from the pial surface? As a percent.",
    "what share of PV basket cells sits shallower than 300 microns?",
  ])("%s is the share of BCs above 300 µm (it had been the share of shallow cells that are BCs)", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "cell_type", values: ["BC"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "depth", max: 300, maxExclusive: true }] } },
    });
  });

  it("'what share of BCs fall in L5?' is the share of BCs in L5", async () => {
    expect(await planOf("what share of BCs fall in L5?")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["BC"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "layer", values: ["L5"] }] } },
    });
  });
});

describe("misspellings written as meant before the steps read the text", () => {
  it("'avg # post partnrs per BPC' is the mean of their postsynaptic partners", async () => {
    expect(await planOf("avg # post partnrs per BPC")).toMatchObject({
      source: "roots",
      measure: { fn: "mean", of: "out_partners" },
    });
  });
});

describe("a share said with 'falls' after 'whose'", () => {
  it("'the percent of that type's cells whose soma depth falls in L2/3' keeps its part", async () => {
    const q =
      "PV, SST, VIP and neurogliaform cells, each type separately: the percent of that type's cells whose soma " +
      "depth falls in L2/3.";
    expect(await planOf(q)).toMatchObject({
      measure: { fn: "fraction", part: { filter: [{ dim: "layer", values: ["L2/3"] }] } },
      groupBy: [{ dim: "cell_type" }],
    });
  });
});
