import type { QueryPlan } from "./plan.js";

/** The dimensions that name a cell's type. */
export const TYPE_DIMS: string[] = ["cell_type", "class", "mtype"];

/** ("going by soma depth, not cell type" read as untyped cells, per cell type): every group is empty. */
export function untypedByType(plan: Extract<QueryPlan, { kind: "query" }>): string | undefined {
  for (const key of ["filter", "pre", "post"] as const) {
    const side = key === "filter" ? undefined : key;
    const untyped = plan[key].some((f) => f.dim === "typed" && f.is === false && !f.not);
    if (untyped && plan.groupBy.some((g) => TYPE_DIMS.includes(g.dim) && g.side === side))
      return "cells without a cell type cannot be grouped by their type";
  }
  return undefined;
}
