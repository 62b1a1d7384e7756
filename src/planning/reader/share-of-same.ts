import type { Prepared } from "./prepare.js";
import { SHARE_WORD } from "./share-of-head.js";

/*
 * "coreg cells by area, % of all coreg", "BC per layer, as a share of all BCs": the whole said last is the cells
 * said first, so each group's share is of those cells (a composition), said the way the reader knows it: "share
 * of coreg cells per area". It had been read as the share of each area's cells that are coregistered.
 */

// ("… % of all coreg pls": a please or thanks after the whole.)
const THANKS = String.raw`(?:[,;]?\s*(?:pls|plz|please|thx|thanks|ty|cheers)\b\s*)*`;
const GROUP = String.raw`(area|layer|cell\s+type|type|class|m-?type|subclass|strategy)s?`;
const SAME_LATER = new RegExp(
  String.raw`^\s*(?!what\b|how\b|which\b)([^,:;?]+?)\s+(?:by|per|in\s+each|for\s+each|across(?:\s+the)?)\s+${GROUP}` +
    String.raw`\s*[,:;–—-]?\s*(?:as\s+(?:a\s+|the\s+)?)?${SHARE_WORD}\s+` +
    String.raw`(?:of|out\s+of)\s+(?:all\s+|every\s+)?(?:the\s+)?([^,:;?()]+?)\s*(\([^()]*\))?\s*${THANKS}([?.!]*)\s*$`,
  "i",
);

const DENOMINATOR =
  /^\(\s*(?:denom(?:inator)?\s*(?:=|:|is)\s*(.+?)|(.+?)\s+as\s+(?:the\s+)?(?:denominator|100\s*%))\s*\)$/i;

/** The cells a phrase names, for comparing two sayings of them: "coreg cells" and "all coregistered nuclei". */
function cellsSaid(s: string): string {
  return s
    .toLowerCase()
    .replace(/\b(?:all|every|the|of|cells?|neurons?|nuclei|nucleus|ones|roots?)\b/g, " ")
    .replace(/\bcoreg\w*/g, "coreg")
    .replace(/\b(\w{2,}?)s\b/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

export function shareOfSame(p: Prepared): Prepared {
  const m = SAME_LATER.exec(p.text);
  if (!m) return p;
  const [, cells, group, whole, said, end] = m;
  const per = `per ${group!.replace(/\s+/g, " ")}`;
  // ("(denominator = all coregistered nuclei)": the whole said once more.)
  const again = said && DENOMINATOR.exec(said);
  const bracket = said && !(again && cellsSaid(again[1] ?? again[2]!) === cellsSaid(whole!)) ? ` ${said}` : "";
  // ("BC by layer, % of all cells": each layer's cells are the whole, as in "% of cells that are BC per layer".)
  if (/^(?:cells|neurons|nuclei)$/i.test(whole!.trim()))
    return { ...p, text: `% of ${whole!.trim()} that are ${cells!.trim()} ${per}${bracket}${end || "?"}` };
  if (!cellsSaid(cells!) || cellsSaid(cells!) !== cellsSaid(whole!)) return p;
  return { ...p, text: `share of ${cells!.trim()} ${per}${bracket}${end || "?"}` };
}
