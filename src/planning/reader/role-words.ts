import { as, is, lower, type Atom } from "./atoms.js";
import { FLOW_WORDS, KIND_HEADS, PARTNER_HEADS } from "./shape.js";
import type { Pop } from "./phrases.js";
import type { Role } from "./roles.js";

/** The words the side readers (roles.ts) look at around a population: relational nouns, aux words, verbs. */
export const RELATIONAL: Record<string, Role> = {
  output: "pre",
  target: "pre",
  input: "post",
  source: "post",
  partner: "both",
};

export const isPop = (a: Atom | undefined) => a?.tag.t === "pop";
/** The relational noun an atom is: a noun atom, or a population headed by partners/targets/sources. */
export const relationalOf = (a: Atom | undefined) =>
  isPop(a)
    ? (a!.tag as Pop).head === "target" || (a!.tag as Pop).head === "source" || (a!.tag as Pop).head === "partner"
      ? (a!.tag as Pop).head
      : undefined
    : is(a, "noun")
      ? String(as(a, "noun")!.n)
      : undefined;
export const popOf = (a: Atom | undefined) => a?.tag as Pop | undefined;
export const nounOf = (a: Atom | undefined) => (is(a, "noun") ? String(as(a, "noun")!.n) : undefined);
/** Aux words between parts of a clause: "does", "do", "the", "all". */
export const aux = (a: Atom | undefined) =>
  Boolean(
    a &&
    a.items.every((i) => i.fn || i.scope) &&
    !is(a, "rel") &&
    !is(a, "verb", "v", "out") &&
    !is(a, "verb", "v", "in") &&
    !is(a, "verb", "v", "connect") &&
    a.tag.t !== "pop",
  );

/**
 * "synapses received by BCs": the one who receives is postsynaptic; but in "23P cells are targeted
 * by BCs" (a passive, read as the 23P cells' inputs) the one named after "by" does the targeting.
 */
export function receivedBy(verb: Atom | undefined): boolean {
  return is(verb, "verb", "v", "in") && !/^(is|are|was|were|be|been|being|get|gets|got|getting)\b/i.test(lower(verb));
}

/**
 * "syn 23P<->4P", "23P to 4P in both directions", "4P and 23P: … both directions": the two populations named,
 * each way (the word's index and the populations'). Not "23P ↔ 23P": one type each way is the connections
 * among its cells, read as said.
 */
export function bothWaysSaid(atoms: Atom[]): { at: number; named: number[] } | undefined {
  const at = atoms.findIndex((a) => is(a, "bothways"));
  if (at < 0) return undefined;
  const named = atoms.flatMap((a, i) => (isPop(a) ? [i] : []));
  // ("exc<->inh": classes and m-types are names too. Places and flags are not: "coreg'd 23P ↔ 23P in V1".)
  const names = (f: { dim: string }) => ["cell_type", "class", "mtype", "root_id", "nucleus_id"].includes(f.dim);
  const types = named.map((i) => JSON.stringify(popOf(atoms[i])!.filters.filter(names)));
  const pair =
    (named.length === 2 && types[0] !== types[1]) ||
    (named.length === 1 && popOf(atoms[named[0]!])!.alts?.length === 2);
  return pair ? { at, named } : undefined;
}

/** "which (of these two) gets …": "which" or "who" before the verb, with only function words between. */
export function whoAsks(atoms: Atom[], verb: number): boolean {
  let w = verb - 1;
  while (w > 0 && atoms[w]!.items.every((x) => x.fn) && !is(atoms[w], "wh")) w--;
  return (is(atoms[w], "wh", "w", "which") || is(atoms[w], "wh", "w", "who")) && !isPop(atoms[w]);
}

/** A comma or colon between a verb and the population after it: the population is said apart. */
export function commaBefore(atoms: Atom[], verb: number, pop: number): boolean {
  return atoms.slice(verb + 1, pop).some((a) => /^[,:;]$/.test(lower(a)));
}

/** "of each type", "of each cell type": a kind said of the cells before "of", each of it. */
export function kindOfThem(a: Atom): boolean {
  const pop = popOf(a)!;
  return Boolean(pop.each) && KIND_HEADS.has(pop.head ?? "") && !pop.filters.length;
}

