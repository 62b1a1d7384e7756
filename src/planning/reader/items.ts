import { restatedInParentheses } from "./restate.js";
import { bracketedExamples, breakdownOfAClass, examplesOfAClass } from "./examples.js";
import {
  arrowBetweenNames,
  danglingSides,
  kindsOfOwner,
  sidesAfterNames,
  otherOfTheSame,
  perNamedConnection,
  connectionOfStrength,
  synapseAsVerb,
  targetAsVerb,
  verbAfterFlowNoun,
  whereAfterFlowNoun,
} from "./partner-words.js";
import {
  compartmentProofread,
  ownSoma,
  proofreadOnCompartments,
  sidesThenProofread,
  somaAsCompartment,
} from "./compartments.js";
import { areasInCapitals, locatedInPlace, sidedPlaces } from "./place-words.js";
import { questionWords } from "./question-words.js";
import { NUMBER_WORDS } from "./spelled-numbers.js";
import { ordinalSuperlatives } from "./ordinals.js";
import { orientationWords } from "./tuning-words.js";
import type { Term, Vocabulary } from "../vocabulary/vocabulary.js";
import type { Lexicon, Tag } from "./lexicon.js";
import type { Token } from "./tokens.js";
import { correctTypos } from "./typos.js";

/**
 * One unit of meaning: a phrase of one or more tokens with what it can mean (its tags), found by
 * longest match against the cell-type vocabulary and the lexicon. Readers mark an item used when
 * they take its meaning into the plan; a question is answered only when every item is used or is a
 * function word.
 */
export interface Item {
  i: number;
  start: number;
  end: number;
  text: string;
  tags: Tag[];
  /** A function word ("the", "please", "how"): may stay unused. */
  fn: boolean;
  /** A scope phrase ("in the dataset"): says where, not what; never asks for anything. */
  scope: boolean;
  used: boolean;
  /** The word a typo was read as. */
  corrected?: string;
}

export const CELL_NOUNS = new Set(["cell", "cells", "neuron", "neurons", "interneuron", "interneurons", "type", "types"]);
const ROOT_MAX = 18446744073709551615n;
const SIGNED_MAX = 9223372036854775807n;

export function has(item: Item | undefined, t: string, key?: string, value?: unknown): boolean {
  return Boolean(item?.tags.some((g) => g.t === t && (key === undefined || g[key] === value)));
}

export function tag<T extends Tag = Tag>(item: Item | undefined, t: string): T | undefined {
  return item?.tags.find((g) => g.t === t) as T | undefined;
}

