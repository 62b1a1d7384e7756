import type { Prepared } from "./prepare.js";

const COUNTED =
  String.raw`\b(?:how\s+many|(?:the\s+)?number\s+of|#)\s+(?:(?:distinct|different|unique)\s+)?((?:[\w/-]+\s+){0,2}?)` +
  String.raw`(?:(?:cells|neurons|roots|partners|segments)\s+)?(?:do\s+|does\s+)?(?:they|it)\s+(?:each\s+)?`;
const TARGETED = new RegExp(
  COUNTED +
    String.raw`(?:contacts?|targets?|innervates?|hits?|reach(?:es)?|synapses?\s+onto|connects?\s+to|projects?\s+to)\b`,
  "gi",
);
/** "top 5 BCs by number of 23P cells contacted": the same, said with a participle (not "… contacted by MCs"). */
const PARTICIPLE = new RegExp(
  String.raw`\b(?:number|#)\s+of\s+(?:(?:distinct|different|unique)\s+)?((?:[\w/-]+\s+){0,2}?)` +
    String.raw`(?:(?:cells|neurons|roots|partners|segments)\s+)?(?:contacted|targeted|innervated|reached)\b(?!\s+by\b)`,
  "gi",
);
const SOURCED = new RegExp(COUNTED + String.raw`(?:receives?|gets?)\s+(?:input|inputs|synapses?)\s+from\b`, "gi");

/** "the number of inhibitory inputs they receive": the cells' own inputs (or outputs), said with the pronoun. */
const THEY = String.raw`\s+(?:that\s+)?(?:they|it)\s+(?:each\s+)?`;
const NO_SIDE_AFTER = String.raw`\b(?!\s+(?:from|onto|on|to)\b)`;
const OWN_INPUTS = new RegExp(
  String.raw`\b(?:([\w/-]+)\s+)?(inputs?|input\s+synapses|synapses)${THEY}` +
    String.raw`(?:receive|receives|get|gets)${NO_SIDE_AFTER}`,
  "gi",
);
const OWN_OUTPUTS = new RegExp(
  String.raw`\b(?:([\w/-]+)\s+)?(outputs?|output\s+synapses|synapses)${THEY}` +
    String.raw`(?:make|makes|send|sends|form|forms)${NO_SIDE_AFTER}`,
  "gi",
);

/** "top 4 23P cells by the number of BC synapses received": synapses received are inputs (not "… received by X"). */
const RECEIVED = /\b(?:synapses|syns?|inputs)\s+received\b(?!\s+(?:from|by|onto|to)\b)/gi;

/** "top 5 BCs by number of 23P synapses made": synapses made onto the cells named (not "… made by X"). */
const MADE_ONTO = new RegExp(
  String.raw`\b([A-Z0-9][\w/-]*)\s+(?:synapses|syns?)\s+(?:they\s+)?(?:made|make|formed|sent)` +
    String.raw`\b(?!\s+(?:by|onto|on|to|from|with)\b)`,
  "g",
);

/**
 * "inhibitory inputs they receive" → "inhibitory inputs". (Not "the synapses they receive", which the reader reads
 * as it is: said again, it had moved the grouping of a question about the types' inputs.)
 */
const owned = (all: string, word: string | undefined, noun: string, side: string) =>
  !word || NOT_A_KIND.test(word) ? all : `${word} ${/^synapses$/i.test(noun) ? `${side} synapses` : noun}`;
/** Words before "inputs they receive" that say no kind of input ("of synapses they receive", "the inputs …"). */
const NOT_A_KIND = /^(?:of|the|their|its|all|any|many|much|how|per|and|with|from|to|by|what|which|whose|those|these)$/i;

/** "BCs " → "BC ", "basket " stays: a plural type name said as the kind of partner. */
const kindOf = (words: string) => words.replace(/\b([A-Za-z0-9/-]*[A-Z0-9][A-Za-z0-9/-]*?)s\s+$/, "$1 ");

/**
 * "top 5 BCs by how many 23P cells they contact", "23P cells by how many BCs they receive input from": cells
 * counted with the cells ranked as a pronoun subject are those cells' partners, said as "number of distinct 23P
 * targets" (or sources). They had been read the other way round: the 23P cells contacting the BCs.
 */
