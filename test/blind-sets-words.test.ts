import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * Words found by the blind sets dev48 to dev57 (the paper reader, statistics words, the visiting student, the
 * single-cell detective, exclusions): several had been answered with a number that looked right.
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];
const R1 = "864691135488302306";
const R2 = "864691135679907577";

describe("a difference said as 'A minus B' keeps the order said", () => {
  it.each(["mean nucleus volume of 23P minus that of 5P-ET", "mean nuc vol 23P minus mean nuc vol 5P-ET"])(
    "%s: the first minus the second",
    async (q) => {
      expect(await planOf(q)).toMatchObject({ measure: { fn: "mean", of: "volume" }, contrast: "minus" });
    },
  );

  it("how much bigger: still the larger minus the smaller", async () => {
    expect(await planOf("how much bigger is the mean nucleus volume of 5P-ET than 23P")).toMatchObject({
      contrast: "difference",
    });
  });
});

describe("one measure of two sets, divided", () => {
  it.each([
    "mean nuc vol 5P-ET / mean nuc vol 23P",
    "ratio: mean # out syn per BC / mean per BPC",
    "Mean number of output synapses per cell, BC divided by VIP (BPC) — what's that ratio?",
    "# neurons V1 / # neurons RL?",
  ])("%s: the two, and their ratio in the order said", async (q) => {
    expect(await planOf(q)).toMatchObject({ contrast: "ratio" });
  });

  it("a division inside a measure is not two sets", async () => {
    expect(await planOf("mean syn / conn for BC->23P")).toMatchObject({ source: "connections", groupBy: [] });
  });

  it("a division after another comparison is asked back, not divided in the order of the first", async () => {
    const q = "Inhibitory neurons per layer, L4 vs L2/3: what is the L2/3 count divided by the L4 count?";
    expect(await planOf(q)).toBe("clarify");
  });
});

describe("a side said after the cells", () => {
  it.each([
    "connections with an SST cell presynaptic and an L5 ET cell postsynaptic: mean synapses per connection",
    "Looking at every connected pair with an SST cell presynaptic and an L5 ET cell postsynaptic: how many synapses " +
      "does a connection have, on average?",
  ])("%s: MC onto 5P-ET", async (q) => {
    expect(await planOf(q)).toMatchObject({ pre: type("MC"), post: type("5P-ET"), measure: { fn: "mean" } });
  });

  it("BCs as presynaptic and 23P cells as postsynaptic", async () => {
    const q = "BCs as presynaptic and 23P cells as postsynaptic: connection probability";
    expect(await planOf(q)).toMatchObject({ pre: type("BC"), post: type("23P"), measure: { fn: "probability" } });
  });

  it("'where the BC is the postsynaptic cell' is onto the BCs (it had been their targets, ranked)", async () => {
    expect(await planOf("synapses where the BC is the postsynaptic cell")).toMatchObject({
      pre: [],
      post: type("BC"),
      groupBy: [],
    });
  });

  it("'BC presynaptic partners' are still the partners of the BCs", async () => {
    expect(await planOf("how many BC presynaptic partners")).not.toMatchObject({ pre: type("BC") });
  });
});

describe("the owner of 'their' outputs after 'among'", () => {
  it.each([
    "among BCs, what percent of their output synapses are onto 23P cells?",
    "Restrict to BCs. what percent of their output synapses are onto 23P cells?",
  ])("%s: of the BCs' outputs", async (q) => {
    expect(await planOf(q)).toMatchObject({
      pre: type("BC"),
      post: [],
      measure: { fn: "fraction", part: { post: type("23P") } },
    });
  });

  it("'among BCs, how many synapses': still the synapses among them", async () => {
    expect(await planOf("among BCs, how many synapses")).toMatchObject({ pre: type("BC"), post: type("BC") });
  });
});

describe("a share's whole said as the denominator or as 100%", () => {
  it.each([
    "% of 5P-ET input syn from 23P (all inputs as denominator)",
    "Counting every synapse that thick-tufted L5 cells receive as 100% (fragments included), what percentage has " +
      "a 23P cell as the presynaptic partner?",
  ])("%s: the share of 5P-ET inputs", async (q) => {
    expect(await planOf(q)).toMatchObject({
      post: type("5P-ET"),
      measure: { fn: "fraction", part: { pre: type("23P") } },
    });
  });

  it("a denominator that is not the whole is asked back", async () => {
    expect(await planOf("% of 5P-ET input syn from 23P (all outputs as denominator)")).toBe("clarify");
  });
});

