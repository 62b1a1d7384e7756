import type { Prepared } from "./prepare.js";

// (Any synapse at all: "w/ >=1 syn onto 5P-ET", "with at least one synapse from BCs".)
const ANY = String.raw`(?:any|some|at least (?:one|1)|one or more|1 or more|>=\s*1|≥\s*1|1\+)\s+`;
const WITH = String.raw`\b(?:with|w\/)\s+(?:${ANY})?`;
const INPUT_FROM = new RegExp(
  String.raw`${WITH}(?:synaptic\s+)?(?:inputs?|synapses?|syns?|innervation)\s+from\b`,
  "gi",
);
const OUTPUT_ONTO = new RegExp(String.raw`${WITH}(?:synaptic\s+)?(?:outputs?|synapses?|syns?)\s+(onto|to|on)\b`, "gi");
const THAT_ANY_ONTO = new RegExp(
  String.raw`\b(?:that|which) ${ANY}(.+?)\s+(?:synapses? onto|synapses? on|targets?|innervates?|contacts?)(\s*[?.!]*)$`,
  "i",
);
// ("w/ any BC input": one name between "any" and "input".)
// ("w/ NGC input": a name alone, not a word of amount or kind: "with more input", "with synaptic input".)
const NOT_A_NAME = /^(more|less|fewer|most|least|many|few|some|no|synaptic|strong|weak|total|high|low|little|much)$/i;
const NAMED_INPUT = new RegExp(
  String.raw`\b(?:with|w\/)\s+(${ANY})?([\w/+-]+)\s+(inputs?|outputs?)\b(?!\s+(?:from|onto|to|on)\b)`,
  "gi",
);

/**
 * "23P cells in LM with input from BCs", "MCs with synapses onto 4P", "LM 23P w/ any BC input": a
 * population kept by a synapse of a named kind, said with "with", is the one the reader knows said
 * with a verb ("receiving input from BCs", "making synapses onto 4P"). A number ("with more than 3
 * synapses from BCs") is not matched: that is a threshold, read as one.
 */
export function withFlow(p: Prepared): Prepared {
  const text = p.text
    // ("presynaptic to at least one L5 ET cell": any one is what "presynaptic to" says.)
    .replace(new RegExp(String.raw`\b(presynaptic|postsynaptic) to ${ANY}`, "gi"), "$1 to ")
    // ("the RL neurons that at least one PV cell in V1 synapses onto": the cells receiving input from them.)
    .replace(THAT_ANY_ONTO, "receiving input from $1$2")
    .replace(INPUT_FROM, "receiving input from")
    .replace(OUTPUT_ONTO, (_, to: string) => `making synapses ${to}`)
    .replace(NAMED_INPUT, (all: string, any: string | undefined, who: string, flow: string) => {
      if (!any && NOT_A_NAME.test(who)) return all;
      return /^in/i.test(flow) ? `receiving input from ${who}` : `making synapses onto ${who}`;
    });
  return text === p.text ? p : { ...p, text };
}
