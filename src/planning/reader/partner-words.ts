import { has, type Item } from "./items.js";
import type { Tag } from "./lexicon.js";
import { FLOW_NOUN_NAMES, SIDE_NOUNS } from "./shape.js";

/** A tag of "upstream"/"downstream" (or "presynaptic"/"postsynaptic"): a side of a synapse. */
const sideRel = (t: Tag) => t.t === "rel" && (t.r === "upstream" || t.r === "downstream");

/**
 * "8646… top-5 downstream by weight", "X upstream, top 3": "upstream"/"downstream" with nothing
 * after it that it could be said of (no name, no "of") stands for the partners on that side, as
 * "downstream partners" does. Before a name ("downstream BC of X") or "of" it keeps its sense.
 */
export function danglingSides(items: Item[]): Item[] {
  const out: Item[] = [];
  items.forEach((item, k) => {
    const side = item.tags.find(sideRel);
    const noun = { t: "noun", n: side?.r === "downstream" ? "target" : "source" };
    const word = /^(up|down)stream( of)?$/i.exec(item.text);
    if (!side || !word) return out.push(item);
    const next = items.slice(k + 1).find((x) => !x.fn || /^(by|of|from|to|onto)$/i.test(x.text));
    const ends = !next || /^(by|,|\(|\?)$/i.test(next.text) || next.tags.some((t) => t.t === "topk" || t.t === "order");
    // ("top 3 upstream of X", "how many downstream of X": with nothing before it to be upstream, the partners of X.)
    const prev = out.filter((x) => !x.fn).pop();
    const alone = !prev || prev.tags.some((t) => ["top", "topk", "count", "sup"].includes(t.t)) || has(prev, "num");
    if (word[2] && alone) {
      out.push({ ...item, end: item.end - 1, text: item.text.replace(/\s+of$/i, ""), tags: [noun] });
      out.push({ ...item, start: item.end - 1, text: "of", tags: [{ t: "rel", r: "of" }] });
    } else if (!word[2] && ends) out.push({ ...item, tags: [noun] });
    else out.push(item);
  });
  return out.map((x, i) => ({ ...x, i }));
}

/** A noun of what flows: synapses, connections, inputs, outputs. */
// ("mean syn per conn where …": a per-connection statistic names connections too.)
const isFlowNoun = (x: Item | undefined) =>
  Boolean(x?.tags.some((t) => (t.t === "noun" && FLOW_NOUN_NAMES.has(String(t.n))) || t.t === "per_connection"));

/**
 * "what fraction of BPC output synapses target Martinotti cells": after synapses or outputs,
 * "target(s)" is what they do, not the noun ("target MC cells" had read the MCs as the targets of
 * something and turned the share around).
 */
export function verbAfterFlowNoun(items: Item[]): Item[] {
  items.forEach((item, k) => {
    const verb = item.tags.find((t) => t.t === "verb");
    if (!verb || item.tags[0]?.t !== "noun") return;
    const before = items.slice(0, k).filter((x) => !x.fn);
    const last = before[before.length - 1];
    if (isFlowNoun(last)) item.tags = [verb];
  });
  return items;
}

/**
 * "how many cells does 8646… synapse onto", "which types do BCs synapse on": after "do/does/did" and
 * a name, "synapse" is the verb (it had been the noun, and the cells asked for had no side); so is
 * "synapses" in a relative clause ("the cells that 8646… synapses onto").
 */
export function synapseAsVerb(items: Item[]): Item[] {
  items.forEach((item, k) => {
    if (!/^synapses?$/i.test(item.text) || k < 2) return;
    const before = items[k - 1]!;
    const aux = items.slice(0, k - 1).some((x) => /^(do|does|did|don't|doesn't|didn't)$/i.test(x.text));
    // ("the layer 5 IT cells that 8646… synapses onto": a relative clause.)
    const relative = /^(that|which|whom)$/i.test(items[k - 2]!.text);
    const next = items[k + 1];
    const ends = !next || /^(onto|on|upon|with|to|into|\?|,|\.)$/i.test(next.text);
    const verbForm = relative || /^synapse$/i.test(item.text);
    // ("how many MCs synapse onto at least 50 targets": "synapse" after cells in the plural is their verb.)
    const cells = (x: Item | undefined) =>
      /s$/i.test(x?.text ?? "") && (has(x, "val") || has(x, "noun", "n", "cell") || has(x, "noun", "n", "neuron"));
    const plural = /^synapse$/i.test(item.text) && cells(before);
    // ("Martinotti cells which synapse onto 50 targets": the relative pronoun right before the verb.)
    const which = /^synapse$/i.test(item.text) && /^(that|which|who)$/i.test(before.text) && cells(items[k - 2]);
    if (ends && (which || ((aux || relative || plural) && verbForm && !before.fn)))
      item.tags = [{ t: "verb", v: "out" }];
  });
  return items;
}

/**
 * "23P cells that BCs target", "the cells that 8646… targets": "target" after a relative pronoun and the
 * cells or root it is said of is their verb (the 23P cells are the ones targeted), not "BC targets".
 */
export function targetAsVerb(items: Item[]): Item[] {
  const name = (x: Item) =>
    has(x, "val") || has(x, "id") || has(x, "noun", "n", "cell") || has(x, "noun", "n", "neuron");
  items.forEach((item, k) => {
    if (!has(item, "noun", "n", "target") || !has(item, "verb") || !/^targets?$/i.test(item.text)) return;
    const that = items.slice(0, k).findLastIndex((x) => /^(that|which|whom)$/i.test(x.text));
    const subject = items.slice(that + 1, k);
    if (that < 1 || !name(items[that - 1]!) || !subject.some(name) || !subject.every((x) => name(x) || x.fn)) return;
    item.tags = item.tags.filter((t) => t.t === "verb");
  });
  return items;
}

/**
 * "max syn size 23P > BC": a ">" between two kinds of cells (no number after it) is an arrow, from the
 * one to the other; between a measure and a number ("size>5000") it stays "more than".
 */
export function arrowBetweenNames(items: Item[]): Item[] {
  const kind = (x: Item | undefined) =>
    x?.tags.some((t) => t.t === "val" && ["cell_type", "class", "mtype"].includes(String(t.dim))) ?? false;
  items.forEach((item, k) => {
    if (item.text === ">" && kind(items[k - 1]) && kind(items[k + 1])) item.tags = [{ t: "rel", r: "to" }];
  });
  return items;
}

/**
 * "synapses where 8646… is presynaptic", "mean size over synapses …": after a flow noun, "where" opens
 * its condition (it is not a question of place), and "over" before one is "of".
 */
export function whereAfterFlowNoun(items: Item[]): Item[] {
  items.forEach((item, k) => {
    const prev = items
      .slice(0, k)
      .filter((x) => !x.fn)
      .at(-1);
    const next = items.slice(k + 1).find((x) => !x.fn);
    if (/^where$/i.test(item.text) && isFlowNoun(prev)) [item.tags, item.fn] = [[], true];
    if (/^over$/i.test(item.text) && isFlowNoun(next) && prev?.tags.some((t) => t.t === "qty" || t.t === "unit")) {
      [item.tags, item.fn] = [[{ t: "rel", r: "of" }], false];
    }
  });
  return items;
}

/**
 * "how many synapses per MC→23P connection": "per" before named cells and a connection is "per
 * connection", the cells naming which connections (it had grouped per MC).
 */
export function perNamedConnection(items: Item[]): Item[] {
  items.forEach((item, k) => {
    if (!item.tags.some((t) => t.t === "per") || !/^per$/i.test(item.text)) return;
    const end = items.findIndex((x, j) => j > k && x.tags.some((t) => t.t === "noun" && t.n === "connection"));
    if (end < 0 || !/^(connection|pair|edge)$/i.test(items[end]!.text)) return;
    const between = items.slice(k + 1, end);
    const names = between.every((x) => x.fn || x.tags.some((t) => t.t === "val" || (t.t === "rel" && t.r === "to")));
    if (!between.length || !names) return;
    [item.tags, item.fn] = [[], true];
    items[end]!.tags = [{ t: "per_connection" }];
  });
  return items;
}

/**
 * "which MCs make a connection of at least 8 synapses onto a 5P-ET", "MCs w/ any single conn >=8 syn": one
 * connection of a strength is a connection (as "connections of at least 8 synapses"), not "a connection"
 * as in "synapses per connection" (a mean over connections), and "single" says one connection at a time.
 */
export function connectionOfStrength(items: Item[]): Item[] {
  items.forEach((item, k) => {
    const [of, ...rest] = items.slice(k + 1, k + 5);
    const count = rest.findIndex((x) => x.tags.some((t) => t.t === "num") || /^\d+\+$/.test(x.text));
    const strength =
      /^(of|with|w\/)$/i.test(of?.text ?? "") &&
      count >= 0 &&
      rest.slice(0, count).every((x) => x.tags.some((t) => t.t === "cmp") || x.fn) &&
      has(rest[count + 1], "noun", "synapse");
    if (!strength) return;
    if (/^(a|one|any|a single) (connection|conn|pair)$/i.test(item.text) && has(item, "per_connection"))
      item.tags = [{ t: "noun", n: "connection" }];
    const single = items[k - 1];
    if (has(item, "noun", "connection") && /^single$/i.test(single?.text ?? "") && !single!.tags.length)
      single!.fn = /^(a|an|any|one|each|every)$/i.test(items[k - 2]?.text ?? "");
  });
  return items;
}

/**
 * "synapses from 23P cells onto other 23P cells", "fragments onto other fragments": "other" before
 * cells of the kind already named on the other side says nothing more (a root is rarely its own partner).
 */
export function otherOfTheSame(items: Item[]): Item[] {
  const key = (x: Item | undefined) =>
    JSON.stringify(x?.tags.find((t) => t.t === "val" || (t.t === "noun" && t.n === "fragment")) ?? null);
  items.forEach((item, k) => {
    if (!/^other$/i.test(item.text) || item.tags.length) return;
    // ("onto other tuned 23P cells": a flag between says which of them.)
    let j = k + 1;
    while (items[j]?.tags.some((t) => t.t === "flag")) j++;
    const next = items[j];
    const onto = /^(onto|to|on|into)$/i.test(items[k - 1]?.text ?? "");
    if (onto && key(next) !== "null" && items.slice(0, k - 1).some((x) => key(x) === key(next))) item.fn = true;
  });
  return items;
}

const KINDS = new Set(["type", "mtype", "class", "area", "layer"]);

/**
 * "top 3 MC target types", "BC input types", "23P presynaptic types": the cells named before a
 * side's kinds are the ones whose partners are grouped, as in "target types of MC" (they had been
 * read as the targets themselves, and the question asked back).
 */
export function kindsOfOwner(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let k = 0; k < items.length; k++) {
    const [name, side, kind] = items.slice(k, k + 3);
    const named = name?.tags.some((t) => t.t === "val" && ["cell_type", "class", "mtype"].includes(String(t.dim)));
    const sided = side?.tags.some((t) => (t.t === "noun" && SIDE_NOUNS.has(String(t.n))) || sideRel(t));
    const prev = out[out.length - 1];
    const free = !prev || prev.fn || prev.tags.some((t) => ["top", "topk", "count", "sup", "num", "wh"].includes(t.t));
    if (!named || !sided || !kind?.tags.some((t) => t.t === "noun" && KINDS.has(String(t.n))) || !free) {
      out.push(items[k]!);
      continue;
    }
    const of: Item = { ...kind, start: kind.end, text: "of", tags: [{ t: "rel", r: "of" }], fn: false, used: false };
    const ranked = trailingTop(items, k + 3);
    out.push(...ranked, side!, kind, of, name!);
    k += 2 + ranked.length;
  }
  return out.map((x, i) => ({ ...x, i }));
}

/** "MC target types top 3": a top-k said right after the kinds ranks them (it had ranked the MCs). */
function trailingTop(items: Item[], k: number): Item[] {
  const has = (x: Item | undefined, t: string) => !!x?.tags.some((g) => g.t === t);
  if (has(items[k], "topk")) return [items[k]!];
  if (has(items[k], "top")) return has(items[k + 1], "num") ? [items[k]!, items[k + 1]!] : [items[k]!];
  return [];
}

/**
 * "with BPC presynaptic and MC postsynaptic", "23P as postsynaptic": a side said after a name
 * (then "and", a comma or the end) is said of it, as "presynaptic BPC" is.
 */
export function sidesAfterNames(items: Item[]): Item[] {
  const out = [...items];
  for (let k = 1; k < out.length; k++) {
    const side = out[k]!;
    const sided = side.tags.length === 1 && sideRel(side.tags[0]!);
    if (!sided || !/^(pre|post)(-| )?(synaptic|syn)?$/i.test(side.text)) continue;
    const name = out[k - 1]!;
    const named = name.tags.some((t) => t.t === "val");
    const next = out[k + 1];
    const ends = !next || /^(and|,|\?|\.|;|\))$/i.test(next.text);
    if (named && ends && !out[k - 2]?.tags.some(sideRel)) {
      out[k - 1] = side;
      out[k] = name;
    }
  }
  return out.map((x, i) => ({ ...x, i }));
}
