import type { Filter } from "../plan.js";
import { as, is, lower, use, type Atom } from "./atoms.js";
import { nounOf } from "./role-words.js";
import { simple, type Pop } from "./phrases.js";
import { PARTNER_HEADS } from "./shape.js";

/* Populations joined after they are read: lists, predicates, appositions and relative clauses. */

/**
 * "How many BC and how many MC?", "the number of astrocytes and the number of microglia": two
 * populations of one kind, each counted: one population with both as alternatives.
 */
export function mergeLists(atoms: Atom[]): Atom[] {
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    if (a.tag.t !== "pop" || !simple(a.tag as Pop)) continue;
    let j = i + 1;
    const owned = ownedNoun(atoms, i);
    while (
      j < atoms.length &&
      (is(atoms[j], "rel", "r", "and") ||
        (j === i + 1 && owned) ||
        (owned && j === i + 3 && is(atoms[j], "rel", "r", "of")) ||
        is(atoms[j], "count") ||
        (atoms[j]!.items.every((x) => x.fn) && atoms[j]!.tag.t !== "pop"))
    )
      j++;
    const b = atoms[j];
    if (
      j === i + 1 ||
      !b ||
      b.tag.t !== "pop" ||
      !simple(b.tag as Pop) ||
      !atoms.slice(i + 1, j).some((x) => is(x, "rel", "r", "and"))
    )
      continue;
    if (owned && nounOf(atoms[j + 1]) !== owned) continue;
    // ("Of 23P cells, how many BCs target them?": a comma before a second "how many" starts the question;
    // only "and" joins two counted populations.)
    const between = atoms.slice(i + 1, j);
    const joined = between.some((x) => is(x, "rel", "r", "and") && /^(and|&|plus)$/i.test(lower(x)));
    if (between.some((x) => is(x, "count")) && !joined) continue;
    // ("For L5 ET targets, what is the 23P→target connection probability?": a question word starts the question.)
    if (between.some((x) => x.items.some((w) => /^(what|which|how|who|where)\b/i.test(w.text)))) continue;
    const p = a.tag as Pop;
    const q = b.tag as Pop;
    // ("pre type 4P and post type 23P": two sides, not a list.)
    if (p.filters[0]!.dim !== q.filters[0]!.dim || p.side !== q.side) continue;
    const alts = [
      ...(p.alts ?? [
        {
          label: p.filters[0]!.values!.join(" or "),
          filters: [{ ...p.filters[0]!, values: [...p.filters[0]!.values!] }],
        },
      ]),
      ...(q.alts ?? [{ label: q.filters[0]!.values!.join(" or "), filters: [{ ...q.filters[0]! }] }]),
    ];
    const merged: Pop = {
      ...p,
      alts,
      filters: [{ ...p.filters[0]!, values: alts.flatMap((x) => x.filters[0]!.values!) }],
      head: p.head ?? q.head,
      plural: p.plural || q.plural,
    };
    atoms = [
      ...atoms.slice(0, i),
      { tag: merged, alt: [], items: atoms.slice(i, j + 1).flatMap((x) => x.items) },
      ...atoms.slice(j + 1),
    ];
    i--;
  }
  return atoms;
}

/** "BC outputs and MC outputs", "BC inputs and of MC inputs": the noun each owns, said twice; read once, after. */
function ownedNoun(atoms: Atom[], i: number): string | undefined {
  const noun = nounOf(atoms[i + 1]);
  return (noun === "output" || noun === "input") && is(atoms[i + 2], "rel", "r", "and") ? noun : undefined;
}

/**
 * "how many distinct presynaptic root ids": "distinct" read alone, before a population that a side
 * word began, is said of that population.
 */
