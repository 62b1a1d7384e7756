import type { Query } from "../plan.js";
import { DIMS_OF_ROOTS } from "./dims.js";

/**
 * "proofread % of neurons, by area", "what % of BCs have a proofread axon": a share of named cells is of cell-type
 * rows (a cell is a row), even when the part is a flag of the cell's root. Counted as roots, it had left out the
 * cells whose nucleus has no root and counted a root with two nuclei once: a percentage a little off.
 */
export function shareOfCellsByRootFlag(q: Query): boolean {
  if (q.measure.fn !== "fraction" || q.source !== "roots" || q.compare) return false;
  const flags = ["proofread", "axon_proofread", "dendrite_proofread"];
  const part = q.measure.part.filter ?? [];
  const kinds = q.filter.some((f) => ["cell_type", "class", "mtype"].includes(f.dim) && !f.not);
  return (
    kinds &&
    part.length > 0 &&
    part.every((f) => flags.includes(f.dim)) &&
    !q.filter.some((f) => DIMS_OF_ROOTS.has(f.dim)) &&
    q.groupBy.every((g) => ["area", "layer", "cell_type", "class", "mtype"].includes(g.dim))
  );
}
