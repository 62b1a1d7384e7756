import { describe, expect, it } from "vitest";
import { planOf } from "./support/reader-plans.js";
import { gold } from "./support/raw-tables.js";
import { useChatOnRaw } from "./support/chat-on-raw.js";

/**
 * A ratio of two flows (dev28, the reviewer): "ratio of 23P→BC synapses to BC→23P synapses", "… from 23P onto
 * BC to synapses from BC onto 23P". Each flow is its own sender and receiver; it had been asked back.
 */
const type = (t: string) => [{ dim: "cell_type", values: [t] }];

describe("a ratio of two flows", () => {
  it.each([
    ["ratio of 23P->BC synapses to BC->23P synapses", "23P", "BC", "BC", "23P"],
    ["ratio of synapses from 23P onto BC to synapses from BC onto 23P", "23P", "BC", "BC", "23P"],
    ["ratio of BC->23P to MC->23P synapses", "BC", "23P", "MC", "23P"],
  ])("%s: the first flow over the second", async (q, a, b, c, d) => {
    expect(await planOf(q)).toMatchObject({
      source: "synapses",
      pre: [],
      post: [],
      measure: {
        fn: "ratio",
        numerator: { pre: type(a), post: type(b) },
        denominator: { pre: type(c), post: type(d) },
      },
    });
  });

  it("still reads two terms on one side of one flow", async () => {
    expect(await planOf("ratio of BC to MC synapses onto 23P")).toMatchObject({
      post: type("23P"),
      measure: { fn: "ratio", numerator: { pre: type("BC") }, denominator: { pre: type("MC") } },
    });
  });
});

describe("ratios of two flows, answered on the raw exports", () => {
  const store = useChatOnRaw(["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  const ofType = "(SELECT pt_root_id FROM root_type WHERE cell_type = ?)";
  const FLOW = `FROM syn WHERE pre_pt_root_id IN ${ofType} AND post_pt_root_id IN ${ofType}`;
  /** Synapses from one type onto another, or their connected pairs (each pair once). */
  const synapses = (pre: string, post: string) => Number(gold(store.raw, `SELECT count(*) ${FLOW}`, pre, post));
  const pairs = (pre: string, post: string) =>
    Number(
      gold(store.raw, `SELECT count(*) FROM (SELECT DISTINCT pre_pt_root_id, post_pt_root_id ${FLOW})`, pre, post),
    );
  const terms = async (q: string) => {
    const answer = await store.chat.answer(q);
    expect(answer.status, answer.text).toBe("answered");
    const [cols, row] = [answer.table!.columns, answer.table!.rows[0]!];
    return { answer, terms: [row[cols.indexOf("numerator")], row[cols.indexOf("denominator")]] };
  };

  it("divides the 23P→BC synapse count by the BC→23P one", async () => {
    const { answer, terms: got } = await terms("ratio of 23P->BC synapses to BC->23P synapses");
    expect(got).toEqual([synapses("23P", "BC"), synapses("BC", "23P")]);
    expect(answer.text).toMatch(/those from layer 2\/3 pyramidal cells \(23P\) onto basket cells \(BC\) to those from/);
  });

  it("divides the BC→23P connected pairs by the MC→23P ones", async () => {
    const { terms: got } = await terms("ratio of BC->23P connections to MC->23P connections");
    expect(got).toEqual([pairs("BC", "23P"), pairs("MC", "23P")]);
    expect(pairs("BC", "23P")).not.toBe(synapses("BC", "23P"));
  });
});

/**
 * A ratio of connection counts (dev34, the comparer; left alone at stop 39): "ratio of BC→23P connections to
 * MC→23P connections" counts each connected pair once in each term. It had been asked back, the connections
 * left unread; "ratio # conn BC->23P / MC->23P" had been asked back too.
 */
describe("a ratio of two connection counts", () => {
  it.each(["ratio of BC->23P connections to MC->23P connections", "ratio of BC→23P conns to MC→23P conns"])(
    "%s: connections of the first flow over the second",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        source: "connections",
        measure: {
          fn: "ratio",
          numerator: { pre: type("BC"), post: type("23P") },
          denominator: { pre: type("MC"), post: type("23P") },
        },
      });
    },
  );

  it.each([
    "ratio # conn BC->23P / MC->23P",
    "BC->23P / MC->23P conn ratio",
    "# of conn BC->23P / MC->23P?",
    "conn BC->23P / MC->23P ratio pls",
  ])("%s: each count, and their ratio in the order said", async (q) => {
    expect(await planOf(q)).toMatchObject({
      source: "connections",
      pre: [{ dim: "cell_type", values: ["BC", "MC"] }],
      post: type("23P"),
      groupBy: [{ dim: "cell_type", side: "pre" }],
      contrast: "ratio",
    });
  });

  it("keeps synapses a ratio of synapses", async () => {
    expect(await planOf("BC→23P/MC→23P syn ratio?")).toMatchObject({ source: "synapses", contrast: "ratio" });
  });
});

