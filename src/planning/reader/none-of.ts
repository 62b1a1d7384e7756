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
// "4P w/o any BC input", "23P cells lacking input from BCs", "without BC targets".
const WITHOUT = String.raw`(?:w/o|without|lacking|that lack|which lack)(?:\s+any)?`;
const FORMS: [RegExp, string][] = [
  [new RegExp(String.raw`\b${WITHOUT}\s+${NAME}\s+${OUT}\b`, "gi"), "with exactly 0 synapses onto $1"],
  [new RegExp(String.raw`\b${WITHOUT}\s+${NAME}\s+${IN}\b`, "gi"), "with exactly 0 synapses from $1"],
  [new RegExp(String.raw`\b${WITHOUT}\s+(?:input|inputs|synapses)\s+from\b`, "gi"), "with exactly 0 synapses from"],
  [new RegExp(String.raw`\b${WITHOUT}\s+(?:outputs?|synapses)\s+(?:onto|to)\b`, "gi"), "with exactly 0 synapses onto"],
  [new RegExp(String.raw`\b(${VERB})\s+no\s+${NAME}\s+${OUT}\b`, "gi"), "$1 exactly 0 synapses onto $2"],
  [new RegExp(String.raw`\b(${VERB})\s+no\s+${NAME}\s+${IN}\b`, "gi"), "$1 exactly 0 synapses from $2"],
  [new RegExp(String.raw`\b(${VERB})\s+no\s+(?:input|inputs|synapses)\s+from\b`, "gi"), "$1 exactly 0 synapses from"],
  [
    new RegExp(String.raw`\b(${VERB})\s+no\s+(?:outputs?|synapses)\s+(?:onto|to)\b`, "gi"),
    "$1 exactly 0 synapses onto",
  ],
];

export function noneOf(p: Prepared): Prepared {
  let text = p.text;
  for (const [form, said] of FORMS) text = text.replace(form, said);
  return text === p.text ? p : { ...p, text };
}
