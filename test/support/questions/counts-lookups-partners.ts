import { expect } from "vitest";
import type { Case } from "./bench.js";
import { NEURON, TYPED_SYN } from "./golds.js";

/** Cases of the bench (bench.ts): counts, lookups by id, and a neuron's inputs and outputs. */

export const COUNTS: Case[] = [
  {
    it: "does not read 'can I' as inhibitory",
    q: "can I get the number of basket cells?",
    expect: "scalar",
    gold: "SELECT count(*) FROM ct WHERE cell_type = 'BC'",
    check: (a) => expect(a.interpretation).not.toMatch(/inhibitory/),
  },
  {
    it: "does not drop a threshold on the number of cells per type: it keeps the types past it",
    q: "how many cell types have more than 100 cells?",
    expect: "scalar",
    gold: "SELECT count(*) FROM (SELECT cell_type FROM ct GROUP BY cell_type HAVING count(*) > 100)",
    check: (a) => expect(a.interpretation).toMatch(/counting the groups where it is above 100/),
  },
  {
    it: "counts each of two named types, not their sum",
    q: "how many 23P and 4P cells are there?",
    expect: "pairs",
    gold: "SELECT cell_type, count(*) FROM ct WHERE cell_type IN ('23P', '4P') GROUP BY 1",
    text: /per cell type: 23P [\d,]+; 4P [\d,]+\./,
  },
  {
    it: "answers how many m-types there are with one number, the kinds counted",
    q: "how many m-types are there?",
    expect: "scalar",
    gold: "SELECT count(DISTINCT cell_type) FROM mt",
    text: /^Number of distinct m-types among all cells: \d+\./,
  },
  {
    it: "names the cell type with the most neurons, not a list of neurons",
    q: "Which cell type has the most neurons?",
    expect: "ranked",
    k: 1,
    gold: `SELECT cell_type, count(*) AS n FROM ct WHERE classification_system IN ${NEURON} GROUP BY 1 ORDER BY n DESC`,
    text: /^[\w-]+, with [\d,]+ \(number of neurons\)\./,
    check: (a) => expect(a.table!.rows).toHaveLength(1),
  },
  {
    it: "ranks the three most common cell types",
    q: "which 3 cell types have the most cells?",
    expect: "ranked",
    k: 3,
    gold: "SELECT cell_type, count(*) AS n FROM ct GROUP BY 1 ORDER BY n DESC",
    check: (a) => expect(a.table!.rows).toHaveLength(3),
  },
  {
    it: "gives the fraction of neurons that are inhibitory",
    q: "what fraction of neurons are inhibitory?",
    expect: "scalar",
    gold: "SELECT count(*) FROM ct WHERE classification_system = 'inhibitory_neuron'",
    text: /^Of [\d,]+ neurons, [\d,]+ are inhibitory neurons: \d+\.\d%\./,
    check: (a) => {
      const [cells, of, fraction] = a.table!.rows[0]!.map(Number);
      expect(fraction).toBeCloseTo(cells! / of!, 4);
    },
  },
  {
    it: "gives the percentage of inhibitory neurons that are basket cells",
    q: "What percentage of inhibitory neurons are basket cells?",
    expect: "scalar",
    gold: "SELECT count(*) FROM ct WHERE cell_type = 'BC' AND classification_system = 'inhibitory_neuron'",
    text: /^Of [\d,]+ inhibitory neurons, [\d,]+ are basket cells \(BC\): \d+\.\d%\./,
  },
];

