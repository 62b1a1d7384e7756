import type { PlannerResult } from "../plan.js";
import { askedBack } from "./nested-statistics.js";

/**
 * "which interneuron type gets the most input synapses per cell? rank BC MC BPC NGC": a list of types read as the
 * partners (inputs from the four, pooled) of cells grouped by their own type, where the list names the groups to
 * rank. A per-type figure of inputs from several types pooled is rarely asked; so that shape is asked back.
 */
export function partnersOrRanked(result: PlannerResult): PlannerResult | undefined {
  if (result.type !== "plan" || result.plan.kind !== "query") return undefined;
  const q = result.plan;
  if (q.source !== "roots" || !q.groupBy.some((g) => g.dim === "cell_type" && !g.side)) return undefined;
  const listed = (q.partners ?? []).find((f) => f.dim === "cell_type" && !f.not && (f.values?.length ?? 0) >= 2);
  if (!listed) return undefined;
  const names = (listed.values ?? []).join(", ");
  return askedBack(
    result,
    `Are ${names} the cell types to compare, or the cells on the other side of the synapses? Say it as ` +
      `"mean input synapses per cell of ${names}, per type" or "synapses from ${names} per target type".`,
  );
}
