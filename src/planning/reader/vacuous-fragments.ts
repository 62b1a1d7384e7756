import { PER_ROOT_COUNTS, type Filter, type Quantity, type QueryPlan } from "../plan.js";

const TYPE_DIMS = new Set<Filter["dim"]>(["cell_type", "class", "mtype", "typed"]);
const keepsNuclei = (f: Filter) => f.dim === "has_nucleus" && f.is !== false && !f.not;
// (A named root too: "top 5 inputs to 8646…, fragments excluded" leaves out fragments among its inputs.)
const typed = (fs: Filter[]) => fs.some((f) => (TYPE_DIMS.has(f.dim) || f.dim === "root_id") && !f.not);

/**
 * "how many synapses onto 23P excluding fragments", "avg inputs per 23P cell excluding fragments": a typed
 * cell is never a fragment, so leaving fragments out of the 23P cells leaves out nothing. The fragments
 * meant are the partners': the other side of the synapses, or the partners a per-cell count counts
 * (it had been answered as all the synapses, a number that looked right).
 */
export function fragmentsWhereTheyCanBe(plan: QueryPlan): void {
  if (plan.kind !== "query") return;
  if (plan.source === "synapses" || plan.source === "connections") {
    for (const [side, other] of [
      ["post", "pre"],
      ["pre", "post"],
    ] as const) {
      if (!plan[side].some(keepsNuclei) || !typed(plan[side])) continue;
      plan[side] = plan[side].filter((f) => !keepsNuclei(f));
      if (!plan[other].length) plan[other] = [{ dim: "has_nucleus", is: true }];
    }
    return;
  }
  const perRoot = "of" in plan.measure && PER_ROOT_COUNTS.includes(plan.measure.of as Quantity);
  if (plan.source === "roots" && perRoot && plan.filter.some(keepsNuclei) && typed(plan.filter)) {
    plan.filter = plan.filter.filter((f) => !keepsNuclei(f));
    if (!plan.partners?.length) plan.partners = [{ dim: "has_nucleus", is: true }];
  }
}
