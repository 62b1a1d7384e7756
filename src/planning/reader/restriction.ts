import { maskSources } from "./citations.js";
import type { Discourse } from "./discourse-data.js";
import { ROOT_COMMA_A } from "./restatements.js";
import { tokenize } from "./tokens.js";
import { unexpressedWords } from "./typos.js";
import { itemsOf, namedIn, namesOf, type Name } from "./words.js";

/** Why a part must stay in the question, or undefined when it may be context. */
type Why = string | undefined;

export interface Strictness {
  /** The part speaks for the asker or leads in to the ask: names and numbers must be the ask's. */
  strict: boolean;
  /** A qualifier ("strong", "large") may select cells here (not in a trailing "to see whether deep cells are big"). */
  qualifiers: boolean;
  /** Even when not strict, every name must be the ask's (a claim reported before the ask: "The paper says …;"). */
  names?: boolean;
}

/**
 * The safety rule of the discourse step: a part of a question may be set aside as context only if
 * it cannot be a restriction of what is asked. Every part is checked for restriction cues ("only",
 * "excluding", "I mean", "counting", …) and for thresholds ("more than 80") whose number the ask
 * does not repeat. A part that speaks for the asker (a purpose, "we …", a lead-in of the ask
 * sentence) is held to more: it may name no type, layer, area, flag or id, and no number, that
 * the ask does not name too, and no comparative, superlative or qualifier ("strong", "large",
 * "responsive") that may pick out some cells. A background statement of fact ("NP neurons are a
 * rare layer 5 population") may name things: it describes, not selects.
 *
 * Returns why the part must stay in the question, or undefined when it may be context.
 */
export function restriction(part: string, ask: string, how: Strictness, d: Discourse, loose: string[] = []): Why {
  const text = plain(part, d);
  // Cue words count inside hyphenated words too ("V1-only", "non-excluded").
  const words = (t: string) => t.replace(/-/g, " ");
  for (const w of loose) {
    const cue = d.cue.exec(words(negations(w)));
    if (cue) return `"${cue[0]}" may restrict the question`;
  }
  const cue = d.cue.exec(words(text)) ?? definition(words(text), d);
  if (cue) return `"${cue[0].trim()}" may restrict the question`;
  const place = edgePhrase(text, d, ask);
  if (place) return `"${place}" may restrict the question`;
  const askNumbers = numbersOf(ask, d);
  const threshold = thresholdNumbers(text, d).find((n) => !askNumbers.has(n));
  if (threshold !== undefined) return `the threshold ${threshold} is not in the question`;
  if (!how.strict) return how.names ? nameNotAsked(text, ask) : undefined;
  // (A word of a name is not a qualifier: "thick" in "thick-tufted cells".)
  let plainWords = words(text);
  for (const n of namesOf(text)) if (/\s|-/.test(n.text)) plainWords = plainWords.replace(words(n.text), " ");
  const more =
    d.comparative.exec(plainWords) ??
    d.superlative.exec(plainWords) ??
    (how.qualifiers ? d.qualifier.exec(plainWords) : null);
  if (more) return `"${more[0]}" may restrict the question`;
  const number = [...numbersOf(text, d)].find((n) => !askNumbers.has(n));
  if (number !== undefined) return `the number ${number} is not in the question`;
  // ("8646… coreg? pref ori (deg)": a quantity said apart is asked too; not in a trailer, "to see whether … big".)
  const shaping = shapingWord(text, ask, how.qualifiers);
  if (shaping) return `"${shaping}" may change what is asked`;
  return nameNotAsked(text, ask);
}

