import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Statistics words found by the blind sets dev49, dev52 and dev53: a statistic of per-cell statistics ("the average
 * of their mean incoming synapse sizes" had been the mean over all synapses); what a question says it does not ask
 * ("not by synapse count", "(not the total)"); defaults said again ("(all presyn partners)" had turned a count of
 * synapses into a count of partners; "(any post)", "fragments incl.").
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("a statistic of each cell's statistic", () => {
  it.each([
    "Each L6 IT neuron counted once: what's the average of their mean incoming synapse sizes?",
    "average of the mean synapse sizes of 6P-IT inputs",
  ])("%s: asked back", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it.each(["the mean of each BC's total output synapse count", "mean synapse size onto 6P-IT"])(
    "%s: one statistic, answered",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ measure: { fn: "mean" } });
    },
  );
});

describe("what is not asked", () => {
  it("ranked by total synapse size, not by synapse count: the sum of sizes", async () => {
    const q =
      "Who are the top 5 presynaptic partners of 864691135189272596 ranked by total synapse size (summed " +
      "voxels), not by synapse count?";
    expect(await planOf(q)).toMatchObject({ measure: { fn: "sum", of: "size" }, limit: 5 });
  });

  it("Averaged per cell (not the total): the mean per cell", async () => {
    const q = "Averaged per cell (not the total), which three cell types get the most incoming synapses?";
    expect(await planOf(q)).toMatchObject({ source: "roots", measure: { fn: "mean", of: "in_synapses" }, limit: 3 });
  });

  it.each([
    "top 5 presynaptic partners of 864691135189272596, not by synapse count",
    "how many synapses onto 23P (not the total)",
  ])("%s: the plan is what was denied, asked back", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("defaults said again", () => {
  it.each([
    ["per 5P-IT neuron, mean count of incoming syn (all presyn partners)?", "in_synapses"],
    ["mean # input syn per 5P-IT (all partners)", "in_synapses"],
  ])("%s: still a count of synapses", async (q, of) => {
    expect(await planOf(q)).toMatchObject({ source: "roots", filter: type("5P-IT"), measure: { fn: "mean", of } });
  });

  it.each([
    "median syn size of 5P-ET outputs (any post, vox)",
    "Taking every synapse made by the thick-tufted L5 cells onto anything at all, what's the median synapse size?",
  ])("%s: every 5P-ET output", async (q) => {
    expect(await planOf(q)).toMatchObject({ pre: type("5P-ET"), post: [], measure: { fn: "median", of: "size" } });
  });

  it("# presyn partners of 864691135183251314 (unique root ids, fragments incl.)", async () => {
    expect(await planOf("# presyn partners of 864691135183251314 (unique root ids, fragments incl.)")).toMatchObject({
      measure: { fn: "distinct", side: "pre" },
    });
  });
});

describe("a statistic said of a distribution, a denominator by its side, E:I", () => {
  it("Distribution of BC out-degree — distinct downstream partners per cell — summarized by its median?", async () => {
    const q = "Distribution of BC out-degree — distinct downstream partners per cell — summarized by its median?";
    expect(await planOf(q)).toMatchObject({ source: "roots", measure: { fn: "median", of: "out_partners" } });
  });

  it("a histogram of a distribution is still drawn", async () => {
    expect(await planOf("histogram of the distribution of BC out-degree")).toMatchObject({ chart: "histogram" });
  });

  it.each([
    "% of 5P-ET input syn from inhibitory neurons (denom: all inputs)",
    "What percentage of all input synapses onto 5P-ET cells come from inhibitory neurons? Denominator = all their " +
      "inputs, including the ones from fragments without a soma.",
  ])("%s: the share of the 5P-ET inputs", async (q) => {
    expect(await planOf(q)).toMatchObject({
      post: type("5P-ET"),
      measure: { fn: "fraction", part: { pre: [{ dim: "class", values: ["inhibitory"] }] } },
    });
  });

  it("% of 5P-ET input syn from inhibitory neurons (denom: all outputs): another side, asked back", async () => {
    expect(await planOf("% of 5P-ET input syn from inhibitory neurons (denom: all outputs)")).toBe("clarify");
  });

  it("E:I ratio, # cells", async () => {
    expect(await planOf("E:I ratio, # cells")).toMatchObject({
      measure: { fn: "ratio", numerator: { filter: [{ dim: "class", values: ["excitatory"] }] } },
    });
  });

  it("the largest number of synapses in a single connection from a Martinotti cell onto a 23P cell", async () => {
    const q =
      "What's the largest number of synapses in a single connection from a Martinotti cell onto a layer 2/3 " +
      "pyramidal cell?";
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn: "max", of: "synapses" } });
  });
});
