import type { Filter, Query } from "../plan.js";
import { as, is, text, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { popFilters, Unreadable } from "./filters.js";
import { PER_ROOT_NOUNS } from "./per-root.js";
import { GROUPABLE } from "./compare-groups.js";
import { KIND_HEADS, ONE_CELL_HEADS, orderOf, PARTNER_HEADS } from "./shape.js";

type ClausePop = Clause["pops"][number];

/**
 * A population said with "each" / "per" whose cells are counted one by one (not "by inhibitory cell
 * type": a grouping of kinds).
 */
const perPop = (p: ClausePop) =>
  Boolean(p.pop.each && p.pop.filters.length && !p.pop.wh && !p.pop.topk && !KIND_HEADS.has(p.pop.head ?? ""));

const STATS = new Set(["mean", "median", "min", "max", "stddev"]);

/**
 * "BC→23P synapses per 23P cell", "on average, how many 23P→23P synapses per L2/3 pyramidal cell",
 * "mean number of BC synapses per 23P": the synapses of a flow divided among the cells of one side,
 * a cell with none counting 0: each cell's synapses from (or onto) the other side, averaged. The
 * side is the one the "per" phrase repeats, or else the one no other phrase names.
 */
export function perCellOfFlow(c: Clause): Query | undefined {
  if (c.has("per_connection")) return undefined;
  const bySide = perCellOfSide(c);
  if (bySide) return bySide;
  // ("mean number of synapses from 4P onto each 23P cell": a side said with "each", and a statistic of them.)
  const eachSide =
    c.has("stat") && !c.has("qty")
      ? c.pops.find((p) => perPop(p) && (p.role === "pre" || p.role === "post"))
      : undefined;
  const per = c.pops.find((p) => perPop(p) && !p.role) ?? eachSide;
  if (!per) return undefined;
  const synapses = ["synapse", "input", "output"].some((n) => c.has("noun", "n", n));
  if (!synapses || c.has("distinct") || c.has("noun", "n", "connection")) return undefined;
  if (c.pops.some((p) => PARTNER_HEADS.has(p.pop.head ?? ""))) return undefined;
  ownerOfSynapses(c, per);
  const sided = c.pops.filter((p) => p !== per && (p.role === "pre" || p.role === "post"));
  if (sided.length !== c.pops.length - 1 || sided.length > 2) return undefined;
  const key = (fs: Filter[]) => JSON.stringify(fs.map((f) => JSON.stringify(f)).sort());
  const filtersOf = (p: (typeof c.pops)[number]) => popFilters(p.pop, c.classOf);
  // ("avg BC→4P syn per coregistered 4P": the cells counted one by one may narrow the side they repeat.)
  const within = (p: ClausePop) => filtersOf(p).every((f) => filtersOf(per).some((g) => key([f]) === key([g])));
  const narrowed = sided.filter((p) => filtersOf(p).length && within(p));
  const twin =
    sided.find((p) => key(filtersOf(p)) === key(filtersOf(per))) ?? (narrowed.length === 1 ? narrowed[0] : undefined);
  const opposite = (p: (typeof c.pops)[number]) => (p.role === "pre" ? "post" : "pre");
  const side = per === eachSide ? per.role : twin ? twin.role : sided.length === 1 ? opposite(sided[0]!) : undefined;
  const other = sided.find((p) => p !== twin && p.role !== side);
  if (!side || !other || sided.some((p) => p !== twin && p !== other)) return undefined;
  return meanOfCellCounts(c, [per, other, ...(twin ? [twin] : [])], per, other, side);
}

/**
 * Each cell of `per`'s synapses from (or onto) `other`, on `side`, a cell with none counting 0: their mean, or
 * the statistic said (only one). The pops given are read.
 */
function meanOfCellCounts(
  c: Clause,
  read: ClausePop[],
  per: ClausePop,
  other: ClausePop,
  side: string,
): Query | undefined {
  // (Only a statistic of the cells' counts, or a plain "how many … per": the mean.)
  const stat = c.find("stat");
  const fn = stat ? String(as(stat, "stat")!.fn) : "mean";
  if (!STATS.has(fn) || c.findAll("stat").length > 1) return undefined;
  for (const p of read) c.usePop(p);
  use(stat);
  use(c.find("count"));
  for (const n of ["synapse", "input", "output"]) use(c.find("noun", "n", n));
  const filter = popFilters(per.pop, c.classOf);
  // ("BC, MC, BPC, NGC: synapses onto 4P per presynaptic cell": the kinds listed are one row each, as a list of
  // kinds is everywhere; never one mean over them all.)
  const listed = filter.filter((f) => (f.values?.length ?? 0) > 1 && GROUPABLE.has(f.dim));
  if (listed.length > 1) return undefined;
  const q: Query = {
    kind: "query",
    source: "roots",
    filter,
    pre: [],
    post: [],
    measure: { fn: fn as "mean", of: side === "post" ? "in_synapses" : "out_synapses" },
    groupBy: listed.map((f) => ({ dim: f.dim }) as Query["groupBy"][number]),
    partners: popFilters(other.pop, c.classOf),
  };
  // ("rank BC, MC and NGC by …": the rows, in the order asked.)
  if (listed.length) Object.assign(q, orderOf(c, per.pop));
  return q;
}

/**
 * "BC synapses onto 23P per presynaptic cell", "… per postsynaptic neuron": the cells of the side named,
 * each counted, as "per BC" is ("per presynaptic cell" had listed each BC's synapses instead of their mean).
 */
function perCellOfSide(c: Clause): Query | undefined {
  const perSide = c.pops.find(
    (p) => p.pop.each && !p.pop.filters.length && (p.pop.head === "source" || p.pop.head === "target") && !p.role,
  );
  if (!perSide || c.pops.length !== 3 || !["synapse", "input", "output"].some((n) => c.has("noun", "n", n)))
    return undefined;
  const side = perSide.pop.head === "source" ? "pre" : "post";
  // ("rank BC, MC and NGC by synapses onto 4P per presynaptic cell": the cells ranked are the side said.)
  const loose = c.pops.filter((p) => p !== perSide && !p.role && p.pop.filters.length);
  const per =
    c.pops.find((p) => p.role === side && p.pop.filters.length) ?? (loose.length === 1 ? loose[0] : undefined);
  const other = c.pops.find((p) => p.role === (side === "pre" ? "post" : "pre") && p.pop.filters.length);
  if (!per || !other || c.has("distinct")) return undefined;
  return meanOfCellCounts(c, [perSide, per, other], per, other, side);
}

/**
 * "avg # BC syn per 23P cell": cells named right before "synapses" (or "inputs"), with no side said, make them
 * ("BC synapses onto 23P" is read so too); the cells counted one by one are then the other side.
 */
function ownerOfSynapses(c: Clause, per: ClausePop): void {
  const loose = c.pops.filter((p) => p !== per && !p.role);
  if (loose.length !== 1 || c.pops.length !== 2 || per.role) return;
  const owner = loose[0]!;
  if (!owner.pop.filters.length || owner.pop.head) return;
  // ("avg # excitatory input syn per 6P-CT cell": the cells said before "input" send them; before "output",
  // receive them.)
  const next = c.atoms[owner.i + 1];
  const role = is(next, "noun", "n", "synapse") || is(next, "noun", "n", "input") ? "pre" : undefined;
  owner.role = role ?? (is(next, "noun", "n", "output") ? "post" : owner.role);
}

/**
 * "avg # of distinct BCs targeting each 23P", "how many 23P does each BC contact on average": how
 * many cells of one population each cell of the other has as partners (a cell with none counting 0),
 * averaged. Said with no synapses: the cells counted are the partners, on their side of the flow.
 */
export function perCellPartners(c: Clause): Query | undefined {
  const stat = c.find("stat");
  const count = c.find("count");
  if (!stat || !count || c.findAll("stat").length > 1 || c.has("qty")) return undefined;
  if (PER_ROOT_NOUNS.some((n) => c.has("noun", "n", n))) return undefined;
  const fn = String(as(stat, "stat")!.fn);
  const per = c.pops.find(perPop);
  const counted = c.pops.find((p) => p !== per && p.pop.filters.length && !p.pop.each && !p.pop.wh);
  if (!STATS.has(fn) || !per || !counted || c.pops.length !== 2) return undefined;
  const sides = new Set([per.role, counted.role]);
  if (!sides.has("pre") || !sides.has("post")) return undefined;
  // ("how many 23P does each BC contact": the count is said of the counted cells, before the verb.)
  if (c.index(count) > counted.i) return undefined;
  for (const p of [per, counted]) c.usePop(p);
  use(stat, count);
  return {
    kind: "query",
    source: "roots",
    filter: popFilters(per.pop, c.classOf),
    pre: [],
    post: [],
    measure: { fn: fn as "mean", of: per.role === "post" ? "in_partners" : "out_partners" },
    groupBy: [],
    partners: popFilters(counted.pop, c.classOf),
  };
}

/**
 * "NGC roots and their # output syn", "NGC roots + # output syn each": a number said of each of the cells named,
 * which one total of them all does not answer (it had been the total). Asked back.
 */
export function eachOneOfThem(c: Clause, q: Query): void {
  if (q.groupBy.length || q.compare || (q.measure.fn !== "count" && q.measure.fn !== "sum")) return;
  const said = c.atoms.map((a) => text(a)).join(" ");
  if (!/\b(?:roots|ids|cells|neurons)\s+(?:and|,)\s+(?:their|each)\b|\beach\s*[?.!]*\s*$/i.test(said)) return;
  throw new Unreadable('Each one\'s number, or all of them together? Say "… per root, ranked" or "… in total".');
}

/**
 * "the top target of each BC", "each BC's strongest target": "each" said of cells of a kind asks for one row
 * per cell. Where the plan kept no row per cell on that side, the "each" had been read and dropped (the top
 * target type of all BCs together was given), so it is asked back.
 */
export function eachCellKept(c: Clause, q: Query): void {
  for (const p of c.pops) {
    if (
      !p.pop.each ||
      !p.pop.filters.length ||
      (p.pop.head !== undefined && !ONE_CELL_HEADS.has(p.pop.head)) ||
      (p.pop.alts?.length ?? 0) > 1
    )
      continue;
    if (p.role !== "pre" && p.role !== "post") continue;
    // (Only "each"/"every" said of the cells, not "breakdown of 8646…'s outputs", a grouping of one root's.)
    if (!/^(each|every)\s/i.test(text(p.atom)) || p.pop.filters.some((f) => f.dim === "root_id")) continue;
    const side = p.role;
    if (q.groupBy.some((g) => g.side === side && (g.dim === "root_id" || p.pop.filters.some((f) => f.dim === g.dim))))
      continue;
    const cells = text(p.atom).replace(/^(each|every)\s+/i, "");
    throw new Unreadable(
      `Each ${cells} one by one (a row per cell), or all of them together? Say "… per ${cells}, ranked" or ` +
        `"… of all ${cells} together".`,
    );
  }
}
