import { join } from "node:path";
import { DATA_DIR } from "../../project-root.js";
import { Vocabulary } from "../vocabulary/vocabulary.js";
import { tagItems, type Item } from "./items.js";
import { Lexicon, type Tag } from "./lexicon.js";
import { tokenize } from "./tokens.js";

/**
 * The reader's own view of a piece of text (its lexicon and the cell-type vocabulary), for the
 * discourse step: which words name something (a type, a layer, an id), which are function words,
 * and whether a piece opens like a request for a figure ("a histogram of …", "mean size of …").
 */
let words: { lexicon: Lexicon; vocabulary: Vocabulary } | undefined;

function load() {
  words ??= { lexicon: Lexicon.load(), vocabulary: Vocabulary.load(join(DATA_DIR, "vocabulary.json")) };
  return words;
}

/** The cell-type vocabulary the reader reads with (loaded once). */
export function readerVocabulary(): Vocabulary {
  return load().vocabulary;
}

export function itemsOf(text: string): Item[] {
  const { lexicon, vocabulary } = load();
  return tagItems(tokenize(text), lexicon, vocabulary);
}

/** Tags that name what to count or where: a type, a class, a layer or area, an id, a flag like "proofread". */
const NAMING = new Set(["val", "id", "flag", "ambiguous"]);

export interface Name {
  key: string;
  text: string;
  tag: Tag;
}

/** The names in a piece of text, each with the words it was read from. */
export function namesOf(text: string): Name[] {
  return itemsOf(text).flatMap((i) =>
    i.tags.filter((t) => NAMING.has(t.t)).map((tag) => ({ key: JSON.stringify(tag), text: i.text, tag })),
  );
}

/**
 * The ask names this too: the same name, or a class that a type of the ask belongs to ("inhibitory
 * synapses" in the context of a question about BCs restricts nothing BCs are not already).
 */
export function namedIn(name: Name, ask: Name[]): boolean {
  if (ask.some((a) => a.key === name.key)) return true;
  const { tag } = name;
  if (tag.t !== "val" || tag.dim !== "class") return false;
  const classes = tag.values as string[];
  return ask.some(
    (a) =>
      a.tag.t === "val" &&
      (a.tag.dim === "cell_type" || a.tag.dim === "mtype") &&
      (a.tag.values as string[]).every((v) => {
        const c = load().vocabulary.classOf(v);
        return c !== undefined && (classes.includes(c) || (classes.includes("neuron") && c !== "nonneuron"));
      }),
  );
}

/** Every word of the text is one the reader skips anyway ("Hi!", "Thanks!"). */
export function onlyFunctionWords(text: string): boolean {
  return itemsOf(text).every((i) => i.fn);
}

/** Tags that ask for a figure or a chart when a phrase opens with them. */
const ASKING = new Set([
  "chart",
  "stat",
  "count",
  "fraction",
  "percentile",
  "ratio",
  "list",
  "top",
  "distribution",
  "matrix",
  "probability",
  "lookup",
  "sup",
]);

/** The first word that is not a function word asks for something ("a box plot of …", "mean synapse size …"). */
export function opensWithAskNoun(text: string): boolean {
  const first = itemsOf(text).find((i) => !i.fn);
  return Boolean(first?.tags.some((t) => ASKING.has(t.t)));
}

/** Tags of things a pronoun can stand for: cells, synapses, partners, sizes. */
const THINGS = new Set([...NAMING, "noun", "qty"]);

/** The text names a thing a later "them" or "its" can point back to ("How many basket cells have their soma …"). */
export function contentBefore(text: string): boolean {
  return itemsOf(text).some((i) => !i.fn && i.tags.some((t) => THINGS.has(t.t)));
}
