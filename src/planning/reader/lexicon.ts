import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../project-root.js";
import { tokenize } from "./tokens.js";

/** What a phrase of the lexicon means to the reader (see data/lexicon.json). */
export const Tag = z.object({ t: z.string() }).passthrough();
export type Tag = { t: string; [k: string]: unknown };

const LexiconFile = z.object({
  about: z.string(),
  entries: z.array(z.object({ tag: Tag, phrases: z.array(z.string().min(1)) })),
  function: z.array(z.string()),
  scope: z.array(z.string()),
});

export const LEXICON_FILE = join(DATA_DIR, "lexicon.json");

/** A phrase's tokens as the tokenizer sees them, lower case, joined by spaces. */
export const phraseKey = (phrase: string) =>
  tokenize(phrase)
    .map((t) => t.lower)
    .join(" ");

/**
 * The reader's lexicon: phrases (of one or more tokens) → tags, function words, and scope phrases
 * ("in the dataset") that say where, not what. Matched longest first; single words of four letters
 * or more also match with a typo (see `correct`).
 */
export class Lexicon {
  readonly phrases = new Map<string, Tag[]>();
  readonly functionWords = new Set<string>();
  readonly scope = new Set<string>();
  readonly maxWords: number;
  private readonly singleWords: string[];
  private readonly functionSingles: string[];
  private readonly phraseWords: string[];

  constructor(file: z.infer<typeof LexiconFile>) {
    for (const e of file.entries) {
      for (const p of e.phrases) {
        const key = phraseKey(p);
        if (!key) continue;
        const tags = this.phrases.get(key) ?? [];
        if (!tags.some((t) => JSON.stringify(t) === JSON.stringify(e.tag))) tags.push(e.tag as Tag);
        this.phrases.set(key, tags);
      }
    }
    for (const w of file.function) this.functionWords.add(phraseKey(w));
    for (const s of file.scope) this.scope.add(phraseKey(s));
    const keys = [...this.phrases.keys(), ...this.functionWords, ...this.scope];
    this.maxWords = Math.max(...keys.map((k) => k.split(" ").length));
    this.singleWords = [...this.phrases.keys()].filter((k) => !k.includes(" ") && /^[a-z]{4,}$/.test(k));
    this.functionSingles = [...this.functionWords].filter(
      (k) => !k.includes(" ") && /^[a-z]{4,}$/.test(k) && !this.phrases.has(k),
    );
    const inPhrases = new Set(
      [...this.phrases.keys(), ...this.scope].filter((k) => k.includes(" ")).flatMap((k) => k.split(" ")),
    );
    this.phraseWords = [...inPhrases].filter(
      (w) => /^[a-z]{4,}$/.test(w) && !this.phrases.has(w) && !this.functionWords.has(w),
    );
  }

  static load(path: string = LEXICON_FILE): Lexicon {
    return new Lexicon(LexiconFile.parse(JSON.parse(readFileSync(path, "utf8"))));
  }

  /**
   * The known word a typo stands for, with its distance, when exactly one meaning is that close:
   * a lexicon word (one edit from five letters, two from nine; at four letters only a swap or a
   * missing letter: "tpye", "cels"), or a function word written with two
   * letters swapped ("waht", "dose"), never a function word by any other edit, since a function
   * word is read as nothing and a real word mistaken for one would vanish from the question.
   */
  correct(word: string): { word: string; d: number; fn: boolean } | undefined {
    if (word.length < 4 || !/^[a-z]+$/.test(word)) return undefined;
    const limit = word.length >= 9 ? 2 : 1;
    let best: { word: string; fn: boolean }[] = [];
    let bestD = limit + 1;
    const consider = (w: string, fn: boolean) => {
      if (Math.abs(w.length - word.length) > limit || negates(word, w)) return;
      // (Four letters: a swap or a missing letter only, so "male" is not read as "make".)
      const short = word.length === 4 && !swapped(word, w) && !(w.length === 5 && editDistance(word, w, 1) === 1);
      const d = fn ? (swapped(word, w) ? 1 : limit + 1) : short ? limit + 1 : editDistance(word, w, limit);
      if (d < bestD) {
        bestD = d;
        best = [{ word: w, fn }];
      } else if (d === bestD) best.push({ word: w, fn });
    };
    for (const w of this.singleWords) consider(w, false);
    for (const w of this.functionSingles) consider(w, true);
    // ("fully extnded axons": a word of a longer phrase, which then matches as typed right; only
    // when no word of its own is as close: "nucleas" is "nucleus", not the "nuclear" of "nuclear volume".)
    if (bestD > limit) for (const w of this.phraseWords) consider(w, false);
    if (bestD > limit || !best.length) return undefined;
    const meanings = new Set(
      best.map((b) =>
        b.fn ? "fn" : this.phrases.has(b.word) ? JSON.stringify(this.phrases.get(b.word)) : `word:${b.word}`,
      ),
    );
    return meanings.size === 1 ? { ...best[0]!, d: bestD } : undefined;
  }
}

/**
 * "unmatched" is not a typo of "matched", nor "uncoregistered" of "coregistered": a negating prefix
 * turns a word around, so it is never taken as the typo that makes the word it negates.
 */
function negates(word: string, w: string): boolean {
  const prefix = /^(un|non|in|im|dis)/.exec(word)?.[1];
  return !!prefix && !w.startsWith(prefix) && editDistance(word.slice(prefix.length), w, 1) <= 1;
}

/** Two words that differ by one pair of neighbouring letters swapped. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** Damerau-Levenshtein distance (adjacent transpositions count one), stopping past `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  const n = a.length;
  const m = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m]!;
}
