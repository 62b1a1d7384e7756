import type { Prepared } from "./prepare.js";

/** One name on either side of an arrow: "23P", "5P-ET", "L2/3", "PV" (never two words). */
const NAME = String.raw`([A-Za-z0-9][\w/-]*)`;
const ARROW = String.raw`\s*(?:→|->)\s*`;
const TWO_FLOWS = new RegExp(String.raw`\b${NAME}${ARROW}${NAME}\s+and\s+${NAME}${ARROW}${NAME}\b`, "g");
/** Words that pool what is listed: one total, not one row each. */
const POOLED = /\b(total|sum|summed|combined|together|altogether|overall|pooled|in all)\b/i;

/**
 * "synapses 23P→4P and 4P→23P", "mean syn size BC→23P and MC→23P": two flows listed with "and" are one
 * row each, as with "vs" (they had been read as one population both 4P and 23P). Not when a word pools them.
 */
export function twoFlows(p: Prepared): Prepared {
  if (POOLED.test(p.text)) return p;
  const text = p.text.replace(TWO_FLOWS, "$1→$2 vs $3→$4");
  return text === p.text ? p : { ...p, text };
}
