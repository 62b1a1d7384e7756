import type { Group, Query, QueryPlan } from "../plan.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";
import { groupDim, kindDim } from "./shape.js";
import { is } from "./atoms.js";

/**
 * "for each area, the most common cell type", "top 2 target types for each inhibitory type", "the top inhibitory
 * type by cell count in L1, L2/3, L4, L5": a ranking within each group (`perGroup`), the group said with "each"
 * (or as a list of its values) first. Such a question had been answered with one ranking of every group together
 * (the top type-and-layer pair), a list that looked like an answer. Where the plan holds no second grouping to rank
 * within ("which 23P cell has the most BC inputs in each area", a cell asked for), it is asked back.
 */
export function topPerGroup(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query" || !plan.order) return;
  const each = c.pops.find((p) => p.pop.each && kindDim(p.pop.head) !== undefined);
  const listed = each ? undefined : listedGrouping(plan);
  if (!each && !listed) return;
  if (each) {
    const said = each.atom.items.map((i) => i.text).join(" ");
    const opens = c.atoms.findIndex((a) => !a.items.every((i) => i.fn)) === each.i;
    // (Something asked for by "which" ranked within each group, or a second grouping said with "each", said
    // first, or under a superlative: "most common m-type per cell type". Not "… per pre and post type, top 5".)
    // (Not the groups themselves: "within each cell type, which three types come out largest" ranks the types.)
    const sameKind = (p: Clause["pops"][number]) => kindDim(p.pop.head) === kindDim(each.pop.head);
    const asked = c.pops.some((p) => p !== each && p.pop.wh && (p.pop.filters.length || p.pop.head) && !sameKind(p));
    const within = /\b(each|every)\b/i.test(said) || opens || c.has("sup");
    const groupings = new Set(plan.groupBy.map((g) => `${g.dim}:${g.side ?? ""}`)).size;
    if (!asked && !(groupings >= 2 && within)) return;
  }
  // ("top 2 target types for each inhibitory type": of two type groupings, the one on the side "each" was said of.)
  const role = each?.role === "pre" || each?.role === "post" ? each.role : undefined;
  const ofEach = plan.groupBy.filter((g) => g.dim === kindDim(each?.pop.head));
  const outer = listed ?? (ofEach.length === 1 ? ofEach[0] : ofEach.find((g) => role && g.side === role));
  const inner = plan.groupBy.find((g) => g.dim !== outer?.dim || g.side !== outer.side);
  // ("for each area, the most common cell type": one, the superlative said in the singular.)
  // (Not "the most common cell types for each area": how many, unsaid.)
  const ranked = c.pops.find((p) => p !== each && p.pop.head && kindDim(p.pop.head) === inner?.dim);
  const limit = plan.limit ?? (c.has("sup") && !ranked?.pop.plural ? 1 : undefined);
  const rankable = plan.groupBy.length === 2 && limit && !plan.rank && !plan.compare && !plan.chart;
  if (outer && inner && rankable) {
    plan.groupBy = [outer, inner];
    plan.limit = limit;
    plan.perGroup = true;
    return;
  }
  if (outer && inner && !limit)
    throw new Unreadable(
      `How many within each ${String(outer.dim).replace("_", " ")}? Say "the top 3 … for each …", or "the most … ".`,
    );
  const dim = outer?.dim ?? kindDim(each?.pop.head);
  if (!each && !dim) return;
  throw new Unreadable(
    `I rank within each group only where there are two groupings; here I cannot rank within each ` +
      `${String(dim ?? "group").replace("_", " ")}. Ask for one group at a time, or for the whole table without a ranking.`,
  );
}

/**
 * A grouping made of a list of values the question named ("in V1, RL, AL and LM", "L1, L2/3, L4, L5"), beside
 * another grouping, under a top-k: the ranking is within each of the named values.
 */
function listedGrouping(plan: Query): Group | undefined {
  if (plan.groupBy.length !== 2 || !plan.limit) return undefined;
  // (Kinds ranked within the places named, not cells: "only RL, AL and LM: which three cells have the highest OSI"
  // is three cells of them all.)
  if (plan.groupBy.some((g) => kindDim(g.dim === "cell_type" ? "type" : g.dim) === undefined)) return undefined;
  const listed = plan.groupBy.filter((g) =>
    (g.side ? plan[g.side] : plan.filter).some((f) => f.dim === g.dim && !f.not && (f.values?.length ?? 0) >= 2),
  );
  return listed.length === 1 && new Set(plan.groupBy.map((g) => `${g.dim}:${g.side}`)).size === 2
    ? listed[0]
    : undefined;
}

/**
 * "which MC in each area makes the most output synapses": named cells ranked within each place they are in, the
 * place said right after them. (In "which 23P cell has the most BC inputs in each area" it may be the inputs' area,
 * and is asked back.)
 */
export function rankedInPlace(c: Clause, grouping: Clause["pops"], q: Query): boolean {
  const places = q.groupBy.every((g) => g.dim === "root_id" || g.dim === "area" || g.dim === "layer");
  return (
    places &&
    grouping.some(
      (p) =>
        groupDim(p.pop) === "root_id" &&
        p.pop.filters.length > 0 &&
        Boolean(p.pop.wh || p.pop.sup || p.pop.topk) &&
        grouping.some((g) => g.pop.each && g.i === p.i + 2 && is(c.atoms[p.i + 1], "rel", "r", "in")),
    )
  );
}
