import type { Case } from "./bench.js";
import { NOPE } from "./golds.js";

/**
 * Cases of the bench (bench.ts) that are asked back: ambiguous names, unknown names, what the plan
 * language cannot express, and ids not in the data.
 */

export const AMBIGUOUS: Case[] = [
  {
    it: "asks which layer-5 type 'L5 pyramidal' means",
    q: "How many L5 pyramidal cells are there?",
    expect: "clarify",
    text: /5P-IT.*5P-ET.*5P-NP/,
  },
  {
    it: "asks whether 'BP cells' are basket or bipolar cells",
    q: "how many BP cells",
    expect: "clarify",
    text: /"bp" could mean BC or BPC/,
  },
  {
    it: "asks which layer-6 type 'layer 6 pyramidal' means",
    q: "How many layer 6 pyramidal neurons?",
    expect: "clarify",
    text: /6P-IT.*6P-CT/,
  },
  {
    it: "asks which IT type is meant",
    q: "How many synapses do IT cells receive?",
    expect: "clarify",
    text: /23P.*4P.*5P-IT.*6P-IT/,
  },
  {
    it: "asks whether the oligodendrocyte lineage means oligo or OPC",
    q: "how many oligodendrocyte lineage cells",
    expect: "clarify",
    text: /oligo.*OPC/,
  },
  {
    it: "asks which 5P type is meant",
    q: "how many synapses do 5P cells make?",
    expect: "clarify",
    text: /5P-IT|5P-ET|5P-NP/,
    todo: "asks back, but as \"did not understand '5P'\", without offering 5P-IT, 5P-ET or 5P-NP",
  },
  {
    it: "asks which layer-5 type when it is a synapse target",
    q: "how many synapses do basket cells make onto L5 pyramidal cells",
    expect: "clarify",
    text: /5P-IT/,
  },
];

export const UNKNOWN: Case[] = [
  {
    it: "does not know chandelier cells",
    q: "How many chandelier cells are there?",
    expect: "clarify",
    text: /chandelier/,
  },
  { it: "does not know Purkinje cells", q: "how many purkinje cells", expect: "clarify", text: /purkinje/i },
  {
    // (A negating prefix is never taken as a typo: it would read the flag the word negates.)
    it: "never reads a misspelt 'uncoregistered' as 'coregistered'",
    q: "uncoregisterd 4P cells, how many?",
    expect: "clarify",
    text: /uncoregisterd/,
  },
  {
    it: "does not know granule cells as synapse targets",
    q: "How many synapses do granule cells receive?",
    expect: "clarify",
    text: /granule/,
  },
  {
    it: "does not count every cell for an unknown type name",
    q: "how many cells of type xyz123?",
    expect: "clarify",
    text: /xyz123/,
  },
  { it: "does not know Lamp5 cells", q: "How many Lamp5 cells are there?", expect: "clarify", text: /Lamp5/ },
  {
    it: "does not know a made-up type that targets basket cells",
    q: "how many synapses do zebra cells make onto basket cells",
    expect: "clarify",
    text: /zebra/,
  },
];

export const INEXPRESSIBLE: Case[] = [
  {
    it: "asks which two groups a connection probability is between when only one is named",
    q: "connection probability of basket cells",
    expect: "clarify",
    text: /"basket cells" is on the presynaptic or the postsynaptic side/,
  },
  {
    // (A comma before "how many" had joined "23P cells, how many BCs" into one list, compared as two groups.)
    it: "never reads a topic and a counted population across a comma as one list",
    q: "Of 23P cells, how many BCs target them?",
    expect: "clarify",
    text: /presynaptic or the postsynaptic side/,
  },
];

export const NOT_IN_DATA: Case[] = [
  {
    it: "says a root id is not in the data (outputs)",
    q: `How many output synapses does ${NOPE} have?`,
    expect: "clarify",
    text: /not in this data/,
  },
  {
    it: "says a root id is not in the data (lookup)",
    q: `What is the cell type of ${NOPE}?`,
    expect: "clarify",
    text: /not in this data/,
  },
  {
    it: "says a root id is not in the data (pair)",
    q: `Does ${NOPE} connect to {R_MC}?`,
    expect: "clarify",
    text: new RegExp(`${NOPE} is not in this data`),
  },
  {
    it: "says a root id is not in the data (partners)",
    q: "top 5 inputs of 864691135000000002",
    expect: "clarify",
    text: /not in this data/,
  },
  {
    it: "says a nucleus id is not in the data",
    q: "What's the volume of nucleus 99?",
    expect: "clarify",
    text: /Nucleus 99 is not in this data/,
  },
];
