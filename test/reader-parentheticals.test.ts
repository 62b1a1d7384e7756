import { describe, expect, it } from "vitest";
import { planOf, reader } from "./support/reader-plans.js";

/** Parentheticals that say again what the rest of the question says, and those that say more (parentheticals.ts). */
const type = (t: string) => ({ dim: "cell_type", values: [t] });

describe("a parenthetical that restates the question", () => {
  it.each([
    ["# 23P cells w/ >80 inputs (syn)", { filter: [type("23P"), { dim: "in_synapses", min: 80 }] }],
    ["Multi-synaptic (2 or more) connections between 23P cells: how many?", { filter: [{ dim: "synapses", min: 2 }] }],
    ["Layer by layer (soma depth), how big on average are PV cell nuclei?", { groupBy: [{ dim: "layer" }] }],
    ["How many proofread 5P-ET cells also have functional (tuning) properties?", { measure: { fn: "count" } }],
    [
      "Which five 5P-ET cells have the highest in-degree (most distinct presynaptic partners)?",
      { measure: { fn: "distinct", side: "pre" }, limit: 5 },
    ],
    ["convergence 23P→5P-ET (avg # presyn 23P per ET cell)", { measure: { fn: "mean", of: "in_partners" } }],
    ["heatmap of synapse counts between cell types (presynaptic by postsynaptic)", { chart: "heatmap" }],
    ["# syn BC -> 23P (synapses not conn)", { source: "synapses", measure: { fn: "count" } }],
    [
      "Per presynaptic cell type — synapses, not cells — how many inputs does 864691135252221195 get?",
      { source: "synapses", groupBy: [{ dim: "cell_type", side: "pre" }] },
    ],
  ])("%s: read as without it, every word of it used", async (q, plan) => {
    const r = await reader.plan(q);
    if (r.type !== "plan") throw new Error(`not read: ${JSON.stringify(r)}`);
    expect(r.plan).toMatchObject(plan);
    expect(r.reading?.unaccounted).toEqual([]);
  });

  it.each([
    ["For cells classified as 4P, what depth is typical (median)?", "median"],
    ["the average (median) gOSI of tuned 23P cells", "median"],
  ])("%s: a statistic glossed by a more exact one is that one", async (q, fn) => {
    expect(await planOf(q)).toMatchObject({ measure: { fn } });
  });
});

describe("a parenthetical that says more than the question", () => {
  it.each([
    "which PV cells have 200+ outputs? (strictly more than 200)",
    "Multi-synaptic (3 or more) connections between 23P cells: how many?",
    "# 23P cells w/ >80 inputs (syn during anesthesia)",
    "Layer by layer (soma depth), how big on average are PV cell nuclei (MC)?",
    "convergence 23P→5P-ET (avg # presyn 4P per ET cell)",
    "# syn BC -> 23P (conn not synapses)",
  ])("is asked back, never read as if it were not there: %s", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("a restriction said in parentheses", () => {
  it.each([
    ["# 23P cells w/ >80 inputs (in V1)", { dim: "area", values: ["V1"] }],
    ["how many cells are in L4 (neurons)", { dim: "class", values: ["neuron"] }],
  ])("%s: is kept", async (q, restriction) => {
    expect(await planOf(q)).toMatchObject({ filter: expect.arrayContaining([restriction]) });
  });
});