/** A name (type, layer, area, flag, id) of the part that the ask does not name. */
function nameNotAsked(text: string, ask: string): Why {
  // "the neuron 8646…", "cell 8646…": the noun only labels the id.
  // ("8646… (L5 IT cell)", "8646…, an L5 IT cell,": what is said of the id so describes it.)
  const labelled = (t: string) =>
    t
      .replace(/\b(?:neuron|cell|(?:root|segment)(?:\s+id)?)\s+(?=\d{15,20}\b)/gi, "")
      .replace(/(\d{15,20})\s*\([^()]{1,40}\)/g, "$1")
      .replace(ROOT_COMMA_A, "$1");
  const askNames = namesOf(labelled(ask));
  // (Or the same words: "basket cell" in the context, "basket cells" in the ask; never one letter.)
  const sameWords = (n: Name) =>
    n.text.length >= 3 && new RegExp(`\\b${escape(n.text.replace(/s$/i, ""))}`, "i").test(ask);
  const inAsk = (n: Name) => namedIn(n, askNames) || sameWords(n);
  const name = namesOf(labelled(text)).find((n) => !inAsk(n));
  return name ? `"${name.text}" is not named in the question` : undefined;
}

/**
 * The part with sources, safe phrases ("not sure", "no worries"), greetings and politeness blanked
 * out, all but the words a phrase's wildcard took ("sorry if this only applies to L5, but").
 */
