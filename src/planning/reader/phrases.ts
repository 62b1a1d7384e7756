import type { Filter } from "../plan.js";
import { as, is, lower, skippable, type Atom } from "./atoms.js";
import type { Threshold } from "./numbers.js";

/**
 * A population phrase: "inhibitory BC cells in LM with a proofread axon", "which 3 23P neurons",
 * "each inhibitory cell type", "8646…", "who". Its filters are the conditions on the cells it
 * names; the rest says how the question uses it (a question word, "each", top-k, a superlative).
 */
export interface Pop {
  t: "pop";
  filters: Filter[];
  /** "BC and MC": one set of extra filters per named alternative (a comparison). */
  alts?: { label: string; filters: Filter[] }[];
  /** The head noun: cell, neuron, nucleus, root, fragment, partner, target, source, type, mtype, class, area, layer, strategy. */
  head?: string;
  plural?: boolean;
  wh?: string;
  each?: boolean;
  topk?: { k: number; dir: string; q?: string };
  sup?: { dir: string; q?: string };
  distinct?: boolean;
  /** Thresholds said of it ("with more than 100 inputs"), resolved when its role is known. */
  thresholds: Threshold[];
  /** "presynaptic cell type", "target types": the side a grouping noun names. */
  side?: "pre" | "post";
  /** Set when the words name a single root or nucleus. */
  [k: string]: unknown;
}

const POP_NOUNS = new Set(["cell", "neuron", "nucleus", "root", "fragment", "partner", "target", "source", "type", "mtype", "class", "area", "layer", "strategy"]);
const GROUP_NOUNS = new Set(["type", "mtype", "class", "area", "layer", "strategy"]);

const isVal = (a: Atom | undefined) => is(a, "val") || is(a, "flag") || is(a, "id") || is(a, "ambiguous");
const isPopNoun = (a: Atom | undefined) => is(a, "noun") && POP_NOUNS.has(String(as(a, "noun")!.n));
const startsPop = (a: Atom | undefined, next: Atom | undefined) =>
  isVal(a) || isPopNoun(a) || is(a, "near")
  || ((is(a, "neg") || is(a, "distinct")) && (isVal(next) || isPopNoun(next)))
  || ((is(a, "topk") || is(a, "sup")) && (is(next, "noun", "n", "target") || is(next, "noun", "n", "source")))
  || (is(a, "wh", "w", "who")) || (is(a, "wh", "w", "which") && (isVal(next) || isPopNoun(next) || is(next, "topk") || is(next, "distinct")
    || is(next, "rel", "r", "upstream") || is(next, "rel", "r", "downstream") || is(next, "sup")))
  || (is(a, "per") && (isVal(next) || isPopNoun(next) || is(next, "rel", "r", "upstream") || is(next, "rel", "r", "downstream")))
  || is(a, "topk") || (is(a, "sup") && (isVal(next) || isPopNoun(next)));

/** Joins population phrases into "pop" atoms; the other atoms are left as they are. */
export function readPopulations(atoms: Atom[]): Atom[] {
  const out: Atom[] = [];
  let i = 0;
  while (i < atoms.length) {
    if (!startsPop(atoms[i], atoms[i + 1])) {
      out.push(atoms[i]!);
      i++;
      continue;
    }
    const { pop, end } = readPop(atoms, i);
    out.push({ tag: pop, alt: [], items: atoms.slice(i, end).flatMap((a) => a.items) });
    i = end;
  }
  return out;
}

function filterOf(a: Atom): Filter | undefined {
  const v = as(a, "val");
  if (v) return { dim: v.dim as Filter["dim"], values: [...(v.values as string[])] };
  const id = as(a, "id");
  if (id) return { dim: id.kind === "nucleus" ? "nucleus_id" : "root_id", values: [String(id.id)] };
  const f = as(a, "flag");
  if (!f) return undefined;
  if (f.dim === "fragment") return { dim: "has_nucleus", is: false };
  if (f.dim === "unproofread") return { dim: "proofread", is: false };
  return { dim: f.dim as Filter["dim"], is: true };
}