export function pronounObject(p: Prepared): Prepared {
  const text = p.text
    .replace(TARGETED, (_all, kind: string) => `number of distinct ${kindOf(kind)}targets`)
    .replace(PARTICIPLE, (_all, kind: string) => `number of distinct ${kindOf(kind)}targets`)
    .replace(SOURCED, (_all, kind: string) => `number of distinct ${kindOf(kind)}sources`)
    .replace(OWN_INPUTS, (all: string, word: string | undefined, noun: string) => owned(all, word, noun, "input"))
    .replace(RECEIVED, "inputs")
    .replace(MADE_ONTO, "output synapses onto $1")
    .replace(OWN_OUTPUTS, (all: string, word: string | undefined, noun: string) => owned(all, word, noun, "output"));
  return text === p.text ? p : { ...p, text };
}

const PARTNERS_OF_IT = String.raw`(?:all\s+)?(its|their)\s+(?:own\s+)?`;
const ONTO_ITS_TARGETS = new RegExp(
  String.raw`(\b(?:make|makes|send|sends|form|forms)\b[^?.;]*?|` +
    String.raw`'s\s+(?:output\s+)?(?:synapses|syns?|outputs|connections))?` +
    String.raw`\s*\b(?:onto|to|into|on)\s+${PARTNERS_OF_IT}` +
    // (Not "onto its outputs": its outputs are its synapses, not cells; left to the reader.)
    String.raw`(?:targets|post-?syn(?:aptic)?\s+partners|downstream\s+partners)\b`,
  "gi",
);
const FROM_ITS_INPUTS = new RegExp(
  String.raw`(\b(?:receive|receives|get|gets)\b[^?.;]*?|'s\s+(?:input\s+)?(?:synapses|syns?|inputs|connections))?` +
    String.raw`\s*\bfrom\s+${PARTNERS_OF_IT}` +
    String.raw`(?:inputs|sources|pre-?syn(?:aptic)?\s+partners|upstream\s+partners)\b`,
  "gi",
);

/**
 * "8646…: how many synapses onto its targets", "… does 8646… make onto its targets", "from their inputs": the
 * partners of the cells named are on the other side from them, and say nothing more (the cells had been put on
 * the partners' side, or on both: "onto its targets" read as onto 8646… itself). Said as "from it" (or "onto it"),
 * or left out after a verb or an owner that says the side already ("8646…'s synapses onto its targets").
 */
export function itsOwnPartners(p: Prepared): Prepared {
  const pronoun = (its: string, prep: string) => ` ${prep} ${/^its$/i.test(its) ? "it" : "them"}`;
  const text = p.text
    .replace(ONTO_ITS_TARGETS, (_all, verb: string | undefined, its: string) => verb ?? pronoun(its, "from"))
    .replace(FROM_ITS_INPUTS, (_all, verb: string | undefined, its: string) => verb ?? pronoun(its, "onto"));
  return text === p.text ? p : { ...p, text };
}

/** "who targets 8646… most", "what targets BCs": "targets" said as the verb of "who" (not "who are the targets of"). */
const WHO_TARGETS = /\b(who|what)\s+targets\s+(?!of\b|for\b|in\b|with\b|are\b|is\b)(?=\d{15,20}|[A-Za-z0-9])/gi;

export function whoTargets(p: Prepared): Prepared {
  const text = p.text.replace(WHO_TARGETS, "$1 innervates ");
  return text === p.text ? p : { ...p, text };
}

/** "the cell type it makes the most synapses onto": a preposition left at the end of a relative clause. */
const STRANDED_ONTO = new RegExp(
  String.raw`\b(the\s+(?:cell\s+type|type|cells?|target(?:\s+type)?))\s+(?:that\s+|which\s+)?(it|they|each\s+one)\s+` +
    String.raw`(?:makes?|sends?|forms?)\s+(the\s+most|most)\s+(?:of\s+(?:its|their)\s+)?` +
    String.raw`(?:synapses|syns?|outputs|output\s+synapses)\s+(?:onto|to|on)(?=\s*(?:[?.!,;]|$))`,
  "gi",
);

/**
 * "One row per interneuron type: the cell type it makes the most synapses onto": the type that receives the most
 * of its synapses. Read word by word, the types named first had become the targets.
 */
export function strandedOnto(p: Prepared): Prepared {
  const text = p.text.replace(STRANDED_ONTO, (_all, what: string, it: string, most: string) => {
    const its = /^it$/i.test(it) || /^each/i.test(it) ? "its" : "their";
    return `${what} that receives ${most} of ${its} synapses`;
  });
  return text === p.text ? p : { ...p, text };
}
