import type { Expect } from "./question-bench.js";

/**
 * Plans of the plan language with the gold SQL over the raw exports (question-bench.ts) that
 * answers each exactly: the cases of plans.test.ts. "{R}" in a plan stands for the root id R_BC
 * selects (the basket cell with the most output synapses).
 */
export interface PlanCase {
  it: string;
  plan: unknown;
  expect: Expect;
  gold: string;
  k?: number;
}

export const R_BC =
  "(SELECT pre_pt_root_id FROM syn JOIN root_type ON pre_pt_root_id = pt_root_id " +
  "WHERE cell_type = 'BC' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)";
const q = (p: object) => ({ kind: "query", ...p });
export const root = (id: string) => ({ dim: "root_id", values: [id] });

export const PLAN_CASES: PlanCase[] = [
  {
    it: "counts a cell type",
    plan: q({ source: "cells", filter: [{ dim: "cell_type", values: ["BC"] }], measure: { fn: "count" } }),
    expect: "scalar",
    gold: "SELECT count(*) FROM ct WHERE cell_type = 'BC'",
  },
  {
    it: "counts cells per area",
    plan: q({ source: "cells", measure: { fn: "count" }, groupBy: [{ dim: "area" }] }),
    expect: "pairs",
    gold: "SELECT tag, count(*) FROM ct JOIN area ON area.target_id = ct.target_id GROUP BY 1",
  },
  {
    it: "counts MC cells in layer 5",
    plan: q({
      source: "cells",
      filter: [
        { dim: "cell_type", values: ["MC"] },
        { dim: "layer", values: ["L5"] },
      ],
      measure: { fn: "count" },
    }),
    expect: "scalar",
    gold:
      "SELECT count(*) FROM ct WHERE cell_type = 'MC' " +
      "AND pt_position_y * 4 / 1000.0 - 400 >= 453.6 AND pt_position_y * 4 / 1000.0 - 400 < 687.6",
  },
  {
    it: "counts cells that are not neurons",
    plan: q({ source: "cells", filter: [{ dim: "class", values: ["neuron"], not: true }], measure: { fn: "count" } }),
    expect: "scalar",
    gold: "SELECT count(*) FROM ct WHERE classification_system NOT IN ('excitatory_neuron', 'inhibitory_neuron')",
  },
  {
    it: "gives the share of neurons that are inhibitory",
    plan: q({
      source: "cells",
      filter: [{ dim: "class", values: ["neuron"] }],
      measure: { fn: "fraction", part: { filter: [{ dim: "class", values: ["inhibitory"] }] } },
    }),
    expect: "scalar",
    gold:
      "SELECT 1.0 * sum(classification_system = 'inhibitory_neuron') / count(*) " +
      "FROM ct WHERE classification_system IN ('excitatory_neuron', 'inhibitory_neuron')",
  },
  {
    it: "counts synapses from BC to 23P",
    plan: q({
      source: "synapses",
      pre: [{ dim: "cell_type", values: ["BC"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "count" },
    }),
    expect: "scalar",
    gold:
      "SELECT count(*) FROM syn JOIN root_type a ON pre_pt_root_id = a.pt_root_id JOIN root_type b " +
      "ON post_pt_root_id = b.pt_root_id WHERE a.cell_type = 'BC' AND b.cell_type = '23P'",
  },
  {
    it: "compares the mean synapse size of BC and MC onto 23P",
    plan: q({
      source: "synapses",
      post: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "mean", of: "size" },
      compare: [
        { label: "BC", pre: [{ dim: "cell_type", values: ["BC"] }] },
        { label: "MC", pre: [{ dim: "cell_type", values: ["MC"] }] },
      ],
    }),
    expect: "pairs",
    gold:
      "SELECT a.cell_type, avg(size) FROM syn JOIN root_type a " +
      "ON pre_pt_root_id = a.pt_root_id JOIN root_type b ON post_pt_root_id = b.pt_root_id " +
      "WHERE a.cell_type IN ('BC', 'MC') AND b.cell_type = '23P' GROUP BY 1",
  },
  {
    it: "ranks a neuron's targets",
    plan: q({
      source: "synapses",
      pre: [root("{R}")],
      measure: { fn: "count" },
      groupBy: [{ dim: "root_id", side: "post" }],
      order: "desc",
      limit: 5,
    }),
    expect: "ranked",
    k: 5,
    gold: `SELECT post_pt_root_id, count(*) AS n FROM syn WHERE pre_pt_root_id = ${R_BC} GROUP BY 1 ORDER BY n DESC`,
  },
  {
    it: "counts a neuron's partners with at least 3 synapses",
    plan: q({
      source: "connections",
      pre: [root("{R}")],
      filter: [{ dim: "synapses", min: 3 }],
      measure: { fn: "count" },
    }),
    expect: "scalar",
    gold:
      `SELECT count(*) FROM (SELECT post_pt_root_id FROM syn ` +
      `WHERE pre_pt_root_id = ${R_BC} GROUP BY 1 HAVING count(*) >= 3)`,
  },
  {
    it: "gives the mean synapses per connection from BC to 23P",
    plan: q({
      source: "connections",
      pre: [{ dim: "cell_type", values: ["BC"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "mean", of: "synapses" },
    }),
    expect: "scalar",
    gold:
      "SELECT avg(n) FROM (SELECT count(*) AS n FROM syn JOIN root_type a " +
      "ON pre_pt_root_id = a.pt_root_id JOIN root_type b ON post_pt_root_id = b.pt_root_id " +
      "WHERE a.cell_type = 'BC' AND b.cell_type = '23P' GROUP BY pre_pt_root_id, post_pt_root_id)",
  },
  {
    it: "counts BC neurons with more than 100 output synapses",
    plan: q({
      source: "roots",
      filter: [
        { dim: "cell_type", values: ["BC"] },
        { dim: "out_synapses", min: 100, minExclusive: true },
      ],
      measure: { fn: "count" },
    }),
    expect: "scalar",
    gold:
      "SELECT count(*) FROM (SELECT pt_root_id FROM root_type WHERE cell_type = 'BC' " +
      "AND (SELECT count(*) FROM syn WHERE pre_pt_root_id = pt_root_id) > 100)",
  },
  {
    it: "gives the mean output synapses per BC neuron",
    plan: q({
      source: "roots",
      filter: [{ dim: "cell_type", values: ["BC"] }],
      measure: { fn: "mean", of: "out_synapses" },
    }),
    expect: "scalar",
    gold:
      "SELECT avg((SELECT count(*) FROM syn WHERE pre_pt_root_id = r)) " +
      "FROM (SELECT DISTINCT pt_root_id AS r FROM root_type WHERE cell_type = 'BC')",
  },
  {
    it: "gives the median synapse size",
    plan: q({ source: "synapses", measure: { fn: "median", of: "size" } }),
    expect: "scalar",
    gold:
      "SELECT avg(size) FROM (SELECT size FROM syn ORDER BY size " +
      "LIMIT 2 - (SELECT count(*) FROM syn) % 2 OFFSET ((SELECT count(*) FROM syn) - 1) / 2)",
  },
  {
    it: "gives the 90th percentile of synapse size (linear interpolation)",
    plan: q({ source: "synapses", measure: { fn: "percentile", of: "size", p: 90 } }),
    expect: "scalar",
    gold: `WITH s AS (SELECT size, row_number() OVER (ORDER BY size) - 1 AS i FROM syn),
      h AS (SELECT (count(*) - 1) * 0.9 AS h FROM syn)
      SELECT (SELECT size FROM s, h WHERE i = CAST(h AS INTEGER)) + (h - CAST(h AS INTEGER))
        * ((SELECT size FROM s, h WHERE i = CAST(h AS INTEGER) + 1)
          - (SELECT size FROM s, h WHERE i = CAST(h AS INTEGER)))
      FROM h`,
  },
  {
    it: "gives the standard deviation of synapse size from BC",
    plan: q({ source: "synapses", pre: [{ dim: "cell_type", values: ["BC"] }], measure: { fn: "stddev", of: "size" } }),
    expect: "scalar",
    gold:
      "WITH v AS (SELECT size FROM syn JOIN root_type ON pre_pt_root_id = pt_root_id " +
      "WHERE cell_type = 'BC') SELECT sqrt(sum((size - (SELECT avg(size) " +
      "FROM v)) * (size - (SELECT avg(size) FROM v))) / (count(*) - 1)) FROM v",
  },
  {
    it: "gives the largest BC nucleus",
    plan: q({
      source: "cells",
      filter: [{ dim: "cell_type", values: ["BC"] }],
      measure: { fn: "max", of: "volume" },
      groupBy: [{ dim: "root_id" }],
      order: "desc",
      limit: 1,
    }),
    expect: "ranked",
    k: 1,
    gold:
      "SELECT ct.pt_root_id, max(volume) AS v FROM ct JOIN nuc " +
      "ON nuc.id = ct.target_id WHERE cell_type = 'BC' GROUP BY 1 ORDER BY v DESC",
  },
  {
    it: "gives connection probability from BC to 23P",
    plan: q({
      source: "connections",
      pre: [{ dim: "cell_type", values: ["BC"] }],
      post: [{ dim: "cell_type", values: ["23P"] }],
      measure: { fn: "probability" },
    }),
    expect: "scalar",
    gold: `WITH a AS (SELECT DISTINCT pt_root_id r FROM root_type WHERE cell_type = 'BC'),
      b AS (SELECT DISTINCT pt_root_id r FROM root_type WHERE cell_type = '23P')
      SELECT 1.0 * (SELECT count(*) FROM (SELECT DISTINCT pre_pt_root_id, post_pt_root_id FROM syn
        WHERE pre_pt_root_id IN (SELECT r FROM a) AND post_pt_root_id IN (SELECT r FROM b)
          AND pre_pt_root_id != post_pt_root_id))
      / ((SELECT count(*) FROM a) * (SELECT count(*) FROM b) - (SELECT count(*) FROM a JOIN b USING (r)))`,
  },
  {
    it: "gives the E/I input ratio of a neuron",
    plan: q({
      source: "synapses",
      post: [root("{R}")],
      measure: {
        fn: "ratio",
        numerator: { pre: [{ dim: "class", values: ["excitatory"] }] },
        denominator: { pre: [{ dim: "class", values: ["inhibitory"] }] },
      },
    }),
    expect: "scalar",
    gold:
      `SELECT 1.0 * sum(a.classification_system = 'excitatory_neuron') ` +
      `/ sum(a.classification_system = 'inhibitory_neuron') FROM syn JOIN root_type a ` +
      `ON a.pt_root_id = pre_pt_root_id WHERE post_pt_root_id = ${R_BC}`,
  },
  {
    it: "counts proofread neurons per axon strategy",
    plan: q({
      source: "roots",
      filter: [{ dim: "axon_proofread", is: true }],
      measure: { fn: "count" },
      groupBy: [{ dim: "axon_strategy" }],
    }),
    expect: "pairs",
    gold: "SELECT strategy_axon, count(DISTINCT pt_root_id) FROM proof WHERE status_axon = 't' GROUP BY 1",
  },
  {
    it: "counts synapses from LM onto V1",
    plan: q({
      source: "synapses",
      pre: [{ dim: "area", values: ["LM"] }],
      post: [{ dim: "area", values: ["V1"] }],
      measure: { fn: "count" },
    }),
    expect: "scalar",
    gold:
      "SELECT count(*) FROM syn WHERE pre_pt_root_id IN (SELECT pt_root_id FROM area " +
      "WHERE tag = 'LM') AND post_pt_root_id IN (SELECT pt_root_id FROM area WHERE tag = 'V1')",
  },
];
