import type { Prepared } from "./prepare.js";

const ONE = String.raw`(?:a single|one single|an individual|a given|any single|any one|any|a|one)`;
const CELL = String.raw`((?:[\w/-]+\s+)?(?:cell|neuron|interneuron))`;
const VERB = String.raw`(has|have|makes|make|receives|receive|gets|get)`;
const ONE_CELL = new RegExp(String.raw`\b${ONE}\s+${CELL}\s+(?:can\s+|could\s+|ever\s+)?${VERB}\b`, "gi");
/** "max # outputs of 1 BC", "of a single 23P cell". */
const OF_ONE = new RegExp(
  String.raw`\bof\s+(?:1|one|a single|one single|an individual|a given|any single)\s+` +
    String.raw`((?:[\w/-]+\s+)?(?:cell|neuron|interneuron)|[\w/-]+)(?=[\s?.,!]|$)`,
  "gi",
);
/** A count asked of cells and a statistic or superlative of it, said before the cell. */
const COUNT_BEFORE = /\b(count|counts|number of|#)\b.*$|#/i;
const STAT_BEFORE =
  /\b(highest|largest|biggest|max|maximum|most|lowest|smallest|fewest|min|minimum|mean|average|avg|median|typical)\b/i;

/**
 * "what's the highest output synapse count a single cell has", "the median input count a 23P
 * neuron receives": a statistic of a per-cell count, said of one cell, is the statistic over the
 * cells ("… per cell", "… received per 23P neuron"). Only with a count and a statistic said first.
 */
export function oneCellCounts(p: Prepared): Prepared {
  const said = (before: string) => COUNT_BEFORE.test(before) && STAT_BEFORE.test(before);
  const text = p.text
    .replace(ONE_CELL, (all: string, cell: string, verb: string, at: number) => {
      if (!said(p.text.slice(0, at))) return all;
      const v = verb.toLowerCase();
      const how = /^(has|have)$/.test(v) ? "" : /^make/.test(v) ? "made " : "received ";
      return `${how}per ${cell}`;
    })
    .replace(OF_ONE, (all: string, cell: string, at: number, whole: string) =>
      said(whole.slice(0, at)) ? `per ${cell}` : all,
    );
  return text === p.text ? p : { ...p, text };
}
