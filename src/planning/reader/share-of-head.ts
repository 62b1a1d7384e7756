import { TYPE_DIMS } from "../type-check.js";
import type { Prepared } from "./prepare.js";
import { namedIn, namesOf, type Name } from "./words.js";

/** A word asking for a share: "%", "fraction", "proportion". */
export const SHARE_WORD = String.raw`(?:%|pct|percent(?:age)?|fraction|share|proportion)`;
const SHARE = `(${SHARE_WORD})`;
/** The cells said first: a few words, no question word and no "of" (which would say a whole of its own). */
const HEAD = String.raw`((?:(?!\b(?:what|how|which|who|where|of)\b)[^?:;,])+?)`;
const HAVING = String.raw`(?:w/|with|having|that\s+have|which\s+have|who\s+have)`;
const COND = String.raw`([^?:;,]+?)`;
const SEP = String.raw`\s*[,:;–—-]+\s*`;
const END = String.raw`(\s*[?.!]*)$`;

/** "BPC w/ m-type ITC, % of BPC", "inh neurons w/ nuc vol > 250 µm³, % of inh": the whole said again last. */
const OF_HEAD = new RegExp(
  // ("what % of BPC w/ m-type ITC, % of BPC": the share may be said before the cells too.)
  String.raw`^(?:what\s+${SHARE_WORD}\s+of\s+)?${HEAD}\s+${HAVING}\s+${COND}${SEP}(?:what\s+)?${SHARE}\s+(?:of|out\s+of)\s+(?:all\s+)?(?:the\s+)?` +
    String.raw`([^?]+?)${END}`,
  "i",
);
/** "23P w/ func data: % with gOSI > 0.2": the whole is the cells said first, with what was said of them. */
const WITH_MORE = new RegExp(
  String.raw`^${HEAD}\s+${HAVING}\s+${COND}${SEP}(?:what\s+)?${SHARE}\s+${HAVING}\s+([^?]+?)${END}`,
  "i",
);
/** "Among the 4P cells, the ones with over 60 inputs: what percent of all 4P cells is that?" */
const AMONG_THEN = new RegExp(
  String.raw`^among\s+(?:the\s+|all\s+)?${HEAD}${SEP}(?:the\s+ones|those|the\s+cells|the\s+neurons)\s+${HAVING}\s+` +
    String.raw`${COND}${SEP}what\s+${SHARE}\s+of\s+(?:all\s+)?(?:the\s+)?([^?]+?)\s+(?:is|are)\s+(?:that|those|they)` +
    END,
  "i",
);

const isKind = (n: Name) => n.tag.t === "val" && TYPE_DIMS.includes(String(n.tag.dim));

/**
 * The whole names the cells said first: every kind it names is one of theirs ("inh" of "inh neurons", "L4 pyramidal"
 * of "4P"); a place it adds ("% of BPC in V1") narrows the whole.
 */
function sameCells(head: string, whole: string): boolean {
  const said = namesOf(whole);
  const first = namesOf(head);
  return said.some((n) => namedIn(n, first)) && said.filter(isKind).every((n) => namedIn(n, first));
}

/**
 * What the whole says beyond the cells' names ("… , % of inh per layer", "… , % of inh with soma deeper than
 * 300 µm"): kept, beside the cells or last for a grouping; it had been dropped with the whole said again.
 */
function shareOf(share: string, head: string, cond: string, whole: string, end: string): string {
  let more = whole;
  const first = namesOf(head);
  for (const n of namesOf(whole)) if (namedIn(n, first)) more = more.replace(n.text, " ");
  more = more.replace(/\s+/g, " ").replace(LEADING_CELL_WORDS, "").trim();
  if (GROUPING.test(more)) return `what ${share} of ${head.trim()} have ${cond.trim()} ${more}${end}`;
  return `what ${share} of ${head.trim()}${more ? ` ${more}` : ""} have ${cond.trim()}${end}`;
}

const LEADING_CELL_WORDS = /^(?:\s*\b(?:cells?|neurons?|ones|the|all|of|them|those)\b)+/i;
const GROUPING = /^(?:per|by|for\s+each|in\s+each|for\s+every|in\s+every|across)\b/i;

/**
 * A share whose whole is the cells said first, said again after the share word: "what % of <cells> have
 * <condition>". The condition had been read as the whole and the cells as the part ("BPC w/ m-type ITC, % of
 * BPC" was the share of ITC cells that are BPC). Only when the whole names the same cells as the head.
 */
export function shareOfHead(p: Prepared): Prepared {
  const text = p.text;
  const of = OF_HEAD.exec(text);
  if (of && sameCells(of[1]!, of[4]!)) return said(p, shareOf(of[3]!, of[1]!, of[2]!, of[4]!, of[5]!));
  const more = WITH_MORE.exec(text);
  if (more)
    return said(p, `what ${more[3]} of ${more[1]!.trim()} with ${more[2]!.trim()} have ${more[4]!.trim()}${more[5]}`);
  const among = AMONG_THEN.exec(text);
  if (among && sameCells(among[1]!, among[4]!))
    return said(p, shareOf(among[3]!, among[1]!, among[2]!, among[4]!, among[5]!));
  return p;
}

const said = (p: Prepared, text: string): Prepared => ({ ...p, text });