export const LOOKUPS: Case[] = [
  {
    it: "gives the root of a nucleus asked as 'the root of'",
    q: "what's the root of nucleus {N_MC}?",
    expect: "scalar",
    gold: "SELECT pt_root_id FROM nuc WHERE id = {N_MC}",
    text: /^Nucleus \d+: root id \d+\.$/m,
  },
  {
    it: "tells what is known about a root in its first line: type, m-type, volume, depth and synapses",
    q: "Tell me about {R_23P}",
    expect: "scalar",
    gold: "SELECT count(*) FROM syn WHERE pre_pt_root_id = {R_23P}",
    text: new RegExp(
      /cell type 23P .*; m-type .*; nucleus id \d+; nucleus volume [\d.,]+ µm³; /.source +
        /soma depth [\d.,]+ µm below pia; [\d,]+ output and [\d,]+ input synapses\./.source,
    ),
  },
  {
    it: "gives a root's soma depth asked as how far below the pia",
    q: "How far below the pia is {R_23P}?",
    expect: "scalar",
    text: /soma depth [\d,.]+ µm below pia/,
    // data/cortex_geometry.json: 4 nm voxels in y, the pia at y = 400 µm.
    gold: "SELECT pt_position_y * 4 / 1000.0 - 400 FROM ct WHERE pt_root_id = {R_23P}",
  },
  {
    it: "says a root without a nucleus has no soma, and gives its synapses instead",
    q: "Where is {R_FRAGMENT}?",
    expect: "scalar",
    gold: "SELECT count(*) FROM syn WHERE pre_pt_root_id = {R_FRAGMENT}",
    text: new RegExp(
      /no nucleus in this data \(a fragment.*\), /.source +
        /so no cell type, m-type or soma position; [\d,]+ output synapses onto/.source,
    ),
  },
  {
    it: "does not give a cell type of 'no cell type' for a root without a nucleus",
    q: "Tell me about {R_FRAGMENT}",
    expect: "scalar",
    gold: "SELECT count(*) FROM syn WHERE pre_pt_root_id = {R_FRAGMENT}",
    check: (a) => expect(a.text).not.toMatch(/no cell type\.|null/),
  },
  {
    it: "gives the soma position of a root id",
    q: "where is the soma of {R_23P}",
    expect: "scalar",
    gold: "SELECT pt_position_y * 4 / 1000.0 - 400 FROM ct WHERE pt_root_id = {R_23P}",
    check: (a) => expect(a.text).toMatch(/soma at \[/),
  },
  {
    it: "gives the nucleus volume of a root id",
    q: "How big is the nucleus of {R_MC}?",
    expect: "scalar",
    gold: "SELECT volume FROM nuc WHERE pt_root_id = {R_MC}",
    check: (a) => expect(a.text).toMatch(/nucleus volume/),
  },
  {
    it: "gives the m-type of a root id",
    q: "what m-type is {R_23P}",
    expect: "scalar",
    gold: "SELECT cell_type FROM mt WHERE pt_root_id = {R_23P}",
    check: (a) => expect(a.text).toMatch(/m-type/),
  },
  {
    it: "says a nucleus has no segment (root id 0)",
    q: "what is the root id of nucleus {N_ROOT0}?",
    expect: "scalar",
    gold: "SELECT pt_root_id FROM nuc WHERE id = {N_ROOT0}",
    check: (a) => expect(a.text).toMatch(/no segment/),
  },
];

export const PARTNERS: Case[] = [
  {
    it: "asks two questions in one back as two, rather than answering one of them",
    q: "How many 5P-ET neurons are there, and how many are proofread?",
    expect: "clarify",
    text: /two questions in one/,
    todo: 'answers only the second question: "Number of 5P-ET cells, proofread (axon or dendrite): 4"',
  },
  {
    it: "names the one 5P-ET neuron with the most basket-cell inputs",
    q: "which 5P-ET neuron has the most inputs from basket cells?",
    expect: "ranked",
    k: 1,
    gold:
      `SELECT post_pt_root_id, count(*) AS n FROM ${TYPED_SYN} ` +
      `WHERE a.cell_type = 'BC' AND b.cell_type = '5P-ET' GROUP BY 1 ORDER BY n DESC`,
    check: (a) => expect(a.table!.rows).toHaveLength(1),
  },
  {
    it: "asks for the whole root id when given its first digits",
    q: "how many synapses does 864691135 make?",
    expect: "clarify",
    text: /18 digits/,
  },
  {
    it: "says it does not count partners two neurons share",
    q: "how many common partners do {PAIR_A} and {PAIR_B} share?",
    expect: "clarify",
    text: /share/,
    todo:
      'asks back about a fraction ("A fraction of which synapses …?"): ' +
      '"share" is read as a share, not as partners in common',
  },
  {
    it: "counts the 23P neurons a basket cell contacts, not its synapses onto them",
    q: "How many 23P neurons does {R_BC} contact?",
    expect: "scalar",
    gold:
      "SELECT count(DISTINCT post_pt_root_id) FROM syn JOIN root_type b " +
      "ON b.pt_root_id = post_pt_root_id WHERE pre_pt_root_id = {R_BC} AND b.cell_type = '23P'",
    text: /distinct postsynaptic partners/,
  },
  {
    it: "says whether one neuron synapses onto another",
    q: "Does {PAIR_A} synapse onto {PAIR_B}?",
    expect: "scalar",
    gold: "SELECT count(*) FROM syn WHERE pre_pt_root_id = {PAIR_A} AND post_pt_root_id = {PAIR_B}",
    text: /^Number of synapses from root \d+ onto root \d+: [1-9][\d,]*\./,
  },
  {
    it: "says two neurons are not connected, in either direction",
    q: "Are {R_23P} and {LONE_B} connected?",
    expect: "scalar",
    gold: "SELECT 0",
    check: (a, { params }) => {
      // one count for each direction, both zero
      expect(a.table!.rows).toHaveLength(2);
      expect(a.table!.rows.map((r) => Number(r[r.length - 1]))).toEqual([0, 0]);
      expect(a.text).toContain(`${params.R_23P} → ${params.LONE_B} 0; ${params.LONE_B} → ${params.R_23P} 0.`);
    },
  },
];
