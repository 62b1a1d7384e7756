import type { Prepared } from "./prepare.js";

const SHARE = String.raw`(%|pct|percent|percentage|fraction|frac|share|proportion)`;
const LEAD = String.raw`^(\s*(?:what(?:'s| is)?\s+(?:the\s+)?)?)`;
/** The cells the share is of: words up to "with", none of them a verb. */
const WHOLE = String.raw`((?:(?!\b(?:with|w\/|have|has|are|is)\b)[^,?])+?)`;
/** "% tuned cells w/ gOSI > 0.3", "frac of 23P with a proofread axon": the share, said without a verb. */
const SHARE_WITH = new RegExp(String.raw`${LEAD}${SHARE}\s+(?:of\s+)?${WHOLE}\s+(?:with|w\/)\s+`, "i");
const LATER_VERB = /\b(are|is|have|has|go|goes|come|comes|receive|receives|make|makes|land|lands|target|targets)\b/i;
/** What cells have, not synapses: where their soma is, their nucleus, their proofreading. */
const CELL_PART = /^\s*(?:an?\s+|their\s+|its\s+|the\s+)?(?:L\d|layer|soma|somata|nucle|proofread|axon|dendrite)/i;
/** "Out of all synapses 23P cells receive, …": "out of" is "of" ("out" alone is read as outputs). */
const OUT_OF = /\bout\s+of\s+(all|the|every|each)\b/gi;

/**
 * A share said as "% X with Y" is "% of X have Y", which the reader reads ("what % of tuned cells
 * have gOSI > 0.3"); "out of all …" is "of all …".
 */
export function shareWith(p: Prepared): Prepared {
  const text = p.text
    .replace(OUT_OF, "of $1")
    .replace(SHARE_WITH, (all: string, lead: string, share: string, whole: string, at: number, said: string) => {
      // ("% of the cells with a proofread axon are 23P": a verb after says which part; left as typed.)
      const rest = said.slice(at + all.length);
      if (LATER_VERB.test(rest) || /\b(from|onto|to)\b/i.test(rest)) return all;
      // ("% of 23P inputs from neurons with somata in L4": "with" says which cells send them, not a share of havers.)
      // (Not "% syn onto MC w/ size > 5000": a size is the synapses'.)
      if (/\b(from|onto|to|into|by)\b|→|->/i.test(whole) && CELL_PART.test(rest)) return all;
      return `${lead}${share} of ${whole.trim()} have `;
    });
  return text === p.text ? p : { ...p, text };
}
