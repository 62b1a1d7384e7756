import type { Item } from "./items.js";
import { FLOW_NOUN_NAMES, KIND_HEADS } from "./shape.js";

/**
 * Words whose sense depends on where they stand:
 * - "who are the top 2 inputs to X": at the start, "who are" asks a question (elsewhere, "cells who
 *   are …" begins a clause);
 * - "sd of nucleus volume across microglial cells": "across" some cells is "of" them; "across areas"
 *   is one row per area;
 * - "which of the BCs …": the cells asked for are the BCs;
 * - "the most outputs any MC has", "a single MC": see `anyOneCell`.
 */
export function questionWords(items: Item[]): Item[] {
  const first = items.find((x) => !x.fn);
  if (first && /^who (are|is)$/i.test(first.text)) {
    // ("who are the top 3 targets of X": the ranking says what is asked; "who" only opens it.)
    const next = items.slice(items.indexOf(first) + 1).find((x) => !x.fn);
    const ranked = next?.tags.some((t) => t.t === "sup" || t.t === "top" || t.t === "topk");
    first.tags = ranked ? [] : [{ t: "wh", w: "who" }];
    first.fn = Boolean(ranked);
  }
  // ("who has more inputs, 8646… or 8646…?": "who" asks which of the two named after the comma, as "which" does;
  // as a population of its own it had ranked every partner.)
  const comma = items.findIndex((x) => x.text === ",");
  if (
    first &&
    /^who$/i.test(first.text) &&
    comma > 0 &&
    items.slice(comma).some((x) => /^(or|vs\.?|versus)$/i.test(x.text))
  ) {
    first.tags = [{ t: "wh", w: "which" }];
    first.fn = true;
  }
  // ("which of the 5P-ET cells have tuning" had counted them: "which of" picks cells as "which" does.
  // The words between are dropped so that "which" stands before the cells, as in "which 5P-ET cells".)
  const which = items.findIndex((x) => x.tags.some((t) => t.t === "wh" && t.w === "which"));
  if (which >= 0) {
    let k = which + 1;
    while (k < items.length && /^(ones?|of|the|these|those|all|our)$/i.test(items[k]!.text)) k++;
    const between = items.slice(which + 1, k).map((x) => x.text.toLowerCase());
    const named = items[k]?.tags.some((t) => t.t === "val" || t.t === "noun");
    if (named && between.includes("of")) items = [...items.slice(0, which + 1), ...items.slice(k)];
  }
  items.forEach((item, k) => {
    if (!/^across$/i.test(item.text)) return;
    const next = items.slice(k + 1).find((x) => !x.fn);
    const kind = next?.tags.some((t) => t.t === "noun" && KIND_HEADS.has(String(t.n)));
    if (next && !kind && next.tags.some((t) => t.t === "val")) {
      item.tags = [];
      item.fn = true;
    }
  });
  return anyOneCell(items);
}

/** Words that say one cell at a time ("a single" is "a", then "single", a function word: see anyOneCell). */
const ONE_CELL = /^(any|a|an|one|each)$/i;

/**
 * "the most outputs any MC has", "the highest number of output synapses of any MC": the most of a
 * per-cell figure over cells said one at a time is its maximum (as "max outputs of an MC"); "a single
 * MC" is an MC ("single" before a name only: "a single synapse" is exactly one).
 */
function anyOneCell(items: Item[]): Item[] {
  const content = items.filter((x) => !x.fn);
  const named = (x: Item | undefined) => Boolean(x?.tags.some((t) => t.t === "val" || t.t === "term"));
  items.forEach((item, k) => {
    if (
      /^single$/i.test(item.text) &&
      !item.tags.length &&
      /^(a|an|any|one|each|every)$/i.test(items[k - 1]?.text ?? "")
    ) {
      if (named(items[k + 1])) item.fn = true;
    }
  });
  const at = content.findIndex((x) => x.tags.some((t) => t.t === "sup" && t.count));
  const noun = content[at + 1];
  const flows = noun?.tags.some((t) => t.t === "noun" && FLOW_NOUN_NAMES.has(String(t.n)));
  if (at < 0 || !flows || content.slice(0, at).some((x) => x.tags.some((t) => ["val", "term", "wh"].includes(t.t))))
    return items;
  const k = items.indexOf(noun!);
  const rest = items.slice(k + 1).filter((x) => !/^(of|by|from|onto|to)$/i.test(x.text));
  const one = rest.findIndex((x) => ONE_CELL.test(x.text));
  const cells = rest.slice(one + 1).find((x) => !x.fn);
  if (one < 0 || !named(cells) || rest.slice(0, one).some((x) => !x.fn)) return items;
  const sup = content[at]!.tags.find((t) => t.t === "sup")!;
  content[at]!.tags = [{ t: "stat", fn: sup.dir === "asc" ? "min" : "max" }];
  return items;
}
