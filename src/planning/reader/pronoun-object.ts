import type { Prepared } from "./prepare.js";

const COUNTED =
  String.raw`\bhow\s+many\s+(?:(?:distinct|different|unique)\s+)?((?:[\w/-]+\s+){0,2}?)` +
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
const OWN_INPUTS =
  /\b(?:(the)\s+)?(inputs?|input\s+synapses|synapses)\s+(?:that\s+)?(?:they|it)\s+(?:each\s+)?(?:receive|receives|get|gets)\b(?!\s+(?:from|onto|on|to)\b)/gi;
const OWN_OUTPUTS =
  /\b(?:(the)\s+)?(outputs?|output\s+synapses|synapses)\s+(?:that\s+)?(?:they|it)\s+(?:each\s+)?(?:make|makes|send|sends|form|forms)\b(?!\s+(?:from|onto|on|to)\b)/gi;

/** "top 4 23P cells by the number of BC synapses received": synapses received are inputs (not "… received by X"). */
const RECEIVED = /\b(?:synapses|syns?|inputs)\s+received\b(?!\s+(?:from|by|onto|to)\b)/gi;

/** "top 5 BCs by number of 23P synapses made": synapses made onto the cells named (not "… made by X"). */
const MADE_ONTO =
  /\b([A-Z0-9][\w/-]*)\s+(?:synapses|syns?)\s+(?:they\s+)?(?:made|make|formed|sent)\b(?!\s+(?:by|onto|on|to|from|with)\b)/g;

/**
 * "inhibitory inputs they receive" → "inhibitory inputs". (Not "the synapses they receive", which the reader reads
 * as it is: said again, it had moved the grouping of a question about the types' inputs.)
 */
const owned = (all: string, the: string | undefined, noun: string, side: string) =>
  the ? all : /^synapses$/i.test(noun) ? `${side} synapses` : noun;

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
    .replace(OWN_INPUTS, (all: string, the: string | undefined, noun: string) => owned(all, the, noun, "input"))
    .replace(RECEIVED, "inputs")
    .replace(MADE_ONTO, "output synapses onto $1")
    .replace(OWN_OUTPUTS, (all: string, the: string | undefined, noun: string) => owned(all, the, noun, "output"));
  return text === p.text ? p : { ...p, text };
}
