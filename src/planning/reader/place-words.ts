import type { Item } from "./items.js";

/** Words between a side and its place: "the presynaptic cell body sits in V1", "post soma in LM". */
const FILLER = /^(body|bodies|soma|somata|somas|cell body|cell bodies|is|are|sits|sit|located|lies|lie|one|ones)$/i;

/**
 * "pre soma in V1, post soma in LM", "where the presynaptic neuron is in V1 and the postsynaptic one
 * in LM": a side named with a place is that place on that side, read as "from V1 onto LM".
 */
export function sidedPlaces(items: Item[]): Item[] {
  items.forEach((item, k) => {
    const side = sideOf(item);
    if (!side) return;
    let j = k + 1;
    while (j < items.length && (items[j]!.fn || FILLER.test(items[j]!.text) || isCellNoun(items[j]!))) j++;
    const rel = items[j];
    const place = items[j + 1];
    if (!rel?.tags.some((t) => t.t === "rel" && t.r === "in")) return;
    if (!place?.tags.some((t) => t.t === "val" && (t.dim === "area" || t.dim === "layer"))) return;
    item.tags = [{ t: "rel", r: side === "pre" ? "from" : "to" }];
    // ("synapses where the presynaptic cell is in V1": "where" only opens the condition.)
    const before = items
      .slice(0, k)
      .reverse()
      .find((x) => !x.fn);
    if (before && /^(where|whose|with)$/i.test(before.text)) {
      before.tags = [];
      before.fn = true;
    }
    for (const x of items.slice(k + 1, j + 1)) {
      x.tags = [];
      x.fn = true;
    }
  });
  return items;
}

function sideOf(item: Item): "pre" | "post" | undefined {
  for (const t of item.tags) {
    if (t.t === "rel" && t.r === "upstream") return "pre";
    if (t.t === "rel" && t.r === "downstream") return "post";
    // ("presynaptic cell", "post neuron"; not "presynaptic partners", which are cells of their own.)
    if (t.t === "noun" && t.n === "source" && /^pre(synaptic)?[ -]?(cell|neuron|one)$/i.test(item.text)) return "pre";
    if (t.t === "noun" && t.n === "target" && /^post(synaptic)?[ -]?(cell|neuron|one)$/i.test(item.text)) return "post";
  }
  return undefined;
}

const isCellNoun = (item: Item) => item.tags.some((t) => t.t === "noun" && (t.n === "cell" || t.n === "neuron"));

/**
 * Words whose capitals say what they are. "4P count in AM", "LI cells": visual areas whose short names are
 * English words in lower case ("am", "li") are areas when written in capitals (none is in this data, which
 * the answer says); "MICrONS" is the dataset.
 */
export function areasInCapitals(items: Item[]): Item[] {
  for (const item of items) {
    // ("I'm new to MICrONS": the project's name as it spells it is the dataset, never the unit "microns".)
    if (item.text === "MICrONS") {
      item.tags = [];
      item.fn = true;
    }
    if (item.text === "AM" || item.text === "LI") {
      item.tags = [{ t: "val", dim: "area", values: [item.text] }];
      item.fn = false;
    }
  }
  return items;
}

/**
 * "neurons located outside of V1", "cells situated in L5": before a place, "located" says where the
 * cells are (the place is read); elsewhere ("where is 8646… located") it asks for a position.
 */
export function locatedInPlace(items: Item[]): Item[] {
  items.forEach((item, k) => {
    if (!/^(located|situated|positioned|found)$/i.test(item.text)) return;
    const next = items[k + 1];
    const place = next?.tags.some((t) => (t.t === "rel" && t.r === "in") || t.t === "neg");
    const named = items.slice(k + 1, k + 4).some((x) => x.tags.some((t) => t.t === "val"));
    if (place && named) {
      item.tags = [];
      item.fn = true;
    }
  });
  return items;
}
