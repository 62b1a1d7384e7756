import type { Prepared } from "./prepare.js";

/*
 * "% of input syn from inhibitory neurons: 5P-ET vs 23P", "fraction of inputs from BC, 23P vs 4P": the sets
 * compared, said after a share, own the share's whole. Said first ("5P-ET vs 23P: % of input syn from inhibitory
 * neurons"), as the reader reads a comparison that labels the question; after the share they had been taken into
 * its part, and the share cut and grouped on the same cells.
 */

const SHARE = String.raw`(?:what\s+)?(?:%|pct|percent(?:age)?|fraction|share|proportion)\s+of\b`;
const NAME = String.raw`[\w/-]+(?:\s+[\w/-]+){0,2}`;
const COMPARED = String.raw`${NAME}(?:\s*,?\s+(?:vs\.?|versus)\s+${NAME}){1,3}`;
const SHARE_THEN_COMPARED = new RegExp(
  String.raw`^\s*(${SHARE}[^:;?]+?)\s*(?::|,|\s+for)\s+(${COMPARED})\s*([?.!]*)\s*$`,
  "i",
);

export function comparedAfterShare(p: Prepared): Prepared {
  const m = SHARE_THEN_COMPARED.exec(p.text);
  if (!m) return p;
  return { ...p, text: `${m[2]!.trim()}: ${m[1]!.trim()}${m[3] ?? ""}` };
}