/** Tags and items of a question, left to right. */
export function tagItems(typed: Token[], lexicon: Lexicon, vocabulary: Vocabulary): Item[] {
  const tokens = correctTypos(typed, lexicon, vocabulary);
  const items: Item[] = [];
  let i = 0;
  const push = (start: number, end: number, tags: Tag[], fn = false, scope = false) => {
    const span = tokens.slice(start, end);
    const text = span.map((t) => t.typed ?? t.text).join(" ");
    const corrected = span.some((t) => t.typed) ? span.map((t) => t.text).join(" ") : undefined;
    items.push({ i: items.length, start, end, text, tags, fn, scope, used: scope, ...(corrected ? { corrected } : {}) });
  };
  while (i < tokens.length) {
    const t = tokens[i]!;
    const number = numberTag(tokens, i, items);
    if (number) {
      const end = number.t === "num" && /^k$/i.test(tokens[i + 1]?.text ?? "") ? i + 2 : i + 1;
      if (end === i + 2) number.value = Number(number.value) * 1000;
      push(i, end, [number]);
      i = end;
      continue;
    }
    let matched = false;
    for (let len = Math.min(Math.max(lexicon.maxWords, vocabulary.maxWords + 1), tokens.length - i); len >= 1 && !matched; len--) {
      const span = tokens.slice(i, i + len);
      const key = span.map((x) => x.lower).join(" ");
      const tags: Tag[] = [];
      // (A name is words: "BC →" is not the name "BC" with a symbol.)
      const term = span.every((x) => /[a-z0-9]/i.test(x.text)) ? vocabulary.exactMatch(span.map((x) => x.text).join(" ")) : undefined;
      // "L5" alone is a layer; "L5 cells" may be any of the L5 pyramidal types (asked back).
      const layerWord = len === 1 && (lexicon.phrases.get(key) ?? []).some((g) => g.t === "val" && g.dim === "layer")
        && !CELL_NOUNS.has(tokens[i + 1]?.lower ?? "");
      if (term && !layerWord && !guarded(span, tokens[i + len], tokens[i - 1])) tags.push(termTag(term));
      for (const g of lexicon.phrases.get(key) ?? []) tags.push(g);
      const isScope = lexicon.scope.has(key);
      // A phrase made of function words ("are there", "do we") is one too, whatever else it may mean.
      // (Not "show me all the …": a list asked must be read as one, or the question asked back.)
      const asksAll = tags.some((t) => t.t === "list") && span.some((x) => x.lower === "all");
      const isFn = lexicon.functionWords.has(key)
        || (tags.length > 0 && !asksAll && span.every((x) => lexicon.functionWords.has(x.lower)));
      if (!tags.length && !isScope && !isFn) continue;
      // ("with nucleus volume over 350": "nucleus volume" is the longer phrase; "with nucleus" gives way.)
      if (len > 1 && crossesLonger(tokens, i, len, lexicon)) continue;
      // "per cell type" is per type, not "per cell" then "type".
      if (tags.some((g) => g.t === "per_cell") && /^(types?|class(es)?|m-?types?)$/.test(tokens[i + len]?.lower ?? "")) continue;
      // ("synapses from a cell with a proofread axon onto a cell …": any one cell on a side, not an average per cell.)
      const sided = /^(from|onto|to|into|by)$/.test(tokens[i - 1]?.lower ?? "");
      if (tags.some((g) => g.t === "per_cell") && span[0]!.lower === "a" && sided) continue;
      // "basket cells": the name, then its cell noun as an item of its own.
      let end = i + len;
      if (term && len > 1 && CELL_NOUNS.has(span[len - 1]!.lower) && vocabulary.exactMatch(span.slice(0, -1).map((x) => x.text).join(" "))) {
        end--;
      }
      // A vague phrase ("what's going on") is never a function word: it asks for nothing the tables answer.
      push(i, end, tags, isFn && !tags.some((g) => g.t === "vague"), isScope);
      i = end;
      matched = true;
    }
    if (matched) continue;
    // "intra-LM", "intra-V1": within that area.
    const intra = /^intra-?(.+)$/i.exec(t.text);
    const inner = intra ? lexicon.phrases.get(intra[1]!.toLowerCase()) ?? (vocabulary.exactMatch(intra[1]!) ? [termTag(vocabulary.exactMatch(intra[1]!)!)] : undefined) : undefined;
    if (inner) {
      push(i, i + 1, [{ t: "rel", r: "between" }]);
      push(i, i + 1, inner);
      i++;
      continue;
    }
    // "BCs", "MCs", "23Ps": an abbreviation in the plural.
    const stem = /^([A-Z0-9][A-Za-z0-9-]*[A-Z0-9])'?s$/.exec(t.text)?.[1];
    const plural = stem ? vocabulary.exactMatch(stem) : undefined;
    if (plural) {
      push(i, i + 1, [termTag(plural)]);
      i++;
      continue;
    }
    push(i, i + 1, []);
    i++;
  }
  const marked = areasInCapitals(sidedPlaces(mostlyAfterTheVerb(makingCharts(versusOrientation(ordersToTheAssistant(items))))));
  const passes = questionWords(ordinalSuperlatives(marked, lexicon));
  const classes = breakdownOfAClass(bracketedExamples(examplesOfAClass(passes, vocabulary), vocabulary));
  const named = otherOfTheSame(kindsOfOwner(sidesAfterNames(danglingSides(classes))));
  const verbs = synapseAsVerb(targetAsVerb(verbAfterFlowNoun(arrowBetweenNames(named))));
  const read = connectionOfStrength(perNamedConnection(whereAfterFlowNoun(verbs)));
  const placed = locatedInPlace(orientationWords(somaAsCompartment(ownSoma(restatedInParentheses(read)))));
  return proofreadOnCompartments(compartmentProofread(sidesThenProofread(placed)));
}

/** The next word that is not a function word, after item k. */
const nextWord = (items: Item[], k: number) => items.slice(k + 1).find((x) => !x.fn);

const POLITE = /^((please|pls|plz|kindly|hey|hi|hello|ok|okay|so|now|also|then|could|can|would|will|may|you|u|i|we|just|quickly)\s*)+$/i;

