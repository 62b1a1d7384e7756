import type { Prepared } from "./prepare.js";

const MEAN =
  String.raw`(?:avg|average|mean)\s+(?:#|number|no\.?|count)\s*(?:of\s+)?` +
  String.raw`(?:distinct\s+|different\s+|unique\s+)?`;
/** A kind of cell ("5P-IT", "BC"), not a word of the flow ("syn", "partners"). */
const NAME =
  String.raw`(?!(?:syn\w*|synapses?|partners?|cells?|neurons?|inputs?|outputs?|targets?|sources?|conn\w*)\b)` +
  String.raw`([\w/+-]+?)`;
const CELLS = String.raw`(?:\s+(?:partners?|cells?|neurons?|inputs?|outputs?|targets?|sources?))?`;
const EACH =
  String.raw`\s+(?:per|of\s+(?:a|an|each|every|the)|for\s+(?:a|an|each|every))\s+` +
  String.raw`${NAME}(?:\s+(?:cells?|neurons?))?`;
const END = String.raw`(?=\s*(?:\(|[?.!,;:]|$))`;
/** "avg # distinct presyn 5P-IT per 5P-ET cell", "mean number of presynaptic BC partners of a 5P-ET cell". */
const IN = new RegExp(
  String.raw`\b${MEAN}(?:presyn(?:aptic)?|pre|upstream|input)\s+${NAME}${CELLS}${EACH}${END}`,
  "gi",
);
/** "mean # postsyn 23P targets per BC", "avg number of downstream 23P cells of a BC". */
const OUT = new RegExp(
  String.raw`\b${MEAN}(?:postsyn(?:aptic)?|post|downstream|output)\s+${NAME}${CELLS}${EACH}${END}`,
  "gi",
);

/**
 * "avg # distinct presyn 5P-IT per 5P-ET cell": the mean, over the cells named last, of how many distinct cells
 * of the first kind are their partners on the side said; read as "on average, how many distinct 5P-IT cells
 * synapse onto each 5P-ET cell", which the reader knows. (It had been asked back as "input or output synapses?".)
 */
export function meanPartnersPerCell(p: Prepared): Prepared {
  const text = p.text
    .replace(
      IN,
      (_, kind: string, cell: string) => `on average, how many distinct ${kind} cells synapse onto each ${cell} cell`,
    )
    .replace(
      OUT,
      (_, kind: string, cell: string) => `on average, how many distinct ${kind} cells does each ${cell} synapse onto`,
    );
  return text === p.text ? p : { ...p, text };
}
