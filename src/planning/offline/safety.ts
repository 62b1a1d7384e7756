/**
 * Questions the bot refuses before reading them as queries: changes to the data, instructions
 * hidden in the question, and topics outside the connectome.
 */
const WRITE = /\b(delete|drop|remove|erase|wipe|truncate|insert|update|modify|alter|overwrite|rename|replace|edit|change|add|create|merge|split|set)\b/i;
const DATA_NOUN = /\b(synapses?|cells?|neurons?|tables?|rows?|data(base)?|db|records?|root ?ids?|nucle(us|i)|annotations?|labels?|types?|columns?|everything|all)\b/i;
const SQL_WRITE = /\b(insert\s+into|delete\s+from|drop\s+table|update\s+\w+\s+set|alter\s+table|create\s+table|attach\s+database|pragma\s+\w+\s*=|vacuum)\b/i;
const INJECTION = /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules|prompt|guidelines|previous|above|system)\b|\bsystem prompt\b|\byou are now\b|\bact as\b|\bpretend (to be|you)\b|\bjailbreak\b|\bdeveloper mode\b|\bnew instructions\b|\breveal (your|the) (prompt|instructions)\b/i;
const CONNECTOME = /\b(synap\w*|connect\w*|neurons?|neuronal|cells?|nucle(us|i)|soma\w*|root|axons?|dendrit\w*|proofread\w*|coregist\w*|cortex|cortical|layer|types?|m-?types?|partners?|inputs?|outputs?|presynaptic|postsynaptic|microns|connectome|segment\w*|volume|depth|excitatory|inhibitory|interneurons?|pyramidal|glia\w*|astrocytes?|microglia|oligo\w*|pericytes?|opc|functional|imaging|two-photon|2p|tables?|sql|plot|chart|histogram|heatmap|matrix|distribution|rows?|data|dataset)\b/i;

export type SafetyVerdict = { refuse: true; reason: string } | { refuse: false };

/** Whether a question is about the connectome at all (or names an id or a cell type). */
export function isOnTopic(question: string, namesSomething: boolean): boolean {
  return namesSomething || CONNECTOME.test(question);
}

export function checkSafety(question: string, namesSomething: boolean, followUp = false): SafetyVerdict {
  if (INJECTION.test(question)) {
    return { refuse: true, reason: "I only answer questions about the connectome data; instructions inside a question don't change what I do." };
  }
  if (SQL_WRITE.test(question) || (WRITE.test(question) && DATA_NOUN.test(question) && !/\b(how many|which|what|show|list|count|plot)\b.*\b(changed|added|removed|deleted|edited|merged|split)\b/i.test(question) && !isQuestionAboutChanges(question))) {
    return { refuse: true, reason: "I can't change the data: connectome-chat reads a read-only copy of the tables and answers questions about it." };
  }
  if (!followUp && !isOnTopic(question, namesSomething)) {
    return { refuse: true, reason: "That is outside the connectome data I can answer from (MICrONS cells, synapses, cell types, proofreading and coregistration)." };
  }
  return { refuse: false };
}

/** "Which synapses were added since ..." is a question, not a request to add. */
function isQuestionAboutChanges(question: string): boolean {
  return /^\s*(how|which|what|when|were|was|is|are|did)\b/i.test(question) && /\b(added|removed|deleted|changed|merged|split|edited)\b/i.test(question) && !/\b(please|can you|could you)\b/i.test(question);
}
