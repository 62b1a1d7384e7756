import type { Prepared } from "./prepare.js";

/*
 * "where the pre is a BC and the post is a 23P", "where a 23P cell is the target and a BC is the source", "BC the
 * source, 23P the target": each side of the synapses named beside its cells, said as the adjective the reader
 * reads everywhere ("with presynaptic BC and postsynaptic 23P"). "the pre is a BC" had been read as "upstream of
 * BC", the sides swapped; "BC the source" as BC's sources; "23P is the target" left 23P without a side.
 */

const PRE = String.raw`pre|presynaptic|pre-synaptic|source|upstream`;
const POST = String.raw`post|postsynaptic|post-synaptic|target|downstream`;
const NOUN = String.raw`\s+(?:cell|neuron|partner|side|one|root)s?\b`;
const SIDE = String.raw`(${PRE}|${POST})s?\b(?:${NOUN})?`;
/** The side's adjective: "pre", "source", "upstream" are "presynaptic"; the others "postsynaptic". */
const PRE_WORD = new RegExp(`^(?:${PRE})$`, "i");
const adjective = (word: string) => (PRE_WORD.test(word) ? "presynaptic" : "postsynaptic");

/** Where a side's condition may begin, and end. */
const BEGIN = String.raw`(^|\bwhere\b|\bwhen\b|\bwith\b|\band\b|,|:|;)\s*(?:a\s+|an\s+)?`;
const END = String.raw`(?=\s*(?:[,;:?.!]|\band\b|$))`;
/** The cells named: one to five words, none a function word, and not a noun of cells (or of a field) alone. */
const STOP =
  String.raw`vs|versus|is|are|and|or|where|when|the|being|as|of|to|onto|from|for|in|on|at|by|per|with|that|` +
  String.raw`which|not|both|either|neither|each|all|only|meaning`;
const WORD = String.raw`(?!(?:${STOP})\b)[^\s,;:?()]+`;
const FIELD = String.raw`cells?|neurons?|partners?|ones?|sides?|roots?|types?|ids?|counts?|numbers?|sizes?`;
const WHO = String.raw`(?!(?:${FIELD})\b)(${WORD}(?:\s+${WORD}){0,4})`;

// "where the pre is a BC", "the targets are 23P cells"
const SIDE_IS = new RegExp(
  String.raw`(\bwhere\s+|\bwhen\s+)?\bthe\s+${SIDE}\s+(?:is|are)\s+(?!the\b|of\b|to\b|a fragment\b)(?:a\s+|an\s+)?`,
  "gi",
);
// "a 23P cell is the target", ", BC is the source"
const IS_SIDE = new RegExp(`${BEGIN}${WHO}\\s+(?:is|are)\\s+the\\s+${SIDE}${END}`, "gi");
// "where BC is the source and 23P the target": the second side said with its "is" left out.
const AND_SIDE = new RegExp(`\\band\\s+(?:a\\s+|an\\s+)?${WHO}\\s+the\\s+${SIDE}${END}`, "gi");
// "BC the source, 23P the target: …", "BC being the source": the side said beside the cells, with no "is".
const BESIDE = new RegExp(`${BEGIN}${WHO}\\s+(?:being\\s+)?the\\s+${SIDE}${END}`, "gi");
// "with the presynaptic cell BC and the postsynaptic cell 23P": the side, then the cells, with no "is".
// (The noun said: "the presynaptic basket cell and the postsynaptic 23P cell are both in V1" is of those cells.)
const SIDE_THEN = new RegExp(`\\bthe\\s+(${PRE}|${POST})s?${NOUN}\\s+${WHO}${END}`, "gi");
// "post = 23P w/ soma in V1, pre = any BC": a side set equal to cells.
const SIDE_EQUALS = new RegExp(String.raw`\b(${PRE}|${POST})(?:${NOUN})?\s*(?:=|:=|==)\s*(?:any\s+)?`, "gi");

// ("where …", "when …" and "with …" begin the condition as "with"; a comma or "and" stays as it is.)
const lead = (before: string) => (/^(where|when|with)$/i.test(before) ? "with " : before ? `${before} ` : "");

/** "both the pre and the post cell …": both sides at once, read as such elsewhere. */
const JOINT = /\b(?:pre|presynaptic)(?:\s+(?:cell|neuron)s?)?\s+(?:and|&|\/)\s+(?:the\s+)?(?:post|postsynaptic)\b/i;

export function sidesNamed(p: Prepared): Prepared {
  if (JOINT.test(p.text)) return p;
  const said = IS_SIDE.test(p.text);
  IS_SIDE.lastIndex = 0;
  const text = (said ? p.text.replace(AND_SIDE, (_, who: string, word: string) => `and ${who} is the ${word}`) : p.text)
    .replace(IS_SIDE, (_, before: string, who: string, word: string) => `${lead(before)}${adjective(word)} ${who}`)
    .replace(BESIDE, (_, before: string, who: string, word: string) => `${lead(before)}${adjective(word)} ${who}`)
    .replace(SIDE_THEN, (_, word: string, who: string) => `${adjective(word)} ${who}`)
    .replace(SIDE_IS, (_, before: string | undefined, word: string) => `${before ? "with " : ""}${adjective(word)} `)
    .replace(SIDE_EQUALS, (_, word: string) => `${adjective(word)} `);
  return text === p.text ? p : { ...p, text };
}
