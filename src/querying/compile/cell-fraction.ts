import type { CellPlan } from "../../planning/plan.js";
import { Sql, raw, sql } from "../sql.js";
import { cellRowConditions, checkPopulation, describePopulation, requireTables, where } from "./population.js";
import { fmt, type CompileContext, type CompiledQuery } from "./types.js";

/**
 * "What fraction of neurons are inhibitory?": of the cells in `within` (the whole), how many are
 * also in `population` (the part), counted over the cell-type table (one row per nucleus), with
 * m-types joined by nucleus id when either side names one.
 */
export function compileCellFraction(ctx: CompileContext, plan: CellPlan): CompiledQuery {
  const part = plan.population;
  const whole = plan.within ?? {};
  checkPopulation(ctx, part);
  checkPopulation(ctx, whole);
  requireTables(ctx, [{ table: "cell_type", cave: "aibs_metamodel_celltypes_v661", why: "a cell is a row of the cell-type table" }]);
  const mtypes = Boolean(part.mtypes || whole.mtypes);
  if (mtypes) requireTables(ctx, [{ table: "mtype", cave: "aibs_metamodel_mtypes_v661_v2", why: "it gives m-types" }]);
  const partConds = cellRowConditions(part);
  const inPart = partConds.length ? Sql.join(partConds, " AND ") : raw("1");
  const text = sql`SELECT count(*) FILTER (WHERE ${inPart}) AS cells, count(*) AS of_cells,
      round(1.0 * count(*) FILTER (WHERE ${inPart}) / nullif(count(*), 0), 4) AS fraction
    FROM cell_type ct${raw(mtypes ? " LEFT JOIN mtype m ON m.target_id = ct.target_id" : "")}${where(cellRowConditions(whole))}`;
  const partText = describePopulation(ctx, part, "cells");
  const wholeText = describePopulation(ctx, whole, "cells");
  const table = ctx.catalog.caveNames.get("cell_types") ?? "aibs_metamodel_celltypes_v661";
  return {
    statements: [{ sql: text.text, params: text.params }],
    reading: `Read as: fraction of ${wholeText} that are ${partText}; from ${table} (valid rows, one per nucleus).`,
    ids: { rootIds: [...(part.rootIds ?? []), ...(whole.rootIds ?? [])], nucleusIds: [...(part.nucleusIds ?? []), ...(whole.nucleusIds ?? [])] },
    present: ([result]) => {
      const [cells, ofCells, fraction] = result!.rows[0] ?? [0, 0, null];
      const share = fraction === null ? "" : `: ${(Number(fraction) * 100).toFixed(1)}%`;
      return {
        table: { columns: result!.columns, rows: result!.rows },
        headline: Number(ofCells) === 0 ? `There are no ${wholeText} in this data.` : `Of ${fmt(ofCells ?? 0)} ${wholeText}, ${fmt(cells ?? 0)} are ${partText}${share}.`,
      };
    },
  };
}
