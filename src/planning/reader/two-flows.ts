import type { Prepared } from "./prepare.js";

/** One name on either side of an arrow: "23P", "5P-ET", "L2/3", "PV" (never two words). */
const NAME = String.raw`([A-Za-z0-9][\w/-]*)`;
const ARROW = String.raw`\s*(?:→|->)\s*`;
const TWO_FLOWS = new RegExp(String.raw`\b${NAME}${ARROW}${NAME}\s+and\s+${NAME}${ARROW}${NAME}\b`, "g");
/** "from 23P to 4P cells, and how many from 4P to 23P": the same two named, the other way round. */
const BACK = new RegExp(
  String.raw`\bfrom\s+${NAME}(?:\s+cells)?\s+(?:to|onto)\s+${NAME}(?:\s+cells)?\s*,?\s+and\s+how\s+many\s+` +
    String.raw`(?:go\s+|are\s+there\s+|are\s+)?from\s+${NAME}(?:\s+cells)?\s+(?:to|onto)\s+${NAME}(?:\s+cells)?\b`,
  "gi",
);
/** Words that pool what is listed: one total, not one row each. */
const POOLED = /\b(total|sum|summed|combined|together|altogether|overall|pooled|in all)\b/i;

/**
 * "synapses 23P→4P and 4P→23P", "mean syn size BC→23P and MC→23P": two flows listed with "and" are one
 * row each, as with "vs" (they had been read as one population both 4P and 23P). Not when a word pools them.
 */
export function twoFlows(p: Prepared): Prepared {
  if (POOLED.test(p.text)) return p;
  // ("How many synapses go from 23P to 4P, and how many from 4P to 23P?": both directions, one row each.)
  const back = (all: string, a: string, b: string, c: string, d: string) =>
    a.toLowerCase() === d.toLowerCase() && b.toLowerCase() === c.toLowerCase() ? `${a}<->${b}` : all;
  const text = p.text.replace(TWO_FLOWS, "$1→$2 vs $3→$4").replace(BACK, back);
  return text === p.text ? p : { ...p, text };
}
