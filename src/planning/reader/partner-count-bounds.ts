import type { Prepared } from "./prepare.js";

const BOUND =
  String.raw`((?:more\s+than|over|above|at\s+least|fewer\s+than|less\s+than|under|below|at\s+most|` +
  String.raw`>=|<=|>|<|≥|≤)\s*\d+)`;
const DISTINCT = String.raw`(?:(?:distinct|different|unique)\s+)?`;
// (A kind of cell, not a word about the synapses: "with at least 3 syn targets", "strong targets".)
const NOT_WORDS =
  "syn|syns|synapses?|strong|weak|big|large|small|connected|total|output|input|such|of|distinct|different|unique|" +
  "post|pre|postsyn\\w*|presyn\\w*|downstream|upstream|other|more|their|its|the|all|any";
const NOT_KIND = String.raw`(?!(?:${NOT_WORDS})\b)`;
const TYPE = String.raw`${NOT_KIND}([A-Za-z0-9][\w/-]*?)s?`;
/** "BCs with more than 30 distinct 23P targets", "… that have at least 3 BC presynaptic partners". */
const TYPED_TARGETS = new RegExp(
  String.raw`\b(?:have|has|having|with|w\/)\s+${BOUND}\s+${DISTINCT}${TYPE}\s+` +
    String.raw`(?:targets|post-?syn(?:aptic)?\s+partners|downstream\s+partners|output\s+partners)\b`,
  "gi",
);
const TYPED_SOURCES = new RegExp(
  String.raw`\b(?:have|has|having|with|w\/)\s+${BOUND}\s+${DISTINCT}${TYPE}\s+` +
    String.raw`(?:sources|pre-?syn(?:aptic)?\s+partners|upstream\s+partners|input\s+partners)\b`,
  "gi",
);
/** "23P cells (that are) innervated by more than 3 BCs". */
const REACHED_BY = new RegExp(
  String.raw`\b(?:are\s+|is\s+|that\s+are\s+)?(?:innervated|contacted|targeted)\s+by\s+` +
    String.raw`${BOUND}\s+${DISTINCT}${TYPE}\b` +
    String.raw`(?:\s+(?:cells|neurons))?`,
  "gi",
);

/**
 * Cells kept by how many partners of one kind they have: "BCs with more than 30 distinct 23P targets", "23P cells
 * with at least 3 BC presynaptic partners", "23P cells innervated by more than 3 BCs". Said as the reader reads a
 * bound on a cell's partners of a kind: "that contact more than 30 different 23P cells", "that receive input from at
 * least 3 different BC cells". (They had been asked back.)
 */
export function partnerCountBounds(p: Prepared): Prepared {
  const text = p.text
    .replace(TYPED_TARGETS, (_all, bound: string, type: string) => `that contact ${bound} different ${type} cells`)
    .replace(
      TYPED_SOURCES,
      (_all, bound: string, type: string) => `that receive input from ${bound} different ${type} cells`,
    )
    .replace(
      REACHED_BY,
      (_all, bound: string, type: string) => `that receive input from ${bound} different ${type} cells`,
    );
  return text === p.text ? p : { ...p, text };
}
