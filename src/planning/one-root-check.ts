import { namesOneRoot, type QueryPlan } from "./plan.js";

/**
 * A side pinned to one root: counting its distinct roots is 1, and a further condition on that side
 * ("from 8646…, in area RL") is said of the root itself; a reading that put a partner's condition
 * or count on the wrong side.
 */
export function oneRootProblem(plan: Extract<QueryPlan, { kind: "query" }>): string | undefined {
  // ("With how many cells 8646… makes 3 or more synapses": counting the one root named, with a condition
  // on it, is 1 or 0. Root 0 is no root: "nuclei with no root id" count the rows that have it; and the
  // nuclei of one root may be two, so a count of them alone stands.)
  const named = plan.filter.find((f) => namesOneRoot(f) && f.values[0] !== "0");
  const flowless = !["synapses", "connections"].includes(plan.source);
  if (named && flowless && ["count", "distinct"].includes(plan.measure.fn) && plan.filter.length > 1)
    return `counting the one root named, ${named.values![0]}, gives 1 or 0`;
  // ("take every root 8646… synapses onto and average the number of synapses per target": a mean of a per-root
  // figure over the one root named is that root's own figure; the average asked was over something else.)
  const statistic = !["count", "distinct", "sum", "list", "fraction", "ratio"].includes(plan.measure.fn);
  if (named && plan.source === "roots" && statistic && !plan.groupBy.length && !plan.compare?.length)
    return `a ${plan.measure.fn} over the one root named, ${named.values![0]}, is that root's own value`;
  // ("is 8646… the largest BC?": ranking the one root named among itself gives that root, not an answer.)
  const rankedAlone = plan.groupBy.every((g) => g.dim === "root_id") && (plan.limit !== undefined || plan.order);
  if (named && flowless && rankedAlone && !plan.compare?.length)
    return `ranking the one root named, ${named.values![0]}, gives that root`;
  for (const side of ["pre", "post"] as const) {
    const filters = [...plan[side], ...(plan.compare ?? []).flatMap((p) => p[side] ?? [])];
    const root = filters.find(namesOneRoot);
    if (!root) continue;
    const m = plan.measure;
    if (m.fn === "distinct" && m.side === side) return `the distinct ${side} roots are one root, ${root.values![0]}`;
    if (plan.groupBy.some((g) => g.side === side && g.dim === "root_id"))
      return `the ${side} roots are one root, ${root.values![0]}`;
    // (Any condition: "synapses from 8646… without a nucleus" asks whether the one root has one.)
    const other = plan[side].find((f) => f.dim !== "root_id" && f.dim !== "nucleus_id");
    if (other) return `a condition on ${other.dim.replace("_", " ")} of the one root ${root.values![0]}`;
  }
  return undefined;
}
