/** Example questions, shown for "help" in every adapter. */
export const EXAMPLE_QUESTIONS = [
  "How many basket cells are there?",
  "How many cells of each cell type are there?",
  "What is the cell type of 864691135…?",
  "What are the top 5 postsynaptic partners of 864691135…?",
  "How many synapses go from basket cells to 23P cells?",
  "Which cell type receives the most synapses from Martinotti cells?",
  "What is the median synapse size?",
  "How many synapses are larger than 5000 voxels?",
  "How many neurons have a proofread axon?",
  "How many neurons are coregistered with functional imaging?",
  "Plot the distribution of synapse sizes",
  "Show a heatmap of synapse counts between excitatory cell types",
];

export const HELP_TEXT = [
  "I answer questions about the MICrONS connectome from a local copy of its tables (cells, cell types, synapses, proofreading, coregistration).",
  'Follow-ups work in the same thread: "and onto 4P?", "only the top 3", "what about inputs?", "plot that", "show the SQL".',
  "Examples:",
  ...EXAMPLE_QUESTIONS.map((q) => `• ${q}`),
].join("\n");

export const isHelp = (question: string) =>
  /^\s*(help|\?|what can you do\??|how do i use (this|you)\??|usage|examples?)\s*[.!?]*\s*$/i.test(question);
export const isShowSql = (question: string) =>
  /^\s*(and\s+)?(show|give|print|display|what('s| is| was))?\s*(me\s+)?(the\s+)?(sql|query|sql query)(\s+(for that|behind that|you ran|used|that ran))?\s*[.!?]*\s*$/i.test(
    question,
  );

/** Questions about the store itself ("what tables are loaded?", "which materialization version?"), answered from its import log. */
export const isStoreQuestion = (question: string) =>
  /\b(materiali[sz]ation|data|dataset|store) version\b|\b(what|which) version\b|\b(what|which) tables\b|\bwhat data (is|are|do you have|does (the|this) store hold)\b|\bwhat('s| is) (loaded|in (the|this) (store|database))\b|\bhow big is (the|this) (data ?set|store|database)\b|\bwhen was (the|this) (data|store|database) imported\b/i.test(
    question,
  );
