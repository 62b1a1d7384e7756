import { namesOneRoot, type QueryPlan, type Side } from "../plan.js";
import type { Clause } from "./clause.js";

/**
 * "top 3 targets of 8646… w >=3 syn": the partners of one root, one row each, with a bound on the synapses of
 * the connection. Each row is then one connection, so counting connections gives 1 on every row (it had ranked
 * the targets by a count that is always 1); what ranks them is the synapses of that connection. Only when no
 * one asked for connections by name ("how many connections of 3+ syn onto each target" is answered as said).
 */
export function oneConnectionEach(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query" || plan.source !== "connections" || plan.measure.fn !== "count") return;
  if (plan.groupBy.length !== 1 || plan.groupBy[0]!.dim !== "root_id" || plan.compare) return;
  const other: Side = plan.groupBy[0]!.side === "post" ? "pre" : "post";
  const oneRoot = plan[other].some(namesOneRoot);
  if (!oneRoot || c.has("noun", "n", "connection")) return;
  plan.measure = { fn: "sum", of: "synapses" };
}
