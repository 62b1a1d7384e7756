import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../project-root.js";
import type { Term, Vocabulary } from "../vocabulary/vocabulary.js";
import { normalizeName } from "../vocabulary/vocabulary.js";
import { editDistance, type Lexicon } from "./lexicon.js";
import type { Token } from "./tokens.js";
import { NUMBER_WORDS } from "./spelled-numbers.js";

/**
 * Typos, corrected before phrases are matched ("nuerons" → "neurons", "waht" → "what", "ouptut
 * synapses" → "output synapses"), so a corrected word takes part in phrases like any other. Only a
 * word no phrase of the lexicon or the vocabulary contains is corrected, and only to the one meaning
 * that is closest (see `Lexicon.correct`); the token keeps what was typed, so the reading can say
 * "nuerons (read as neurons)".
 */
export function correctTypos(tokens: Token[], lexicon: Lexicon, vocabulary: Vocabulary): Token[] {
  const known = knownWords(lexicon, vocabulary);
  const named = (w: string) => vocabulary.exactMatch(w) !== undefined;
  return notPrefixed(tokens, lexicon, known, named).map((t) => {
    const meant = misspellings()[t.lower];
    if (meant && !known.has(t.lower)) return { ...t, text: meant, lower: meant, typed: t.text };
    if (
      !/^[a-z]{4,}$/.test(t.lower) ||
      known.has(t.lower) ||
      known.has(normalizeName(t.lower)) ||
      english().has(t.lower) ||
      // ("the three postsynaptic types" had been read as "the there …".)
      NUMBER_WORDS[t.lower] !== undefined
    )
      return t;
    const fixed = lexicon.correct(t.lower);
    const name = vocabularyTypo(t.lower, vocabulary);
    const same = fixed && name && JSON.stringify(vocabulary.exactMatch(fixed.word)) === JSON.stringify(name.term);
    const word =
      fixed && (!name || fixed.d < name.d || same)
        ? fixed.word
        : name && (!fixed || name.d < fixed.d)
          ? name.name
          : undefined;
    // A word known only inside longer phrases is taken only where it makes one ("fully extnded"), so
    // "left" is not read as the "cleft" of "cleft size".
    if (word && !lexicon.phrases.has(word) && !lexicon.functionWords.has(word) && !name) {
      const prev = tokens[t.index - 1]?.lower;
      const next = tokens[t.index + 1]?.lower;
      const keys = [...lexicon.phrases.keys(), ...lexicon.scope];
      if (
        !keys.some(
          (k) => (prev && ` ${k} `.includes(` ${prev} ${word} `)) || (next && ` ${k} `.includes(` ${word} ${next} `)),
        )
      )
        return t;
    }
    return word ? { ...t, text: word, lower: word, typed: t.text } : t;
  });
}

/**
 * "uncoregistered", "un-tuned", "non-proofread": a negating prefix on a word the lexicon reads as a
 * flag is "not" and the flag ("not tuned"), which the reader knows how to negate.
 */
function notPrefixed(tokens: Token[], lexicon: Lexicon, known: Set<string>, named: (w: string) => boolean): Token[] {
  const flag = (w: string) => lexicon.phrases.get(w)?.some((t) => t.t === "flag");
  const out = tokens.flatMap((t) => {
    // ("non-23P excitatory neurons": a hyphen before a type's name too.)
    const m = /^(un|non)-?([a-z]{4,})$/.exec(t.lower) ?? /^(non)-([a-z0-9][\w/-]*)$/.exec(t.lower);
    if (
      !m ||
      known.has(t.lower) ||
      !(flag(m[2]!) || (t.lower.startsWith("non-") && named(m[2]!) && !named(t.lower) && !lexicon.phrases.has(t.lower)))
    )
      return [t];
    const not: Token = { text: "not", lower: "not", index: t.index, typed: m[1]! };
    return [not, { ...t, text: t.text.slice(t.text.length - m[2]!.length), lower: m[2]! }];
  });
  return out.map((t, index) => ({ ...t, index }));
}

