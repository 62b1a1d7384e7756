import { describe, expect, it } from "vitest";
import { answeredPlan, planOf } from "./support/reader-plans.js";

/**
 * "which 23P cells receive input from both BC and MC": the cells with a synapse from each member of
 * the list, one condition per member (had been one row per type and cell: another question).
 */
const fromEach = (dim: "in_synapses" | "out_synapses", ...types: string[]) =>
  types.map((t) => ({ dim, min: 1, partners: [{ dim: "cell_type", values: [t] }] }));
const type = (t: string) => ({ dim: "cell_type", values: [t] });

describe("cells connected with each member of a list", () => {
  it.each([
    ["which 23P cells receive input from both BC and MC", "list"],
    ["list the 23P cells that get input from both BC and MC", "list"],
    ["how many 23P cells get synapses from both BCs and MCs", "count"],
  ])("%s", async (q, fn) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [type("23P"), ...fromEach("in_synapses", "BC", "MC")],
      measure: { fn },
      groupBy: [],
    });
  });

  it("reads the other direction as output synapses onto each", async () => {
    expect(await planOf("how many BCs synapse onto both 23P and 4P")).toMatchObject({
      source: "roots",
      filter: [type("BC"), ...fromEach("out_synapses", "23P", "4P")],
      measure: { fn: "count" },
    });
  });

  it("reads plain 'cells' as the cells of the cell-type table, each with a synapse from each member", async () => {
    expect(await planOf("which cells receive input from both BC and MC")).toMatchObject({
      source: "roots",
      filter: [{ dim: "typed", is: true }, ...fromEach("in_synapses", "BC", "MC")],
      measure: { fn: "list" },
    });
  });

  it.each([
    "which roots receive input from both BC and MC",
    "how many 23P cells receive input from every inhibitory cell type",
    "which 23P cells receive input from both BC and MC on their apical dendrites",
    "how many 23P cells get synapses from both BCs and MCs during locomotion",
  ])("asks back what it cannot intersect or read: %s", async (q) => {
    expect(await answeredPlan(q)).toBe("clarify");
  });
});

describe("'list' before cells in the plural lists them, as 'which' does", () => {
  it.each([
    ["list the 23P cells that get input from BC", "post"],
    ["list BCs that synapse onto 23P", "pre"],
  ])("%s", async (q, side) => {
    const which = await planOf(q.replace(/^list (the )?/, "which "));
    expect(await planOf(q)).toEqual(which);
    expect(which).toMatchObject({ groupBy: [{ dim: "root_id", side }] });
  });
});

describe("a bare phrase of cells and a verb is those cells, as 'which' lists them", () => {
  it.each([
    ["BCs that target 23P", "which BCs target 23P", "pre"],
    ["MCs with synapses onto 5P-ET", "which MCs synapse onto 5P-ET", "pre"],
    ["23P cells receiving input from BC", "which 23P cells receive input from BC", "post"],
    ["23P cells that get input from BC", "which 23P cells get input from BC", "post"],
    // ("target" after "that BCs" is their verb: the 23P cells are the targets, not "BC targets".)
    ["23P cells that BCs target", "which 23P cells do BCs target", "post"],
    ["the cells that 864691135909466935 targets", "which cells does 864691135909466935 target", "post"],
  ])("%s", async (q, which, side) => {
    const plan = await planOf(q);
    expect(plan).toEqual(await planOf(which));
    expect(plan).toMatchObject({ groupBy: [{ dim: "root_id", side }] });
  });
  // (A flow noun before the verb is what is counted.)
  it.each(["MC synapses onto 5P-ET", "BCs onto 23P"])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "synapses", measure: { fn: "count" }, groupBy: [] });
  });
});

describe("one connection of a strength is a connection, not a mean per connection", () => {
  it.each([
    "Which Martinotti cells make a connection of at least 8 synapses onto a single L5 ET cell?",
    "which MCs have a connection with 8+ syn onto 5P-ET",
    "which MCs make connections of at least 8 synapses onto 5P-ET",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      filter: [{ dim: "synapses", min: 8 }],
      pre: [type("MC")],
      post: [type("5P-ET")],
      groupBy: [{ dim: "root_id", side: "pre" }],
    });
  });
  it("'a connection' alone is still per connection", async () => {
    expect(await planOf("how many synapses does a connection from MC onto 5P-ET have")).toMatchObject({
      measure: { fn: "mean", of: "synapses" },
    });
  });
});

describe("the cells one root both targets and gets input from", () => {
  const R = "864691135909466935";
  const root = [{ dim: "root_id", values: [R] }];
  const both = [
    { dim: "in_synapses", min: 1, partners: root },
    { dim: "out_synapses", min: 1, partners: root },
  ];
  it.each([
    [`list the partners that ${R} both sends synapses to and gets synapses from`, [], "list"],
    [`which cells does ${R} both target and receive input from`, [], "list"],
    [`reciprocal partners of ${R}`, [], "list"],
    [`how many cells are reciprocally connected with ${R}`, [], "count"],
    [`which 23P cells does ${R} both target and receive input from`, [type("23P")], "list"],
  ])("%s", async (q, own, fn) => {
    expect(await planOf(q)).toMatchObject({ source: "roots", filter: [...own, ...both], measure: { fn } });
  });

  it("asks back two directions it cannot read as one set, never one direction alone", async () => {
    const q = `which cells does ${R} both target and receive input from via apical dendrites`;
    expect(await answeredPlan(q)).toBe("clarify");
  });
});

describe("synapses of one population per cell of another", () => {
  it.each([
    ["avg # BC syn per 23P cell", "mean"],
    ["mean number of BC synapses per 23P cell", "mean"],
    ["median # MC syn per 4P cell", "median"],
  ])("%s: the cells' inputs from the named makers", async (q, fn) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ source: "roots", measure: { fn, of: "in_synapses" }, groupBy: [] });
    expect((plan as { partners: unknown }).partners).toHaveLength(1);
  });

  it("still asks back 'synapses per cell' with no side", async () => {
    expect(await planOf("avg # syn per 23P cell")).toBe("clarify");
  });

  it.each([
    ["BC synapses onto 23P per presynaptic cell", "BC", "out_synapses", "23P"],
    ["median synapses from BCs onto 23P per presynaptic neuron", "BC", "out_synapses", "23P"],
    ["synapses from BCs onto 23P per postsynaptic cell", "23P", "in_synapses", "BC"],
  ])("%s: the cells of the side named, each counted", async (q, own, of, partner) => {
    expect(await planOf(q)).toMatchObject({
      source: "roots",
      filter: [{ dim: "cell_type", values: [own] }],
      measure: { of },
      partners: [{ dim: "cell_type", values: [partner] }],
    });
  });
});

describe("a count said of one cell of a kind is the mean over its cells", () => {
  it.each([
    ["how many synapses does a 23P cell receive from BCs", "in_synapses"],
    ["how many synapses does a single 23P cell receive", "in_synapses"],
    ["On average, how many synapses does a single layer 2/3 pyramidal cell recieve from basket cells?", "in_synapses"],
    ["how many outputs does one BC make", "out_synapses"],
  ])("%s (had been the synapses all of them receive)", async (q, of) => {
    expect(await planOf(q)).toMatchObject({ source: "roots", measure: { fn: "mean", of } });
  });
});
