import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words found at stop 51, continued from blind-sets-words-51b.test.ts: partners of one root said with "its" and
 * "their", shared partners, groups listed after a colon, a self-introduction, and bounds on a cell's partners.
 */

describe("a property said of the partners of one root, named before it", () => {
  it.each([
    ["Which of the presynaptic partners of 864691135375183220 have a proofread axon?", "pre", "axon_proofread"],
    ["How many of the cells presynaptic to 864691135089580691 are coregistered?", "pre", "coregistered"],
  ])("%s (it had been put on the root's side, and asked back)", async (q, side, dim) => {
    expect(await planOf(q)).toMatchObject({ [side]: [{ dim, is: true }] });
  });
});

describe("the groups of a grouping listed after a colon", () => {
  it("'8646… input syn by presyn soma layer: L2/3, L4, L5' is those three layers, one row each", async () => {
    expect(await planOf("864691135036757080 input syn by presyn soma layer: L2/3, L4, L5")).toMatchObject({
      pre: [{ dim: "layer", values: ["L2/3", "L4", "L5"] }],
      groupBy: [{ dim: "layer", side: "pre" }],
    });
  });
});

describe("partners two roots share, counted, with their side said before the noun", () => {
  const counted = {
    source: "roots",
    measure: { fn: "count" },
    filter: [{ dim: "in_synapses" }, { dim: "in_synapses" }],
  };
  it.each([
    "# shared post targets 864691135488302306 & 864691135679907577",
    "How many postsynaptic targets do 864691135488302306 and 864691135679907577 have in common?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject(counted);
  });
});

describe("'its targets', 'their inputs': the partners of the cells named, on the other side", () => {
  const out = { pre: [{ dim: "root_id", values: ["864691135300382104"] }], post: [] };
  const into = { pre: [], post: [{ dim: "root_id", values: ["864691135300382104"] }] };
  it.each([
    // (Each had put the root on the partners' side, or on both: synapses from the root onto itself.)
    ["864691135300382104: how many synapses onto its targets", out],
    ["how many synapses does 864691135300382104 make onto its targets", out],
    ["864691135300382104: avg syn per connection onto its targets", { source: "connections", ...out }],
    ["864691135300382104: how many synapses from its inputs", into],
    ["how many synapses does 864691135300382104 receive from its inputs", into],
  ])("%s", async (q, want) => {
    expect(await planOf(q)).toMatchObject(want);
  });

  it("a share of one root's synapses onto its targets keeps the part", async () => {
    const q = "what fraction of 864691135300382104's synapses onto its targets are onto 23P";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "root_id" }],
      post: [],
      measure: { fn: "fraction", part: { post: [{ dim: "cell_type", values: ["23P"] }] } },
    });
  });
});

describe("'that' before a layer named is a relative pronoun, not a pointer", () => {
  it("What's the average size of the synapses that layer 4 pyramidal cells make onto layer 2/3 pyramidal cells?", async () => {
    const q =
      "What's the average size of the synapses that layer 4 pyramidal cells make onto layer 2/3 pyramidal cells?";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "cell_type", values: ["4P"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "mean", of: "size" },
    });
  });

  it("'BCs in L5: how many cells in that layer' still points back", async () => {
    expect(await planOf("BCs in L5: how many cells in that layer")).not.toBe("clarify");
  });
});

describe("an asker who says who they are", () => {
  it.each([
    "rotation student here: how many BCs in V1?",
    "quick one from the new rotation student: how many BCs in V1?",
  ])("%s", async (q) => {
    expect(await planOf(q)).toEqual(await planOf("how many BCs in V1?"));
  });
});

describe("any root said again beside shared partners or fragments", () => {
  it("'… have in common (any root, fragments included)?' is counted", async () => {
    const q =
      "How many postsynaptic targets do 864691135488302306 and 864691135679907577 have in common (any root, " +
      "fragments included)?";
    expect(await planOf(q)).toMatchObject({ source: "roots", measure: { fn: "count" } });
  });

  it("'…, including partners without a soma?' says again that fragments count", async () => {
    const q = "Which roots make at least 5 synapses onto 864691135934396245, including partners without a soma?";
    expect(await planOf(q)).toMatchObject({ source: "connections", filter: [{ dim: "synapses", min: 5 }] });
  });
});

describe("cells ranked by their connections, and by the number of cells they contact", () => {
  it.each([
    // (It had ranked the BC←23P connections, pairs, by their synapses.)
    [
      "top 5 BCs by connections from 23P cells",
      { source: "connections", measure: { fn: "count" }, groupBy: [{ dim: "root_id", side: "post" }], limit: 5 },
    ],
    [
      "top 5 BCs by number of 23P cells they contact",
      { measure: { fn: "distinct", side: "post" }, groupBy: [{ dim: "root_id", side: "pre" }] },
    ],
  ])("%s", async (q, want) => {
    expect(await planOf(q)).toMatchObject(want);
  });

  it("'top 5 BC->23P connections by synapse count' still ranks the pairs", async () => {
    expect(await planOf("top 5 BC->23P connections by synapse count")).toMatchObject({
      groupBy: [{ side: "pre" }, { side: "post" }],
    });
  });
});

describe("cells kept by how many partners of one kind they have", () => {
  it.each([
    ["count BCs with more than 30 distinct 23P targets", "BC", "out_partners", "23P"],
    ["how many 23P cells are innervated by more than 3 BCs", "23P", "in_partners", "BC"],
    ["which 23P cells have at least 3 BC presynaptic partners", "23P", "in_partners", "BC"],
  ])("%s", async (q, cells, dim, partner) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [
        { dim: "cell_type", values: [cells] },
        { dim, partners: [{ dim: "cell_type", values: [partner] }] },
      ],
    });
  });
});

describe("'who targets X': the verb of 'who'", () => {
  it("'who targets 8646… most' ranks the root's inputs (it had been read as the root's targets)", async () => {
    expect(await planOf("who targets 864691135300382104 most")).toMatchObject({
      post: [{ dim: "root_id", values: ["864691135300382104"] }],
      groupBy: [{ dim: "root_id", side: "pre" }],
    });
  });

  it("'who are the targets of 8646…' still lists its targets", async () => {
    expect(await planOf("who are the targets of 864691135300382104")).toMatchObject({
      pre: [{ dim: "root_id", values: ["864691135300382104"] }],
    });
  });
});

describe("a bound on a cell's partners with no kind said is the cell's own count", () => {
  it.each([
    "What percent of basket cells have at least 57 distinct postsynaptic partners?",
    "Which basket cells have at least 65 distinct postsynaptic partners? Please list their root ids.",
  ])("%s", async (q) => {
    const plan = JSON.stringify(await planOf(q));
    expect(plan).toContain('"out_partners"');
    expect(plan).not.toContain('"partners":[');
  });
});

describe("'synapses they receive' with no kind before it is read as it was", () => {
  it("among L5 IT cells, avg size of synapses they receive", async () => {
    expect(await planOf("among L5 IT cells, avg size of synapses they receive")).toMatchObject({
      pre: [],
      post: [{ dim: "cell_type", values: ["5P-IT"] }],
      measure: { fn: "mean", of: "size" },
    });
  });
});
