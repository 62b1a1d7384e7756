import type { SqlPlan } from "../../planning/plan.js";
import { checkSelectOnly } from "../sql-guard.js";
import { fmt, type CompiledQuery } from "./types.js";

/** A model's free-form SELECT: one statement, read-only, behind the gate; its answer is marked. */
export function compileSql(plan: SqlPlan): CompiledQuery {
  const text = checkSelectOnly(plan.sql);
  return {
    statements: [{ sql: text, params: [] }],
    reading: `Read as free-form SQL proposed by the language model${plan.explanation ? ` (${plan.explanation})` : ""}; checked to be one read-only SELECT.`,
    present: (results) => {
      const r = results[0]!;
      const single = r.rows.length === 1 && r.columns.length === 1;
      return {
        table: { columns: r.columns, rows: r.rows },
        headline: single
          ? `${fmt(r.rows[0]![0] ?? null)} (free-form SQL).`
          : `${r.rows.length}${r.truncated ? "+" : ""} rows (free-form SQL).`,
      };
    },
  };
}
