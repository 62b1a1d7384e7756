import { R } from "./wording.js";

/** A context that restricts the question, and the words of it that must stay to be read or asked about. */
export const RESTRICTIONS: { q: string; keep: string[] }[] = [
  {
    q: "I'm new to this and sorry if this only concerns E cells: how many BCs are there?",
    keep: ["only concerns E cells"],
  },
  {
    q: "I record from E cells, so how many BCs are there?",
    keep: ["E cells"],
  },
  {
    q: "I'm putting together a figure of layer 5 only — how many BCs are there?",
    keep: ["layer 5 only"],
  },
  {
    q:
      "We're only interested in well-innervated cells for this analysis. How many 23P cells receive more than 80 " +
      "input synapses?",
    keep: ["only interested"],
  },
  {
    q: "I only care about the left hemisphere. How many BCs are there?",
    keep: ["only care about the left hemisphere"],
  },
  {
    q: `Please ignore fragments without a nucleus. How many postsynaptic partners does ${R} have?`,
    keep: ["ignore fragments"],
  },
  {
    q: "We exclude cells in layer 1 throughout. How many NGCs are there?",
    keep: ["exclude cells in layer 1"],
  },
  {
    q:
      "For this analysis, consider only proofread neurons. What is the mean number of output synapses per 23P " +
      "cell?",
    keep: ["consider only proofread neurons"],
  },
  {
    q: "I mean excitatory cells when I say pyramidal. How many pyramidal cells are in L5?",
    keep: ["I mean excitatory"],
  },
  {
    // ("Restricting to" said first is read as "among": the restriction is kept.)
    q: "Restricting to cells with functional data: what is the mean gOSI of 23P cells?",
    keep: ["cells with functional data"],
  },
  {
    q: `Our cutoff for a strong connection is at least 5 synapses. How many strong connections does ${R} make?`,
    keep: ["at least 5 synapses"],
  },
  {
    q: "Synapses smaller than 100 voxels are probably noise. What is the mean synapse size?",
    keep: ["smaller than 100"],
  },
  {
    q: "We count only synapses onto neurons. How many synapses does BC make?",
    keep: ["count only synapses onto neurons"],
  },
  {
    q: "Don't include glia. How many cells are in layer 4?",
    keep: ["Don't include glia"],
  },
  {
    q: "Treat 5P-NP cells as 5P-IT for this. How many 5P-IT cells are there?",
    keep: ["Treat 5P-NP"],
  },
  {
    q: "Assuming only the V1 column, how many BCs are there?",
    keep: ["Assuming only"],
  },
  {
    q: "I'm interested in cells deeper than 500 µm. How many MCs are there?",
    keep: ["deeper than 500"],
  },
  {
    q: "My analysis is restricted to layer 2/3. What is the mean nucleus volume of BCs?",
    keep: ["restricted to layer 2/3"],
  },
  {
    q: "We focus on the thick-tufted cells here. How many synapses do MCs make onto 5P-ET cells?",
    keep: ["focus"],
  },
  {
    q: "Only coregistered neurons matter for us. What is the mean gOSI of 23P cells?",
    keep: ["Only coregistered"],
  },
  {
    q: "Excluding the white matter, how many neurons are there?",
    keep: ["Excluding the white matter"],
  },
  {
    q: "Our dataset of interest is the V1 subset. How many MCs are in L4?",
    keep: ["V1 subset"],
  },
  {
    q: "We define big synapses as those above 2000 voxels. How many big synapses does BC make onto 23P?",
    keep: ["define big synapses"],
  },
  {
    q: "I'd like to use only axon-proofread cells: how many synapses does MC make onto 23P?",
    keep: ["only axon-proofread"],
  },
  {
    q: "For a project on L5 cells, how many BCs are there?",
    keep: ["L5 cells"],
  },
  {
    q: "To compare with our slice data from layer 4, what is the mean nucleus volume of BCs?",
    keep: ["layer 4"],
  },
  {
    q: "We are looking at cells within 100 µm of the pia. How many MCs are there?",
    // (Said again in the reader's words, "shallower than 100 µm": the bound is kept, not set aside.)
    keep: ["100 µm"],
  },
  {
    q: "I care about connections with at least 3 synapses. How many connections are there from BC to 23P?",
    keep: ["at least 3 synapses"],
  },
  {
    q: "We're studying V1 only, so what is the mean synapse size from BC onto 23P?",
    keep: ["V1 only"],
  },
  {
    q: "Everything below is about the right hemisphere. How many 4P cells are there?",
    keep: ["about the right hemisphere"],
  },
  {
    q: "Leave out the 5P-NP cells. How many layer 5 pyramidal cells are there?",
    keep: ["Leave out"],
  },
  {
    q: `In this question, synapses onto the same cell twice count once. How many synapses does ${R} make?`,
    keep: ["count once"],
  },
  {
    q: "I want numbers for neurons with proofreading excluded. How many 23P cells are there?",
    keep: ["excluded"],
  },
  {
    q: `Except for fragments, how many partners does ${R} have?`,
    keep: ["Except for fragments"],
  },
  {
    q: "We are not interested in glia. How many cells are in L1?",
    keep: ["not interested"],
  },
  {
    q: "Per-cell numbers are what we need. How many output synapses do BCs make?",
    keep: ["Per-cell"],
  },
  {
    q: "Counting each root once, how many BCs are there?",
    keep: ["Counting each root once"],
  },
  {
    q: "For my thesis on layer 5, what is the mean nucleus volume of MCs?",
    keep: ["layer 5"],
  },
  {
    q: "We use the v343 cell types in our lab. How many BCs are there?",
    keep: ["use the v343"],
  },
  {
    q: "Our slices cover 200 to 400 µm below the pia. How many 4P cells are there?",
    keep: ["200 to 400"],
  },
  {
    q: "My cells of interest are the largest BCs. How many synapses do they make?",
    keep: ["largest BCs"],
  },
  {
    q: "For a comparison with 5P-ET cells, how many 23P cells are in V1?",
    keep: ["5P-ET"],
  },
  {
    q: "Hi! I need the counts for proofread neurons only. How many 23P cells are there?",
    keep: ["proofread neurons only"],
  },
  {
    q: "We are working with the coregistered subset, so how many 23P cells are there?",
    keep: ["coregistered subset"],
  },
  {
    q: "I got these numbers from V1 cells. What is the mean gOSI of 23P cells?",
    keep: ["V1 cells"],
  },
  {
    q: "For a V1-only analysis, how many BCs are there?",
    keep: ["V1-only"],
  },
  {
    q: "Because our recordings are mostly from superficial layers, I'd like to know the mean gOSI of 23P cells.",
    keep: ["superficial layers"],
  },
  {
    q: "Sorry, we prefer looking at the excitatory ones, but how many cells are in L4?",
    keep: ["excitatory"],
  },
  {
    q: "All cells here are from layer 4. How many BCs are there?",
    keep: ["layer 4"],
  },
  {
    q: "These numbers are for layer 4. How many BCs are there?",
    keep: ["layer 4"],
  },
  {
    q: "Sorry for bringing up L5 again, but how many BCs are there?",
    keep: ["L5"],
  },
  {
    q: "Sorry to ask only about V1 again, but how many BCs are there?",
    keep: ["only about V1"],
  },
  {
    q: "My cells of interest are strongly tuned. How many 23P cells are there?",
    keep: ["strongly tuned"],
  },
  {
    q: "For my analysis of large synapses, what is the mean synapse size from BC onto 23P?",
    keep: ["large synapses"],
  },
  {
    q: "The paper only counts proofread cells. What fraction of BC synapses land on 23P?",
    keep: ["only counts proofread cells"],
  },
];
