import type { Prepared } from "./prepare.js";
import { namedIn, namesOf } from "./words.js";

/*
 * "Of all the L5 IT cells, how many have had their axon proofread? As a percent of the L5 IT cells, please.": a
 * count asked first and a sentence after it that asks for it as a share of the same cells is that share, "what
 * percent of the L5 IT cells have had their axon proofread?". Other cells as the whole are left to the reader.
 */
const COUNT_THEN_SHARE = new RegExp(
  String.raw`^(.*?)\bhow\s+many\s+(.+?)\s+(have|has|are|is|receive|make|get|sit|lie|were|had)\b([^?]*)\?\s*` +
    String.raw`(?:and\s+)?(?:as|in)\s+an?\s+(percent(?:age)?|fraction|share|proportion)\s+of\s+(?:all\s+)?(?:the\s+)?` +
    String.raw`([^,.;?!()]+?)\s*(?:[,;]?\s*(?:please|pls|thanks|thx|ty)\b)?\s*[,.;!?]*\s*$`,
  "i",
);
const WORDS_OF_CELLS = /\b(?:cells?|neurons?|ones|roots?|the|of|in|all)\b/gi;

/** Both say the same cells, by their names, with nothing else named. */
function sameCells(a: string, b: string): boolean {
  const [x, y] = [namesOf(a), namesOf(b)];
  const bare = (s: string, names: typeof x) => names.reduce((t, n) => t.replace(n.text, " "), s);
  if (!x.length || bare(b, y).replace(WORDS_OF_CELLS, " ").trim()) return false;
  return x.every((n) => namedIn(n, y)) && y.every((n) => namedIn(n, x));
}

export function percentSaidAfter(p: Prepared): Prepared {
  const m = COUNT_THEN_SHARE.exec(p.text);
  if (!m) return p;
  const [, lead, cells, verb, rest, share, whole] = m;
  // ("Of all the L5 IT cells, how many have …": the cells said in the lead.)
  const said = /^of\s+(?:all\s+)?(?:the\s+)?(.+?)\s*,\s*$/i.exec(lead!)?.[1];
  const counted = /^(?:have|has|are|is|were|had)$/i.test(cells!) ? undefined : cells;
  const of = counted ?? said;
  if (!of || (counted && lead!.trim() && !said) || !sameCells(of, whole!)) return p;
  const text = `what ${share} of the ${whole!.trim()} ${counted ? "" : `${cells} `}${verb}${rest}?`;
  return { ...p, text: text.replace(/\s+/g, " ") };
}
