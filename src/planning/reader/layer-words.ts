import type { Prepared } from "./prepare.js";

/** A layer by name: "L5", "L2/3", "layer 4", "L6a". */
export const LAYER = String.raw`(?:L|layer[- ]?)\d(?:\/\d)?[ab]?`;

// "pyramid cells in layer 2/3", "pyramidal neurons in L4": the types named by their layer ("23P", "4P"), as
// "layer 2/3 pyramidal cells" are; not a layer by depth, unless depth is said.
const PYRAMIDAL_IN = new RegExp(
  String.raw`\b(?:pyramid(?:al)?|pyr)\s+(cells?|neurons?)\s+(?:in|of|from)\s+(?:the\s+)?(?:L|layer[- ]?)\s*` +
    String.raw`(2\/3|2-3|23|4|5|6)\b(?!\s*\(?\s*(?:by\s+|soma\s+)?depth)`,
  "gi",
);

// "BC count per layer (L1..L6)", "Per layer (L1, L2/3, L4, L5, L6):", "% per layer (L1–L6 + WM)", "per area (V1, RL,
// AL, LM)": every layer (or area) listed after a grouping by it names the groups again (only all of them: "per layer
// (L2/3, L4)" is left for the reader to narrow).
const LISTED_AFTER_GROUPING = new RegExp(
  String.raw`\b((?:per|by|each|every|across|for each)\s+(?:cortical\s+|visual\s+|brain\s+)?(layers?|areas?))` +
    String.raw`\s*(?:\(([^()]*)\)|[—–]\s*([^—–()]*?)\s*[—–]|:\s*([^:;?()]*?)\s*(?=[:;?]|$))`,
  "gi",
);
const LAYERS = ["L1", "L2/3", "L4", "L5", "L6"];
const AREAS = ["V1", "RL", "AL", "LM"];
const RANGE = /^L?(\d)\s*(?:\.\.\.?|…|-|–|to|through)\s*L?(\d)$/i;

/** The layers or areas a list names ("L1–L6 + WM", "L1, L2/3, L4, L5, L6 and white matter"), or none. */
function namedInList(list: string, layers: boolean): Set<string> | undefined {
  const named = new Set<string>();
  // ("L1–L6 + WM" is "L1–L6 and WM together" by now: together, the groups are still each layer.)
  for (const part of list
    .replace(/\s+together\s*$/i, "")
    .split(/\s*(?:,|\+|&|\band\b)\s*/i)
    .filter(Boolean)) {
    const range = RANGE.exec(part);
    const name = part
      .replace(/^layer\s*/i, "L")
      .toUpperCase()
      .replace(/^L23$/, "L2/3")
      .replace(/^L6[AB]$/, "L6");
    if (layers && range)
      LAYERS.filter((l) => +l[1]! >= +range[1]! && +l[1]! <= +range[2]!).forEach((l) => named.add(l));
    else if (layers && /^(WM|WHITE MATTER)$/.test(name)) named.add("WM");
    else if ((layers ? LAYERS : AREAS).includes(name)) named.add(name);
    else return undefined;
  }
  return named;
}

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

// "V1 / RL / AL / LM: per-cell mean of …": every area listed first, before a colon, is a grouping by area.
// (Only said with slashes: "V1, RL, AL, LM: the share …" is read as it was.)
const EVERY_AREA_FIRST = /^\s*((?:V1|RL|AL|LM)(?:\s*\/\s*(?:V1|RL|AL|LM)){3})\s*:\s*/i;

/** Every layer (or area) listed after a grouping by it, dropped (before "Per layer (…), X" is turned round). */
export function everyLayerListed(p: Prepared): Prepared {
  const first = EVERY_AREA_FIRST.exec(p.text);
  const areas = new Set(first?.[1]!.toUpperCase().match(/V1|RL|AL|LM/g) ?? []);
  const said = areas.size === 4 ? p.text.replace(EVERY_AREA_FIRST, "per area: ") : p.text;
  // (The list in brackets, between dashes, or after a colon up to the next: "Per visual area — V1, RL, AL, LM —".)
  const text = said.replace(
    LISTED_AFTER_GROUPING,
    (all, grouping: string, dim: string, bracketed?: string, dashed?: string, colon?: string) => {
      const layers = /^layer/i.test(dim);
      const named = namedInList(bracketed ?? dashed ?? colon ?? "", layers);
      const kept = dashed !== undefined ? `${grouping},` : colon !== undefined ? `${grouping}:` : grouping;
      return named && (layers ? LAYERS : AREAS).every((v) => named.has(v)) ? kept : all;
    },
  );
  return text === p.text ? p : { ...p, text };
}

const SOMA = String.raw`(?:somas?|somata|cell bod(?:y|ies)|nucle(?:us|i))`;
const SITS = String.raw`(?:(?:is|are|sits?|lies?|located|being)\s+)*`;
/** "neurons with L4 somata", "cells with a layer 5 soma": the layer their somata are in. */
const LAYER_SOMATA = new RegExp(
  String.raw`\bwith\s+(?:an?\s+|their\s+)?(L\d(?:\/\d)?|layers?\s+\d(?:\/\d)?)[\s-]+${SOMA}(?![\w-])`,
  "gi",
);
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
    .replace(LAYER_SOMATA, "in $1")
    .replace(/\b(L\d(?:\/\d)?)-(?:somas?|somata)(?![\w-])/gi, "$1")
    .replace(SOMA_DEPTH, "");
  return { ...p, text };
}

