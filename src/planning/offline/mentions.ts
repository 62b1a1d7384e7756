import type { Term, Vocabulary } from "../vocabulary/vocabulary.js";

/** A word of the question, with its place. */
export interface Token {
  text: string;
  lower: string;
  index: number;
}

/** Something the question names: a cell type, m-type, class, root id or nucleus id. */
export type Mention =
  | { kind: "term"; term: Term; start: number; end: number; text: string }
  | { kind: "root"; id: string; start: number; end: number; text: string }
  | { kind: "nucleus"; id: string; start: number; end: number; text: string };

export function tokenize(question: string): Token[] {
  const text = question.replace(/→|->|=>/g, " to ").replace(/[‘’]/g, "'");
  const tokens: Token[] = [];
  // "10,000" is one number (thresholds are written with thousands separators), not 10 and 000.
  const re = /\d{1,3}(?:,\d{3})+(?![\d,])|[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*\+?|[<>≥≤]=?|%/g;
  for (const m of text.matchAll(re)) {
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), index: tokens.length });
  }
  return tokens;
}

const CELL_NOUNS = new Set(["cell", "cells", "neuron", "neurons", "interneuron", "interneurons", "type", "types", "nuclei", "nucleus", "somata", "soma"]);

/**
 * Words that are cell-type names only when written as such: "it", "pv" or "bc" in lower case are
 * ordinary words (or typos) unless a cell noun follows.
 */
function guarded(name: string, span: Token[], next: Token | undefined): boolean {
  const letters = name.replace(/[^A-Za-z]/g, "");
  // One letter ("I cells", "E cells") is a name only before a cell noun: "I" is mostly "I want …".
  if (letters.length === 1 && !/\d/.test(name)) return !(next && CELL_NOUNS.has(next.lower));
  if (letters.length > 3 || /\d/.test(name)) return false;
  const original = span.map((t) => t.text).join(" ");
  const upper = original === original.toUpperCase();
  return !upper && !(next && CELL_NOUNS.has(next.lower));
}

/** Finds ids and vocabulary names in the tokens, longest names first; returns the mentions in order. */
export function findMentions(tokens: Token[], vocabulary: Vocabulary): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // 64-bit root ids are 15 to 20 digits; shorter numbers after "nucleus" are nucleus ids.
    if (/^\d{15,20}$/.test(t.text)) {
      mentions.push({ kind: "root", id: t.text.replace(/^0+(?=\d)/, ""), start: i, end: i + 1, text: t.text });
      i++;
      continue;
    }
    if (/^\d{1,14}$/.test(t.text)) {
      const before = tokens.slice(Math.max(0, i - 3), i).map((x) => x.lower);
      if (before.some((w) => /^(nucleus|nuclei|nuc|nucleus_id|target_id)$/.test(w)) && !/^(top|first)$/.test(before[before.length - 1] ?? "")) {
        mentions.push({ kind: "nucleus", id: t.text, start: i, end: i + 1, text: t.text });
        i++;
        continue;
      }
    }
    let matched = false;
    for (let len = Math.min(vocabulary.maxWords + 1, tokens.length - i); len >= 1; len--) {
      const span = tokens.slice(i, i + len);
      const phrase = span.map((x) => x.text).join(" ");
      const term = vocabulary.exactMatch(phrase);
      if (!term) continue;
      if (guarded(phrase, span, tokens[i + len])) continue;
      let end = i + len;
      while (end < tokens.length && CELL_NOUNS.has(tokens[end]!.lower) && !["nucleus", "nuclei"].includes(tokens[end]!.lower)) end++;
      mentions.push({ kind: "term", term, start: i, end, text: tokens.slice(i, end).map((x) => x.text).join(" ") });
      i = end;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return mentions;
}

/** Words that can precede "cells"/"neurons" without being a cell-type name. */
const NOT_NAMES = new Set([
  "how", "many", "much", "the", "all", "each", "every", "of", "what", "which", "different", "distinct", "unique", "other",
  "these", "those", "this", "that", "its", "their", "his", "her", "our", "my", "your", "a", "an", "any", "some", "most",
  "more", "less", "fewer", "fewest", "least", "few", "highest", "lowest", "total", "common", "shared", "mutual", "number", "count", "postsynaptic", "presynaptic", "target", "targeted", "source",
  "partner", "connected", "proofread", "coregistered", "typed", "known", "untyped", "valid", "individual", "single", "top",
  "in", "from", "to", "onto", "by", "and", "or", "with", "per", "for", "are", "is", "there", "do", "does", "have", "has",
  "large", "small", "big", "largest", "smallest", "biggest", "first", "last", "same", "both", "neighbouring", "neighboring",
  "living", "dead", "functional", "recorded", "imaged", "matched", "visual", "cortical", "cortex", "mouse", "brain", "real",
  "labeled", "labelled", "classified", "identified", "nearby", "synaptic", "input", "output", "inputs", "outputs", "types",
  "cell", "type", "kind", "kinds", "class", "classes", "category", "categories", "subtype", "subtypes", "m", "mtype",
  // verbs and adverbs that come before a cell noun in ordinary questions
  "rank", "ranked", "sort", "sorted", "order", "list", "show", "give", "find", "name", "names", "plot", "compare", "tell",
  "count", "counted", "sum", "average", "mean", "median", "make", "makes", "made", "send", "sends", "receive", "receives",
  "get", "gets", "contact", "contacts", "target", "targets", "innervate", "innervates", "hit", "hits", "reach", "reaches",
  "also", "only", "just", "then", "now", "again", "please", "me", "us", "we", "i", "you", "it", "they", "them", "be", "been",
  "were", "was", "can", "could", "would", "should", "will", "about", "between", "among", "within", "across", "into", "on",
  "at", "as", "than", "versus", "vs", "not", "no", "non", "excluding", "including", "except", "strongest", "weakest",
  "highest", "lowest", "main", "major", "minor", "dominant", "primary", "preferred", "favorite", "favourite", "upstream",
  "downstream", "afferent", "efferent", "contacted", "innervated", "contacting", "innervating", "targeting", "receiving",
  "sending", "making", "most", "least", "whole", "entire", "overall", "altogether", "many", "several", "proofreading",
  "coregistration", "segmented", "reconstructed", "partners", "neurons", "cells", "synapses", "nuclei", "neighbor",
  "neighbour", "such", "own", "given", "specific", "particular", "certain", "same", "similar", "connecting",
]);

