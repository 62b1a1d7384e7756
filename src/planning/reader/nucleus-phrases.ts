import { as, is, lower, type Atom } from "./atoms.js";
import type { Tag } from "./lexicon.js";
import type { Pop } from "./phrases.js";
import { KIND_HEADS } from "./shape.js";

/**
 * "% of all cells (any class) that are BC", "cells (all types) in L5": a kind said "any" or "all",
 * in brackets, restricts and groups nothing. Returns the function-word atom and how many atoms it
 * took, or undefined.
 */
export function anyKindInBrackets(atoms: Atom[], i: number): { atom: Atom; took: number } | undefined {
  const [open, any, kind, close] = atoms.slice(i, i + 4);
  const anyKind = /^(any|all)$/.test(lower(any)) && KIND_HEADS.has(String(as(kind, "noun")?.n));
  if (lower(open) !== "(" || !anyKind || lower(close) !== ")") return undefined;
  const items = [open!, any!, kind!, close!].flatMap((a) => a.items);
  // (Function words now: no kind is left for the check that kinds read are kept.)
  items.forEach((x) => Object.assign(x, { used: true, fn: true, tags: [] }));
  return { atom: { tag: { t: "fn" }, alt: [], items }, took: 4 };
}

/**
 * "the largest nucleus", "with the smallest nucleus": a quantity (nucleus volume) ranked, not cells;
 * "the biggest MC nucleus": the MCs, ranked by it (the one), "the biggest 5P-ET nuclei" (many);
 * "the second-largest nucleus": its place kept. Returns the atoms the phrase atoms[i..end) becomes.
 */
export function superlativeNucleus(pop: Pop, atoms: Atom[], i: number, end: number): Atom[] | undefined {
  if (!pop.sup || pop.head !== "nucleus" || (pop.filters.length && !is(atoms[i], "sup"))) return undefined;
  // ("the smallest nucleus with more than 3 synapses": the threshold is of cells, not of the quantity.)
  if (pop.thresholds.length) return undefined;
  const many = pop.filters.length && /\bnuclei\b/i.test(atoms.slice(i, end).map(lower).join(" "));
  const sup: Tag = {
    t: "sup",
    dir: pop.sup.dir,
    q: pop.sup.q ?? "volume",
    ...(pop.sup.nth ? { nth: pop.sup.nth } : {}),
    ...(many ? { plural: true } : {}),
  };
  const cells = pop.filters.length ? i + 1 : end;
  const out: Atom[] = [{ tag: sup, alt: [], items: atoms.slice(i, cells).flatMap((a) => a.items) }];
  const named: Pop = { ...pop, sup: undefined, head: undefined, plural: false };
  if (cells < end) out.push({ tag: named, alt: [], items: atoms.slice(cells, end).flatMap((a) => a.items) });
  return out;
}
