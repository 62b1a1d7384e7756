/**
 * Questions the bot refuses before reading them as queries: changes to the data, instructions
 * hidden in the question, and topics outside the connectome.
 */
const WRITE_VERB =
  "delete|drop|remove|erase|wipe|truncate|insert|update|modify|alter|overwrite|rename|replace|edit|change|add|create|merge|split|set|reset|clear|purge|relabel|reassign|reannotate|annotate|upload|import|load";
/**
 * A write verb at the head of a clause, or after words that ask for an action ("please", "can you", "I want to").
 * (Not "going to load them into neuroglancer": the viewer, not the data.)
 */
const WRITE = new RegExp(
  `(^|[.;:!?,]\\s*|\\b(and|then|also|please|pls|now|can you|could you|would you|will you|i want to|i'd like to|i would like to|we need to|i need you to|let's|lets|go ahead and|try to|to)\\s+)(${WRITE_VERB})\\b(?!\\s+(by|into|per|across|up|out)\\b)(?![^.?!]{0,80}\\b(?:neuroglancer|ng)\\b)`,
  "i",
);
const DATA_NOUN =
  /\b(synapses?|cells?|neurons?|tables?|rows?|data(base)?|db|records?|root ?ids?|nucle(us|i)|annotations?|labels?|types?|columns?|everything|all|connections?|segments?|proofreading|coregistration|values?|entry|entries|index(es)?|schema)\b/i;
const SQL_WRITE =
  /\b(insert\s+into|delete\s+from|drop\s+(table|view|index|database)|update\s+\w+\s+set|alter\s+table|create\s+(table|view|index|trigger)|attach\s+database|detach\s+database|replace\s+into|pragma\s+\w+\s*=|vacuum|reindex)\b/i;
const INJECTION = new RegExp(
  [
    "\\b(ignore|disregard|forget|override|bypass|skip)\\b.{0,40}\\b(instructions?|rules|prompt|guidelines|previous|above|system|restrictions|constraints|safety|guardrails)\\b",
    "\\bsystem prompt\\b",
    "\\byou are now\\b",
    "\\bact as\\b",
    "\\bpretend (to be|you)\\b",
    "\\bjailbreak\\b",
    "\\bdeveloper mode\\b",
    "\\bnew instructions\\b",
    "\\b(reveal|print|show|tell me|output|repeat|display|leak)\\b.{0,20}\\b(your|the) (system |hidden |initial |original )?(prompt|instructions|rules|configuration|config|api keys?|password|credentials|secrets?|environment)\\b",
    "(^|[\\s.!?])(system|assistant|developer|admin)\\s*:",
    "\\bfrom now on\\b",
    // (Said to the bot, not of a paper: "The methods only say 'a small subset'" is a remark.)
    "(?:^|[.!?:]\\s*|\\byou\\s+(?:must\\s+|should\\s+|will\\s+|shall\\s+|can\\s+|now\\s+)?|\\bplease\\s+|\\band\\s+)" +
      "(always|only) (answer|reply|respond|say|output)\\b",
    "\\b(answer|reply|respond) (to )?(every|all|each|any) (question|query|message)s?\\b",
    "\\bwithout (any )?(restrictions|limits|rules|filters)\\b",
    "\\bno longer (bound|restricted)\\b",
    "\\bdo anything now\\b",
    "\\bDAN\\b",
    "<\\|",
    "\\[/?INST\\]",
    "###\\s*(instruction|system)",
    "\\bdatabase file path\\b",
    "\\b(execute|run)\\b.{0,30}\\b(shell|command|script|code|python|bash)\\b",
    "\\brm -rf\\b",
  ].join("|"),
  "i",
);
const CONNECTOME =
  /\b(synap\w*|connect\w*|neurons?|neuronal|cells?|nucle(us|i)|soma\w*|root|axons?|dendrit\w*|proofread\w*|coregist\w*|cortex|cortical|layer|types?|m-?types?|partners?|inputs?|outputs?|presynaptic|postsynaptic|microns|connectome|segment\w*|volume|depth|excitatory|inhibitory|interneurons?|pyramidal|glia\w*|astrocytes?|microglia|oligo\w*|pericytes?|opc|functional|imaging|two-photon|2p|tables?|sql|plot|chart|histogram|heatmap|matrix|distribution|rows?|data|dataset)\b/i;