/**
 * "syn BC->23P vs MC->23P in V1": a place said last, after two flows compared, is said of both. It had been read
 * of the second flow alone (BC→23P anywhere against MC→23P in V1), a wrong answer that looked right.
 */
describe("a place said after two flows compared", () => {
  const inV1 = [...type("23P"), { dim: "area", values: ["V1"] }];
  it.each([
    "syn BC->23P vs MC->23P in V1",
    "how many times more synapses BC->23P than MC->23P in V1",
    "what's the BC->23P / MC->23P synapse ratio in V1",
    "syn BC->23P in V1 vs MC->23P in V1",
  ])("%s: both flows onto 23P in V1", async (q) => {
    const plan = await planOf(q);
    expect(plan).toMatchObject({ pre: [{ dim: "cell_type", values: ["BC", "MC"] }], post: inV1 });
    expect(plan).not.toHaveProperty("compare");
  });

  it("keeps a place said of each flow's own receiver in each part", async () => {
    expect(await planOf("syn 23P->23P vs 4P->4P in L4")).toMatchObject({
      compare: [
        { pre: type("23P"), post: [...type("23P"), { dim: "layer", values: ["L4"] }] },
        { pre: type("4P"), post: [...type("4P"), { dim: "layer", values: ["L4"] }] },
      ],
    });
  });
});

/**
 * Ratios said as people say them (dev42, ratios and normalizations): "A per B" of two flows or of two kinds of
 * cells, a population's outputs over its inputs, and the E/I terms said again with "divided by" or "over".
 */
describe("ratios said another way", () => {
  it.each(["How many BC→23P synapses are there per MC→23P synapse?", "BC→23P syn per MC→23P syn"])(
    "%s: the two flows' counts and their ratio",
    async (q) => {
      expect(await planOf(q)).toMatchObject({
        source: "synapses",
        pre: [{ dim: "cell_type", values: ["BC", "MC"] }],
        post: type("23P"),
        contrast: "ratio",
      });
    },
  );

  it("reads excitatory neurons per inhibitory neuron as a ratio of cells", async () => {
    expect(
      await planOf("In layer 2/3, how many excitatory neurons are there per inhibitory neuron (going by soma depth)?"),
    ).toMatchObject({
      source: "cells",
      filter: [{ dim: "layer", values: ["L2/3"] }],
      measure: {
        fn: "ratio",
        numerator: { filter: [{ dim: "class", values: ["excitatory"] }] },
        denominator: { filter: [{ dim: "class", values: ["inhibitory"] }] },
      },
    });
  });

  it.each([
    [
      "If you pool all the 5P-ET cells together, what's the ratio of their total output synapses to their total input synapses?",
      "pre",
    ],
    ["5P-ET pooled out/in syn ratio", "pre"],
    ["ratio of input to output synapses of 5P-ET", "post"],
  ])("%s: what the cells make over what they receive, in the order said", async (q, first) => {
    const cells = type("5P-ET");
    const [made, got] = [{ pre: cells }, { post: cells }];
    expect(await planOf(q)).toMatchObject({
      pre: [],
      post: [],
      measure: {
        fn: "ratio",
        ...(first === "pre" ? { numerator: made, denominator: got } : { numerator: got, denominator: made }),
      },
    });
  });

  it.each([
    "What's the E/I ratio of the inputs onto 23P cells, i.e. synapses from excitatory neurons divided by synapses from inhibitory neurons?",
    "E/I ratio of the inputs onto 23P? Excitatory-neuron synapses over inhibitory-neuron synapses, please.",
    "Of the synapses 23P cells receive from inhibitory vs excitatory neurons, what's the E:I ratio?",
  ])("%s: the E/I terms said again", async (q) => {
    expect(await planOf(q)).toMatchObject({
      post: type("23P"),
      measure: {
        fn: "ratio",
        numerator: { pre: [{ dim: "class", values: ["excitatory"] }] },
        denominator: { pre: [{ dim: "class", values: ["inhibitory"] }] },
      },
    });
  });

  it("asks back an E/I ratio restated the other way round", async () => {
    expect(
      await planOf(
        "E/I ratio of the inputs onto 23P, i.e. synapses from inhibitory neurons over synapses from excitatory neurons",
      ),
    ).toBe("clarify");
  });
});
