import { R, same, type Wording } from "./wording.js";

/** Greetings, thanks and apologies around a question: set aside, the question read. */
export const POLITENESS: Wording[] = [
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
  same("function words left to the reader", "Hi! Just curious: how many astrocytes are there?"),
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
    // ("someone" is a function word the reader skips itself; "anyone" is cut as context.)
    why: "can anyone tell me",
    q: "Can anyone tell me how many synapses BCs make onto 23P cells?",
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
    q:
      "I've been going back and forth on this for a while, and I'd really like to settle it: how many synapses " +
      `does ${R} make in total?`,
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
  same(
    "a class the ask's types do not belong to",
    "I want to compare the inhibitory classes with each other: what is the mean synapse size of 23P?",
  ),
  {
    why: "lead before a dash",
    q: "We're putting together slides for lab meeting — how many neurons are in each visual area?",
    ask: "how many neurons are in each visual area?",
  },
  same("a dash inside the ask is no lead", "How many BCs — and MCs — are in layer 4?"),
];
