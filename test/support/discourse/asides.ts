import { R, R2, same, type Wording } from "./wording.js";

/**
 * Citations and figures, purposes (leading and trailing) and background statements around a
 * question, and pronouns that carry something from them into it.
 */
export const ASIDES: Wording[] = [
  // Citations and figures.
  {
    why: "bracketed citation in background",
    q: "Basket cells provide perisomatic inhibition (Freund & Katona, 2007). How many BCs are in L2/3?",
    ask: "How many BCs are in L2/3?",
  },
  {
    why: "cf. citation in the ask",
    q: "How many 5P-NP cells are there (cf. Kim et al., 2015)?",
    ask: "How many 5P-NP cells are there?",
    context: ["(cf. Kim et al., 2015)"],
  },
  {
    why: "as shown in a figure",
    q: "As shown in Fig. 2a, BCs are common in L4. What is the mean synapse size from BC onto 4P?",
    ask: "What is the mean synapse size from BC onto 4P?",
  },
  {
    why: "table label",
    q: "Table 2: number of synapses from MC onto 5P-IT.",
    ask: "number of synapses from MC onto 5P-IT.",
  },
  {
    why: "citation as subject",
    q: "Ding et al. (2025) mapped the visual areas of the volume. How many neurons are in RL?",
    ask: "How many neurons are in RL?",
  },
  {
    why: "figure reference in the ask",
    q: "What is the mean gDSI of coregistered neurons (Fig. S4)?",
    ask: "What is the mean gDSI of coregistered neurons?",
  },
  {
    why: "figure as subject",
    q: "Extended Data Fig. 5 lists the most connected cells. Which 5P-IT neuron has the most output synapses?",
    ask: "Which 5P-IT neuron has the most output synapses?",
  },
  {
    why: "as in a paper",
    q: "Plot a histogram of nucleus volume for each cell type, as in Elabbady et al. (2025).",
    ask: "Plot a histogram of nucleus volume for each cell type.",
  },
  {
    // (Not set aside as a citation; the interval is said with its bounds, each end kept as its bracket says.)
    why: "an interval is no citation",
    q: "how many synapses have a size in [1000, 2000]?",
    ask: "how many synapses have a size >= 1000 and <= 2000?",
  },
  // Purposes.
  {
    why: "purpose lead",
    q: "For a figure in my thesis, how many NGC cells are in layer 1?",
    ask: "how many NGC cells are in layer 1?",
  },
  {
    why: "infinitive purpose",
    q: "To get a baseline for our model, what is the mean synapse size over all synapses?",
    ask: "what is the mean synapse size over all synapses?",
  },
  {
    why: "purpose with a colon",
    q: "For my journal club talk: which cell type receives the most synapses from MCs?",
    ask: "which cell type receives the most synapses from MCs?",
  },
  {
    why: "so-lead",
    q: "I'm building a network model, so what is the connection probability from BC to 23P?",
    ask: "what is the connection probability from BC to 23P?",
  },
  {
    why: "and it would help to know",
    q: "We are writing a grant on inhibition and it would help to know how many inhibitory neurons there are.",
    ask: "how many inhibitory neurons there are.",
  },
  {
    why: "sanity check",
    q: "As a sanity check, how many nuclei are in the nucleus table?",
    ask: "how many nuclei are in the nucleus table?",
  },
  // Trailing purposes.
  {
    why: "so I can compare",
    q: `How many synapses does ${R} receive, so I can compare it with our model?`,
    ask: `How many synapses does ${R} receive?`,
  },
  {
    why: "because I want",
    q: `Give me the top 10 postsynaptic partners of ${R}, because I want to trace them in the EM.`,
    ask: `Give me the top 10 postsynaptic partners of ${R}.`,
  },
  {
    why: "to see whether",
    q:
      "Could you plot a scatter of soma depth against nucleus volume for all neurons, to see whether deep cells " +
      "are big?",
    ask: "Could you plot a scatter of soma depth against nucleus volume for all neurons?",
  },
  {
    why: "if possible",
    q: `Which visual area is ${R} in, if possible?`,
    ask: `Which visual area is ${R} in?`,
  },
  {
    why: "for a figure in brackets",
    q: "How many BCs are there in each layer (for a figure)?",
    ask: "How many BCs are there in each layer?",
  },
  // Background statements.
  {
    why: "fact before",
    q: "Martinotti cells are somatostatin-positive interneurons. How many MCs are in layer 5?",
    ask: "How many MCs are in layer 5?",
  },
  {
    why: "personal before",
    q: `I've been exploring the data in Neuroglancer. What is the cell type of ${R}?`,
    ask: `What is the cell type of ${R}?`,
  },
  {
    why: "personal after",
    q: "How many BCs are in L4? I'm asking because our slice data look different.",
    ask: "How many BCs are in L4?",
  },
  same("the background names what the ask does not", "I know BCs are inhibitory. Are MCs inhibitory too?"),
  same("no ask at all", "Layer 1 contains mostly neurogliaform interneurons."),
  // Pronouns carried from the context.
  {
    why: "it",
    q: `Someone pointed me to ${R}. Is it an excitatory neuron?`,
    ask: `Is ${R} an excitatory neuron?`,
  },
  {
    why: "this cell",
    q: `${R} shows up in our pilot data. How many input synapses does this cell receive?`,
    ask: `How many input synapses does ${R} receive?`,
  },
  {
    why: "its",
    q: `We found ${R} in Fig. 4. What is its soma depth?`,
    ask: `What is ${R}'s soma depth?`,
  },
  // What a paper or the asker says of the figure: a claim to check against the answer, not a restriction.
  {
    why: "a legend's claim",
    q: `Of all the synapses onto ${R}, what percent are made by inhibitory cells? The legend says about a third.`,
    ask: `Of all the synapses onto ${R}, what percent are made by inhibitory cells?`,
    context: ["The legend says about a third."],
  },
  {
    why: "a claim of the authors",
    q: "They claim ET cells have much larger nuclei than 23P cells. What is the mean nucleus volume of 5P-ET cells?",
    ask: "What is the mean nucleus volume of 5P-ET cells?",
  },
  {
    why: "a doubt about another statistic",
    q: "What's the median size of the synapses that basket cells make? The mean looks skewed to me.",
    ask: "What's the median size of the synapses that basket cells make?",
  },
  same("two ids: its is not carried", `I compared ${R} with ${R2}. What is its m-type?`),
  same("them without an antecedent", "BCs are the most common interneurons. How many of them are proofread?"),
  same("how many are, without a subject", "Many cells were proofread recently. How many are in V1?"),
  same("two questions", `What is the cell type of ${R}? And how many synapses does it make?`),
  same(
    "an id of the ask's own: the other id in the context stays",
    `We found ${R} in our data. What is the cell type of ${R2}?`,
  ),
];
