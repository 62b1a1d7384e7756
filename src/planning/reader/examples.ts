import type { Vocabulary } from "../vocabulary/vocabulary.js";
import type { Item } from "./items.js";

/** Words that make a list of names examples rather than the whole set: "(astro, oligo, micro...)". */
const BEFORE = /^(e\s*\.?\s*g\s*\.?|eg|such as|for example|for instance|incl\s*\.?|including)$/i;
const AFTER = /^(\.\s*\.\s*\.|…|etc\s*\.?|and so on|and so forth)$/i;
const JOINER = /^(,|and|or|&|\/|\(|\)|\.)$/i;
/** Words between the names of a list of examples: "(23P, 4P, the L5 ones ...)". */
const FILLER = /^(the|ones?|types?|cells?)$/i;
const placeOf = (item: Item) => item.tags.some((t) => t.t === "val" && (t.dim === "layer" || t.dim === "area"));

const typeOf = (item: Item | undefined) => {
  const tag = item?.tags.find((t) => t.t === "val" && t.dim === "cell_type");
  return tag ? String((tag.values as string[])[0]) : undefined;
};
const classOfItem = (item: Item) => {
  const tag = item.tags.find((t) => t.t === "val" && t.dim === "class");
  return tag ? String((tag.values as string[])[0]) : undefined;
};
const covers = (whole: string, part: string | undefined) =>
  part !== undefined && (whole === part || (whole === "neuron" && ["excitatory", "inhibitory"].includes(part)));

/**
 * Names given as examples of a class the question also names ("glia breakdown pls (astro, oligo,
 * micro...)", "inhibitory cells, e.g. BC and MC, by type") illustrate it: the class is what was asked,
 * and the examples are read as said of it, not as the only types. With no such class named, an "etc."
 * or "e.g." is left for the reader to ask about: "BC, MC etc." does not say which others.
 * ("micro..." had counted the three glia named and left out the rest.)
 */
export function examplesOfAClass(items: Item[], vocabulary: Vocabulary): Item[] {
  items.forEach((marker, k) => {
    const before = BEFORE.test(marker.text);
    if (!before && !AFTER.test(marker.text)) return;
    const span = before ? walk(items, k, 1) : walk(items, k, -1);
    const named = span.filter((x) => typeOf(x) !== undefined);
    // ("in each cortical layer (L2/3, L4, L5 and so on)": places given as examples of the grouping by them.)
    const dims = new Set(span.flatMap((x) => x.tags.flatMap((t) => (t.t === "val" ? [String(t.dim)] : []))));
    const [dim] = [...dims];
    const grouped = dims.size === 1 && (dim === "layer" || dim === "area") && items.some((x) => isKind(x, dim));
    if (!named.length && grouped && span.length) {
      for (const x of [marker, ...span]) Object.assign(x, { fn: true, tags: [] });
      return;
    }
    if (!named.length) return;
    const inSpan = new Set(span);
    const wholes = items.filter((x) => !inSpan.has(x) && x !== marker).flatMap((x) => classOfItem(x) ?? []);
    const whole = wholes.find((w) => named.every((x) => covers(w, vocabulary.classOf(typeOf(x)!))));
    // (No class named that holds them all: the marker stays a word to ask about.)
    marker.fn = false;
    marker.tags = [];
    if (!whole) return;
    for (const x of [marker, ...span]) {
      x.fn = true;
      x.tags = [];
    }
  });
  return items;
}

/** Words that close a list of examples without naming more: "(glia, pericytes, all of that)". */
const TAIL = /^(all|of|that|the|like|such|others?|so|on|more|etc\.?|\.\.\.|…)$/i;

/**
 * "what percent of all the cells are non neuronal? (glia, pericytes, all of that)": a list in brackets, right
 * after a class that holds every name in it, says what the class takes in; it is not a narrower part. (It had
 * been read as the pericytes among the non-neuronal cells.) Two names at least: "non neuronal (pericytes)" may
 * narrow it, and is left to the reader.
 */
export function bracketedExamples(items: Item[], vocabulary: Vocabulary): Item[] {
  items.forEach((open, k) => {
    if (open.text !== "(") return;
    const close = items.findIndex((x, j) => j > k && x.text === ")");
    if (close < 0) return;
    const inside = items.slice(k + 1, close);
    const names = inside.filter((x) => typeOf(x) !== undefined || classOfItem(x) !== undefined);
    const rest = inside.filter((x) => !names.includes(x));
    if (names.length < 2 || !rest.every((x) => JOINER.test(x.text) || TAIL.test(x.text))) return;
    const before = items.slice(0, k).findLast((x) => !x.fn);
    const whole = before && classOfItem(before);
    const member = (x: Item) => covers(whole ?? "", typeOf(x) ? vocabulary.classOf(typeOf(x)!) : classOfItem(x));
    if (!whole || !names.every(member)) return;
    for (const x of items.slice(k, close + 1)) Object.assign(x, { fn: true, tags: [] });
  });
  return items;
}

/** The names and joiners next to a marker, going one way (+1 after it, -1 before it). */
function walk(items: Item[], k: number, step: 1 | -1): Item[] {
  const span: Item[] = [];
  for (let j = k + step; j >= 0 && j < items.length; j += step) {
    const x = items[j]!;
    // ("the L5 ones": a place in a list of examples names types by where they are.)
    if (typeOf(x) === undefined && !JOINER.test(x.text) && !FILLER.test(x.text) && !placeOf(x)) break;
    span.push(x);
  }
  // (Trailing joiners belong to the sentence: "(astro, oligo, micro...)" keeps its ")" out.)
  while (span.length && typeOf(span[span.length - 1]) === undefined && !placeOf(span[span.length - 1]!)) span.pop();
  return span;
}

const BREAKDOWN = /^(breakdown|break down|broken down|break-down|breakdown of|break-down of|split of)$/i;
const KIND_NOUNS = new Set(["type", "mtype", "class", "area", "layer", "strategy"]);
const isKind = (x: Item | undefined, kind?: string) =>
  Boolean(x?.tags.some((t) => t.t === "noun" && (kind ? t.n === kind : KIND_NOUNS.has(String(t.n)))));

/**
 * "glia breakdown", "breakdown of inhibitory neurons": a breakdown of a class with no kind named
 * is by its cell types. A "(by type)" item is put after the word so the grouping reads as it does
 * in "glia by type". ("area breakdown of BCs" names its kind and keeps it.)
 */
export function breakdownOfAClass(items: Item[]): Item[] {
  const words = items.filter((x) => !x.fn);
  const at = words.findIndex((x) => BREAKDOWN.test(x.text) && x.tags.some((t) => t.t === "per"));
  if (at < 0 || words.filter((x) => x.tags.some((t) => t.t === "per")).length > 1) return items;
  if (isKind(words[at - 1]) || isKind(words[at + 1])) return items;
  if (!words.some((x) => classOfItem(x) !== undefined) || words.some((x) => typeOf(x) !== undefined)) return items;
  const k = items.indexOf(words[at]!);
  const word = items[k]!;
  const type: Item = { ...word, text: "(by type)", tags: [{ t: "noun", n: "type" }], fn: false, used: false };
  delete type.corrected;
  return [...items.slice(0, k + 1), type, ...items.slice(k + 1)].map((x, i) => ({ ...x, i }));
}
