/**
 * Wordings for the discourse step's tests. `ask` is the text the reader should read (compared
 * without case, spacing and end punctuation; the question itself when nothing may be set aside);
 * `keep` are words that must stay in it; `context`, when given, what must be set aside.
 */
export interface Wording { why: string; q: string; ask?: string; keep?: string[]; context?: string[] }

const R = "864691135051986780";
const R2 = "864691135051986781";
const same = (why: string, q: string): Wording => ({ why, q, ask: q });

export const WORDINGS: Wording[] = [
  // Greetings, thanks and apologies.
  {
    why: "greeting sentence",
    q: "Hello everyone! How many BCs are in layer 4?",
    ask: "How many BCs are in layer 4?",
    context: ["Hello everyone!"],
  },
  {
    why: "greeting lead",
    q: "Good afternoon, what is the mean nucleus volume of 23P cells?",
    ask: "what is the mean nucleus volume of 23P cells?",
  },
  {
    why: "apology lead",
    q: `Sorry if this is a dumb question, but how many synapses does ${R} make?`,
    ask: `how many synapses does ${R} make?`,
  },
  {
    why: "quick question",
    q: "Quick question: which area has the most 23P cells?",
    ask: "which area has the most 23P cells?",
    context: ["Quick question"],
  },
  {
    why: "wondering if you could",
    q: "I was wondering if you could tell me how many MCs there are.",
    ask: "tell me how many MCs there are.",
  },
  {
    why: "thanks after",
    q: "How many 4P cells are there? Thanks in advance!",
    ask: "How many 4P cells are there?",
    context: ["Thanks in advance!"],
  },
  {
    why: "greeting then does anyone know",
    q: "Hi folks - does anyone know how many coregistered neurons there are?",
    ask: "how many coregistered neurons there are?",
  },
  {
    why: "apologies in advance",
    q: "Apologies in advance, but what's the median synapse size?",
    ask: "what's the median synapse size?",
  },
  {
    why: "new to the data",
    q: "I'm new to connectomics and to this dataset. How many 6P-CT cells are there?",
    ask: "How many 6P-CT cells are there?",
  },
  same("function words left to the reader",
    "Hi! Just curious: how many astrocytes are there?"),
  {
    why: "thanks for the tool",
    q: "Thanks so much for building this tool! Which cell type has the largest mean nucleus volume?",
    ask: "Which cell type has the largest mean nucleus volume?",
  },
  {
    why: "my question is",
    q: "Hi all, my question is: how many neurons are in area AL?",
    ask: "how many neurons are in area AL?",
  },
  {
    why: "apology with nothing restricting",
    q: "Sorry to bother you again, but how many BCs are there?",
    ask: "how many BCs are there?",
  },
  {
    why: "someone asked me",
    q: "My PI asked me to find out how many BCs there are in layer 4.",
    ask: "how many BCs there are in layer 4.",
  },
  {
    why: "can someone tell me",
    q: "Can someone tell me how many synapses BCs make onto 23P cells?",
    ask: "how many synapses BCs make onto 23P cells?",
  },
  {
    why: "is there a way",
    q: "Is there a way to find out how many MCs are proofread?",
    ask: "how many MCs are proofread?",
  },
  {
    why: "trying to figure out",
    q: "I'm trying to figure out which cell type receives the most MC synapses.",
    ask: "which cell type receives the most MC synapses.",
  },
  {
    why: "here's my question",
    q: "Here's my question: how many neurons are in V1?",
    ask: "how many neurons are in V1?",
  },
  {
    why: "praise between",
    q: "Thanks! This is super helpful. Now, what is the median synapse size?",
    ask: "Thanks! Now, what is the median synapse size?",
  },
  {
    why: "IT is a class, not it",
    q: "Basket cells are the largest class of interneurons. How many IT cells are there?",
    ask: "How many IT cells are there?",
  },
  {
    why: "working with the data",
    q: "Hi! I'm a rotation student working with the MICrONS data. What's the average nucleus volume of astrocytes?",
    ask: "Hi! What's the average nucleus volume of astrocytes?",
  },
  {
    why: "lead with a colon after a long clause",
    q: "I've been going back and forth on this for a while, and I'd really like to settle it: how many synapses "
      + `does ${R} make in total?`,
    ask: `how many synapses does ${R} make in total?`,
  },
  {
    why: "just so you know",
    q: "Just so you know, I'm asking for a class project. Which layer has the most BCs?",
    ask: "Which layer has the most BCs?",
  },
  {
    why: "a class the ask's types belong to",
    q: "I want to compare the inhibitory classes with each other: what is the mean synapse size of BC and MC?",
    ask: "what is the mean synapse size of BC and MC?",
  },
  same("a class the ask's types do not belong to",
    "I want to compare the inhibitory classes with each other: what is the mean synapse size of 23P?"),
  {
    why: "lead before a dash",
    q: "We're putting together slides for lab meeting — how many neurons are in each visual area?",
    ask: "how many neurons are in each visual area?",
  },
  same("a dash inside the ask is no lead", "How many BCs — and MCs — are in layer 4?"),
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
  same("an interval is no citation",
    "how many synapses have a size in [1000, 2000]?"),
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
    q: "Could you plot a scatter of soma depth against nucleus volume for all neurons, to see whether deep cells "
      + "are big?",
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
  same("the background names what the ask does not",
    "I know BCs are inhibitory. Are MCs inhibitory too?"),
  same("no ask at all",
    "Layer 1 contains mostly neurogliaform interneurons."),
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
  same("two ids: its is not carried",
    `I compared ${R} with ${R2}. What is its m-type?`),
  same("them without an antecedent",
    "BCs are the most common interneurons. How many of them are proofread?"),
  same("how many are, without a subject",
    "Many cells were proofread recently. How many are in V1?"),
  same("two questions",
    `What is the cell type of ${R}? And how many synapses does it make?`),
  same("an id of the ask's own: the other id in the context stays",
    `We found ${R} in our data. What is the cell type of ${R2}?`),
];

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
    q: "We're only interested in well-innervated cells for this analysis. How many 23P cells receive more than 80 "
      + "input synapses?",
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
    q: "For this analysis, consider only proofread neurons. What is the mean number of output synapses per 23P "
      + "cell?",
    keep: ["consider only proofread neurons"],
  },
  {
    q: "I mean excitatory cells when I say pyramidal. How many pyramidal cells are in L5?",
    keep: ["I mean excitatory"],
  },
  {
    q: "Restricting to cells with functional data: what is the mean gOSI of 23P cells?",
    keep: ["Restricting"],
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
    keep: ["within 100"],
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
];
