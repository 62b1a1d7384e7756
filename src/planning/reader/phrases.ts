import type { Filter } from "../plan.js";
import { as, is, lower, skippable, type Atom } from "./atoms.js";
import { anyKindInBrackets, superlativeNucleus } from "./nucleus-phrases.js";
import type { Threshold } from "./numbers.js";
import { Unreadable } from "./filters.js";
import { KIND_HEADS, SIDE_NOUNS, kindDim } from "./shape.js";

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
  /** The alternatives were joined by "vs": compared, whatever else is said ("BC vs MC: total output syn"). */
  versus?: boolean;
  /** The head noun: cell, neuron, nucleus, root, fragment, partner, target, source, type, mtype, class, area, layer, strategy. */
  head?: string;
  plural?: boolean;
  wh?: string;
  each?: boolean;
  topk?: { k: number; dir: string; q?: string; open?: boolean };
  /** The superlative said of the cells; `nth`: a place in its order ("the second-largest"). */
  sup?: { dir: string; q?: string; nth?: number };
  distinct?: boolean;
  /** Thresholds said of it ("with more than 100 inputs"), resolved when its role is known. */
  thresholds: Threshold[];
  /** Where a relative clause begins in filters ("cells | that are glia", "23P cells | in LM"): a fraction's part. */
  clauseAt?: number;
  /** "presynaptic cell type", "target types": the side a grouping noun names. */
  side?: "pre" | "post";
  /** Set when the words name a single root or nucleus. */
  [k: string]: unknown;
}

const POP_NOUNS = new Set(["cell", "neuron", "nucleus", "root", "fragment", "partner", "target", "source", "type", "mtype", "class", "area", "layer", "strategy"]);
const GROUP_NOUNS = KIND_HEADS;

const ARTICLE = /^(a|an|the|any|all)$/;
/** The atom after an article: "without a proofread axon" negates "proofread axon". */
const pastArticle = (atoms: Atom[], i: number) => (ARTICLE.test(lower(atoms[i])) ? atoms[i + 1] : atoms[i]);
const isVal = (a: Atom | undefined) => is(a, "val") || is(a, "flag") || is(a, "id") || is(a, "ambiguous");
const isPopNoun = (a: Atom | undefined) => is(a, "noun") && POP_NOUNS.has(String(as(a, "noun")!.n));
/** "each type", "per area", "by presynaptic type": "by" groups only before a grouping noun ("made by BC" does not). */
const perBefore = (a: Atom | undefined, next: Atom | undefined, after?: Atom, further?: Atom) => {
  // "by presynaptic type", "by target area", "by presynaptic inhibitory cell type" (not "by output
  // synapses": a ranking's measure).
  const kind = (x: Atom | undefined) => isPopNoun(x) && GROUP_NOUNS.has(String(as(x, "noun")!.n));
  const side = (is(next, "rel", "r", "upstream") || is(next, "rel", "r", "downstream") || SIDE_NOUNS.has(String(as(next, "noun")?.n ?? "")))
    && (kind(after) || (isVal(after) && kind(further)));
  // ("by inh type": a value, then the grouping noun, groups that kind among those values.)
  if (lower(a) === "by" || lower(a) === "across")
    return (isPopNoun(next) && GROUP_NOUNS.has(String(as(next, "noun")!.n))) || side || (isVal(next) && kind(after));
  return isVal(next) || isPopNoun(next) || side;
};
const PARTNER_NOUNS = new Set(["partner", "target", "source"]);
const FLOW_AFTER = new Set(["input", "output", "synapse", "connection"]);
const startsPop = (a: Atom | undefined, next: Atom | undefined, after2?: Atom, prev?: Atom, after3?: Atom) =>
  isVal(a) || (isPopNoun(a) && !verbAfterSubject(a, prev)) || is(a, "near")
  || ((is(a, "neg") || is(a, "distinct")) && (isVal(next) || isPopNoun(next)))
  || (is(a, "neg") && ARTICLE.test(lower(next)) && (isVal(after2) || isPopNoun(after2)))
  || ((is(a, "topk") || entitySup(a)) && (is(next, "noun", "n", "target") || is(next, "noun", "n", "source")))
  || is(a, "wh", "w", "who")
  // ("what innervates 5P-ET cells?": "what" before a verb of synapsing asks who, by kind.)
  || (/^what$/i.test(lower(a)) && (is(next, "verb", "v", "out") || is(next, "verb", "v", "in")))
  // "which 3 23P neurons", "which cell types" (not "what's 8646…": an id is already one cell).
  || (is(a, "wh", "w", "which") && ((isVal(next) && !is(next, "id")) || isPopNoun(next) || is(next, "topk") || is(next, "distinct")
    || is(next, "rel", "r", "upstream") || is(next, "rel", "r", "downstream") || entitySup(next)))
  // ("made by each inhibitory type": after a verb, "by" names who does it, not a grouping.)
  || (is(a, "per") && perBefore(a, next, after2, after3) && !(lower(a) === "by" && is(prev, "verb")))
  || (is(a, "topk") && (isVal(next) || isPopNoun(next))) || (is(a, "side") && is(next, "noun", "n", "strategy"))
  || (SIDE_NOUNS.has(String(as(a, "noun")?.n ?? "")) && isPopNoun(next) && GROUP_NOUNS.has(String(as(next, "noun")!.n)))
  // ("with pre type 4P and post type 23P", "postsynaptic class": a side, then what of it.)
  || ((is(a, "rel", "r", "upstream") || is(a, "rel", "r", "downstream")) && isPopNoun(next) && GROUP_NOUNS.has(String(as(next, "noun")!.n)))
  || (entitySup(a) && (isVal(next) || isPopNoun(next)));

