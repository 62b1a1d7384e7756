import type { Term, Vocabulary } from "../vocabulary/vocabulary.js";
import type { Token } from "./tokens.js";

// The question's words are split in ./tokens.ts; the words not read as names, and the names the vocabulary
// does not have, are in ./not-names.ts and ./unknown-names.ts.
export { tokenize, type Token } from "./tokens.js";
export { unknownNames } from "./unknown-names.js";

/** Something the question names: a cell type, m-type, class, root id or nucleus id. */
export type Mention =
  | { kind: "term"; term: Term; start: number; end: number; text: string }
  | { kind: "root"; id: string; start: number; end: number; text: string }
  | { kind: "nucleus"; id: string; start: number; end: number; text: string };

const CELL_NOUNS = new Set([
  "cell",
  "cells",
  "neuron",
  "neurons",
  "interneuron",
  "interneurons",
  "type",
  "types",
  "nuclei",
  "nucleus",
  "somata",
  "soma",
]);

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
      if (
        before.some((w) => /^(nucleus|nuclei|nuc|nucleus_id|target_id)$/.test(w)) &&
        !/^(top|first)$/.test(before[before.length - 1] ?? "")
      ) {
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
      while (
        end < tokens.length &&
        CELL_NOUNS.has(tokens[end]!.lower) &&
        !["nucleus", "nuclei"].includes(tokens[end]!.lower)
      )
        end++;
      mentions.push({
        kind: "term",
        term,
        start: i,
        end,
        text: tokens
          .slice(i, end)
          .map((x) => x.text)
          .join(" "),
      });
      i = end;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return mentions;
}
