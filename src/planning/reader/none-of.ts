import type { Prepared } from "./prepare.js";

/*
 * "how many BCs have no 23P targets", "23P cells w/ no BC input", "MCs that get no input from 4P": a
 * cell whose count with a population is zero ("with exactly 0 synapses onto 23P"). (It had been read
 * as BC synapses onto cells other than 23P.)
 */

const VERB = String.raw`(?:have|has|having|with|w/|get|gets|getting|receive|receives|receiving|make|makes|making)`;
const OUT = String.raw`(?:targets?|outputs?|output synapses|postsynaptic partners|synapses onto them)`;
const IN = String.raw`(?:inputs?|input synapses|sources?|presynaptic partners|innervation)`;
const NAME = String.raw`([\w/+-]+(?:\s+(?:cells?|neurons?))?)`;
// "4P w/o any BC input", "23P cells lacking input from BCs", "without BC targets": "with" none.
const WITHOUT = String.raw`(?:w/o|without|lacking|that lack|which lack)(?:\s+any)?`;
/** "have no", "w/o any": the verb kept ("have exactly 0 …"), or "with" where none was said. */
const NONE = String.raw`\b(?:(${VERB})\s+no|${WITHOUT})`;
/** Each form, and the side its cells are on ("onto" the named targets); `named`: the cells are in the match. */
const FORMS: { form: RegExp; side: string; named: boolean }[] = [
  { form: new RegExp(String.raw`${NONE}\s+${NAME}\s+${OUT}\b`, "gi"), side: "onto", named: true },
  { form: new RegExp(String.raw`${NONE}\s+${NAME}\s+${IN}\b`, "gi"), side: "from", named: true },
  { form: new RegExp(String.raw`${NONE}\s+(?:input|inputs|synapses)\s+from\b`, "gi"), side: "from", named: false },
  { form: new RegExp(String.raw`${NONE}\s+(?:outputs?|synapses)\s+(?:onto|to)\b`, "gi"), side: "onto", named: false },
];

export function noneOf(p: Prepared): Prepared {
  let text = p.text;
  for (const { form, side, named } of FORMS) {
    text = text.replace(form, (_all: string, verb: string | undefined, name: unknown) =>
      [verb ?? "with", "exactly 0 synapses", side, ...(named ? [String(name)] : [])].join(" "),
    );
  }
  return text === p.text ? p : { ...p, text };
}