/** Reads one population phrase from atoms[i]; returns it and where it ends. */
function readPop(atoms: Atom[], start: number): { pop: Pop; end: number } {
  const pop: Pop = { t: "pop", filters: [], thresholds: [] };
  let i = start;
  let negate = false;
  let lastVal: Filter | undefined;
  const add = (f: Filter) => {
    const g = negate ? { ...f, ...(f.is !== undefined ? { is: !f.is } : { not: true }) } : f;
    pop.filters.push(g);
    lastVal = g;
    negate = false;
  };
  for (; i < atoms.length; i++) {
    const a = atoms[i]!;
    const next = atoms[i + 1];
    if (i === start && is(a, "wh")) pop.wh = String(as(a, "wh")!.w);
    else if (is(a, "per") && !pop.head && (isVal(next) || isPopNoun(next) || is(next, "rel"))) pop.each = true;
    else if (is(a, "topk")) pop.topk = as(a, "topk") as Pop["topk"];
    else if (is(a, "sup") && (isVal(next) || isPopNoun(next))) pop.sup = as(a, "sup") as Pop["sup"];
    else if (is(a, "distinct")) pop.distinct = true;
    else if (is(a, "neg") && (isVal(next) || isPopNoun(next))) negate = !negate;
    else if (is(a, "ambiguous")) pop.ambiguous = { text: lower(a), options: as(a, "ambiguous")!.options };
    else if (is(a, "near")) add({ dim: "pref_ori", near: Number(as(a, "near")!.center), within: Number(as(a, "near")!.within) });
    else if (isVal(a)) add(filterOf(a)!);
    else if (isPopNoun(a)) {
      // "area LM", "layer 5", "type BC": the noun names the dimension of the value beside it.
      const n = String(as(a, "noun")!.n);
      if (pop.head && !GROUP_NOUNS.has(pop.head) && GROUP_NOUNS.has(n)) {
        // "23P cell type", "BC neurons' type": the type of the cells (a grouping), when asked for.
      }
      pop.head = n;
      pop.plural = /s$/.test(lower(a)) || /nuclei|somata/.test(lower(a));
      if (negate && n !== "type") {
        pop.filters.push(n === "neuron" ? { dim: "class", values: ["neuron"], not: true } : { dim: "has_nucleus", is: false });
        negate = false;
      }
    } else if ((is(a, "rel", "r", "upstream") || is(a, "rel", "r", "downstream")) && (isPopNoun(next) && GROUP_NOUNS.has(String(as(next, "noun")!.n)))) {
      pop.side = is(a, "rel", "r", "upstream") ? "pre" : "post";
    } else if ((is(a, "noun", "n", "target") || is(a, "noun", "n", "source")) && !pop.head
      && (pop.wh || pop.topk || pop.sup || pop.each || pop.distinct || pop.filters.length) && !isVal(next) && !isPopNoun(next)) {
      // "which targets", "top 5 postsynaptic partners", "23P targets of X" (not "BC cells target 23P").
      pop.head = String(as(a, "noun")!.n);
      pop.plural = /s$/.test(lower(a));
    } else if (is(a, "rel", "r", "in") && (is(next, "val", "dim", "area") || is(next, "val", "dim", "layer")
      || ((is(next, "noun", "n", "area") || is(next, "noun", "n", "layer")) && isVal(atoms[i + 2])))) continue;
    else if (is(a, "rel", "r", "with") && (is(next, "flag") || is(next, "val", "dim", "axon_strategy") || is(next, "val", "dim", "dendrite_strategy")
      || is(next, "threshold") || is(next, "near") || is(next, "neg") || is(next, "prefer"))) continue;
    else if (is(a, "glue") && (isVal(next) || is(next, "neg"))) continue;
    else if (is(a, "prefer") && (is(next, "near") || is(next, "angle"))) continue;
    else if (is(a, "angle") && is(atoms[i - 1], "prefer")) add({ dim: "pref_ori", near: Number(as(a, "angle")!.value), within: NaN });
    else if (is(a, "threshold") && (is(atoms[i - 1], "rel", "r", "with") || pop.head || pop.filters.length)) pop.thresholds.push(as(a, "threshold") as Threshold);
    else if ((is(a, "rel", "r", "or") || is(a, "rel", "r", "and")) && lastVal?.values && sameDimVal(next, lastVal)) {
      const f = filterOf(next!)!;
      if (is(a, "rel", "r", "or")) lastVal.values!.push(...f.values!);
      else {
        pop.alts = pop.alts ?? [{ label: lastVal.values!.join(" or "), filters: [{ ...lastVal }] }];
        pop.alts.push({ label: f.values!.join(" or "), filters: [f] });
        lastVal.values!.push(...f.values!);
      }
      i++;
    } else if (skippable(a) && i > start && (isVal(next) || isPopNoun(next)) && !is(a, "rel") && /^(the|a|an|all)$/.test(lower(a))) continue;
    else break;
  }
  // Trailing glue ("in", "with") that led nowhere is not part of the phrase.
  while (i > start + 1 && (is(atoms[i - 1], "rel") || is(atoms[i - 1], "glue")) && !isVal(atoms[i - 1])) i--;
  return { pop, end: Math.max(i, start + 1) };
}

function sameDimVal(a: Atom | undefined, last: Filter): boolean {
  const f = a && isVal(a) ? filterOf(a) : undefined;
  return Boolean(f?.values && f.dim === last.dim);
}
