import type { QueryPlan } from "../plan.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";
import { kindDim } from "./shape.js";

/**
 * "for each area, the most common cell type", "top 2 target types for each inhibitory type", "which 23P cell has
 * the most BC inputs in each area": a ranking within each group. The plan language ranks across all the rows
 * only, so such a question had been answered with one ranking of every group together (or the cell asked for
 * dropped). It is asked back, naming what can be answered instead.
 */
export function topPerGroup(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query" || !plan.order) return;
  const each = c.pops.find((p) => p.pop.each && kindDim(p.pop.head) !== undefined);
  if (!each) return;
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
  throw new Unreadable(
    `I rank across all the rows, not within each ${kindDim(each.pop.head)!.replace("_", " ")}. ` +
      "Ask for one group at a time, or for the whole table without a ranking.",
  );
}