/** "8646… targets …", "BC cells contact …": a word that is both a noun and a verb, used as the verb. */
function verbAfterSubject(a: Atom | undefined, prev: Atom | undefined): boolean {
  // ("which 3 targets receive …": after a bare "which 3" the word is the noun those words ask for.)
  const bare = prev?.tag.t === "pop" && !(prev.tag.filters as unknown[]).length && !prev.tag.head && prev.tag.wh;
  return is(a, "verb") && prev?.tag.t === "pop" && !bare && PARTNER_NOUNS.has(String(as(a, "noun")?.n ?? ""));
}

/** "the biggest", "the deepest": a superlative that picks cells (not "the most", which counts them). */
function entitySup(a: Atom | undefined): boolean {
  return Boolean(a) && [a!.tag, ...a!.alt].some((t) => t.t === "sup" && !t.count);
}

/** A preferred-orientation condition still waiting for its tolerance ("preferring vertical …"). */
const pendingAngle = (p: Pop) => p.filters.find((f) => f.dim === "pref_ori" && f.near !== undefined && Number.isNaN(f.within));

/** The population an atom is, if it is one. */
export const popOf = (a: Atom | undefined) => (a?.tag.t === "pop" ? (a.tag as Pop) : undefined);

/** A population that is one kind of name and nothing else: "BC", "astrocytes", "23P cells". */
export const simple = (p: Pop) => p.filters.length === 1 && Boolean(p.filters[0]!.values) && !p.filters[0]!.not && CATEGORIES.has(p.filters[0]!.dim)
  && !p.wh && !p.each && !p.topk && !p.sup && !p.thresholds.length;