/** ("Give the number of …", "Give me …": an order to the assistant, not cells giving synapses.) */
function ordersToTheAssistant(items: Item[]): Item[] {
  // ("Please give …", "could you quickly get …": politeness before the order; "… coregistered? give
  // their root ids": an order may open any sentence.)
  const starts = [0, ...items.flatMap((x, k) => (/^[?.!;]+$/.test(x.text) ? [k + 1] : []))];
  for (const start of starts) {
    const firstWord = items.slice(start).find((x) => !/^[^a-z0-9]+$/i.test(x.text) && !POLITE.test(x.text));
    if (firstWord && /^(give|show|get|find|return|provide|have|see)$/i.test(firstWord.text)) {
      firstWord.tags = [];
      firstWord.fn = true;
    }
  }
  return items;
}

/** ("p(conn) vs Δori": against a quantity of pairs is what the rows are, not a second set compared.) */
function versusOrientation(items: Item[]): Item[] {
  items.forEach((item, k) => {
    if (item.tags[0]?.t === "vs" && nextWord(items, k)?.tags.some((t) => t.t === "qty" && t.q === "ori_difference")) {
      item.tags = [{ t: "per" }];
    }
  });
  return items;
}

/** ("what do BCs mostly target": the adverb is said of the verb's object, "what do BCs target most".) */
function mostlyAfterTheVerb(items: Item[]): Item[] {
  const k = items.findIndex((x, i) => /^(mostly|mainly|predominantly|primarily)$/i.test(x.text)
    && nextWord(items, i)?.tags.some((t) => t.t === "verb"));
  if (k < 0) return items;
  const end = items.findLastIndex((x) => !/^[?.!]+$/.test(x.text)) + 1;
  return [...items.slice(0, k), ...items.slice(k + 1, end), items[k]!, ...items.slice(end)];
}

/** "make a histogram", "could you draw me a scatter plot": the verb makes the chart, not synapses. */
function makingCharts(items: Item[]): Item[] {
  items.forEach((item, k) => {
    if (!/^(make|makes|create|generate|draw|produce|render|do|reproduce|recreate|replicate|redraw)$/i.test(item.text)) return;
    if (nextWord(items, k)?.tags.some((t) => t.t === "chart" || t.t === "distribution")) {
      item.tags = [];
      item.fn = true;
    }
  });
  return items;
}

function termTag(term: Term): Tag {
  if (term.kind === "ambiguous") return { t: "ambiguous", options: term.options };
  const dim = term.kind === "cell_type" ? "cell_type" : term.kind === "mtype" ? "mtype" : "class";
  return { t: "val", dim, values: [term.value] };
}

/**
 * Names that are names only when written as such: "it", "pv" or "bc" in lower case are ordinary
 * words (or typos) unless a cell noun follows; one letter ("I cells") only before a cell noun.
 */