export function mergeDistinct(atoms: Atom[]): Atom[] {
  const out: Atom[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const p = a.tag.t === "pop" ? (a.tag as Pop) : undefined;
    const alone =
      is(a, "distinct") ||
      (p?.distinct && !p.filters.length && !p.head && !p.thresholds.length && !p.wh && !p.sup && !p.topk);
    // ("unique presynaptic roots": a side word may stand between.)
    const side = is(atoms[i + 1], "rel", "r", "upstream") || is(atoms[i + 1], "rel", "r", "downstream") ? 1 : 0;
    const next = atoms[i + 1 + side];
    if (is(a, "distinct") && next?.tag.t === "pop" && side) {
      // (With a side word between, "distinct" is read as said; a plan that counts no roots is asked back.)
      use(a);
    } else if (alone && next?.tag.t === "pop" && !(next.tag as Pop).distinct) {
      atoms[i + 1] = { ...next, tag: { ...(next.tag as Pop), distinct: true }, items: [...a.items, ...next.items] };
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * "synapses whose postsynaptic root has no nucleus", "BCs that have a proofread axon": a property
 * said of a population with "has"/"is" belongs to it. (Not in a fraction, whose verb splits the
 * whole from the part.)
 */
export function mergePredicates(atoms: Atom[]): Atom[] {
  if (atoms.some((a) => is(a, "fraction"))) return atoms;
  for (let i = 0; i + 2 < atoms.length; i++) {
    const a = atoms[i]!;
    const verb = atoms[i + 1];
    // ("… have a proofread axon": an article between the verb and the property.)
    // (Only after "have": "is a …", "is the …" say what a cell is, which the rest of the reader reads.)
    const article = is(atoms[i + 2], "fn") && /^(a|an)$/i.test(lower(atoms[i + 2]));
    const gap = article && is(verb, "verb", "v", "have") && i + 3 < atoms.length ? 1 : 0;
    const b = atoms[i + 2 + gap]!;
    // ("partners that have no nucleus": the verb may be inside the property's own phrase.)
    const relative = /^(that|which|who)$/i.test(lower(verb)) && /^(have|has|had|lack|lacks|are|is)\b/i.test(lower(b));
    const linked = is(verb, "verb", "v", "have") || is(verb, "verb", "v", "be") || relative;
    if (a.tag.t !== "pop" || b.tag.t !== "pop" || !linked) continue;
    const p = a.tag as Pop;
    const q = b.tag as Pop;
    const property =
      !q.head &&
      !q.wh &&
      !q.each &&
      q.filters.length > 0 &&
      q.filters.every((f) => f.is !== undefined || ["axon_strategy", "dendrite_strategy"].includes(f.dim));
    if (!property || p.wh || p.counted) continue;
    // ("which of the cells postsynaptic to 8646… are coregistered": a plural verb after one root says it of the
    // cells asked for, not of the root; it had made the root the coregistered one.)
    const oneRoot = p.filters.some((f) => f.dim === "root_id" && f.values?.length === 1) && !p.plural;
    if (oneRoot && /^(are|were|have)$/i.test(lower(verb))) {
      // ("Which of the presynaptic partners of 8646… have a proofread axon?": the cells asked for, named before the
      // root, have it; it had been put on the root's side, and asked back.)
      const owner = atoms[i - 2];
      const link = atoms[i - 1];
      const o = owner?.tag as Pop | undefined;
      const linked = ["of", "to", "upstream", "downstream"].some((r) => is(link, "rel", "r", r));
      if (owner?.tag.t !== "pop" || !o!.plural || !o!.head || !linked) continue;
      const cells: Pop = {
        ...o!,
        filters: [...o!.filters, ...q.filters],
        thresholds: [...o!.thresholds, ...q.thresholds],
      };
      atoms = [
        ...atoms.slice(0, i - 2),
        { tag: cells, alt: [], items: [...owner.items, ...atoms.slice(i + 1, i + 3 + gap).flatMap((x) => x.items)] },
        link!,
        a,
        ...atoms.slice(i + 3 + gap),
      ];
      continue;
    }
    const merged: Pop = { ...p, filters: [...p.filters, ...q.filters], thresholds: [...p.thresholds, ...q.thresholds] };
    atoms = [
      ...atoms.slice(0, i),
      { tag: merged, alt: [], items: atoms.slice(i, i + 3 + gap).flatMap((x) => x.items) },
      ...atoms.slice(i + 3 + gap),
    ];
  }
  return atoms;
}

/**
 * "each inhibitory cell type (BC, MC, BPC and NGC)", "the thick-tufted cells (5P-ET)": a population
 * in brackets right after another says which cells that one is; it narrows it.
 */
export function mergeAppositions(atoms: Atom[]): Atom[] {
  for (let i = 0; i + 3 < atoms.length; i++) {
    // ("neurons (typed excitatory or inhibitory)": function words inside the brackets are skipped.)
    const skipFn = (j: number) => {
      while (j < atoms.length && atoms[j]!.tag.t === "fn" && ![")", "("].includes(lower(atoms[j]))) j++;
      return j;
    };
    // (Only before the cells: "(neuron tgts only)" keeps its "only" and is no restatement.)
    const at = skipFn(i + 2);
    const end = at + 1;
    const [a, open, b, close] = [atoms[i], atoms[i + 1], atoms[at], atoms[end]];
    if (!a || !b || !close || a.tag.t !== "pop" || lower(open) !== "(" || b.tag.t !== "pop" || lower(close) !== ")")
      continue;
    const p = a!.tag as Pop;
    const q = b!.tag as Pop;
    if (q.wh || q.each || q.topk || q.sup || q.filters.some((f) => f.dim === "root_id" || f.dim === "nucleus_id"))
      continue;
    // ("23P in HVAs (RL/AL/LM)": brackets that spell out a name already given restate it.)
    // ("neurons (excitatory and inhibitory)": a class said again as its parts.)
    const valuesOf = (f: Filter) =>
      f.dim === "class" && f.values?.join() === "neuron" ? ["excitatory", "inhibitory"] : [...(f.values ?? [])];
    const key = (f: Filter) => `${f.dim}:${valuesOf(f).sort().join("|")}`;
    const restated = q.filters.every(
      (f) =>
        p.filters.some((g) => key(g) === key(f)) ||
        (q.alts &&
          f.values &&
          p.filters.some(
            (g) =>
              g.dim === f.dim &&
              valuesOf(g).sort().join("|") ===
                [...new Set(q.alts!.flatMap((x) => x.filters.flatMap((y) => y.values ?? [])))].sort().join("|"),
          )),
    );
    const merged: Pop = restated
      ? { ...p }
      : {
          ...p,
          filters: [...p.filters, ...q.filters],
          ...(q.alts ? { alts: q.alts } : {}),
          thresholds: [...p.thresholds, ...q.thresholds],
        };
    // ("the VIP (BPC) cells": a cell noun after the brackets is the same cells'.)
    const noun =
      atoms[end + 1]?.tag.t === "pop" &&
      !(atoms[end + 1]!.tag as Pop).filters.length &&
      ["cell", "neuron"].includes(String((atoms[end + 1]!.tag as Pop).head))
        ? 1
        : 0;
    const parts = atoms.slice(i, end + 1 + noun);
    // ("… (5P-NP) cells with more than 3 synapses": what is said of the noun is said of the cells.)
    const after = noun ? (atoms[end + 1]!.tag as Pop) : undefined;
    const said: Pop = after ? { ...merged, thresholds: [...merged.thresholds, ...after.thresholds] } : merged;
    atoms = [
      ...atoms.slice(0, i),
      { tag: said, alt: [], items: parts.flatMap((x) => x.items) },
      ...atoms.slice(end + 1 + noun),
    ];
  }
  return atoms;
}

/**
 * "postsynaptic partners of 8646… that are 23P", "8646…'s targets are in LM", "targets of 8646… in
 * LM": what is said after "<partners> of <one cell>" (a relative clause, a predicate, or a place
 * read onto the one cell, whose area or layer is a fact and no condition) is said of the partners.
 */
export function attachRelatives(atoms: Atom[]): Atom[] {
  for (let i = 0; i + 1 < atoms.length; i++) {
    const group = partnersOfOne(atoms, i);
    if (!group) continue;
    const { partner, root } = group;
    const pp = partner.tag as Pop;
    // ("targets of the BC 8646…", "targets of 8646… (a BC)": a kind said before the cell or in brackets after
    // it is the cell's own, not a condition on its partners.)
    const own = root.items.findIndex((t) => /^\d{15,20}$/.test(t.text)) > 0 || root.items.some((t) => t.text === "(");
    const rest = own ? [] : (root.tag as Pop).filters.filter((f) => f.dim !== "root_id");
    const span = group.adjacent ? 2 : 3;
    let j = i + span;
    const glue: Atom[] = [];
    while (
      is(atoms[j], "glue") ||
      is(atoms[j], "verb", "v", "be") ||
      linking(atoms[j]) ||
      is(atoms[j], "verb", "v", "have") ||
      is(atoms[j], "rel", "r", "with") ||
      (glue.length && (is(atoms[j], "rel", "r", "in") || /^(a|an)$/i.test(lower(atoms[j]))))
    )
      glue.push(atoms[j++]!);
    const q = atoms[j];
    const head = String((q?.tag as Pop | undefined)?.head ?? "");
    // ("targets of X that have a nucleus", "X's partners w/ a nucleus": the nucleus is said of the partners.)
    const having = glue.some((g) => is(g, "verb", "v", "have") || is(g, "rel", "r", "with"));
    const nucleus = head === "nucleus" && having;
    const said =
      glue.length > 0 &&
      q?.tag.t === "pop" &&
      !(q.tag as Pop).wh &&
      !(q.tag as Pop).each &&
      (having ? nucleus : !head || ["cell", "neuron", "fragment"].includes(head));
    if (!said && !rest.length) continue;
    const qq = said ? (q!.tag as Pop) : undefined;
    const merged: Pop = {
      ...pp,
      filters: [
        ...pp.filters,
        ...rest,
        ...(qq?.filters ?? []),
        ...(nucleus ? [{ dim: "has_nucleus", is: true } as const] : []),
      ],
      thresholds: [...pp.thresholds, ...(qq?.thresholds ?? [])],
    };
    const one: Atom = rest.length
      ? {
          ...root,
          tag: { ...(root.tag as Pop), filters: (root.tag as Pop).filters.filter((f) => f.dim === "root_id") },
        }
      : root;
    const items = [...partner.items, ...glue.flatMap((g) => g.items), ...(said ? q!.items : [])];
    const joined: Atom = { tag: merged, alt: [], items };
    // (The partners keep their place before or after the cell, so roles read "X's targets" as before.)
    const of = group.adjacent ? [] : [atoms[i + 1]!];
    const order = group.first === "partner" ? [joined, ...of, one] : [one, ...of, joined];
    atoms = [...atoms.slice(0, i), ...order, ...atoms.slice(said ? j + 1 : i + span)];
  }
  return atoms;
}

/** "that", "which", "are", "r" (function words) between the partners and what is said of them. */
const linking = (x: Atom | undefined) => /^(that|which|who|r|are|is)$/i.test(lower(x)) && x!.items.every((t) => t.fn);

/** "<partners> of <one root>" or "<one root>'s <partners>" starting at atom i. */
function partnersOfOne(
  atoms: Atom[],
  i: number,
): { partner: Atom; root: Atom; first: "partner" | "root"; adjacent?: boolean } | undefined {
  const [a, of, b] = atoms.slice(i, i + 3);
  const partner = (x: Atom | undefined) => x?.tag.t === "pop" && PARTNER_HEADS.has(String((x.tag as Pop).head));
  const one = (x: Atom | undefined) =>
    x?.tag.t === "pop" && (x.tag as Pop).filters.some((f) => f.dim === "root_id" && f.values?.length === 1);
  // ("8646… downstream partners w/ a nucleus": the partners said right after the one cell are its own.)
  if (one(a) && partner(of) && !(of!.tag as Pop).filters.length)
    return { partner: of!, root: a!, first: "root", adjacent: true };
  if (!is(of, "rel", "r", "of")) return undefined;
  if (partner(a) && one(b)) return { partner: a!, root: b!, first: "partner" };
  if (one(a) && partner(b) && lower(of) === "'s") return { partner: b!, root: a!, first: "root" };
  return undefined;
}
