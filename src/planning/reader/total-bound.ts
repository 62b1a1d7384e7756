import type { Prepared } from "./prepare.js";

/*
 * "PV cells whose synapse output exceeds 200 synapses", "BCs that have an output above 200 synapses", "23P cells
 * whose number of input synapses is over 50": a bound on a cell's own total, said as "its output exceeds N". Said
 * the way the reader reads a cell's total, "with more than N output synapses". It had been read as a bound on
 * each connection ("connections with more than 200 synapses"), which answers another question.
 */
const BOUNDS: [RegExp, string][] = [
  [
    new RegExp(
      String.raw`^(?:exceeds?|exceeding|tops?|` +
        String.raw`(?:(?:is|are|of)\s+)?(?:above|over|(?:greater|more|larger|bigger)\s+than))$`,
      "i",
    ),
    "more than",
  ],
  [/^(?:(?:is|are|of)\s+)?at\s+least$|^reach(?:es|ing)?$/i, "at least"],
  [/^(?:(?:is|are|of)\s+)?(?:below|under|(?:less|fewer|smaller)\s+than)$/i, "fewer than"],
  [/^(?:(?:is|are|of)\s+)?at\s+most$/i, "at most"],
];
const COMPARE =
  String.raw`((?:(?:is|are|of)\s+)?(?:at\s+(?:least|most)|(?:above|over|below|under)|` +
  String.raw`(?:greater|more|less|fewer|larger|bigger|smaller)\s+than)|exceeds?|exceeding|tops?|reach(?:es|ing)?)`;
const OWNER = String.raw`(whose|(?:(?:that|which|who)\s+)?(?:have|has)\s+(?:an?|the)|(?:having|with)\s+(?:an?|the))`;
const TOTAL = new RegExp(
  String.raw`\b${OWNER}\s+(?:(?:total|overall)\s+)?(?:(?:number|count)\s+of\s+)?(?:(?:synapse|synaptic)\s+)?` +
    String.raw`(output|input)s?(?:\s+synapses?)?(?:\s+(?:count|number|total))?\s+${COMPARE}\s+(\d[\d,]*)` +
    String.raw`(?:\s+synapses?\b)?`,
  "gi",
);

export function totalBound(p: Prepared): Prepared {
  const text = p.text.replace(TOTAL, (all, owner: string, side: string, compare: string, n: string) => {
    const bound = BOUNDS.find(([re]) => re.test(compare.replace(/\s+/g, " ")))?.[1];
    // ("that have an output above N": "that have more than N output synapses"; "whose output …": "with …".)
    const verb = /\b(?:have|has)\b/i.exec(owner);
    const lead = verb ? owner.slice(0, verb.index + verb[0].length) : "with";
    return bound ? `${lead} ${bound} ${n} ${side.toLowerCase()} synapses` : all;
  });
  return text === p.text ? p : { ...p, text };
}
