import type { LookupPlan } from "../../planning/plan.js";
import type { AnswerTable, TableCell } from "../../answers/answer.js";

/**
 * "Which unit ids is 8646… matched to?": asked for its coregistration alone, a root's table is its functional units,
 * one row each (session, scan, field, unit), not one row of the cell with the units in one text column.
 */
export function unitsTable(
  plan: LookupPlan,
  units: Record<string, TableCell>[],
  cell: Record<string, TableCell>,
): AnswerTable | undefined {
  if (plan.fields.length !== 1 || plan.fields[0] !== "coregistration" || !units.length) return undefined;
  const columns = ["session", "scan_idx", "field", "unit_id"];
  return {
    columns: ["pt_root_id", "nucleus_id", ...columns],
    rows: units.map((u) => [
      cell.pt_root_id ?? plan.rootId ?? null,
      cell.nucleus_id ?? plan.nucleusId ?? null,
      ...columns.map((c) => u[c] ?? null),
    ]),
  };
}
