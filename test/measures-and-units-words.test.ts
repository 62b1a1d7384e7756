import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * Wrong answers found by the blind sets dev49 ("measures and units") and dev50 ("an ordinary week, again"). "the
 * largest number of synapses that a single basket cell makes onto a single L5 ET cell" had been each BC's total
 * onto 5P-ET cells; "Inhibitory neurons -> 23P cells: what fraction is that of all the synapses 23P cells
 * receive?" the share of those synapses that are onto 23P cells (100%); "what fraction of all 23P inputs are
 * BC -> 23P" a share of the 23P cells' outputs.
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("one cell onto one cell is one connection", () => {
  it.each([
    ["What's the largest number of synapses that a single basket cell makes onto a single L5 ET cell?", "max"],
    ["what's the max number of syn one BC makes onto a 23P cell", "max"],
    ["on average, how many synapses does a single BC make onto a single 5P-ET cell", "mean"],
    ["how many synapses does one 4P cell make onto one 23P cell on average", "mean"],
    ["median number of synapses one BC makes onto one 23P cell", "median"],
    ["what is the mean number of synapses from one MC to one 23P", "mean"],
  ])("%s: the %s over connections", async (q, fn) => {
    expect(await planOf(q)).toMatchObject({ source: "connections", measure: { fn, of: "synapses" }, groupBy: [] });
  });

  it("how many synapses does a single BC make onto 23P cells on average: still each BC's total", async () => {
    expect(await planOf("how many synapses does a single BC make onto 23P cells on average")).toMatchObject({
      source: "roots",
      measure: { fn: "mean", of: "out_synapses" },
    });
  });
});

describe("a share of synapses whose part is said first", () => {
  const intoType = (pre: string, post: string) => ({
    source: "synapses",
    pre: [],
    post: type(post),
    // (The whole's own side is not said again in the part: the part is the whole's rows that are also from BC.)
    measure: { fn: "fraction", part: { pre: type(pre) } },
  });
  it.each([
    "BC -> 23P: what fraction is that of all 23P inputs?",
    "BC -> 23P: what fraction of all synapses onto 23P is that?",
    "BC -> 23P syn as a fraction of all synapses 23P cells receive",
    "what fraction of all 23P inputs are BC -> 23P",
  ])("%s: BC's share of the 23P inputs", async (q) => {
    expect(await planOf(q)).toMatchObject(intoType("BC", "23P"));
  });

  it.each(["BC->23P synapses as a percent of all BC outputs", "what percent of all BC outputs are BC->23P synapses"])(
    "%s: 23P's share of the BC outputs",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        pre: type("BC"),
        post: [],
        measure: { fn: "fraction", part: { post: type("23P") } },
      });
    },
  );

  it("L4 cells that are 4P: what percentage of the layer is that? (cells said first are left as typed)", async () => {
    expect(await planOf("L4 cells that are 4P: what percentage of the layer is that?")).toBe("clarify");
  });
});

describe("a share's denominator said again", () => {
  const share = (pre: string[], post: string[], part: object) => ({
    source: "synapses",
    pre: pre.map((t) => ({ dim: "cell_type", values: [t] })),
    post: post.map((t) => ({ dim: "cell_type", values: [t] })),
    measure: { fn: "fraction", part },
  });
  const ontoInhibitory = share(["23P"], [], { post: [{ dim: "class", values: ["inhibitory"] }] });
  const fromMC = share([], ["5P-ET"], { pre: type("MC") });
  it.each([
    [
      "What percentage of all L2/3 pyramidal output synapses land on inhibitory neurons? Use every 23P output " +
        "synapse as the denominator.",
      ontoInhibitory,
    ],
    ["% of 23P output syn onto inh neurons (denom = all 23P outputs)", ontoInhibitory],
    ["frac of 5P-ET input syn from MC (0-1, denom = all 5P-ET inputs)", fromMC],
    ["frac of 5P-ET input syn from MC (0-1)", fromMC],
    ["frac of 5P-ET input syn from MC (denom = all inputs incl frags)", fromMC],
    [
      "counting every input syn onto thick-tufted cells as the denominator (orphan fragments too), what fraction is " +
        "from Martinotti cells?",
      fromMC,
    ],
    ["frac of 5P-ET input syn from MC? Denominator = every synapse those cells receive.", fromMC],
    [
      "What fraction of the input synapses onto L5 ET cells come from Martinotti cells? As a fraction between 0 " +
        "and 1, out of all their input synapses.",
      fromMC,
    ],
  ])("%s: the share, its whole said again", async (q, plan) => {
    expect(await planOf(q)).toMatchObject(plan);
  });

  it.each([
    "% of 23P output syn onto inh neurons (denom = all BC outputs)",
    "frac of 5P-ET input syn from MC (denom = all 5P-ET outputs)",
    "frac of 5P-ET input syn from MC? Denominator = every synapse those cells make.",
    "How many synapses onto 23P come from BC, out of all 23P inputs?",
    "What fraction of the input synapses onto L5 ET cells come from Martinotti cells? Out of all their outputs.",
  ])("%s: another whole than the one read is asked back", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("answered on the raw exports", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  it("Inhibitory neurons -> 23P cells: the share of all synapses onto 23P cells", async () => {
    const q = "Inhibitory neurons -> 23P cells: what fraction is that of all the synapses 23P cells receive?";
    const answer = await store.chat.answer(q);
    expect(answer.status, answer.text).toBe("answered");
    const { share } = store.raw
      .prepare(
        "SELECT 1.0 * sum(pre_pt_root_id IN (SELECT pt_root_id FROM root_type WHERE classification_system = " +
          "'inhibitory_neuron')) / count(*) share FROM syn WHERE post_pt_root_id IN " +
          "(SELECT pt_root_id FROM root_type WHERE cell_type = '23P')",
      )
      .get() as { share: number };
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.5);
    expect(answer.text).toContain(`${(100 * share).toFixed(1)}%`);
  });
});
