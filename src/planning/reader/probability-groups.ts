import type { QueryPlan } from "../plan.js";

/** Kinds that only typed cells have. */
const KINDS = new Set(["cell_type", "class", "mtype"]);

/**
 * "Which three postsynaptic cell types have the highest connection probability from 5P-ET cells?": a probability
 * whose one side is named only by its grouping is of the typed cells of each group (the pairs possible with each
 * type); with no cells named on that side, no pairs could be counted.
 */
export function probabilityOfGroups(plan: QueryPlan): void {
  if (plan.kind !== "query" || plan.measure.fn !== "probability") return;
  for (const side of ["pre", "post"] as const) {
    const grouped = plan.groupBy.some((g) => g.side === side && KINDS.has(g.dim));
    if (grouped && !plan[side].length) plan[side] = [{ dim: "typed", is: true }];
  }
}
