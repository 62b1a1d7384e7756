import type { Prepared } from "./prepare.js";

const UM = String.raw`(?:µm|um|μm|microns?)`;
const LAYER = String.raw`L\d(?:/\d)?[ab]?`;

/**
 * Ways of saying a depth or a set of layers that the reader's words do not cover, said again in its words:
 * - "deeper then 600 µm", "more then 50": "then" after a comparative is "than";
 * - "in the top 200 µm of cortex", "within 200 µm of the pia": shallower than 200 µm;
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
  [new RegExp(String.raw`\b(${LAYER})\s*\+\s*(${LAYER})\b`, "g"), "$1 and $2 together"],
];

export function depthPhrases(p: Prepared): Prepared {
  let text = p.text;
  for (const [re, to] of REWRITES) text = text.replace(re, to);
  return text === p.text ? p : { ...p, text };
}
