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
  /\b(inputs?|input\s+synapses|synapses)\s+(?:that\s+)?(?:they|it)\s+(?:each\s+)?(?:receive|receives|get|gets)\b(?!\s+(?:from|onto|on|to)\b)/gi;
const OWN_OUTPUTS =
  /\b(outputs?|output\s+synapses|synapses)\s+(?:that\s+)?(?:they|it)\s+(?:each\s+)?(?:make|makes|send|sends|form|forms)\b(?!\s+(?:from|onto|on|to)\b)/gi;

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
    .replace(OWN_INPUTS, (_all, noun: string) => (/^synapses$/i.test(noun) ? "input synapses" : noun))
    .replace(OWN_OUTPUTS, (_all, noun: string) => (/^synapses$/i.test(noun) ? "output synapses" : noun));
  return text === p.text ? p : { ...p, text };
}
