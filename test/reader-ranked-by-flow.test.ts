import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";

const type = (t: string) => ({ dim: "cell_type", values: [t] });

/**
 * "rank BCs by synapses onto 23P", "inh types ranked by syn/conn onto 23P": a ranked population said away
 * from its "from" or "onto" is ranked on the other side of the flow from the population that has one (it
 * had been asked back: "the most of what?", "pre or post?").
 */
describe("cells ranked by a flow they are a side of are ranked one by one", () => {
  it.each([
    ["rank BCs by synapses onto 23P", "which BCs have the most synapses onto 23P"],
    ["BCs with the most synapses onto 23P", "which BCs have the most synapses onto 23P"],
    ["5P-IT neurons ranked by synapses from 23P", "which 5P-IT neurons get the most synapses from 23P"],
  ])("%s", async (q, which) => {
    const plan = await planOf(q);
    expect(plan).toEqual(await planOf(which));
    expect(plan).toMatchObject({ source: "synapses", order: "desc", groupBy: [{ dim: "root_id" }] });
  });
});

describe("types ranked by a flow are on the other side from the named population", () => {
  const perInhibitoryType = {
    source: "connections",
    pre: [{ dim: "class", values: ["inhibitory"] }],
    post: [type("23P")],
    measure: { fn: "mean", of: "synapses" },
    groupBy: [{ dim: "cell_type", side: "pre" }],
    order: "desc",
  };
  it.each([
    "inh types ranked by syn/conn onto 23P",
    "Rank the inhibitory cell types by their average number of synapses per connection onto layer 2/3 pyramidal cells.",
  ])("%s", async (q) => {
    expect(await planOf(q)).toMatchObject(perInhibitoryType);
  });
  // (Kinds a cell may be of both, "proofread cells … onto 23P", say nothing of a side: still asked back.)
  it("a population that may overlap the other is not given a side", async () => {
    expect(await planOf("proofread cells ranked by synapses onto 23P")).toBe("clarify");
  });
});
