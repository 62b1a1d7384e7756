import type { Item } from "./items.js";
import { KIND_HEADS } from "./shape.js";

/**
 * Words whose sense depends on where they stand:
 * - "who are the top 2 inputs to X": at the start, "who are" asks a question (elsewhere, "cells who
 *   are …" begins a clause);
 * - "sd of nucleus volume across microglial cells": "across" some cells is "of" them; "across areas"
 *   is one row per area.
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
  items.forEach((item, k) => {
    if (!/^across$/i.test(item.text)) return;
    const next = items.slice(k + 1).find((x) => !x.fn);
    const kind = next?.tags.some((t) => t.t === "noun" && KIND_HEADS.has(String(t.n)));
    if (next && !kind && next.tags.some((t) => t.t === "val")) {
      item.tags = [];
      item.fn = true;
    }
  });
  return items;
}