let knownCache: { lexicon: Lexicon; vocabulary: Vocabulary; words: Set<string> } | undefined;

/** Every word some phrase of the lexicon or some name of the vocabulary is made of. */
function knownWords(lexicon: Lexicon, vocabulary: Vocabulary): Set<string> {
  if (knownCache?.lexicon === lexicon && knownCache.vocabulary === vocabulary) return knownCache.words;
  const words = new Set<string>();
  for (const k of [...lexicon.phrases.keys(), ...lexicon.functionWords, ...lexicon.scope])
    for (const w of k.split(" ")) words.add(w);
  for (const e of [...vocabulary.file.cellTypes, ...vocabulary.file.mtypes]) {
    for (const n of [e.value, e.label, ...e.names])
      for (const w of n.toLowerCase().split(/[^a-z0-9]+/)) if (w) words.add(w);
  }
  for (const e of vocabulary.file.classes)
    for (const n of [e.value, ...e.names]) for (const w of n.toLowerCase().split(/[^a-z0-9]+/)) if (w) words.add(w);
  knownCache = { lexicon, vocabulary, words };
  return words;
}

let typoIndex: { vocabulary: Vocabulary; names: { key: string; term: Term }[] } | undefined;

/** A cell-type name written with a typo ("martinoti", "astrocites"), when one name is that close. */
function vocabularyTypo(word: string, vocabulary: Vocabulary): { term: Term; name: string; d: number } | undefined {
  if (word.length < 5 || !/^[a-z0-9-]+$/.test(word)) return undefined;
  if (typoIndex?.vocabulary !== vocabulary) {
    const names: { key: string; term: Term }[] = [];
    const add = (n: string) => {
      const key = normalizeName(n);
      const term = vocabulary.exactMatch(n);
      if (term && !key.includes(" ") && key.length >= 5) names.push({ key, term });
    };
    for (const e of [...vocabulary.file.cellTypes, ...vocabulary.file.mtypes])
      [e.value, e.label, ...e.names].forEach(add);
    for (const e of vocabulary.file.classes) [e.value, ...e.names].forEach(add);
    typoIndex = { vocabulary, names };
  }
  const key = normalizeName(word);
  const limit = key.length >= 9 ? 2 : 1;
  const scored = typoIndex.names
    .filter((n) => Math.abs(n.key.length - key.length) <= limit)
    .map((n) => ({ ...n, d: editDistance(key, n.key, limit) }))
    .filter((n) => n.d <= limit);
  const d = Math.min(...scored.map((n) => n.d));
  const hits = scored.filter((n) => n.d === d);
  const terms = new Set(hits.map((h) => JSON.stringify(h.term)));
  return terms.size === 1 ? { term: hits[0]!.term, name: hits[0]!.key, d } : undefined;
}

let englishWords: Set<string> | undefined;

/** Ordinary English words that are never typos of lexicon words (data/unexpressed-words.json). */
function english(): Set<string> {
  englishWords ??= new Set(unexpressedWords().neverTypos);
  return englishWords;
}

const Misspellings = z.object({ about: z.array(z.string()), words: z.record(z.string(), z.string().min(1)) });
let misspelled: Record<string, string> | undefined;

/** data/misspellings.json: misspellings the corrector by edit distance leaves alone, and the words meant. */
export function misspellings(): Record<string, string> {
  misspelled ??= Misspellings.parse(JSON.parse(readFileSync(join(DATA_DIR, "misspellings.json"), "utf8"))).words;
  return misspelled;
}

const UnexpressedWords = z.object({ conditions: z.array(z.string()), neverTypos: z.array(z.string()) });
let unexpressed: z.infer<typeof UnexpressedWords> | undefined;

/** Words of conditions the tables cannot express, and words that are never typos. */
export function unexpressedWords(): z.infer<typeof UnexpressedWords> {
  unexpressed ??= UnexpressedWords.parse(JSON.parse(readFileSync(join(DATA_DIR, "unexpressed-words.json"), "utf8")));
  return unexpressed;
}