describe("words of a visiting student and of exclusions", () => {
  it("'never assigned a cell type' is the untyped nuclei (it had been a count per cell type)", async () => {
    const q = "Of the detected nuclei that were never assigned a cell type, how many sit outside V1?";
    expect(await planOf(q)).toMatchObject({ source: "nuclei", filter: [{ dim: "typed", is: false }, {}], groupBy: [] });
  });

  it("'make the count of' counts (it had been read as cells that make synapses)", async () => {
    const q = "For each visual area, make the count of the PV basket cells, please.";
    expect(await planOf(q)).toMatchObject({ source: "cells", filter: type("BC"), groupBy: [{ dim: "area" }] });
  });

  it("'Orphan fragments without a nucleus count too' keeps every partner (it had kept only fragments)", async () => {
    const q =
      `Which postsynaptic partners does ${R1} make at least 5 synapses onto? ` +
      "Orphan fragments without a nucleus count too.";
    expect(await planOf(q)).toMatchObject({ post: [], filter: [{ dim: "synapses", min: 5 }] });
  });
});

describe("partners two cells have in common", () => {
  const from = (dim: string) => [R1, R2].map((id) => ({ dim, min: 1, partners: [{ dim: "root_id", values: [id] }] }));
  it.each([
    [`Which postsynaptic partners do ${R1} and ${R2} have in common?`, "in_synapses"],
    [`shared targets of ${R1} & ${R2}`, "in_synapses"],
    [`which roots get synapses from both ${R1} and ${R2}`, "in_synapses"],
    [`common inputs of ${R1} and ${R2}`, "out_synapses"],
    [`which roots target both ${R1} and ${R2}`, "out_synapses"],
  ])("%s: the roots on that side of both, listed", async (q, dim) => {
    expect(await planOf(q)).toMatchObject({ source: "roots", filter: from(dim), measure: { fn: "list" } });
  });

  it.each([
    `which cells get synapses from both ${R1} and ${R2}`,
    `which partners do ${R1} and ${R2} have in common`,
    `which 23P targets do ${R1} and ${R2} have in common`,
  ])("%s: asked back (it had listed both cells' partners, or a share)", async (q) => {
    expect(await planOf(q)).toBe("clarify");
  });

  it("synapses between two types in both directions: still answered", async () => {
    expect(await planOf("synapses between 23P and BC in both directions")).toMatchObject({ compare: [{}, {}] });
  });
});

describe("two sets compared, answered on the raw exports", () => {
  const store = useChatOnRaw([
    "aibs_metamodel_celltypes_v661",
    "nucleus_detection_v0",
    "coregistration_manual_v4",
    "synapses_pni_2",
  ]);
  it("shared targets of two roots: the roots with a synapse from each", async () => {
    const { a, b, n } = store.raw
      .prepare(
        "WITH c AS (SELECT DISTINCT pre_pt_root_id p, post_pt_root_id q FROM syn) SELECT CAST(x.p AS TEXT) a, " +
          "CAST(y.p AS TEXT) b, count(*) n FROM c x JOIN c y ON y.q = x.q AND x.p < y.p GROUP BY x.p, y.p " +
          "ORDER BY n DESC, x.p, y.p LIMIT 1",
      )
      .get() as { a: string; b: string; n: number };
    expect(n).toBeGreaterThan(1);
    const answer = await store.chat.answer(`shared targets of ${a} & ${b}`);
    expect(answer.status, answer.text).toBe("answered");
    expect(answer.text).toContain(`${n} roots`);
  });

  it("'23P minus 5P-ET' is negative when 5P-ET nuclei are larger", async () => {
    const answer = await store.chat.answer("mean nucleus volume of 23P minus that of 5P-ET");
    expect(answer.status, answer.text).toBe("answered");
    const mean = (t: string) =>
      (
        store.raw
          .prepare("SELECT avg(n.volume) v FROM ct c JOIN nuc n ON n.id = c.target_id WHERE c.cell_type = ?")
          .get(t) as { v: number }
      ).v;
    const diff = mean("23P") - mean("5P-ET");
    expect(diff).toBeLessThan(0);
    expect(answer.text).toContain(`difference (23P − 5P-ET) ${diff.toFixed(1)}`);
  });

  it("labels a set that is not coregistered as such", async () => {
    const answer = await store.chat.answer(
      "mean # input syn of coregistered 23P cells minus that of non-coregistered 23P cells",
    );
    expect(answer.text).toContain("coregistered − not coregistered");
  });
});
