import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

/**
 * Each side of the synapses named beside its cells (found by the blind set dev47, "the newcomer"). "where the pre
 * is a BC and the post is a 23P", "BC the source, 23P the target" and "with the presynaptic cell BC and the
 * postsynaptic cell 23P" had been answered with the sides swapped or merged; "a 23P cell is the target" read
 * the 23P cells as the sources and grouped per root.
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("the sides named with 'is', beside the cells, or before them", () => {
  it.each([
    "how many synapses where the pre is a BC and the post is a 23P",
    "how many synapses where the source is a BC and the target is a 23P",
    "how many syn where 23P is the post and BC the pre",
  ])("%s: BC→23P synapses", async (q) => {
    expect(await planOf(q)).toMatchObject({ source: "synapses", pre: type("BC"), post: type("23P") });
  });

  it.each([
    "Looking only at connected pairs where a layer 2/3 pyramidal neuron is the target and a basket cell is the " +
      "source, what's the mean number of synapses per pair?",
    "mean syn per conn where BC is the source and 23P the target",
    "mean syn per conn where the target is a layer 2/3 pyramidal neuron and the source is a basket cell",
    "BC the source, 23P the target: mean syn per conn",
    "mean syn per conn, BC being the source and 23P the target",
    "mean syn per conn, with the presynaptic cell BC and the postsynaptic cell 23P",
  ])("%s: the mean over BC→23P connections, one number", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      pre: type("BC"),
      post: type("23P"),
      measure: { fn: "mean", of: "synapses" },
      groupBy: [],
    });
  });

  it.each([
    "Connection probability where the source is BPC and the target is MC",
    "Connection probability, the presynaptic cell is BPC and the postsynaptic cell is MC",
    "Connection probability with BPC presynaptic and MC postsynaptic?",
  ])("%s: one probability, BPC→MC", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: type("BPC"),
      post: type("MC"),
      measure: { fn: "probability" },
      groupBy: [],
    });
  });

  it("# syn, pre = BC, post = 23P: a side set equal to cells", async () => {
    expect(await planOf("# syn, pre = BC, post = 23P")).toMatchObject({ pre: type("BC"), post: type("23P") });
  });

  it.each([
    [
      "Which 23P to 5P-IT connection has the most synapses? Give me the presynaptic root id.",
      "the presynaptic root id",
    ],
    ["how many synapses where both the pre and the post cell are in V1", "both sides at once"],
  ])("%s: leaves %s alone", async (q) => {
    expect(await planOf(q)).toMatchObject({ kind: "query" });
  });
});

describe("two flows compared, with a side said again after them", () => {
  it.each(["MC→ET vs PV→ET mean syn size onto 5P-ET", "MC→ET vs PV→ET, mean syn size of each (post = 5P-ET)"])(
    "%s: MC and BC compared onto 5P-ET (it had put BC among the targets)",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        pre: [{ dim: "cell_type", values: ["MC", "BC"] }],
        post: type("5P-ET"),
        groupBy: [{ dim: "cell_type", side: "pre" }],
      });
    },
  );
});
