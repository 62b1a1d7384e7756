import type { Prepared } from "./prepare.js";

/*
 * Bounds whose words come after what they bound: "a size of 4000 or more" is a size of at least 4000 (read as a
 * size of exactly 4000, then "or more" left over); "5 or more synapses in total from MCs" is 5 or more synapses
 * from MCs in total (the "in total" between the count and "from" had kept the MCs from being the count's partners,
 * and the 23P cells were read as MCs).
 */

const NUMBER = String.raw`(\d[\d,]*(?:\.\d+)?)`;
const UNIT = String.raw`(\s*(?:µm³|um³|um3|µm|um|microns?|voxels?|vox|nm|°|degrees?))?`;
const OF_OR_MORE = new RegExp(
  String.raw`\b(of|is|=)\s+${NUMBER}${UNIT}\s+or\s+` +
    String.raw`(more|greater|higher|above|larger|bigger|over|less|fewer|lower|below|smaller|under)\b` +
    // (Said last, not of a noun after it: "a threshold of 3 or more synapses" is read as it is.)
    String.raw`(?=\s*(?:[,;:?.!)]|$|\band\b))`,
  "gi",
);
const ABOVE = /^(more|greater|higher|above|larger|bigger|over)$/i;

const COUNT =
  String.raw`((?:at least |at most |more than |fewer than |less than |over |under |>=?\s*|<=?\s*|≥\s*|≤\s*)?` +
  String.raw`\d[\d,]*(?:\s+or\s+(?:more|fewer|less))?\s+(?:synapses?|syns?|inputs?|outputs?|connections?|partners?))`;
const IN_TOTAL_BEFORE = new RegExp(
  String.raw`${COUNT}\s+(in total)\s+((?:from|onto|to|into)\s+[^,;:?.!]+?)(?=\s*(?:[,;:?.!]|$))`,
  "gi",
);

/** "w/ >=4 syn total onto 23P": the count's "total" said bare after it is "in total". */
const BARE_TOTAL = new RegExp(String.raw`${COUNT}\s+(?:total|tot\.?|summed)(?=\s+(?:from|onto|to|into)\b)`, "gi");

export function boundsSaidAfter(p: Prepared): Prepared {
  const text = p.text
    .replace(BARE_TOTAL, "$1 in total")
    .replace(
      OF_OR_MORE,
      (_, of: string, n: string, unit: string | undefined, more: string) =>
        `${of} ${ABOVE.test(more) ? "at least" : "at most"} ${n}${unit ?? ""}`,
    )
    .replace(IN_TOTAL_BEFORE, (_, count: string, total: string, rest: string) => `${count} ${rest} ${total}`);
  return text === p.text ? p : { ...p, text };
}