/** A verb of synapsing: out ("makes", "targets"), in ("receives"), connect. */
export const flowVerbs = (a: Atom) =>
  is(a, "verb", "v", "out") || is(a, "verb", "v", "in") || is(a, "verb", "v", "connect");

/**
 * The question is about what flows between cells: a flow noun or verb, a side, a partner, a synapse size.
 * `flowVerb` says whether a verb is one of flow there; `usedTo` whether an "onto" was used by a role.
 */
export function saysFlow(
  atoms: Atom[],
  flowVerb: (a: Atom, i: number) => boolean,
  usedTo: (i: number) => boolean,
): boolean {
  return atoms.some(
    (a, i) =>
      FLOW_WORDS.has(nounOf(a) ?? "") ||
      flowVerb(a, i) ||
      is(a, "probability") ||
      is(a, "qty", "q", "size") ||
      Boolean(as(a, "chart")?.flow) ||
      is(a, "matrix") ||
      Boolean(as(a, "sup")?.implies) ||
      (isPop(a) && popOf(a)!.side !== undefined) ||
      is(a, "sup", "q", "size") ||
      (is(a, "rel", "r", "to") && usedTo(i)) ||
      is(a, "rel", "r", "upstream") ||
      is(a, "rel", "r", "downstream") ||
      (isPop(a) && PARTNER_HEADS.has(popOf(a)!.head ?? "")) ||
      // ("how many partner cell types does 8646… have": partners inside a phrase of kinds.)
      (isPop(a) &&
        KIND_HEADS.has(popOf(a)!.head ?? "") &&
        a.items.some((x) => x.tags.some((t) => t.t === "noun" && PARTNER_HEADS.has(String(t.n))))),
  );
}

/**
 * "difference in mean size between BC and MC outputs", "between BC→23P and MC→23P": the cells own the outputs (or
 * inputs) said after them, or a flow starts at them, and "between" joins the two sets compared; it had been read as
 * the synapses between BC and MC, both ways.
 */
export function saysOwnSide(between: Atom, cells: Atom, next: Atom | undefined, after: Atom | undefined): boolean {
  // ("within 23P → 23P connections": "within" says where both are.)
  if (is(next, "rel", "r", "to") && /^(→|->|onto|into)$/.test(lower(next)) && lower(between) === "between") return true;
  const noun = nounOf(next) ?? relationalOf(next);
  const partnerAfter = ["of", "to", "from"].some((r) => is(after, "rel", "r", r));
  // (Only of two sets: "the ratio between BC outputs and inputs" is one population's two directions.)
  const two = (popOf(cells)?.alts?.length ?? 0) >= 2;
  return two && (noun === "output" || noun === "input") && !partnerAfter;
}

/** A population before a relational noun it owns ("BC outputs"), and the sides it and its partners take. */
export interface Compound {
  i: number;
  noun: number;
  owner: Role;
  partner: Role;
}

/** "mean size of BC outputs and of MC outputs": two owners of the same noun side by side, one side each. */
export function sideBySide(atoms: Atom[], compounds: Compound[], c: Compound): boolean {
  return compounds.some(
    (d) =>
      d.noun < c.i &&
      d.owner === c.owner &&
      atoms.slice(d.noun + 1, c.i).every((x) => /^(and|or|of|,|vs\.?|versus)$/i.test(lower(x))),
  );
}

/** ("what fraction of all 23P inputs are BC → 23P": the same cells on that side take nothing from them.) */
export const sameCells = (atoms: Atom[], a: number, b: number) =>
  JSON.stringify(popOf(atoms[a])?.filters) === JSON.stringify(popOf(atoms[b])?.filters);

/**
 * "avg # excitatory input syn per 6P-CT cell", "mean BC input synapses per 23P cell": the cells said with "per"
 * after the inputs are their owners, one by one, so the cells before "input" are the partners (the class had
 * been put on the 6P-CT cells, and their mean of every input answered).
 */
export function ownedPerCell(atoms: Atom[], c: Compound): boolean {
  // (Only inputs: "inhibitory output syn per BC" are the BCs' own outputs, inhibitory as their sender is.)
  if (c.partner !== "pre") return false;
  return atoms.slice(c.noun + 1).some((x) => {
    const pop = popOf(x);
    return Boolean(pop?.each && pop.filters.length && !KIND_HEADS.has(pop.head ?? "") && /^per\b/i.test(lower(x)));
  });
}