/** Words that follow "how many" without naming a cell type. */
const COUNTED_NOUNS = /^(common|shared|mutual|synap\w*|neurons?|cells?|nuclei|nucleus|partners?|inputs?|outputs?|connections?|contacts?|types?|kinds?|class(es)?|m-?types?|roots?|root|segments?|ids?|somata|somas?|axons?|dendrites?|times?|more|of|different|distinct|unique|postsynaptic|presynaptic|excitatory|inhibitory|proofread\w*|coregistered|are|is|do|does|total|in|there|were|have|has|non\w*|glia\w*|interneurons?|targets?|sources?|rows?|entries|records?|pairs?|voxels?)$/;

/** Unmatched words used as cell names ("chandelier cells", "martinoti cells", "how many astrocites"): candidates for fuzzy matching. */
export function unknownNames(tokens: Token[], mentions: Mention[]): { text: string; start: number }[] {
  const covered = new Set<number>();
  for (const m of mentions) for (let k = m.start; k < m.end; k++) covered.add(k);
  const out: { text: string; start: number }[] = [];
  const seen = new Set<number>();
  tokens.forEach((t, i) => {
    if (!["cell", "cells", "neuron", "neurons", "interneuron", "interneurons"].includes(t.lower) || covered.has(i)) return;
    const words: Token[] = [];
    for (let k = i - 1; k >= 0 && words.length < 2; k--) {
      const w = tokens[k]!;
      if (covered.has(k) || NOT_NAMES.has(w.lower) || /^\d+$/.test(w.text) || !/[a-z]/i.test(w.text)) break;
      words.unshift(w);
    }
    if (words.length) {
      out.push({ text: words.map((w) => w.text).join(" "), start: words[0]!.index });
      for (const w of words) seen.add(w.index);
    }
  });
  // "how many astrocites", "how many zebras are there": the word after "how many" names what is counted.
  tokens.forEach((t, i) => {
    if (t.lower !== "many" || tokens[i - 1]?.lower !== "how") return;
    const w = tokens[i + 1];
    if (!w || covered.has(i + 1) || seen.has(i + 1) || COUNTED_NOUNS.test(w.lower) || !/^[a-z][a-z0-9-]*$/i.test(w.text) || /^\d/.test(w.text)) return;
    if (["cell", "cells", "neuron", "neurons"].includes(tokens[i + 2]?.lower ?? "")) return; // handled above
    out.push({ text: w.text, start: w.index });
  });
  // "cells of type xyz123", "type X cells": a name given as a type that the vocabulary does not have.
  tokens.forEach((t, i) => {
    if (!/^(type|m-?type|subtype|class)$/.test(t.lower)) return;
    const w = tokens[i + 1];
    if (!w || covered.has(i + 1) || seen.has(i + 1) || NOT_NAMES.has(w.lower) || COUNTED_NOUNS.test(w.lower) || /^\d+$/.test(w.text) || !/[a-z0-9]/i.test(w.text)) return;
    if (!/^(of|cell|called|named)$/.test(tokens[i - 1]?.lower ?? "")) return; // "of type X", "cell type X"
    // "cell type X" names X only at the end or before a cell noun ("cell type xyz cells"), not "cell type provides ...".
    const next = tokens[i + 2]?.lower;
    if (tokens[i - 1]?.lower === "cell" && next !== undefined && !["cell", "cells", "neuron", "neurons"].includes(next)) return;
    out.push({ text: w.text, start: w.index });
  });
  // "from L23 to L5ET": a word shaped like a layer-and-type name ("L23", "L6IT") that is not one,
  // which would otherwise drop out of the question. ("in L4" is a place: asked back elsewhere.)
  tokens.forEach((t, i) => {
    if (covered.has(i) || seen.has(i) || !/^L\d[\w/-]*$/i.test(t.text)) return;
    if (/^(in|within|inside|of)$/.test(tokens[i - 1]?.lower ?? "")) return;
    out.push({ text: t.text, start: t.index });
  });
  return out;
}
