import type { Dim, Query, Quantity } from "../../planning/plan.js";
import { describePlan, describeRows } from "../../planning/describe.js";
import { raw, sql, Sql } from "../sql.js";
import { CellRow, baseFor, requireDim } from "./cell-sql.js";
import { QUANTITY } from "./dims.js";
import { MissingDataError, UnknownValueError, fmt, type CompileContext, type CompiledQuery } from "./types.js";

/** The most points drawn (as a soma map): with more cells, every k-th by nucleus id is kept. */
const MAX_POINTS = 20_000;

/**
 * Cells with two of their quantities, one row each: "gOSI vs depth", "gOSI vs gDSI of 23P cells".
 * The first quantity named is drawn up the vertical axis, the second along the horizontal ("A vs B"
 * plots A against B). Cells without either value (no tuning, no position) are counted, not drawn.
 */
export function scatterCells(ctx: CompileContext, q: Query): CompiledQuery {
  const m = q.measure;
  if (m.fn !== "list" || !m.with?.length) throw new Error("scatterCells takes a list with quantities");
  if (q.source === "roots") throw new UnknownValueError("Two quantities per cell are plotted for cells, not root ids.");
  if (q.groupBy.length) throw new UnknownValueError("A scatter of two quantities is not coloured by a grouping yet.");
  const quantities: Quantity[] = m.with;
  const dims = [...q.filter.map((f) => f.dim), ...quantities] as Dim[];
  const base = q.source === "nuclei" ? "nucleus" : baseFor(ctx, dims);
  if (!ctx.catalog.tables.has(base)) {
    const table = base === "nucleus" ? "nucleus_detection_v0" : "aibs_metamodel_celltypes_v661";
    throw new MissingDataError(`This needs the ${table} table.`);
  }
  for (const d of dims) requireDim(ctx, d);
  const row = new CellRow(ctx, base);
  const conds = q.filter.map((f) => row.condition(f));
  const names = quantities.map((x) => QUANTITY[x].column);
  const values = quantities.map((x, i) => `${row.expr(x, true)} AS ${names[i]}`);
  const typeCol = base === "nucleus" ? [] : [`${row.expr(base === "mtype" ? "mtype" : "cell_type", true)} AS ${base}`];
  const columns = ["ct.pt_root_id AS pt_root_id", `${row.nucleusId} AS nucleus_id`, ...typeCol, ...values].join(", ");
  const whole = conds.length ? sql` WHERE ${Sql.join(conds, " AND ")}` : raw("");
  const known = names.map((n) => `${n} IS NOT NULL`).join(" AND ");
  const cap = raw(String(Math.trunc(Math.min(q.limit ?? MAX_POINTS, MAX_POINTS))));
  const counted = sql`SELECT count(*) AS cells, count(CASE WHEN ${raw(known)} THEN 1 END) AS drawn
    FROM (SELECT ${raw(columns)} ${row.from()}${whole})`;
  const picked = sql`WITH v AS (SELECT ${raw(columns)} ${row.from()}${whole}),
    numbered AS (SELECT *, row_number() OVER (ORDER BY nucleus_id) AS i, count(*) OVER () AS n
      FROM v WHERE ${raw(known)})
    SELECT * FROM numbered WHERE n <= ${cap} OR (i * ${cap}) / n > ((i - 1) * ${cap}) / n ORDER BY i`;
  const labels = { typeLabel: (v: string) => ctx.vocabulary.cellTypeLabel(v) };
  const who = describeRows(q, labels);
  const title = (x: Quantity) => `${QUANTITY[x].label}${QUANTITY[x].unit ? ` (${QUANTITY[x].unit})` : ""}`;
  const [yq, xq] = quantities.length > 1 ? [quantities[0]!, quantities[1]!] : [quantities[0]!, undefined];
  return {
    statements: [
      { sql: counted.text, params: counted.params },
      { sql: picked.text, params: picked.params, rowCap: Number(cap.text) },
    ],
    reading:
      `Read as: ${describePlan(q, labels)}; ` +
      `from ${base === "nucleus" ? "the nucleus table" : "the cell-type table"}` +
      (quantities.some((x) => ["pref_ori", "pref_dir", "osi", "dsi"].includes(x)) ? " and the tuning table." : "."),
    ids: { rootIds: [], nucleusIds: [] },
    present: (results) => {
      const [cells, drawn] = (results[0]!.rows[0] ?? [0, 0]).map(Number) as [number, number];
      const r = results[1]!;
      const out = r.columns.filter((c) => c !== "i" && c !== "n");
      const rows = r.rows.map((x) => out.map((c) => x[r.columns.indexOf(c)] ?? null));
      const what = quantities.map((x) => QUANTITY[x].label).join(" and ");
      const spread = rows.length < drawn ? `; ${fmt(rows.length)} of them, evenly spread by nucleus id, are shown` : "";
      const of = who.startsWith("all ") ? `all ${fmt(cells)} ${who.slice(4)}` : `${fmt(cells)} ${who}`;
      // ("soma depth of every SST cell in L2/3": one quantity, each cell's, listed.)
      const has = quantities.length > 1 ? `have both ${what}` : `have a ${what}, each listed with it`;
      const headline = `${fmt(drawn)} of ${of} ${has}${spread}.`;
      if (!xq) return { table: { columns: out, rows }, headline };
      return {
        table: { columns: out, rows },
        headline,
        chart: {
          kind: "scatter",
          x: QUANTITY[xq].column,
          y: QUANTITY[yq].column,
          xTitle: title(xq),
          yTitle: title(yq),
          ...(yq === "depth" ? { depthLayers: true } : { yUp: true }),
          title: `${who}: ${QUANTITY[yq].label} against ${QUANTITY[xq].label} (${fmt(rows.length)} cells)`,
        },
      };
    },
  };
}
