import type { Prepared } from "./prepare.js";

/** Cells named in the plural, as a noun "those" or "the ones" can stand for. */
const CELLS =
  String.raw`(?:(?:excitatory|inhibitory|pyramidal)\s+)?` +
  String.raw`(?:neurons|interneurons|cells|\d{1,2}Ps|BCs|MCs|BPCs|NGCs)`;
/** The cells, what is said of them, "and", then "those"/"the ones" before what is said of the second set. */
const SAID = new RegExp(
  String.raw`\b(${CELLS})(\s+(?:with|in|from|whose|that)\b[^,;:?!.]*?\band\s+)` +
    String.raw`(?:those|the\s+ones)(?=\s+(?:in|with|from|whose|that)\b)`,
  "gi",
);

/**
 * "neurons with somata in L2/3 as targets and those in L4 as sources": "those" is the cells named before it
 * ("neurons"), said again so that what they are goes with the second set too. (The second set had been any cell in
 * L4, and a connection probability from L4 had counted its glia as possible sources.)
 */
export function thoseOnes(p: Prepared): Prepared {
  const text = p.text.replace(SAID, (_m, cells: string, between: string) => `${cells}${between}${cells}`);
  return text === p.text ? p : { ...p, text };
}
