import type { LookupPlan } from "../../planning/plan.js";
import type { AnswerTable, TableCell } from "../../answers/answer.js";

/**
 * "Which unit ids is 8646… matched to?": asked for its coregistration alone, a root's table is its functional units,
 * one row each (session, scan, field, unit), not one row of the cell with the units in one text column.
 */
export function unitsTable(plan: LookupPlan, units: Record<string, TableCell>[]): AnswerTable | undefined {
  if (plan.fields.length !== 1 || plan.fields[0] !== "coregistration" || !units.length) return undefined;
  const columns = ["session", "scan_idx", "field", "unit_id"];
  return {
    columns: [plan.rootId ? "pt_root_id" : "nucleus_id", ...columns],
    rows: units.map((u) => [plan.rootId ?? plan.nucleusId ?? null, ...columns.map((c) => u[c] ?? null)]),
  };
}
