import type { Prepared } from "./prepare.js";

/**
 * "appear more than once in the coregistration table", "imaged in multiple scans": a cell matched in more
 * than one two-photon scan (one coregistration row per scan unit), which the reader reads as a threshold.
 */
export function severalScans(p: Prepared): Prepared {
  const text = p.text
    .replace(
      /\b(?:appears?|are|is|shows?\s+up|occurs?)\s+more\s+than\s+once\s+in\s+the\s+coregistration(?:\s+table)?\b/gi,
      "are matched in more than one scan",
    )
    .replace(/\bin\s+(?:multiple|several)\s+(?:(?:imaging|two-photon|2p)\s+)?scans\b/gi, "in more than one scan")
    // ("nuclei (that) have more than one match (in the coregistration table)": one per scan unit.)
    .replace(
      /\b(?:have|has|with)\s+more\s+than\s+one\s+(?:coregistration\s+)?match(?:es)?\b/gi,
      "matched in more than one scan",
    );
  return text === p.text ? p : { ...p, text };
}
