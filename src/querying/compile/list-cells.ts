import type { Query } from "../../planning/plan.js";
import { describePlan, describeRows } from "../../planning/describe.js";
import { raw, sql, Sql } from "../sql.js";
import { CellRow, baseFor, depthExpr, requireDim } from "./cell-sql.js";
import { rootSet } from "./summary-rows.js";
import { MissingDataError, UnknownValueError, fmt, type CompileContext, type CompiledQuery } from "./types.js";

/**
 * The most points a soma scatter draws: 20,000 render in about a second, and the picture of the
 * layers is already full. A list is capped the same way (the executor's row cap still applies).
 */
const MAX_POINTS = 20_000;

/**
 * Cells themselves: root id, nucleus id, cell type and soma position (x and depth, µm), for a list
 * or a scatter of soma positions (coloured by a grouping dimension when one is given). With more
 * cells than the cap, every k-th by nucleus id is kept, spread evenly over the volume.
 */
export function listCells(ctx: CompileContext, q: Query): CompiledQuery {
  if (q.source === "synapses" || q.source === "connections") {
    throw new UnknownValueError(
      "Listing individual synapses (their ids and positions) is not something I do; I can count them, " +
        "give their sizes, or rank a neuron's partners by synapse count.",
    );
  }
  if (q.source === "roots") return listRoots(ctx, q);
  if (q.groupBy.length > 1) throw new UnknownValueError("Soma positions are coloured by one grouping at a time.");
  const color = q.groupBy[0]?.dim;
  const base =
    q.source === "nuclei" ? "nucleus" : baseFor(ctx, [...q.filter.map((f) => f.dim), ...(color ? [color] : [])]);
  if (!ctx.catalog.tables.has(base))
    throw new MissingDataError(
      `This needs the ${base === "nucleus" ? "nucleus_detection_v0" : "aibs_metamodel_celltypes_v661"} table.`,
    );
  for (const f of q.filter) requireDim(ctx, f.dim);
  const row = new CellRow(ctx, base);
  const conds = [raw("ct.pt_position_y IS NOT NULL"), ...q.filter.map((f) => row.condition(f))];
  const typeCol = base === "nucleus" ? null : row.expr(base === "mtype" ? "mtype" : "cell_type", true);
  const colorCol = color && color !== "cell_type" && color !== "mtype" ? `, ${row.expr(color, true)} AS ${color}` : "";
  const typeName = base === "mtype" || color === "mtype" ? "mtype" : "cell_type";
  const typeExpr = color === "mtype" && base !== "mtype" ? row.expr("mtype", true) : typeCol;
  const columns =
    [
      "ct.pt_root_id AS pt_root_id",
      `${row.nucleusId} AS nucleus_id`,
      ...(typeExpr ? [`${typeExpr} AS ${typeName}`] : []),
      `round(ct.pt_position_x * ${ctx.geometry?.voxelNm[0] ?? 4} / 1000.0, 1) AS x_um`,
      `round(${depthExpr(ctx, "ct.pt_position_y")}, 1) AS depth_um`,
    ].join(", ") + colorCol;
  const whereSql = sql` WHERE ${Sql.join(conds, " AND ")}`;
  const cap = Math.min(q.limit ?? MAX_POINTS, MAX_POINTS);
  const count = sql`SELECT count(*) AS n ${row.from()}${whereSql}`;
  const whole = raw(String(Math.trunc(cap)));
  const picked = sql`WITH numbered AS (SELECT ${raw(columns)}, row_number() OVER (ORDER BY ${raw(row.nucleusId)}) AS i, count(*) OVER () AS n
      ${row.from()}${whereSql})
    SELECT * FROM numbered WHERE n <= ${whole} OR (i * ${whole}) / n > ((i - 1) * ${whole}) / n ORDER BY i`;
  const labels = { typeLabel: (v: string) => ctx.vocabulary.cellTypeLabel(v) };
  const who = describeRows(q, labels);
  const colorKey = color === "mtype" ? "mtype" : (color ?? typeName);
  return {
    statements: [
      { sql: count.text, params: count.params },
      { sql: picked.text, params: picked.params, rowCap: cap },
    ],
    reading: `Read as: ${describePlan(q, labels)}, with soma positions (x and depth below pia, µm).`,
    ids: {
      rootIds: q.filter.filter((f) => f.dim === "root_id").flatMap((f) => f.values ?? []),
      nucleusIds: q.filter.filter((f) => f.dim === "nucleus_id").flatMap((f) => f.values ?? []),
    },
    present: (results) => {
      const total = Number(results[0]!.rows[0]?.[0] ?? 0);
      const r = results[1]!;
      const columnsOut = r.columns.filter((c) => c !== "i" && c !== "n");
      const rows = r.rows.map((x) => columnsOut.map((c) => x[r.columns.indexOf(c)] ?? null));
      const shown = rows.length;
      return {
        table: { columns: columnsOut, rows },
        headline:
          shown < total
            ? `${fmt(total)} ${who}; ${fmt(shown)} of them, evenly spread by nucleus id, are ${q.chart ? "plotted and " : ""}listed.`
            : `${fmt(shown)} ${who}${q.chart ? ", by soma position" : ""}.`,
        chart: {
          kind: "scatter",
          x: "x_um",
          y: "depth_um",
          color: colorKey,
          colorTitle: colorTitle(colorKey),
          xTitle: "x (µm)",
          yTitle: "depth below pia (µm)",
          depthLayers: true,
          // An orientation's colours wrap around: 0° and 180° (360° for a direction) are one colour.
          ...(colorKey === "pref_ori" || colorKey === "pref_dir" ? { cyclic: true } : {}),
        },
      };
    },
  };
}

function listRoots(ctx: CompileContext, q: Query): CompiledQuery {
  const roots = rootSet(ctx, q.filter);
  const cap = q.limit ?? 1000;
  const text = sql`SELECT p.root_id AS pt_root_id, (SELECT group_concat(DISTINCT cell_type) FROM root_cell_type t WHERE t.pt_root_id = p.root_id) AS cell_type
    FROM (${roots}) p ORDER BY p.root_id LIMIT ${raw(String(cap))}`;
  const count = sql`SELECT count(*) FROM (${roots})`;
  const labels = { typeLabel: (v: string) => ctx.vocabulary.cellTypeLabel(v) };
  return {
    statements: [
      { sql: count.text, params: count.params },
      { sql: text.text, params: text.params },
    ],
    reading: `Read as: ${describePlan(q, labels)}.`,
    present: (results) => {
      const total = Number(results[0]!.rows[0]?.[0] ?? 0);
      const r = results[1]!;
      return {
        table: { columns: r.columns, rows: r.rows },
        headline: `${fmt(total)} ${describeRows(q, labels)}${r.rows.length < total ? `; the first ${fmt(r.rows.length)} by root id are listed` : ""}.`,
      };
    },
  };
}

const colorTitle = (key: string) =>
  ({ pref_ori: "preferred orientation (°)", pref_dir: "preferred direction (°)" })[key] ??
  key.replace(/_/g, " ").replace("mtype", "m-type");
