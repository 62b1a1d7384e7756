import type { Tag } from "./lexicon.js";
import type { Item } from "./items.js";

/**
 * A constituent: one item, or several that a reader has joined into one meaning ("more than 100
 * inputs" → a threshold; "inhibitory BC cells in LM" → a population). Readers rewrite the list of
 * atoms, each pass joining smaller atoms into larger ones, like the steps of a shift-reduce parser.
 */
export interface Atom {
  tag: Tag;
  /** Other meanings the atom's words could have (an item's further tags). */
  alt: Tag[];
  items: Item[];
}

export const atomOf = (item: Item): Atom => ({
  tag: item.tags[0] ?? { t: item.fn ? "fn" : "unknown" },
  alt: item.tags.slice(1),
  items: [item],
});

export const text = (a: Atom | undefined) => (a ? a.items.map((i) => i.text).join(" ") : "");
export const lower = (a: Atom | undefined) => text(a).toLowerCase();

/** Whether an atom is (or could be) a tag of type t, with an optional key value. */
export function is(a: Atom | undefined, t: string, key?: string, value?: unknown): boolean {
  if (!a) return false;
  return [a.tag, ...a.alt].some((g) => g.t === t && (key === undefined || g[key] === value));
}

/** The atom's meaning of type t, if it has one. */
export function as<T extends Tag>(a: Atom | undefined, t: string): T | undefined {
  if (!a) return undefined;
  return [a.tag, ...a.alt].find((g) => g.t === t) as T | undefined;
}

/** Joins atoms[from..to) into one atom with a new meaning. */
export function join(atoms: Atom[], from: number, to: number, tag: Tag): Atom[] {
  const items = atoms.slice(from, to).flatMap((a) => a.items);
  return [...atoms.slice(0, from), { tag, alt: [], items }, ...atoms.slice(to)];
}

/** Marks every item of the atoms used. */
export function use(...atoms: (Atom | undefined)[]): void {
  for (const a of atoms) for (const i of a?.items ?? []) i.used = true;
}

/** Function words and scope phrases: skippable between the parts of a constituent. */
export const skippable = (a: Atom | undefined) =>
  Boolean(a && a.items.every((i) => i.fn || i.scope) && a.tag.t !== "pop");

/** An atom the question implies but does not say in words of its own. */
export function silent(tag: Tag, beside: Atom): Atom {
  const at = beside.items[beside.items.length - 1]!;
  return {
    tag,
    alt: [],
    items: [{ i: -1, start: at.end, end: at.end, text: "", tags: [tag], fn: true, scope: false, used: false }],
  };
}
