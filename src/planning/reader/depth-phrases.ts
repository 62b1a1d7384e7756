import type { Prepared } from "./prepare.js";

const UM = String.raw`(?:µm|um|μm|microns?)`;
const LAYER = String.raw`L\d(?:/\d)?[ab]?`;

/**
 * Ways of saying a depth or a set of layers that the reader's words do not cover, said again in its words:
 * - "deeper then 600 µm", "more then 50": "then" after a comparative is "than";
 * - "in the top 200 µm of cortex", "within 200 µm of the pia": shallower than 200 µm;
 * - "below 550 µm depth": deeper than 550 µm ("above": shallower);
 * - "L5+L6": L5 and L6 together (one count, not one per layer).
 */
const REWRITES: [RegExp, string][] = [
  [
    /\b(more|less|fewer|greater|larger|bigger|smaller|higher|lower|deeper|shallower|older|younger|rather|other)\s+then\b/gi,
    "$1 than",
  ],
  [
    new RegExp(
      String.raw`\b(?:with)?in\s+the\s+(?:top|upper|first|uppermost)\s+(\d+(?:\.\d+)?)\s*${UM}` +
        String.raw`(?:\s+(?:of\s+(?:the\s+)?cortex|below\s+(?:the\s+)?pia|from\s+(?:the\s+)?pia))?`,
      "gi",
    ),
    "shallower than $1 µm",
  ],
  [
    new RegExp(String.raw`\b(?:the\s+)?(?:top|upper|first)\s+(\d+(?:\.\d+)?)\s*${UM}\s+below\s+(?:the\s+)?pia\b`, "gi"),
    "shallower than $1 µm",
  ],
  [
    new RegExp(String.raw`\bwithin\s+(\d+(?:\.\d+)?)\s*${UM}\s+of\s+(?:the\s+)?(?:pia|pial\s+surface)\b`, "gi"),
    "shallower than $1 µm",
  ],
  // ("a soma below 550 um depth": below the 550 µm mark, deeper, as "cells below 550 µm" is; it had been a depth
  // below 550 as a number, the other way round.)
  [
    new RegExp(String.raw`\b(?:below|beneath)\s+(\d+(?:\.\d+)?)\s*${UM}\s+(?:of\s+)?depth\b`, "gi"),
    "deeper than $1 µm",
  ],
  [new RegExp(String.raw`\babove\s+(\d+(?:\.\d+)?)\s*${UM}\s+(?:of\s+)?depth\b`, "gi"), "shallower than $1 µm"],
  [new RegExp(String.raw`\b(${LAYER})\s*\+\s*(${LAYER})\b`, "g"), "$1 and $2 together"],
];

/** "Deeper than 300 µm below pia, how many 23P cells are down there?": "down there" is the depth said. */
const THERE = /\s+(?:down|up)\s+there\b/gi;
const DEPTH_SAID = /\b(?:deeper|shallower|below|above|beneath)\b[^?]*?\d+(?:\.\d+)?\s*(?:µm|um|μm|microns?)/i;

export function depthPhrases(p: Prepared): Prepared {
  let text = p.text;
  for (const [re, to] of REWRITES) text = text.replace(re, to);
  if (DEPTH_SAID.test(text)) text = text.replace(THERE, "");
  return text === p.text ? p : { ...p, text };
}
