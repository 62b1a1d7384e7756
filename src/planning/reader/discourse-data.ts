import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_DIR } from "../../project-root.js";

/** The phrase lists of the discourse step (data/discourse.json; its "about" says what each is). */
const DiscourseFile = z.object({
  about: z.array(z.string()),
  abbreviations: z.array(z.string().min(1)),
  greetings: z.array(z.string().min(1)),
  politeness: z.array(z.string().min(1)),
  requests: z.array(z.string().min(1)),
  askStarts: z.array(z.string().min(1)),
  purposeNouns: z.array(z.string().min(1)),
  /** Who else asks or says something ("my PI", "reviewer 2", "a labmate"): <asker> in a phrase. */
  askers: z.array(z.string().min(1)),
  /** Days and times ("on Thursday", "by tomorrow"): said at the end of a part, they are not a condition. */
  times: z.array(z.string().min(1)),
  /** Words of one phrase, written as several strings to keep lines short. */
  dataPhrase: z.array(z.string().min(1)),
  trailers: z.array(z.string().min(1)),
  cues: z.array(z.string().min(1)),
  defineCue: z.string().min(1),
  safePhrases: z.array(z.string().min(1)),
  hypotheses: z.array(z.string().min(1)),
  /** Hypotheses that say what the asker is looking at: a name in them may be the topic, so it must be asked. */
  topics: z.array(z.string().min(1)),
  comparators: z.array(z.string().min(1)),
  comparatives: z.array(z.string().min(1)),
  superlatives: z.array(z.string().min(1)),
  numberWords: z.record(z.string(), z.number()),
  firstPerson: z.array(z.string().min(1)),
  verbs: z.array(z.string().min(1)),
  deictic: z.array(z.string().min(1)),
  qualifiers: z.array(z.string().min(1)),
  anaphors: z.object({ singular: z.array(z.string()), plural: z.array(z.string()), elliptical: z.array(z.string()) }),
});
export type DiscourseFile = z.infer<typeof DiscourseFile>;

export const DISCOURSE_FILE = join(DATA_DIR, "discourse.json");

/** The lists compiled to patterns (all case-insensitive; none anchored, none global). */
export interface Discourse {
  file: DiscourseFile;
  abbreviations: Set<string>;
  greeting: RegExp;
  politeness: RegExp;
  request: RegExp;
  askStart: RegExp;
  purposeNoun: string;
  askerNoun: string;
  /** A sentence that opens with someone else ("My PI asked …"), anchored. */
  askerFirst: RegExp;
  /** A whole phrase of `times`, anchored. */
  time: RegExp;
  trailers: RegExp[];
  cue: RegExp;
  safe: RegExp;
  hypothesis: RegExp;
  topic: RegExp;
  comparator: RegExp;
  comparative: RegExp;
  superlative: RegExp;
  firstPerson: RegExp;
  verb: RegExp;
  deictic: RegExp;
  qualifier: RegExp;
  singular: RegExp;
  plural: RegExp;
  elliptical: RegExp;
}

let cached: Discourse | undefined;

export function discourse(): Discourse {
  cached ??= compile(DiscourseFile.parse(JSON.parse(readFileSync(DISCOURSE_FILE, "utf8"))));
  return cached;
}

function compile(file: DiscourseFile): Discourse {
  const purposeNoun = alternation(file.purposeNouns.map((n) => phraseSource(n)));
  const askerNoun = alternation(file.askers.map((n) => phraseSource(n)));
  const data = phraseSource(file.dataPhrase.join(" "));
  const places: Placeholders = { purpose: purposeNoun, data, asker: askerNoun };
  const any = (phrases: string[]) => new RegExp(alternation(phrases.map((p) => phraseSource(p, places))), "i");
  return {
    file,
    abbreviations: new Set(file.abbreviations.map((a) => a.toLowerCase())),
    time: new RegExp(`^(?:the\\s+)?(?:${alternation(file.times.map((p) => phraseSource(p)))})$`, "i"),
    greeting: any(file.greetings),
    politeness: any(file.politeness),
    request: any(file.requests),
    askStart: any(file.askStarts),
    purposeNoun,
    askerNoun,
    askerFirst: new RegExp(`^\\s*(?:${askerNoun})\\b`, "i"),
    trailers: file.trailers.map((t) => new RegExp(phraseSource(t, places), "i")),
    cue: any(file.cues),
    safe: any(file.safePhrases),
    hypothesis: any(file.hypotheses),
    topic: any(file.topics),
    comparator: any(file.comparators),
    comparative: new RegExp(`${phraseSource(file.comparatives.join("|"))}\\s+than\\b`, "i"),
    superlative: any(file.superlatives),
    firstPerson: any(file.firstPerson),
    verb: any(file.verbs),
    deictic: any(file.deictic),
    qualifier: any(file.qualifiers),
    singular: any(file.anaphors.singular),
    plural: any(file.anaphors.plural),
    elliptical: any(file.anaphors.elliptical),
  };
}

