import type { Expect } from "./question-bench.js";

/**
 * Gold answers for the solved examples of prompts/examples.jsonl that the offline reader does not
 * answer (yet): plain SQL over the raw exports (the question bench's views: syn, ct, root_type, nuc,
 * proof, coreg, area, func_best, mt), never the project's compiler or store. {R1}, {R2} and {N}
 * are the examples' made-up ids, replaced by real ones (see llm-examples.test.ts). `total`: the
 * counts of a histogram add up to the gold.
 */
export interface ExampleGold {
  kind: Expect | "total";
  gold: string;
  k?: number;
}

const PI = "3.141592653589793";
const NEURON = "classification_system IN ('excitatory_neuron', 'inhibitory_neuron')";
const NEURONS = `(SELECT pt_root_id FROM root_type WHERE ${NEURON})`;
const typed = (t: string) => `(SELECT pt_root_id FROM root_type WHERE cell_type = '${t}')`;
const ofClass = (c: string) => `(SELECT pt_root_id FROM root_type WHERE classification_system = '${c}_neuron')`;
const depth = "pt_position_y * 4 / 1000.0 - 400";
const degrees = (x: string) => `${x} * 180 / ${PI}`;

export const EXAMPLE_GOLDS: Record<string, ExampleGold> = {
  "How many L5 pyramidal cells are in the dataset?": {
    kind: "scalar",
    gold: "SELECT count(*) FROM ct WHERE cell_type IN ('5P-IT', '5P-ET', '5P-NP')",
  },
  "Count the layer 6 pyramidal neurons": {
    kind: "scalar",
    gold: "SELECT count(*) FROM ct WHERE cell_type IN ('6P-IT', '6P-CT')",
  },
  "What is the ratio of excitatory to inhibitory neurons?": {
    kind: "scalar",
    gold: `SELECT 1.0 * sum(classification_system = 'excitatory_neuron')
      / sum(classification_system = 'inhibitory_neuron') FROM ct`,
  },
  "Which m-type is the most common?": {
    kind: "ranked",
    k: 1,
    gold: "SELECT cell_type, count(*) AS n FROM mt GROUP BY 1 ORDER BY n DESC",
  },
  "How many cells lie deeper than 500 µm below the pia?": {
    kind: "scalar",
    gold: `SELECT count(*) FROM ct WHERE ${depth} > 500`,
  },
  "Which cell type has the largest average nucleus?": {
    kind: "ranked",
    k: 1,
    gold: "SELECT cell_type, avg(volume) AS v FROM ct JOIN nuc ON nuc.id = ct.target_id GROUP BY 1 ORDER BY v DESC",
  },
  "Compare the nucleus volume of basket cells and Martinotti cells": {
    kind: "pairs",
    gold: `SELECT cell_type, avg(volume) FROM ct JOIN nuc ON nuc.id = ct.target_id
      WHERE cell_type IN ('BC', 'MC') GROUP BY 1`,
  },
  "What are the median and quartiles of nucleus volume?": {
    kind: "scalar",
    gold: `SELECT avg(volume) FROM (SELECT volume FROM nuc ORDER BY volume
      LIMIT 2 - (SELECT count(*) FROM nuc) % 2 OFFSET ((SELECT count(*) FROM nuc) - 1) / 2)`,
  },
  // Ten spread evenly over the type's cells in nucleus-id order: every cell whose rank crosses a tenth.
  "List 10 thick-tufted cells": {
    kind: "set",
    gold: `WITH n AS (SELECT pt_root_id, row_number() OVER (ORDER BY target_id) AS i, count(*) OVER () AS c
      FROM ct WHERE cell_type = '5P-ET') SELECT pt_root_id FROM n WHERE c <= 10 OR (i * 10) / c > ((i - 1) * 10) / c`,
  },
  "Where are the basket cells? Colour them by m-type": {
    kind: "set",
    gold: "SELECT pt_root_id FROM ct WHERE cell_type = 'BC'",
  },
  "How many neurons prefer orientations within 15° of vertical?": {
    kind: "scalar",
    // (Neurons of the functional table are its nuclei: only neurons are imaged; see reader/dims.ts.)
    gold: `SELECT count(*) FROM func_best f WHERE abs(${degrees("f.pref_ori")} - 90) <= 15`,
  },
  "How many connected pairs of tuned neurons prefer orientations within 20° of each other?": {
    kind: "scalar",
    gold: `SELECT count(*) FROM (SELECT DISTINCT pre_pt_root_id p, post_pt_root_id q FROM syn) c
      JOIN func_best a ON a.pt_root_id = c.p JOIN func_best b ON b.pt_root_id = c.q
      WHERE ${degrees(`min(abs(a.pref_ori - b.pref_ori), ${PI} - abs(a.pref_ori - b.pref_ori))`)} <= 20`,
  },
  "How many neurons are proofread for both axon and dendrite?": {
    kind: "scalar",
    gold: "SELECT count(DISTINCT pt_root_id) FROM proof WHERE status_axon = 't' AND status_dendrite = 't'",
  },
  "How many cells are coregistered in each imaging session?": {
    kind: "pairs",
    gold: "SELECT session, count(DISTINCT target_id) FROM coreg GROUP BY 1",
  },
  "What is the mean coregistration residual?": {
    kind: "scalar",
    gold: "SELECT avg(residual) FROM coreg",
  },
  "What is the mean number of postsynaptic partners per neuron?": {
    kind: "scalar",
    gold: `SELECT avg(coalesce(s.n, 0)) FROM (SELECT DISTINCT pt_root_id FROM root_type WHERE ${NEURON}) r
      LEFT JOIN (SELECT pre_pt_root_id AS id, count(DISTINCT post_pt_root_id) AS n FROM syn GROUP BY 1) s
      ON s.id = r.pt_root_id`,
  },
  "Which 10 neurons have the most distinct input partners?": {
    kind: "ranked",
    k: 10,
    gold: `SELECT post_pt_root_id, count(DISTINCT pre_pt_root_id) AS n FROM syn
      WHERE post_pt_root_id IN ${NEURONS} GROUP BY 1 ORDER BY n DESC`,
  },
  "Histogram of output synapses per basket cell": {
    kind: "total",
    gold: `SELECT count(*) FROM ${typed("BC")}`,
  },
  "What share of Martinotti cell outputs land on excitatory cells?": {
    kind: "scalar",
    gold: `SELECT 1.0 * sum(post_pt_root_id IN ${ofClass("excitatory")}) / count(*) FROM syn
      WHERE pre_pt_root_id IN ${typed("MC")}`,
  },
  "Plot the sizes of synapses from basket cells onto 23P cells": {
    kind: "total",
    gold: `SELECT count(*) FROM syn WHERE pre_pt_root_id IN ${typed("BC")} AND post_pt_root_id IN ${typed("23P")}`,
  },
  "Which cell types does 864691135012345678 get its inputs from?": {
    kind: "pairs",
    gold: `SELECT r.cell_type, count(*) FROM syn JOIN root_type r ON r.pt_root_id = pre_pt_root_id
      WHERE post_pt_root_id = {R1} GROUP BY 1`,
  },
  "How many distinct presynaptic partners does 864691135012345678 have?": {
    kind: "scalar",
    gold: "SELECT count(DISTINCT pre_pt_root_id) FROM syn WHERE post_pt_root_id = {R1}",
  },
  "How many different neurons send synapses to 864691135012345678?": {
    kind: "scalar",
    gold: `SELECT count(DISTINCT pre_pt_root_id) FROM syn
      WHERE post_pt_root_id = {R1} AND pre_pt_root_id IN ${NEURONS}`,
  },
  "How many of 864691135012345678's postsynaptic partners receive at least 5 synapses from it?": {
    kind: "scalar",
    gold: `SELECT count(*) FROM (SELECT post_pt_root_id FROM syn WHERE pre_pt_root_id = {R1}
      GROUP BY 1 HAVING count(*) >= 5)`,
  },
  "What is the E/I input ratio of 864691135012345678?": {
    kind: "scalar",
    gold: `SELECT 1.0 * sum(pre_pt_root_id IN ${ofClass("excitatory")})
      / sum(pre_pt_root_id IN ${ofClass("inhibitory")}) FROM syn WHERE post_pt_root_id = {R1}`,
  },
  "On average, how many synapses does a BC to 23P connection have?": {
    kind: "scalar",
    gold: `SELECT 1.0 * count(*) / count(DISTINCT pre_pt_root_id || '-' || post_pt_root_id) FROM syn
      WHERE pre_pt_root_id IN ${typed("BC")} AND post_pt_root_id IN ${typed("23P")}`,
  },
  "How many 4P neurons does a basket cell contact on average?": {
    kind: "scalar",
    gold: `SELECT avg((SELECT count(DISTINCT post_pt_root_id) FROM syn WHERE pre_pt_root_id = b.pt_root_id
      AND post_pt_root_id IN ${typed("4P")})) FROM ${typed("BC")} b`,
  },
  // The rose's counts add up to the matched nuclei; like-to-like's possible pairs to every ordered pair of matched roots.
  "Rose plot of the preferred orientations of the functionally matched neurons": {
    kind: "total",
    gold: "SELECT count(DISTINCT target_id) FROM func_best",
  },
  "Plot the connection probability between functionally matched neurons against their difference in preferred orientation":
    {
      kind: "total",
      gold: "SELECT count(*) * (count(*) - 1) FROM (SELECT DISTINCT pt_root_id FROM func_best WHERE pt_root_id != 0)",
    },
};