// ("rank layers 2/3, 4 and 5", "BCs in layers 4 and 5": the numbers after "layers" are each a layer.)
const LAYERS_NUMBERED =
  /\blayers\s+(\d(?:\/\d)?[ab]?(?:\s*,\s*\d(?:\/\d)?[ab]?)*)(\s*,?\s*(?:and|or|&)\s+)(\d(?:\/\d)?[ab]?)\b/gi;

/** "layers 2/3, 4 and 5": said as "L2/3, L4 and L5", names the lexicon knows. */
export function layersNumbered(p: Prepared): Prepared {
  const text = p.text.replace(LAYERS_NUMBERED, (_all, first: string, and: string, last: string) => {
    const named = first.split(/\s*,\s*/).map((n) => `L${n}`);
    return `${named.join(", ")}${and}L${last}`;
  });
  return text === p.text ? p : { ...p, text };
}

/** "by the layer of the target's soma", "the source cell's layer": the layer of one side. */
const LAYER_OF_SIDE = new RegExp(
  String.raw`\b(?:the\s+)?(?:(?:visual|cortical|brain|soma)\s+)?(layer|area)\s+of\s+(?:the\s+|each\s+)?` +
    String.raw`(targets?|sources?|postsynaptic|presynaptic|post|pre)` +
    String.raw`(?:\s+(?:cells?|neurons?|partners?|side))?(?:'s|’s|s'|s’)?(?:\s+(?:soma|somata|cell\s+body|nucleus))?\b`,
  "gi",
);

const BY_THE_SIDE = /\b(by|per)\s+the\s+((?:pre|post)synaptic\s+(?:layer|area|cell\s+type|type|m-type|mtype))\b/gi;

/** Said as "postsynaptic layer" ("by the layer of the target's soma: L2/3, …" had put the list on the source). */
export function layerOfSide(p: Prepared): Prepared {
  const text = p.text
    .replace(LAYER_OF_SIDE, (_all, dim: string, side: string) => {
      const pre = /^(source|pre)/i.test(side);
      return `${pre ? "presynaptic" : "postsynaptic"} ${dim.toLowerCase()}`;
    })
    // ("BC outputs by the postsynaptic layer": "the" had made the layer a set of cells, and BC the targets.)
    .replace(BY_THE_SIDE, "$1 $2");
  return text === p.text ? p : { ...p, text };
}

/** "L1-L5", "L1 to L5", "layers 1-5", "layers 2 through 5": a range of layers, each by its number. */
const LAYER_RANGE =
  /\b(?:L(\d)\s*(?:-|–|to|through|thru)\s*L(\d)|layers\s+(\d)\s*(?:-|–|to|through|thru)\s*(\d))(?![\w/])/gi;
const LAYER_OF_NUMBER = ["", "L1", "L2/3", "L2/3", "L4", "L5", "L6"];

/** "per layer, L1-L5": said as "L1, L2/3, L4 and L5". ("L2-3" is L2/3 itself, left as said.) */
export function layerRanges(p: Prepared): Prepared {
  const text = p.text.replace(LAYER_RANGE, (all, a1?: string, b1?: string, a2?: string, b2?: string) => {
    const [a, b] = [Number(a1 ?? a2), Number(b1 ?? b2)];
    if (!(a >= 1 && b <= 6 && a < b)) return all;
    const names = [...new Set(LAYER_OF_NUMBER.slice(a, b + 1))];
    return names.length < 2 ? all : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
  });
  return text === p.text ? p : { ...p, text };
}

/*
 * "L4 and L2/3 pyramidal neurons", "layer 5 and layer 6 IT cells": layers listed before one name of a type share
 * it, "L4 pyramidal and L2/3 pyramidal neurons". They had been read as the last type in the first layer (23P cells
 * with the soma in L4), a group that looks like an answer.
 */
const LAYER_NAME = String.raw`(?:L|layer\s*)(?:2\/3|23|1|2|3|4|5|6)\b`;
const SHARED_NAME = new RegExp(
  String.raw`\b(${LAYER_NAME}(?:\s*(?:,|and|&|or|\/)\s*${LAYER_NAME})*)\s*(?:,\s*)?(?:and|&|or|\/)\s*` +
    String.raw`(${LAYER_NAME})\s+(pyramidal|pyramids?|pyr|IT|ET|NP|CT|stellate|intratelencephalic|thick-tufted|` +
    String.raw`corticothalamic|near-projecting)(?![\w-])`,
  "gi",
);

export function layersShareName(p: Prepared): Prepared {
  const text = p.text.replace(SHARED_NAME, (_all, first: string, last: string, name: string) => {
    const layers = [...first.split(/\s*(?:,|and|&|or|\/)\s*(?=L|layer)/i), last].map((l) => `${l.trim()} ${name}`);
    return `${layers.slice(0, -1).join(", ")} and ${layers.at(-1)!}`;
  });
  return text === p.text ? p : { ...p, text };
}