const alternation = (sources: string[]) => `(?:${sources.join("|")})`;
const isWordy = (s: string) => /[A-Za-z0-9]/.test(s);

/** Up to eight words, captured, so the caller can check them for restriction cues. */
export const WILDCARD = "((?:[^\\s,.;:!?()]+\\s+){0,7}[^\\s,.;:!?()]+)";

/**
 * One phrase of the data's small syntax → a regular expression source. Words are separated by
 * whitespace, punctuation may touch the words beside it, and a phrase never starts or ends inside a
 * word ("hi" is not the start of "high").
 */
/** What <purpose>, <data> and <asker> in a phrase stand for. */
export interface Placeholders {
  purpose: string;
  data: string;
  asker: string;
}
const NO_PLACES: Placeholders = { purpose: "(?!)", data: "(?!)", asker: "(?!)" };

/** Stands for an underscore of a phrase until the phrase is a pattern. */
const UNDERSCORE = "\u0000";

export function phraseSource(phrase: string, places: Placeholders = NO_PLACES): string {
  let out = "";
  let first = true;
  let afterPunct = false;
  // (An optional slot may hold words with spaces: "[per cell|per neuron]", "[( its best scan )]".)
  const slots = phrase.trim().match(/\[[^\]]*\]|[^\s[]+/g) ?? [];
  for (const raw of slots) {
    const optional = /^\[.*\]$/.test(raw);
    const body = optional ? raw.slice(1, -1) : raw;
    // (An underscore is a space, or itself: "thank_you", and "cc_abs" as typed or as "cc abs".)
    const alts = body.split("|").map((a) => a.replace(/_/g, UNDERSCORE));
    const punct = alts.every((a) => !isWordy(a));
    const place = /^<(purpose|data|asker)>$/.exec(body)?.[1] as keyof Placeholders | undefined;
    const src = body === "*" ? WILDCARD : place ? places[place] : alternation(alts.map(altSource));
    const sep = first ? "" : punct || afterPunct ? "\\s*" : "\\s+";
    if (optional && first) out += `(?:${src}${punct ? "\\s*" : "\\s+"})?`;
    else if (optional) out += `(?:${sep}${src})?`;
    else out += sep + src;
    // After a leading optional slot the next slot needs no separator of its own.
    first = optional && first;
    afterPunct = punct;
  }
  const startsWordy = isWordy(slots[0]!.replace(/^\[|\]$/g, "")) || slots[0] === "*";
  const last = slots[slots.length - 1]!.replace(/^\[|\]$/g, "");
  const endsWordy = isWordy(last) || last === "*";
  // ("IT" in "5P-IT" is no "it"; "L2/3" is one word.)
  return `${startsWordy ? "(?<![A-Za-z0-9'’/-])" : ""}${out}${endsWordy ? "(?![A-Za-z0-9]|[-/][A-Za-z0-9])" : ""}`;
}

/** One word of a slot: apostrophes of either kind, inner spaces as any whitespace, ~ as any ending. */
function altSource(alt: string): string {
  const stem = alt.endsWith("~");
  const text = stem ? alt.slice(0, -1) : alt;
  const escape = (w: string) =>
    w
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/'/g, "['’]")
      .replaceAll(UNDERSCORE, "(?:\\s+|_)");
  // (Inner spaces are any whitespace; beside punctuation, none too: "[( its best scan )]" takes "(its best scan)".)
  const words = text.split(/\s+/);
  const escaped = words
    .map((w, i) => (i === 0 ? "" : isWordy(w.at(0)!) && isWordy(words[i - 1]!.at(-1)!) ? "\\s+" : "\\s*") + escape(w))
    .join("");
  return stem ? `${escaped}[A-Za-z]*` : escaped;
}
