import { expect } from "vitest";
import type { Answer } from "../../../src/answers/answer.js";
import { goldRows, judge } from "../question-bench.js";
import type { Case } from "./bench.js";
import { TYPED_SYN, connectedPairs, median, medians, perRoot, possiblePairs, typeToType } from "./golds.js";

/**
 * Cases of the bench (bench.ts): cell type to cell type connectivity, synapses per neuron, synapse
 * size and nucleus volume statistics, proofreading and coregistration.
 */

const probabilityIsTheRatio = (a: Answer) => {
  const [connected, possible, probability] = a.table!.rows[0]!.map(Number);
  expect(probability).toBeCloseTo(connected! / possible!, 6);
};

export const CELL_TYPES: Case[] = [
  {
    it: "gives the connection probability from basket cells to 23P cells, counting connected pairs",
    q: "connection probability from BC to 23P",
    expect: "scalar",
    gold: connectedPairs("BC", "23P"),
    text: /^Connection probability from basket cells \(BC\) onto layer 2\/3 pyramidal cells \(23P\): [\d.]+% \(/,
    check: probabilityIsTheRatio,
  },
  {
    it: "reads 'how likely is … to be connected' as a connection probability",
    q: "How likely is a Martinotti cell to be connected to a 5P-ET cell?",
    expect: "scalar",
    gold: connectedPairs("MC", "5P-ET"),
    check: probabilityIsTheRatio,
  },
  {
    it: "does not pair a neuron with itself in the possible pairs within one type",
    q: "connection probability from 23P to 23P",
    expect: "scalar",
    gold: possiblePairs("23P", "23P"),
    check: probabilityIsTheRatio,
  },
  {
    it: "counts the Martinotti cells that receive input from 4P cells, not the synapses",
    q: "How many SST interneurons receive input from L4 pyramidal cells?",
    expect: "scalar",
    gold: typeToType("a.cell_type = '4P' AND b.cell_type = 'MC'", "count(DISTINCT post_pt_root_id)"),
    text: /distinct postsynaptic partners/,
    todo: 'asks back: it does not understand "input" in "receive input from"',
  },
  {
    it: "says synapse compartments are not in the data instead of counting every synapse",
    q: "how many synapses do 23P cells receive onto their dendrites?",
    expect: "clarify",
    text: /"dendrites"/,
  },
];

export const PER_NEURON: Case[] = [
  {
    it: "gives the mean number of input synapses of a 23P cell, not the type's total",
    q: "How many synapses does the average 23P cell receive?",
    expect: "scalar",
    gold: `SELECT avg(x) FROM (${perRoot("23P", "post")})`,
    text: /^Mean input synapses per neuron \(synapses\) of layer 2\/3 pyramidal cells \(23P\): [\d.,]+\./,
  },
  {
    it: "asks whether inputs or outputs when a per-neuron count does not say",
    q: "how many synapses per neuron?",
    expect: "clarify",
    text: /Input or output synapses per neuron\?/,
  },
  {
    it: "averages the partners of a type over the cells, a cell with none counting 0",
    q: "how many 4P neurons does a basket cell contact on average?",
    expect: "scalar",
    gold:
      "SELECT avg(x) FROM (SELECT (SELECT count(DISTINCT s.post_pt_root_id) FROM syn s JOIN root_type t " +
      "ON t.pt_root_id = s.post_pt_root_id WHERE s.pre_pt_root_id = r.pt_root_id AND t.cell_type = '4P') AS x " +
      "FROM (SELECT DISTINCT pt_root_id FROM root_type WHERE cell_type = 'BC') r)",
    text: /basket cells \(BC\)/,
  },
];

export const SIZES: Case[] = [
  {
    it: "gives the median size of synapses from one type onto another, not of all the first type's synapses",
    q: "quartiles of synapse size from MC to 5P-ET",
    expect: "scalar",
    gold: median(`SELECT size AS x FROM ${TYPED_SYN} WHERE a.cell_type = 'MC' AND b.cell_type = '5P-ET'`),
    text: /synapses from Martinotti cells \(MC\) onto layer 5/,
  },
  {
    it: "draws basket-cell output sizes per postsynaptic type as boxes",
    q: "box plot of synapse size from BC onto each cell type",
    expect: "pairs",
    chart: "box",
    gold: `SELECT b.cell_type, count(*) FROM ${TYPED_SYN} WHERE a.cell_type = 'BC' GROUP BY 1`,
    text: new RegExp(
      /^Read as: quartiles of synapse size \(voxels\) of synapses from basket cells \(BC\) /.source +
        /onto any cell or fragment, per postsynaptic cell type, as a box plot;/.source,
      "m",
    ),
    check: (a, { raw }) => {
      // the per-type medians, as well as the per-type counts judged by the gold
      const gold = goldRows(
        raw,
        medians(`SELECT b.cell_type AS g, size AS x FROM ${TYPED_SYN} WHERE a.cell_type = 'BC'`),
      );
      const verdict = judge("pairs", gold, a);
      expect(verdict.ok, verdict.why).toBe(true);
    },
  },
  {
    it: "says in its first line what the boxes are of",
    q: "box plot of synapse size from BC onto each cell type",
    expect: "pairs",
    chart: "box",
    gold: `SELECT b.cell_type, count(*) FROM ${TYPED_SYN} WHERE a.cell_type = 'BC' GROUP BY 1`,
    text: /^Synapse size of synapses from basket cells \(BC\)/,
    todo: 'the first line reads "Quartiles synapses from basket cells (BC) …": "of synapse size" is dropped',
  },
  {
    it: "counts synapses of exactly one size",
    q: "how many synapses are exactly 500 voxels?",
    expect: "scalar",
    gold: "SELECT count(*) FROM syn WHERE size = 500",
    text: /size exactly 500 voxels/,
  },
  {
    it: "says it does not list individual synapses instead of counting them all",
    q: "show me the biggest 5 synapses",
    expect: "clarify",
    text: /I cannot answer that as I read it|The most or least of what/,
  },
  {
    it: "gives the median soma depth of a type, not the mean",
    q: "what's the median depth of 5P-ET cells?",
    expect: "scalar",
    gold: median("SELECT pt_position_y * 4 / 1000.0 - 400 AS x FROM ct WHERE cell_type = '5P-ET'"),
    text: new RegExp(
      /^Median soma depth \(µm below pia\) of layer 5 extratelencephalic \(thick-tufted\) cells /.source +
        /\(5P-ET\): [\d.,]+\./.source,
    ),
  },
  {
    it: "gives the quartiles of a type's output synapse sizes (not their count)",
    q: "quartiles of synapse size of outputs of basket cells",
    expect: "scalar",
    gold: median("SELECT size AS x FROM syn JOIN root_type ON pre_pt_root_id = pt_root_id WHERE cell_type = 'BC'"),
    check: (a) => expect(a.table?.columns).toEqual(["min", "q1", "median", "q3", "iqr", "max", "mean", "n"]),
  },
  {
    it: "gives summary statistics of a type's nucleus volumes",
    q: "nucleus volume statistics for 23P cells",
    expect: "scalar",
    gold: median("SELECT n.volume AS x FROM ct JOIN nuc n ON n.id = ct.target_id WHERE ct.cell_type = '23P'"),
    check: (a) => expect(a.text).toMatch(/median .* \(quartiles .* to .*\)/),
  },
];

export const PROOFREADING: Case[] = [
  {
    it: "says whether one neuron is proofread, with its strategy",
    q: "Is {R_PROOF} proofread?",
    expect: "scalar",
    gold: "SELECT strategy_axon FROM proof WHERE pt_root_id = {R_PROOF}",
    check: (a) => expect(a.text).toMatch(/proofreading: axon t \(axon_\w+\)/),
  },
];

export const COREGISTRATION: Case[] = [
  {
    it: "says whether one neuron is coregistered, with its unit",
    q: "Is {R_COREG} coregistered?",
    expect: "scalar",
    gold: "SELECT target_id FROM coreg WHERE pt_root_id = {R_COREG}",
    check: (a) => expect(a.text).toMatch(/coregistered: session \d+ scan \d+ unit \d+/),
  },
];
