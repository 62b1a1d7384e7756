import type { Filter, QueryPlan, Side } from "../plan.js";
import type { Clause } from "./clause.js";

const PLACE_DIMS = new Set<Filter["dim"]>(["layer", "area", "depth"]);

/**
 * "conn prob L4 → L2/3 neurons": a kind said once, after the second of two places, is said of both; the first is
 * a place alone, with no noun of its own. For a connection probability it matters: the possible pairs had counted
 * every cell in L4, glia too (2.1% where the neurons give 2.6%). A side that names its own cells ("L4 cells") keeps
 * them.
 */
export function kindSharedAcross(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query" || plan.measure.fn !== "probability") return;
  const placeOnly = (fs: Filter[]) => fs.length > 0 && fs.every((f) => PLACE_DIMS.has(f.dim) && !f.not);
  for (const [bare, named] of [
    ["pre", "post"],
    ["post", "pre"],
  ] as [Side, Side][]) {
    const kinds = plan[named].filter((f) => f.dim === "class" && !f.not);
    const rest = plan[named].filter((f) => f.dim !== "class");
    if (!placeOnly(plan[bare]) || kinds.length !== 1 || !placeOnly(rest)) continue;
    const pops = c.pops.filter((p) => p.role === bare);
    if (pops.length !== 1 || pops[0]!.pop.head) continue;
    plan[bare] = [...plan[bare], kinds[0]!];
  }
}