/** Joins population phrases into "pop" atoms; the other atoms are left as they are. */
export function readPopulations(input: Atom[]): Atom[] {
  // ("the strongest connections from 8646…": its partners, ranked by synapses. Of a population, "the
  // strongest connection onto 5P-ET" is one connected pair, ranked as connections.)
  const oneCell = input.some((a) => is(a, "id") || is(a, "anaphor"));
  const atoms = input.map((a, i) => (oneCell && is(a, "noun", "n", "connection") && entitySup(input[i - 1])
    && /^(strongest|biggest|largest|main|top)/i.test(lower(input[i - 1])) ? { ...a, tag: { t: "noun", n: "partner" } } : a));
  const out: Atom[] = [];
  let i = 0;
  while (i < atoms.length) {
    const bracket = anyKindInBrackets(atoms, i);
    if (bracket) {
      out.push(bracket.atom);
      i += bracket.took;
      continue;
    }
    if (!startsPop(atoms[i], atoms[i + 1], atoms[i + 2], out[out.length - 1], atoms[i + 3])) {
      out.push(atoms[i]!);
      i++;
      continue;
    }
    const { pop, end } = readPop(atoms, i);
    // "the most BC input": the superlative is of the input, not of the basket cells; so is "the largest
    // inhibitory share" of the share.
    const measured =
      (is(atoms[end], "noun") && FLOW_AFTER.has(String(as(atoms[end], "noun")!.n))) ||
      is(atoms[end], "fraction") ||
      is(atoms[end], "ratio");
    if (pop.sup && measured && is(atoms[i], "sup")) {
      out.push(atoms[i]!);
      i++;
      continue;
    }
    // "the largest nucleus", "the biggest MC nucleus": a quantity ranked, or cells ranked by it.
    const ranked = superlativeNucleus(pop, atoms, i, end);
    if (ranked) {
      out.push(...ranked);
      i = end;
      continue;
    }
    // ("the 3 biggest BC nuclei": the BCs, ranked by their nuclei.)
    if (pop.topk && pop.head === "nucleus" && pop.filters.length) pop.head = undefined;
    // ("synapses made by each inhibitory type": the agent of the verb, said with "by each".)
    if (/^by (each|every)$/i.test(lower(atoms[i])) && is(out[out.length - 1], "verb")) out.push({ tag: { t: "rel", r: "by" }, alt: [], items: atoms[i]!.items });
    out.push({ tag: pop, alt: [], items: atoms.slice(i, end).flatMap((a) => a.items) });
    i = end;
  }
  return out;
}

/** "nucleus 101265", "the cell with nucleus id 101265": the noun only labels the id (one cell, not "nuclei"). */
const nucleusNamed = (atoms: Atom[], i: number) =>
  as(atoms[i], "id")?.kind === "nucleus" && /^nucleus(\s+id)?$/i.test(lower(atoms[i - 1]));

function filterOf(a: Atom): Filter | undefined {
  const v = as(a, "val");
  if (v) return { dim: v.dim as Filter["dim"], values: [...(v.values as string[])] };
  const id = as(a, "id");
  if (id) return { dim: id.kind === "nucleus" ? "nucleus_id" : "root_id", values: [String(id.id)] };
  const f = as(a, "flag");
  if (!f) return undefined;
  if (f.dim === "fragment") return { dim: "has_nucleus", is: false };
  if (f.dim === "unproofread") return { dim: "proofread", is: false };
  if (f.dim === "untyped") return { dim: "typed", is: false };
  if (f.also) return { dim: f.dim as Filter["dim"], is: true, and: { dim: f.also, is: true } } as Filter;
  if (f.not) return { dim: f.dim as Filter["dim"], is: false };
  if (f.alsoNot) return { dim: f.dim as Filter["dim"], is: true, and: { dim: f.alsoNot, is: false } } as Filter;
  return { dim: f.dim as Filter["dim"], is: true };
}

