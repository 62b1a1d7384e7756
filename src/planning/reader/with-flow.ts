import type { Prepared } from "./prepare.js";

// (Any synapse at all: "w/ >=1 syn onto 5P-ET", "with at least one synapse from BCs".)
const ANY = String.raw`(?:any|some|at least (?:one|1)|one or more|1 or more|>=\s*1|≥\s*1|1\+)\s+`;
const WITH = String.raw`\b(?:with|w\/)\s+(?:${ANY})?`;
const INPUT_FROM = new RegExp(
  String.raw`${WITH}(?:synaptic\s+)?(?:inputs?|synapses?|syns?|innervation)\s+from\b`,
  "gi",
);
const OUTPUT_ONTO = new RegExp(String.raw`${WITH}(?:synaptic\s+)?(?:outputs?|synapses?|syns?)\s+(onto|to|on)\b`, "gi");
// ("w/ any BC input": one name between "any" and "input".)
const NAMED_INPUT = /\b(?:with|w\/)\s+any\s+([\w/+-]+)\s+(inputs?|outputs?)\b(?!\s+(?:from|onto|to|on)\b)/gi;

/**
 * "23P cells in LM with input from BCs", "MCs with synapses onto 4P", "LM 23P w/ any BC input": a
 * population kept by a synapse of a named kind, said with "with", is the one the reader knows said
 * with a verb ("receiving input from BCs", "making synapses onto 4P"). A number ("with more than 3
 * synapses from BCs") is not matched: that is a threshold, read as one.
 */
export function withFlow(p: Prepared): Prepared {
  const text = p.text
    .replace(INPUT_FROM, "receiving input from")
    .replace(OUTPUT_ONTO, (_, to: string) => `making synapses ${to}`)
    .replace(NAMED_INPUT, (_, who: string, flow: string) =>
      /^in/i.test(flow) ? `receiving input from ${who}` : `making synapses onto ${who}`,
    );
  return text === p.text ? p : { ...p, text };
}
