import type { Query, Side } from "../plan.js";
import type { Clause } from "./clause.js";

/** Measures of a flow's synapses that are one number per cell when said of "each" cell. */
const PER_CELL_STATS = new Set(["mean", "median", "min", "max", "stddev", "percentile"]);

/**
 * "what fraction of each BC's output synapses land on 23P", "mean synapse size of each MC's outputs": a share or a
 * size statistic said of each cell of a population is one number per cell, not one for all of them pooled (which it
 * had been, with "each" read and dropped). The cells become the rows, on their side of the flow.
 */
export function eachCellsShare(c: Clause, q: Query): void {
  const m = q.measure;
  const perCell = (m.fn === "fraction" && !m.across) || (PER_CELL_STATS.has(m.fn) && "of" in m && m.of === "size");
  if (!perCell || q.groupBy.length || q.compare || q.source !== "synapses") return;
  const each = c.pops.find((p) => p.pop.each && p.pop.filters.length && !p.pop.head);
  const side = each?.role;
  if (side !== "pre" && side !== "post") return;
  q.groupBy.push({ dim: "root_id", side: side as Side });
}