/** Reads one population phrase from atoms[i]; returns it and where it ends. */
function readPop(atoms: Atom[], start: number): { pop: Pop; end: number } {
  let negatedHead = false;
  const startsClause = (i: number) => {
    // ("excluding types with no tuning data": the negation is of the whole phrase, which filters cannot say.)
    if (negatedHead) throw new Unreadable(`Excluding which cells exactly? I cannot tell how far "${lower(atoms[start])}" reaches.`);
    if (pop.clauseAt === undefined && (pop.head || pop.filters.length)) pop.clauseAt = pop.filters.length;
    return i;
  };
  const pop: Pop = { t: "pop", filters: [], thresholds: [] };
  // ("in V1", "outside the L5": an area or a layer after the word at k.)
  const placeAfter = (k: number) =>
    is(pastArticle(atoms, k + 1), "val", "dim", "area") || is(pastArticle(atoms, k + 1), "val", "dim", "layer");
  let i = start;
  let negate = false;
  let lastVal: Filter | undefined;
  const add = (f: Filter) => {
    // A flag of two conditions ("axon and dendrite proofread") is two filters.
    const and = (f as { and?: Filter }).and;
    const base = and ? { dim: f.dim, is: f.is } as Filter : f;
    const g = negate ? { ...base, ...(base.is !== undefined ? { is: !base.is } : { not: true }) } : base;
    pop.filters.push(g);
    if (and) pop.filters.push(and);
    lastVal = g;
    negate = false;
  };
  for (; i < atoms.length; i++) {
    const a = atoms[i]!;
    const next = atoms[i + 1];
    // ("what innervates 5P-ET cells": which kinds of cells.)
    // ("synapses which L5 ET cells receive": after a noun, "which" begins a relative clause, not a question.)
    if (i === start && is(a, "wh") && /^(which|that)$/i.test(lower(a)) && is(atoms[start - 1], "noun")) continue;
    if (i === start && is(a, "wh")) pop.wh = /^what$/i.test(lower(a)) && is(next, "verb") ? "what" : String(as(a, "wh")!.w);
    // ("the input of 8646… by cell type": one neuron is not grouped; the grouping is a phrase of its own.)
    else if (is(a, "per") && i > start && (pop.filters.length || pop.head) && perBefore(a, next, atoms[i + 2], atoms[i + 3])) break;
    // ("BC per postsynaptic root", "23P cells per area": the grouping is a phrase of its own.)
    // ("pre type 4P and post type 23P": a second side word begins a second phrase.)
    else if ((is(a, "rel", "r", "upstream") || is(a, "rel", "r", "downstream")) && i > start && (pop.side || pop.filters.length)) break;
    else if (is(a, "per") && !pop.head && perBefore(a, next, atoms[i + 2], atoms[i + 3])) pop.each = true;
    else if (is(a, "topk")) pop.topk = as(a, "topk") as Pop["topk"];
    // ("8646… strongest target": a superlative after a phrase begins the next one.)
    else if (entitySup(a) && (isVal(next) || isPopNoun(next)) && i > start && (pop.head || pop.filters.length)) break;
    else if (entitySup(a) && (isVal(next) || isPopNoun(next))) pop.sup = [a.tag, ...a.alt].find((t) => t.t === "sup" && !t.count) as Pop["sup"];
    else if (is(a, "distinct")) pop.distinct = true;
    else if (is(a, "neg") && (isVal(pastArticle(atoms, i + 1)) || isPopNoun(pastArticle(atoms, i + 1)))) {
      negate = !negate;
      negatedHead = i === start && isPopNoun(pastArticle(atoms, i + 1));
      // ("fraction of BCs outside V1": a place said after the cells begins what is asked of them, as "in V1" does.)
      if (i > start && (pop.head || pop.filters.length) && placeAfter(i)) startsClause(i);
    }
    else if (is(a, "side") && is(next, "noun", "n", "strategy")) pop.strategySide = as(a, "side")!.side;
    else if (is(a, "ambiguous")) pop.ambiguous = { text: lower(a), options: as(a, "ambiguous")!.options };
    else if (is(a, "near")) {
      const near = as(a, "near")!;
      // ("horizontal (0° ± 20)": the tolerance of an angle already named.)
      const pending = pendingAngle(pop);
      if (pending && Number(near.center) === pending.near) pending.within = Number(near.within);
      else add({ dim: near.dim === "pref_dir" ? "pref_dir" : "pref_ori", near: Number(near.center), within: Number(near.within) });
    }
    // ("fast-spiking BCs": two names of one type say it twice.)
    else if (isVal(a) && lastVal?.values && is(atoms[i - 1], "val") && sameDimVal(a, lastVal)
      && filterOf(a)!.values!.every((v) => lastVal!.values!.includes(v))) continue;
    else if (isVal(a) && lastVal?.values && is(atoms[i - 1], lastValKind(lastVal)) && sameDimVal(a, lastVal) && CATEGORIES.has(lastVal.dim)) {
      // "BC MC BPC counts": names of one kind side by side are a list, as with "and".
      const f = filterOf(a)!;
      pop.alts = pop.alts ?? [{ label: lastVal.values.join(" or "), filters: [{ ...lastVal, values: [...lastVal.values] }] }];
      pop.alts.push({ label: f.values!.join(" or "), filters: [f] });
      lastVal.values.push(...f.values!);
    } else if (is(a, "id") && pop.head && (pop.plural || GROUP_NOUNS.has(pop.head)) && !nucleusNamed(atoms, i)) break;
    // ("the neurons 8646… projects to": an id after cells in the plural, then a verb, begins a relative clause.)
    else if (is(a, "id") && pop.plural && pop.filters.length && is(next, "verb")) break;
    // ("which cell types 8646… receives": an id after a plural noun or a kind is a phrase of its own.)
    // ("in which cortical layer the Martinotti cells are …": the asked kind, then the cells it is asked of.)
    else if (isVal(a) && pop.wh && pop.head && GROUP_NOUNS.has(pop.head) && filterOf(a)!.dim !== kindDim(pop.head)) break;
    // ("the three postsynaptic types BPCs hit hardest": a relative clause without "that" begins at the name.)
    else if (isVal(a) && isPopNoun(atoms[i - 1]) && GROUP_NOUNS.has(pop.head ?? "") && pop.plural && is(next, "verb"))
      break;
    else if (isVal(a)) {
      // ("fraction of BCs proofread", "% of V1 neurons coreg": a flag after the cells in the plural is said of them.)
      // ("% of 23P proofread": so is one after a type's name, when a share of them is asked.)
      const ofShare =
        is(atoms[start - 1], "fraction") ||
        (is(atoms[start - 1], "rel", "r", "of") && is(atoms[start - 2], "fraction"));
      if (is(a, "flag") && (pop.plural || ofShare) && i > start && !is(atoms[i - 1], "flag")) startsClause(i);
      add(filterOf(a)!);
      // ("which neurons make the most …", "BCs": a name in the plural is many cells.)
      if (is(a, "val") && /[a-z0-9]s$/i.test(lower(a)) && !/ss$/.test(lower(a))) pop.plural = true;
    }
    else if ((is(a, "rel", "r", "upstream") || is(a, "rel", "r", "downstream") || SIDE_NOUNS.has(String(as(a, "noun")?.n ?? "")))
      && ((isPopNoun(next) && GROUP_NOUNS.has(String(as(next, "noun")!.n)))
        || (isVal(next) && isPopNoun(atoms[i + 2]) && GROUP_NOUNS.has(String(as(atoms[i + 2], "noun")!.n))))) {
      // "presynaptic cell type", "source area", "target types": the side a grouping is of.
      pop.side = is(a, "rel", "r", "upstream") || is(a, "noun", "n", "input") || is(a, "noun", "n", "source") ? "pre" : "post";
    } else if (isPopNoun(a) && !PARTNER_NOUNS.has(String(as(a, "noun")!.n))) {
      // "area LM", "layer 5", "type BC": the noun names the dimension of the value beside it.
      const n = String(as(a, "noun")!.n);
      // ("m-types in area RL": "area" names the value beside it; what the phrase is of stays m-types.)
      if (pop.head && kindDim(n) && isVal(next) && filterOf(next!)?.dim === kindDim(n)) continue;
      // ("presynaptic root ids": the ids are of the partners named first.)
      if (PARTNER_NOUNS.has(pop.head ?? "") && n === "root") continue;
      // ("postsynaptic type (excitatory cells)": the cells say which types; the phrase is still of types.)
      if (kindDim(pop.head) && (n === "cell" || n === "neuron")) continue;
      pop.head = n;
      pop.plural = /s$/.test(lower(a)) || /nuclei|somata/.test(lower(a));
      if (as(a, "noun")!.each) pop.each = true;
      if (n === "strategy" && as(a, "noun")!.side) pop.strategySide = as(a, "noun")!.side;
      if (n === "fragment" && !pop.filters.some((f) => f.dim === "has_nucleus")) pop.filters.push({ dim: "has_nucleus", is: false });
      if (negate && n === "type") {
        pop.filters.push({ dim: "typed", is: false });
        negate = false;
      } else if (negate && !["cell", "neuron", "nucleus", "soma", "root", "fragment"].includes(n)) {
        // ("cells with no area", "no layer"): which cells have no value is not a condition the plan can say.
        throw new Unreadable(`I cannot tell cells without ${/^[aeiou]/.test(n) ? "an" : "a"} ${n} apart in these tables; `
          + `ask per ${n} instead, e.g. "how many cells per ${n}".`);
      } else if (negate) {
        pop.filters.push(n === "neuron" ? { dim: "class", values: ["neuron"], not: true } : { dim: "has_nucleus", is: false });
        negate = false;
      }
    } else if (is(a, "verb") && !/s$/i.test(lower(a)) && i > start && !(pop.each && !pop.head && !pop.filters.length)
      && atoms.slice(0, start).some((x) => /^(do|does|did)$/i.test(lower(x)))) {
      // ("what do BCs target": after "do", the bare word is the verb; not after "per": "… make per target".)
      break;
    } else if (PARTNER_NOUNS.has(String(as(a, "noun")?.n ?? "")) && !pop.head && !pop.filters.some((f) => f.dim === "root_id") && (i === start
      || ((pop.wh || pop.topk || pop.sup || pop.each || pop.distinct || pop.filters.length) && !isVal(next) && !isPopNoun(next)
        // ("8646… targets how many neurons": a verb.)
        && (!next || is(next, "rel", "r", "of") || is(next, "rel", "r", "with") || (skippable(next) && !is(next, "count"))
          // ("# BC targets in V1": a place after the partners is theirs or their owner's, not the BCs' count.)
          || (is(next, "rel", "r", "in") && placeAfter(i + 1))
          // ("the strongest connections from 8646…", "top 5 partners onto X", "distinct targets from X", "top 5 inputs by …")
          || ((pop.sup || pop.topk || pop.distinct) && (is(next, "rel", "r", "from") || is(next, "rel", "r", "to") || is(next, "rel", "r", "by")))
          // ("which 3 partners receive …": a verb after the asked partners.)
          || (pop.wh && is(next, "verb")))))) {
      // "which targets", "top 5 postsynaptic partners", "23P targets of X" (not "BC cells target 23P").
      pop.head = String(as(a, "noun")!.n);
      pop.namedBefore = pop.filters.length;
      pop.plural = /s$/.test(lower(a));
    } else if (is(a, "rel", "r", "in") && (placeAfter(i)
      || ((is(next, "noun", "n", "area") || is(next, "noun", "n", "layer")) && isVal(atoms[i + 2])))) startsClause(i);
    else if (ARTICLE.test(lower(a)) && is(atoms[i - 1], "rel", "r", "in") && i > start && (is(next, "val", "dim", "area") || is(next, "val", "dim", "layer"))) continue;
    else if (is(a, "rel", "r", "with") && (is(next, "flag") || is(next, "val", "dim", "axon_strategy") || is(next, "val", "dim", "dendrite_strategy")
      || is(next, "threshold") || is(next, "near") || is(next, "neg") || is(next, "prefer")
      || (ARTICLE.test(lower(next)) && (is(atoms[i + 2], "flag") || is(atoms[i + 2], "threshold"))))) startsClause(i);
    // ("partners of 8646… that are 23P": the clause is said of the partners, not of the one cell.)
    else if (is(a, "glue") && pop.filters.some((f) => f.dim === "root_id" && f.values?.length === 1) && i > start) break;
    else if (is(a, "glue") && (isVal(next) || is(next, "neg"))) {
      // ("cells in RL that are glia": the part a fraction asks about begins at "that are".)
      startsClause(i);
      pop.glueAt = pop.filters.length;
    }
    // "cells of type BC", "neurons of class inhibitory": the noun names the value's kind.
    else if (is(a, "rel", "r", "of") && i > start && isPopNoun(next) && GROUP_NOUNS.has(String(as(next, "noun")!.n)) && isVal(atoms[i + 2])) i++;
    else if (ARTICLE.test(lower(a)) && i > start && (is(next, "flag") || is(next, "threshold")) && is(atoms[i - 1], "rel", "r", "with")) continue;
    else if (is(a, "prefer") && (is(next, "near") || is(next, "angle"))) continue;
    else if (is(a, "angle") && is(atoms[i - 1], "prefer")) add({ dim: "pref_ori", near: Number(as(a, "angle")!.value), within: NaN });
    // ("preferring vertical orientations, within 15°": the tolerance said after the angle.)
    else if (is(a, "cmp", "op", "near") && pendingAngle(pop) && is(next, "num")) {
      const deg = is(atoms[i + 2], "unit", "u", "rad") ? (Number(next!.tag.value) * 180) / Math.PI : Number(next!.tag.value);
      pendingAngle(pop)!.within = deg;
      i += is(atoms[i + 2], "unit") ? 2 : 1;
    } else if (lower(a) === "," && pendingAngle(pop) && is(next, "cmp", "op", "near")) continue;
    else if (is(a, "threshold") && (is(atoms[i - 1], "rel", "r", "with") || pop.head || pop.filters.length)) pop.thresholds.push(as(a, "threshold") as Threshold);
    else if ((is(a, "rel", "r", "or") || is(a, "rel", "r", "and") || (is(a, "vs") && CATEGORIES.has(lastVal?.dim ?? "")
      // ("BC→23P vs MC→23P" compares two flows, not 23P and MC.)
      // ("… onto 23P cells than 23P cells onto BC": a noun of cells may come between.)
      && !flowBeside(atoms, i))) && lastVal?.values
      && (sameDimVal(next, lastVal) || (ARTICLE.test(lower(next)) && sameDimVal(atoms[i + 2], lastVal)))) {
      // ("a BC or an MC": the article before the second name goes with it.)
      if (!sameDimVal(next, lastVal)) i++;
      // ("excluding glia / non-neuronal cells": a negation is said of every name of the list.)
      const f = { ...filterOf(atoms[i + 1]!)!, ...(lastVal.not ? { not: true } : {}) };
      // ("glia / non-neuronal": two names of one value are that value once, not two sets to compare.)
      if (f.values!.every((v) => lastVal!.values!.includes(v))) {
        i++;
        continue;
      }
      // ("excluding BC and MC": none of them, one set; not "all but BC" compared with "all but MC".)
      // ("V1, RL, AL or LM": an "or" that ends a list begun with commas adds to the list.)
      if ((is(a, "rel", "r", "or") && !pop.alts) || lastVal.not) lastVal.values!.push(...f.values!);
      else {
        pop.alts = pop.alts ?? [{ label: lastVal.values!.join(" or "), filters: [{ ...lastVal, values: [...lastVal.values!] }] }];
        pop.alts.push({ label: f.values!.join(" or "), filters: [f] });
        if (is(a, "vs")) pop.versus = true;
        lastVal.values!.push(...f.values!);
      }
      i++;
    } else if (skippable(a) && i > start && (isVal(next) || isPopNoun(next)) && !is(a, "rel") && /^(the|a|an|all|any)$/.test(lower(a))
      // ("different neurons the cell 8646…": an article after the head noun begins another phrase.)
      && !((pop.head || pop.filters.length) && isPopNoun(next))) continue;
    else break;
  }
  // Trailing glue ("in", "with") that led nowhere is not part of the phrase.
  while (i > start + 1 && (is(atoms[i - 1], "rel") || is(atoms[i - 1], "glue")) && !isVal(atoms[i - 1])) i--;
  // (A negation that negated nothing in the phrase is not part of it: left unread, it is asked back.)
  while (negate && i > start + 1 && !is(atoms[i - 1], "neg")) i--;
  if (negate && i > start + 1) i--;
  return { pop, end: Math.max(i, start + 1) };
}

const CATEGORIES = new Set(["cell_type", "mtype", "area", "layer"]);
const lastValKind = (_f: Filter) => "val";

function sameDimVal(a: Atom | undefined, last: Filter): boolean {
  const f = a && isVal(a) ? filterOf(a) : undefined;
  return Boolean(f?.values && f.dim === last.dim);
}

/** An arrow or "onto" right beside the names a "vs" at `i` separates (past a noun of cells): two flows compared. */
function flowBeside(atoms: Atom[], i: number): boolean {
  const to = (k: number) => is(atoms[k], "rel", "r", "to");
  const noun = (k: number) => is(atoms[k], "noun", "n", "cell") || is(atoms[k], "noun", "n", "neuron");
  return to(i + 2) || to(i - 2) || (noun(i + 2) && to(i + 3)) || (noun(i - 1) && to(i - 3));
}