/** Other animals and the human brain: this store holds one mouse cortex volume. */
const OTHER_BRAINS =
  /\b(human|humans|people|person's|monkeys?|macaques?|primates?|rats?|zebrafish|drosophila|fruit ?fly|flies|c\.? ?elegans|worms?|birds?|cats?|dogs?|ferrets?)\b|\bin the (whole|entire) brain\b|\bin the brain\b(?! volume)/i;
/** Requests for writing, entertainment and general knowledge. */
const NOT_DATA =
  /\b(poems?|poetry|haiku|song|lyrics|story|stories|essay|jokes?|limerick|recipe|emails?|cover letter|weather|stock|capital of|president|football|movie|translate|translation)\b/i;

const WRITING = /\b(write|compose|tell me|sing|make up|recite|draft|translate|weather|stock price|capital of)\b/i;

export type SafetyVerdict = { refuse: true; reason: string } | { refuse: false };

const OUTSIDE =
  "That is outside the connectome data I can answer from (MICrONS cells, synapses, cell types, proofreading and coregistration).";

/** Whether a refusal is for being off-topic (not a write or an instruction): data the store lacks may explain it. */
export const isOffTopicRefusal = (reason: string) => reason.startsWith(OUTSIDE);

/** Whether a question is about the connectome at all (or names an id or a cell type). */
export function isOnTopic(question: string, namesSomething: boolean): boolean {
  return namesSomething || CONNECTOME.test(question);
}

export function checkSafety(question: string, namesSomething: boolean, followUp = false): SafetyVerdict {
  if (INJECTION.test(question)) {
    return {
      refuse: true,
      reason:
        "I only answer questions about the connectome data; instructions inside a question don't change what I do.",
    };
  }
  const text = question.replace(/\bdata ?sets?\b/gi, "dataset");
  const write = {
    refuse: true as const,
    reason:
      "I can't change the data: connectome-chat reads a read-only copy of the tables and answers questions about it.",
  };
  if (SQL_WRITE.test(text)) return write;
  // ("for the feedback story: how many synapses …" is a data question; "write a story about BCs" is not.)
  const asksForWriting = NOT_DATA.test(question) && (!namesSomething || WRITING.test(question));
  if (asksForWriting || OTHER_BRAINS.test(question)) {
    return { refuse: true, reason: `${OUTSIDE} This store holds one volume of mouse visual cortex.` };
  }
  if (WRITE.test(text) && DATA_NOUN.test(text) && !isQuestionAboutChanges(text) && !splitForReading(text)) return write;
  if (!followUp && !isOnTopic(question, namesSomething)) {
    return { refuse: true, reason: OUTSIDE };
  }
  return { refuse: false };
}

const ANY_WRITE_VERB = new RegExp(String.raw`\b(${WRITE_VERB})\b`, "gi");
const SPLIT_BY = /\bsplit\b[^.?!;]{0,80}?\b(?:by|per|according\s+to)\b/i;

/**
 * "Split the synapses 8646… receives by the layer of the presynaptic cell": a split said with what it is split by
 * is a grouping asked of the answer, not an edit of a segment (only when no other verb of writing is said).
 */
function splitForReading(text: string): boolean {
  const verbs = [...text.matchAll(ANY_WRITE_VERB)].map((m) => m[1]!.toLowerCase());
  return verbs.every((v) => v === "split") && SPLIT_BY.test(text);
}

/** "Which synapses were added since ..." is a question, not a request to add. */
function isQuestionAboutChanges(question: string): boolean {
  return (
    /^\s*(how|which|what|when|were|was|is|are|did)\b/i.test(question) &&
    /\b(added|removed|deleted|changed|merged|split|edited)\b/i.test(question) &&
    !/\b(please|can you|could you)\b/i.test(question)
  );
}