/** Short names that are no English word, so names however written ("ngc root ids"). */
const NOT_WORDS = /^(ngc|bpc|opc|sst|vip|ngcs|bpcs|opcs|inh|exc|dtc|ptc|stc)$/i;
/** Words after a lower-case "bc" that make it "because". */
const BECAUSE_NEXT = /^(i|i'm|im|we|we're|you|they|it|it's|its|that|this|the|my|our|there|of|need|want|no)$/i;
/** Short names of cell types, beside which another short name is a name too. */
const SHORT_NAME = /^(ngc|bpc|sst|vip|bc|mc|pv|23p|4p|5p-?(?:it|et|np)|6p-?(?:it|ct))$/i;
/** Words before a short name that make it one: "top3 bc", "how many mc", "# pv", "which bc", "the mc". */
const COUNTED_BEFORE = /^(\d+|top\d*|bottom\d*|many|#|which|each|every|all|the|of|per|among|no)$/i;
/** The noun after a short name that makes it one: "bc mtype", "mc m-types". */
const KIND_AFTER = /^m-?types?$/i;

function guarded(span: Token[], next: Token | undefined, prev?: Token): boolean {
  const name = span.map((t) => t.text).join(" ");
  const letters = name.replace(/[^A-Za-z]/g, "");
  const cellNext = next !== undefined && CELL_NOUNS.has(next.lower);
  // "I→E", "E -> I": one letter beside an arrow is a class.
  const arrow = /^(→|->|=>|to|vs|onto|or|\/|and|,)$/i.test(next?.text ?? "") || /^(→|->|=>|vs|or|\/|:)$/i.test(prev?.text ?? "");
  if (letters.length === 1 && !/\d/.test(name)) return !cellNext && !(arrow && name === name.toUpperCase());
  if (letters.length > 3 || /\d/.test(name) || NOT_WORDS.test(name)) return false;
  // ("…, bc I need it": "bc" before a pronoun or a verb is "because".)
  if (/^bc$/.test(name) && BECAUSE_NEXT.test(next?.text ?? "")) return true;
  // "exc / inh / glia", "PV, SST and VIP": short names in a list are names.
  // ("partners of it, and …": "it" before a comma stays a word; beside another short name it is one.)
  const pronoun = /^it$/i.test(name);
  const list =
    (!pronoun && /^(\/|,|and|or|vs|&)$/i.test(next?.text ?? "")) ||
    (!pronoun && /^(\/|,|and|or|vs|&|\()$/i.test(prev?.text ?? "")) ||
    // ("rank bc mc bpc ngc", "bc mtype counts": beside another short name, or before "m-type".)
    [next, prev].some((t) => t !== undefined && SHORT_NAME.test(t.text)) ||
    KIND_AFTER.test(next?.text ?? "");
  // ("top3 bc by #out syn", "how many bc in v1", "which mc"): after a count, a ranking or an article, no
  // "because" and no typo can stand; the short name is a name.
  if (SHORT_NAME.test(name) && COUNTED_BEFORE.test(prev?.text ?? "")) return false;
  // "bpc to mc", "mc->5p-et": short names on either side of an arrow are names ("it" stays a word).
  const flow = /^(→|->|=>|to|onto|into)$/i.test(next?.text ?? "") || /^(→|->|=>|to|onto|into|from)$/i.test(prev?.text ?? "");
  return name !== name.toUpperCase() && !cellNext && !list && !(flow && !/^it$/i.test(name));
}

/** Numbers written as words ("the five strongest", "top ten"); not "one", which is mostly a pronoun. */
const WORD_NUMBERS: Record<string, number> = Object.fromEntries(
  Object.entries(NUMBER_WORDS).filter(([w]) => w !== "one"),
);

/** A number, an id, or an id cut short. */
function numberTag(tokens: Token[], i: number, items: Item[]): Tag | undefined {
  const text = tokens[i]!.text;
  const word = WORD_NUMBERS[tokens[i]!.lower];
  if (word !== undefined) return { t: "num", value: word, raw: text };
  if (/^-?\d+(…|\.\.\.)$/.test(text)) return { t: "cutid", text };
  // (".3": a fraction written without its leading 0.)
  const digits = /^([-+]?)(\d[\d,]*|(?=\.\d))(\.\d+)?(e[-+]?\d+)?(st|nd|rd|th|%|°)?$/i.exec(text);
  if (!digits) return undefined;
  const [, sign, whole, frac, exp, suffix] = digits;
  const plain = whole!.replace(/,/g, "") || "0";
  if (!frac && !exp && /^\d{15,}$/.test(plain)) {
    const id = BigInt(plain);
    if (sign === "-" || id > SIGNED_MAX || id > ROOT_MAX) return { t: "badid", text };
    return { t: "id", kind: "root", id: id.toString() };
  }
  if (!frac && !exp && /^864691\d{0,8}$/.test(plain)) return { t: "cutid", text };
  const value = Number(`${sign === "-" ? "-" : ""}${plain}${frac ?? ""}${exp ?? ""}`);
  const prev = items[items.length - 1];
  if (!frac && !exp && !suffix && prev && has(prev, "noun", "n", "nucleus")) return { t: "id", kind: "nucleus", id: plain };
  if (!frac && !exp && !suffix && prev && /^(nucleus_id|target_id|nucleus id|nuc id)$/i.test(prev.text)) return { t: "id", kind: "nucleus", id: plain };
  const out: Tag = { t: "num", value, raw: text };
  if (suffix && /^(st|nd|rd|th)$/i.test(suffix)) out.ordinal = true;
  if (suffix === "%") out.unit = "pct";
  if (suffix === "°") out.unit = "deg";
  return out;
}

/** Whether a longer lexicon phrase starts inside tokens[i, i+len) and ends beyond it. */
function crossesLonger(tokens: Token[], i: number, len: number, lexicon: Lexicon): boolean {
  for (let j = i + 1; j < i + len; j++) {
    for (let k = Math.min(tokens.length, j + lexicon.maxWords); k > i + len; k--) {
      // (Any two words count when the phrase here begins with a preposition: "with a nucleus" | "nucleus volume".)
      const prep = /^(with|of|in|for|from|at|by|without)$/.test(tokens[i]!.lower);
      const longer = k - j > len || (prep && k - j >= 2);
      if (longer && lexicon.phrases.has(tokens.slice(j, k).map((t) => t.lower).join(" "))) return true;
    }
  }
  return false;
}
