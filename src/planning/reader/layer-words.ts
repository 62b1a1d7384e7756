import type { Prepared } from "./prepare.js";

const LAYER = String.raw`(?:L|layer[- ]?)\d(?:\/\d)?[ab]?`;

// "pyramid cells in layer 2/3", "pyramidal neurons in L4": the types named by their layer ("23P", "4P"), as
// "layer 2/3 pyramidal cells" are; not a layer by depth, unless depth is said.
const PYRAMIDAL_IN = new RegExp(
  String.raw`\b(?:pyramid(?:al)?|pyr)\s+(cells?|neurons?)\s+(?:in|of|from)\s+(?:the\s+)?(?:L|layer[- ]?)\s*` +
    String.raw`(2\/3|2-3|23|4|5|6)\b(?!\s*\(?\s*(?:by\s+|soma\s+)?depth)`,
  "gi",
);

// "BC count per layer (L1..L6)", "Per layer (L1, L2/3, L4, L5, L6):": every layer listed after a grouping by
// layer names the groups again (only all of them: "per layer (L2/3, L4)" is left for the reader to narrow).
const EVERY_LAYER_LISTED = new RegExp(
  String.raw`\b((?:per|by|each|every|across|for each)\s+(?:cortical\s+)?layers?)\s*\(\s*(?:L1\s*(?:\.\.\.?|…|-|–|to|` +
    String.raw`through)\s*L?6|L1\s*,\s*L2\/3\s*,\s*L4\s*,\s*L5\s*,\s*(?:and\s+)?L6(?:\s*,\s*L6a\s*,\s*L6b)?)\s*\)`,
  "gi",
);

// "layer 5 extratelencephalic neurons", "layer 5 thick-tufted cells": a type whose name says its layer (5P-ET), as
// "L5 ET" is; the layer had been read as a depth too, leaving out the 5P-ET cells whose soma is not in L5 by depth.
const LAYER_OF_TYPE = new RegExp(
  String.raw`\blayer[- ]?(2\/3|4|5|6)\s+(?=(?:extratelencephalic|intratelencephalic|thick[- ]tufted|` +
    String.raw`near[- ]projecting|corticothalamic|cortico-thalamic|ET|IT|NP|CT|PT)\b)`,
  "gi",
);

/**
 * "at L4 depth", "the layer 2/3 depth range", "L4-located", "in L1 (by depth)": a layer is a range of
 * soma depths already (data/cortex_geometry.json), so these say the layer and nothing more.
 */
export function layerDepths(p: Prepared): Prepared {
  const text = p.text
    .replace(PYRAMIDAL_IN, (_, cells: string, layer: string) => `layer ${layer} pyramidal ${cells}`)
    .replace(LAYER_OF_TYPE, "L$1 ")
    .replace(
      new RegExp(String.raw`\b(at|to)\s+(${LAYER})\s+depths?(?:\s+range)?\b`, "gi"),
      (_, to: string, l: string) => (/^at$/i.test(to) ? `in ${l}` : `${to} ${l}`),
    )
    .replace(new RegExp(String.raw`\b(${LAYER})\s+depths?\s+range\b`, "gi"), "$1")
    .replace(new RegExp(String.raw`\b(${LAYER})-located\b`, "gi"), "$1")
    .replace(new RegExp(String.raw`\b(${LAYER})\s*\(by depth\)`, "gi"), "$1");
  return { ...p, text };
}

/** Every layer listed after a grouping by layer, dropped (before "Per layer (…), X" is turned round). */
export function everyLayerListed(p: Prepared): Prepared {
  const text = p.text.replace(EVERY_LAYER_LISTED, "$1");
  return text === p.text ? p : { ...p, text };
}

const SOMA = String.raw`(?:somas?|somata|cell bod(?:y|ies)|nucle(?:us|i))`;
const SITS = String.raw`(?:(?:is|are|sits?|lies?|located|being)\s+)*`;
const SOMA_IN = new RegExp(
  String.raw`\b(?:whose\s+|with\s+(?:their |its |the |a )?)${SOMA}\s+${SITS}(in|at|within)\s+`,
  "gi",
);
// "BCs whose soma is deeper than 400 µm", "BCs sitting deeper than 400 um", "with soma below 250 um": the cells' depth.
const DEPTH_WORD = String.raw`(deeper|shallower|below|above|lower|higher|more|less)\s+than|below|above|beneath`;
const SOMA_DEPTH = new RegExp(
  String.raw`\b(?:(?:whose\s+|with\s+(?:their |its |the |a )?)${SOMA}\s+${SITS}|(?:sitting|located|lying)\s+)` +
    String.raw`(?=(?:${DEPTH_WORD})\s+\d)`,
  "gi",
);

/**
 * "4P cells whose soma is in layer 4 … onto 23P cells whose soma is in layer 2/3": where a cell's
 * soma is, is where the cell is ("4P cells in layer 4"), said in the words every reader path knows.
 */
export function somaIn(p: Prepared): Prepared {
  const text = p.text
    .replace(SOMA_IN, (_, at: string) => `${at.toLowerCase() === "at" ? "in" : at} `)
    .replace(SOMA_DEPTH, "");
  return { ...p, text };
}
