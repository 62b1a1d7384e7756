import { as, is, text } from "./atoms.js";
import { oneRoot } from "./filters.js";
import type { Clause } from "./clause.js";

type ClausePop = Clause["pops"][number];

/**
 * "inh types ranked by syn/conn onto 23P", "5P-IT neurons ranked by synapses from 23P": a population ranked,
 * said away from any "from" or "onto", in a flow whose one other population has a side, is on the other side
 * when no cell could be of both (inhibitory and 23P; 5P-IT and 23P). Kinds that may overlap ("proofread
 * cells … onto 23P") say nothing of a side, and stay asked back.
 */
export function otherKindsOnOtherSide(c: Clause, skip: Set<number>): void {
  const loose = looseOf(c, skip);
  const sided = c.pops.filter(hasSide);
  // (Only in a ranking, where the population ranked is the other side's: "Of 23P cells, how many BCs target
  // them?" may count either.)
  const ranking = c.atoms.some((a) => is(a, "order") || (is(a, "sup") && as(a, "sup")?.count));
  if (!ranking || loose.length !== 1 || sided.length !== 1 || c.pops.length !== 2) return;
  if (kindsClash(loose[0]!, sided[0]!, c.classOf)) loose[0]!.role = sided[0]!.role === "pre" ? "post" : "pre";
}

/** No cell is of both populations' kinds: their types differ, or their classes do. */
function kindsClash(a: ClausePop, b: ClausePop, classOf: (type: string) => string | undefined): boolean {
  const [ka, kb] = [kindsOf(a, classOf), kindsOf(b, classOf)];
  if (ka.types.length && kb.types.length && !ka.types.some((t) => kb.types.includes(t))) return true;
  return ka.classes.length > 0 && kb.classes.length > 0 && !ka.classes.some((k) => kb.classes.includes(k));
}

/** The cell types a population names, and the classes (excitatory or inhibitory) its cells are of. */
function kindsOf(p: ClausePop, classOf: (type: string) => string | undefined) {
  const said = (dim: string) => p.pop.filters.flatMap((f) => (f.dim === dim && !f.not && f.values ? f.values : []));
  const types = said("cell_type");
  const named = types.length ? types.map((t) => classOf(t) ?? t) : said("class");
  const classes = named.flatMap((k) => (k === "neuron" ? ["excitatory", "inhibitory"] : [k]));
  return { types, classes };
}

/**
 * "top 3 targets of 8646… by # syn (no fragments)", "…, excluding fragments": fragments left out, with no side
 * said, are left out of the partners of the one root named, the side it is not on. (The root itself has a nucleus
 * or not whatever is said; it had been asked back.)
 */
export function fragmentsOutOfPartners(c: Clause, skip: Set<number>): void {
  const loose = looseOf(c, skip);
  const nucleated = (p: ClausePop) =>
    p.pop.filters.length > 0 && p.pop.filters.every((f) => f.dim === "has_nucleus" && f.is === true && !f.not);
  const roots = c.pops.filter((p) => hasSide(p) && oneRootOf(p));
  if (loose.length !== 1 || !nucleated(loose[0]!) || roots.length !== 1) return;
  const side = roots[0]!.role === "pre" ? "post" : "pre";
  if (c.pops.some((p) => p.role === side && oneRootOf(p))) return;
  loose[0]!.role = side;
}

const oneRootOf = (p: ClausePop) => oneRoot(p.pop.filters);
const hasSide = (p: ClausePop) => p.role === "pre" || p.role === "post";
/** The cells said without a side that no earlier rule has set aside (nor said of both sides). */
const looseOf = (c: Clause, skip: Set<number>) => c.pops.filter((p) => !p.role && !skip.has(p.i) && !p.pop.bothSides);

/**
 * "which of the cells postsynaptic to 8646… are coregistered?", "of the targets of 8646…, which are coregistered?":
 * a property said with "are" after the root is said of the cells asked for, on their side.
 */
export function propertyOfAsked(c: Clause, skip: Set<number>): void {
  const loose = looseOf(c, skip);
  if (loose.length !== 1) return;
  const [p] = loose as [ClausePop];
  const property = p.pop.filters.length > 0 && !p.pop.head && p.pop.filters.every((f) => f.is !== undefined);
  const before = c.atoms[p.i - 1];
  const be = ["verb", "glue", "list"].some((t) => is(before, t)) && /\b(are|were)$/i.test(text(before));
  const roots = c.pops.filter((x) => hasSide(x) && oneRootOf(x));
  const which = c.atoms.some((a) => (is(a, "wh") || is(a, "list")) && /^(which|who)\b/i.test(text(a)));
  const wh = c.pops.some((x) => x.pop.wh);
  if (!property || !be || roots.length !== 1 || !(which || wh)) return;
  const asked = c.pops.filter((x) => hasSide(x) && !oneRootOf(x));
  const other = roots[0]!.role === "pre" ? "post" : "pre";
  if (asked.length > 1 || (asked.length === 1 && asked[0]!.role !== other)) return;
  p.role = other;
}

/** Sides for the cells said without one, in order: other kinds, fragments left out, a property of the asked. */
export function sidesOfLooseCells(c: Clause, skip: Set<number>): void {
  otherKindsOnOtherSide(c, skip);
  fragmentsOutOfPartners(c, skip);
  propertyOfAsked(c, skip);
}