function plain(part: string, d: Discourse): string {
  let text = negations(maskSources(part));
  for (const re of [d.hypothesis, d.safe, d.greeting, d.politeness]) {
    for (const m of text.matchAll(new RegExp(re.source, "gid"))) {
      const [start, end] = m.indices![0]!;
      let blank = " ".repeat(end - start);
      for (const g of m.indices!.slice(1)) {
        if (g) blank = blank.slice(0, g[0] - start) + text.slice(g[0], g[1]) + blank.slice(g[1] - start);
      }
      text = text.slice(0, start) + blank + text.slice(end);
    }
  }
  return text;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "don't" → "do not": the negation is a cue word of its own. */
const negations = (text: string) =>
  text
    .replace(/[’]/g, "'")
    .replace(/\b(won)'t\b/gi, "will not")
    .replace(/\b(\w+)n't\b/gi, "$1 not");

function definition(text: string, d: Discourse): RegExpExecArray | null {
  return new RegExp(phraseOf(d.file.defineCue), "i").exec(text);
}

/** "defin~ * as" → a regular expression: "define … as", "defined … as". */
function phraseOf(phrase: string): string {
  const word = (w: string) => {
    if (w === "*") return "(?:\\S+\\s+){0,8}?";
    return w.endsWith("~") ? `\\b${w.slice(0, -1)}\\w*\\s+` : `\\b${w}\\b`;
  };
  return phrase.split(/\s+/).map(word).join("");
}

/** The numbers of a text, digits and number words; root ids are names, not numbers. */
export function numbersOf(text: string, d: Discourse): Set<number> {
  const out = new Set<number>();
  for (const t of tokenize(maskSources(text))) {
    const n = numberOf(t.lower, d);
    if (n !== undefined) out.add(n);
  }
  return out;
}

/** Tags of words that shape the answer (a statistic, a unit, a top-k, a share): in a part, they must be the ask's. */
const SHAPING = new Set([
  "stat",
  "percentile",
  "unit",
  "units",
  "top",
  "topk",
  "order",
  "ratio",
  "fraction",
  "probability",
]);

/** "…? root id 90th percentile", "…? in nm": a word that shapes the answer, said outside the ask and not in it. */
function shapingWord(text: string, ask: string, quantities: boolean): string | undefined {
  const shapes = (t: string) => SHAPING.has(t) || (quantities && t === "qty");
  const keys = (t: string) =>
    itemsOf(t).flatMap((i) => i.tags.filter((g) => shapes(g.t)).map((g) => ({ key: JSON.stringify(g), i })));
  const inAsk = new Set(keys(ask).map((k) => k.key));
  return keys(text).find((k) => !inAsk.has(k.key))?.i.text;
}

function numberOf(word: string, d: Discourse): number | undefined {
  // ("the 90th percentile", "the 2nd largest": an ordinal is a number too.)
  if (/^\d+(st|nd|rd|th)$/i.test(word)) return Number(word.replace(/\D/g, ""));
  const digits = /^[-+]?\d[\d,]*(\.\d+)?\+?$/.test(word) && word.replace(/\D/g, "").length < 15;
  if (digits) return Number(word.replace(/[,+]/g, ""));
  if (/^[-+]?\.\d+$/.test(word)) return Number(word);
  return d.file.numberWords[word];
}

/** Numbers that a comparator ("more than", ">", "between", "or more") binds. */
function thresholdNumbers(text: string, d: Discourse): number[] {
  const tokens = tokenize(text).map((t) => t.lower);
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (/^\d+\+$/.test(t)) out.push(Number(t.slice(0, -1)));
    const phrase = tokens.slice(i, i + 3).join(" ");
    const m = new RegExp(`^(?:${d.comparator.source}|${d.comparative.source})`, "i").exec(phrase);
    if (!m) return;
    const width = m[0].split(/\s+/).length;
    // "3 or more", "5 +" bind the number before; the others the (up to four) words after ("from about 100 to 350").
    const before = /^(or|\+)/.test(m[0]) ? tokens.slice(Math.max(0, i - 2), i) : [];
    for (const w of [...before, ...tokens.slice(i + width, i + width + 4)]) {
      const n = numberOf(w, d);
      if (n !== undefined) out.push(n);
    }
  });
  return out;
}

/**
 * "In the left hemisphere, NP neurons are rare", "… so I can see whether it is heavy-tailed in male
 * mice", "Older than P60, …": a part that names a condition the tables cannot express (a word of
 * data/unexpressed-words.json) or a code with digits the ask does not have ("V2", "P60", "layer 7")
 * may restrict the question; such a part stays in it, to be asked back.
 */
/** What a purpose speaks of ("… with our model", "in the EM", "for a figure"): never a condition on the data. */
const PURPOSE_NOUNS =
  /\b(model|models|figure|figures|thesis|paper|grant|em|neuroglancer|analysis|lab|project|slides?|talk|notebook|pipeline|data|dataset|simulation|simulations)\b/i;

/** ("… whether the classes differ in nucleus size": what they differ in, a quantity of the tables, no condition.) */
const aQuantity = (phrase: string) => {
  const items = itemsOf(phrase.replace(/^(?:the|a|an)\s+/i, ""));
  return items.length === 1 && items[0]!.tags.some((g) => g.t === "qty" || g.t === "noun");
};

function edgePhrase(text: string, d: Discourse, ask = ""): string | undefined {
  const conditions = new Set(unexpressedWords().conditions);
  const askText = ask.toLowerCase();
  for (const t of tokenize(text)) {
    if (conditions.has(t.lower)) return t.text;
    const code = /^[a-z]+\d+[a-z0-9]*$/i.test(t.text) && !/^(l\d|\d)/i.test(t.text) ? t.text : undefined;
    if (code && !askText.includes(code.toLowerCase())) return code;
  }
  // (Layers 1 to 6 are in the data; a background sentence about "a layer 5 population" restricts nothing.)
  // ("Under isoflurane, …", "During visual stimulation, …": a condition said first, before a comma.)
  const lead = /^\s*(under|during|in|at|after|before|with|without|on|among|within|from)\s+([^,;:]{1,40}?),/i.exec(text);
  if (lead && !/^(fig|figure|table|our|my|this|the (?:paper|figure|table|em|data))\b/i.test(lead[2]!))
    return lead[0].replace(/,$/, "");
  // ("… so I can see whether it is heavy-tailed after training": a condition said last.)
  // (Not what a purpose is about: "a grant on inhibition", "our model of L2/3".)
  const tail =
    /(\S+)\s+(under|during|in|at|after|before|with|without|on|among|within)\s+((?:the |a |an )?[\w/+-]+(?:\s+[\w/+-]+)?)\s*[?.!]*\s*$/i.exec(
      text,
    );
  if (
    tail &&
    !PURPOSE_NOUNS.test(tail[1]!) &&
    !PURPOSE_NOUNS.test(tail[3]!) &&
    // ("… for lab meeting on Thursday": when, not which cells.)
    !d.time.test(tail[3]!) &&
    namesOf(tail[3]!).length === 0 &&
    !aQuantity(tail[3]!) &&
    /[a-z]{3}/i.test(tail[3]!)
  ) {
    return `${tail[2]} ${tail[3]}`;
  }
  const layer = /\blayers?\s+(\d+)\b/i.exec(text);
  if (layer && (Number(layer[1]) > 6 || Number(layer[1]) < 1)) return layer[0];
  return undefined;
}
