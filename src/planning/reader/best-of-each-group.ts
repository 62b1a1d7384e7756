import type { Filter, Query, Side } from "../plan.js";
import { as, is, use, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import { popFilters, Unreadable } from "./filters.js";
import { kindDim, ONE_CELL_HEADS } from "./shape.js";

type ClausePop = Clause["pops"][number];

/** Dimensions that name a kind of cell ("BC", "inhibitory", "L5 IT in V1"). */
const CELL_KINDS = new Set<Filter["dim"]>(["cell_type", "class", "mtype", "area", "layer"]);
/** Words that only join the parts: "with", "in", "of", "by", "for", "and" (a comma), "per". */
const JOINING = ["with", "in", "of", "by", "and", "for", "within", "among"];

/** The grouping: "each type", "per area", or a list named with "for each" ("BC, MC and NGC: for each, …"). */
function groupingOf(c: Clause): { pop: ClausePop; dim: NonNullable<ReturnType<typeof kindDim>> } | undefined {
  const each = c.pops.filter((p) => p.pop.each && kindDim(p.pop.head));
  if (each.length === 1) return { pop: each[0]!, dim: kindDim(each[0]!.pop.head)! };
  if (each.length || !c.find("per")) return undefined;
  const listed = c.pops.filter((p) => (p.pop.alts?.length ?? 0) > 1);
  const dim = listed[0]?.pop.filters[0]?.dim;
  if (listed.length !== 1 || !listed[0]!.pop.alts!.every((a) => a.filters.length === 1 && a.filters[0]!.dim === dim))
    return undefined;
  return dim === "cell_type" || dim === "area" || dim === "layer" ? { pop: listed[0]!, dim } : undefined;
}

/** The flow counted per cell: "output synapses", "outputs" (the cell is presynaptic), "inputs" (postsynaptic). */
function flowOf(c: Clause): { side: Side; atoms: Atom[] } | undefined {
  const nouns = c.atoms.filter((a) => is(a, "noun", "n", "output") || is(a, "noun", "n", "input"));
  if (nouns.length !== 1) return undefined;
  const side: Side = is(nouns[0], "noun", "n", "output") ? "pre" : "post";
  // ("makes the most output synapses", "receives the most input synapses": a verb of the same way, or "has".)
  const verbs = c.atoms.filter((a) => is(a, "verb"));
  const agrees = (v: Atom) =>
    is(v, "verb", "v", "have") || is(v, "verb", "v", side === "pre" ? "out" : "in") || is(v, "verb", "v", "be");
  if (!verbs.every(agrees)) return undefined;
  return { side, atoms: [...nouns, ...verbs] };
}

/**
 * "which cell of each type makes the most output synapses", "for each type, the root with the most outputs",
 * "BC, MC, BPC and NGC: for each, the root id of the one cell with the largest number of outgoing synapses",
 * "top 2 cells per area by input synapses": within each group, the cells with the most synapses of their own,
 * each cell on the side its synapses say. (These had put the cell on the other side, ranking the targets of
 * each type or the synapses per type, or averaged the cells.) Anything more said is left unread, and asked back.
 */
export function bestOfEachGroup(c: Clause): Query | undefined {
  const grouping = groupingOf(c);
  if (!grouping) return undefined;
  const others = c.pops.filter((p) => p !== grouping.pop);
  const topk = others.map((p) => p.pop.topk).find((t) => t);
  const sup = c.atoms.find((a) => is(a, "sup") && (as(a, "sup") as { count?: boolean }).count);
  if (!topk === !sup || !others.length) return undefined;
  const rankAt = sup ? c.index(sup) : Math.min(...others.filter((p) => p.pop.topk).map((p) => p.i));
  // (Cells said after the superlative are partners, "the 23P cell in each area with the most BC inputs"; only
  // when the grouping is said before it: in "which 23P cell has the most BC inputs in each area" it may be theirs.)
  const asked = others.filter((p) => p.i <= rankAt);
  const partners = others.filter((p) => p.i > rankAt);
  // ("which cell", "the root", "the BC", "which MC": one cell, or a kind of cell said in the singular.)
  const kindOnly = (p: ClausePop) => p.pop.filters.length > 0 && p.pop.filters.every((f) => CELL_KINDS.has(f.dim));
  const oneCell = (p: ClausePop) =>
    ONE_CELL_HEADS.has(p.pop.head ?? "") || (!p.pop.head && (p.pop.wh === "which" || !p.pop.plural) && kindOnly(p));
  const plain = (p: ClausePop) => !p.pop.each && !p.pop.thresholds.length && !p.pop.wh;
  if (!asked.length || !asked.every(oneCell) || asked.some((p) => p.pop.each || p.pop.thresholds.length))
    return undefined;
  if (partners.length && (grouping.pop.i > rankAt || !partners.every((p) => kindOnly(p) && plain(p) && !p.pop.topk)))
    return undefined;
  const flow = flowOf(c);
  if (!flow) return undefined;
  // ("which cells in each type make the most output synapses": one each, or a few? It had ranked their targets.)
  if (asked.some((p) => p.pop.plural && !topk))
    throw new Unreadable(`How many cells within each ${grouping.dim.replace("_", " ")}? Say "the top 3 … in each …".`);
  const dir = (topk?.dir ?? (sup!.tag as { dir?: string }).dir) === "asc" ? "asc" : "desc";
  const cells: Filter[] = [
    ...asked.flatMap((p) => popFilters(p.pop, c.classOf)),
    ...popFilters(grouping.pop.pop, c.classOf),
  ];
  // ("which cell in each type": only cells with a type have one; a neuron or a class already says so.)
  if (!cells.length) cells.push({ dim: "typed", is: true });
  for (const p of c.pops) c.usePop(p);
  use(...flow.atoms, ...(sup ? [sup] : []), ...c.findAll("per"), ...c.findAll("wh"));
  use(...c.atoms.filter((a) => JOINING.some((r) => is(a, "rel", "r", r))));
  const other = partners.flatMap((p) => popFilters(p.pop, c.classOf));
  return {
    kind: "query",
    source: "synapses",
    filter: [],
    pre: flow.side === "pre" ? cells : other,
    post: flow.side === "post" ? cells : other,
    measure: { fn: "count" },
    groupBy: [
      { dim: grouping.dim, side: flow.side },
      { dim: "root_id", side: flow.side },
    ],
    order: dir,
    limit: topk?.k ?? 1,
    perGroup: true,
  };
}
