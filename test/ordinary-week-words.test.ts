import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Words of an ordinary week (found by the blind sets dev50 and dev53): a flow said again in brackets ("between
 * L2/3 pyramidal cells (23P onto 23P)"), a type said of a pasted root with its article ("8646… (an NGC)"), what
 * the asker will do with the answer ("I want to load them in neuroglancer"), "(pairs, not individual synapses)",
 * "p_conn", "As a fraction please", "avergae".
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("said in passing", () => {
  it.each([
    "On avergae, how many synapses are there per connection between L2/3 pyramidal cells (23P onto 23P)?",
    "on average how many synapses per connection between L2/3 pyramidal cells (23P to 23P)?",
  ])("%s: the flow said again", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      pre: type("23P"),
      post: type("23P"),
      measure: { fn: "mean", of: "synapses" },
    });
  });

  it("between L2/3 pyramidal cells (23P onto BC): another flow in brackets is asked back", async () => {
    expect(await planOf("how many synapses per connection between L2/3 pyramidal cells (23P onto BC)?")).toBe(
      "clarify",
    );
  });

  it("8646… (an NGC): onto which cell types does it synapse? just the list of types is fine", async () => {
    const q = "864691135613335062 (an NGC): onto which cell types does it synapse? just the list of types is fine";
    expect(await planOf(q)).toMatchObject({
      pre: [{ dim: "root_id", values: ["864691135613335062"] }, ...type("NGC")],
      groupBy: [{ dim: "cell_type", side: "post" }],
    });
  });

  it.each([
    "Can you list the root ids of all the L5 ET cells in area RL? I want to load them in neuroglancer.",
    "need these for a neuroglancer session tomorrow -- area RL, thick-tufted layer 5 cells, just their root ids pls",
  ])("%s: the list, the purpose as context", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "cells", measure: { fn: "list" } });
  });

  it("how many connected pairs is that (pairs, not individual synapses)?", async () => {
    const q =
      "Martinotti cells as targets, L5 IT cells as sources: how many connected pairs is that (pairs, not " +
      "individual synapses)?";
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "count" } });
  });

  it.each([
    "What's the connection probability from bipolar (VIP) cells onto Martinotti cells? As a fraction please.",
    "p_conn BPC→MC (0-1)",
  ])("%s: the probability", async (q) => {
    expect(await planOf(q)).toMatchObject({ pre: type("BPC"), post: type("MC"), measure: { fn: "probability" } });
  });
});

describe("lists, areas between dashes, totals", () => {
  it("list the BCs with at least 3 synapses onto 8646…: the BCs, one row each", async () => {
    expect(await planOf("list the BCs with at least 3 synapses onto 864691135988481406")).toMatchObject({
      pre: type("BC"),
      groupBy: [{ dim: "root_id", side: "pre" }],
    });
  });

  it("Per visual area — V1, RL, AL, LM — the average gOSI: one row per area, no filter", async () => {
    const plan = await planOf(
      "Per visual area — V1, RL, AL, LM — the average gOSI over the neurons with functional data?",
    );
    expect(plan).toMatchObject({ measure: { fn: "mean", of: "osi" }, groupBy: [{ dim: "area" }] });
    expect(JSON.stringify(plan)).not.toContain('"RL"');
  });

  it.each(["which 4P w/ >=4 syn total onto 23P", "how many 4P w/ >=4 syn total onto 23P"])(
    "%s: each 4P cell's total onto 23P",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        source: "roots",
        filter: [...type("4P"), { dim: "out_synapses", min: 4, partners: type("23P") }],
      });
    },
  );

  it("list axon-proofread 4P in V1 w/ >=4 syn total onto deep 23P: never one connection's count", async () => {
    expect(await planOf("list axon-proofread 4P in V1 w/ >=4 syn total onto 23P deeper than 250um")).toBe("clarify");
  });
});

describe("two sets sharing a qualifier", () => {
  it.each([
    "What's the mean gOSI of the coregistered 4P cells and of the coregistered 23P cells?",
    "Mean global OSI for two groups — coregistered layer 2/3 pyramidal cells and coregistered layer 4 pyramidal " +
      "cells — both numbers please",
  ])("%s: one row per type, both coregistered", async (q) => {
    expect(await planOf(q)).toMatchObject({
      filter: [{ dim: "coregistered", is: true }, { dim: "cell_type" }],
      measure: { fn: "mean", of: "osi" },
      groupBy: [{ dim: "cell_type" }],
    });
  });

  it("avg nucleus vol: L5 ET vs L5 IT (a word of the names, not a qualifier)", async () => {
    expect(await planOf("avg nucleus vol: L5 ET vs L5 IT")).toMatchObject({
      filter: [{ dim: "cell_type", values: ["5P-ET", "5P-IT"] }],
    });
  });
});

describe("a yes/no comparison asked first", () => {
  it("its words are not read into the question after it (one row per layer had been given for types)", async () => {
    const q =
      "Are L4 cells more orientation selective than L2/3 cells? What's the mean gOSI of the coregistered 4P cells " +
      "and of the coregistered 23P cells?";
    expect(await planOf(q)).toBe("clarify");
  });

  it("Do PV basket cells make bigger synapses than SST Martinotti cells? … for each: read as one", async () => {
    const q =
      "Do PV basket cells make bigger synapses than SST Martinotti cells? Give me the average output synapse size " +
      "for each.";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "size" } });
  });
});
