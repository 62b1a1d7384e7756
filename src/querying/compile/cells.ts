import type { CellPlan } from "../../planning/plan.js";
import type { StatementResult } from "../protocol.js";
import { Sql, raw, sql } from "../sql.js";
import { cellRowConditions, checkPopulation, describePopulation, idParams, requireTables, rowIdConditions, typeOrder, where } from "./population.js";
import { compileCellFraction } from "./cell-fraction.js";
import { fmt, type CompileContext, type CompiledQuery, type Presentation } from "./types.js";

const CELL_TYPE_TABLE = { table: "cell_type", cave: "aibs_metamodel_celltypes_v661", why: "a cell is a row of the cell-type table" };

/**
 * Cells are rows of the cell-type table (one per nucleus with a type); nuclei are rows of the
 * nucleus table. Neurons are cells of class excitatory or inhibitory.
 */
export function compileCells(ctx: CompileContext, plan: CellPlan): CompiledQuery {
  if (plan.measure === "fraction") return compileCellFraction(ctx, plan);
  checkPopulation(ctx, plan.population);
  const p = plan.population;
  const mtypeOnly = Boolean(p.mtypes) && !p.cellTypes;
  const volume = ["mean_volume", "median_volume", "sum_volume", "min_volume", "max_volume"].includes(plan.measure);
  const depth = plan.measure === "mean_depth";

  // The base table: nuclei, m-types (for m-type questions) or cell types.
  let base: string;
  const joins: Sql[] = [];
  const conds: (Sql | null)[] = [];
  if (plan.subject === "nuclei" && !p.cellTypes && !p.classes && !p.mtypes && plan.groupBy.length === 0) {
    requireTables(ctx, [{ table: "nucleus", cave: "nucleus_detection_v0", why: "it lists every detected nucleus" }]);
    base = "nucleus n";
    if (p.rootIds) conds.push(sql`n.pt_root_id IN (${idParams(p.rootIds)})`);
    if (p.nucleusIds) conds.push(sql`n.id IN (${idParams(p.nucleusIds)})`);
  } else {
    // (Cells named by m-type but counted per cell type or class: the cell-type table, joined to the m-types.)
    const t = (mtypeOnly && plan.groupBy[0] !== "cell_type" && plan.groupBy[0] !== "class") || (plan.groupBy[0] === "mtype" && !p.cellTypes && !p.classes) ? "mtype" : "cell_type";
    requireTables(ctx, [t === "mtype" ? { table: "mtype", cave: "aibs_metamodel_mtypes_v661_v2", why: "it gives m-types" } : CELL_TYPE_TABLE]);
    base = `${t} ct`;
    if (t === "mtype") {
      if (p.mtypes) conds.push(sql`ct.cell_type IN (${p.mtypes})`);
      conds.push(...rowIdConditions(p));
    } else {
      if (p.mtypes || plan.groupBy[0] === "mtype") {
        requireTables(ctx, [{ table: "mtype", cave: "aibs_metamodel_mtypes_v661_v2", why: "it gives m-types" }]);
        joins.push(raw(" JOIN mtype m ON m.target_id = ct.target_id"));
      }
      conds.push(...cellRowConditions(p));
    }
    if (volume || depth) {
      requireTables(ctx, [{ table: "nucleus", cave: "nucleus_detection_v0", why: "it holds nucleus volumes and positions" }]);
      joins.push(raw(" JOIN nucleus n ON n.id = ct.target_id"));
    }
  }
  const nucleusAlias = base.startsWith("nucleus") ? "n" : "n";
  const group = plan.groupBy[0];
  const groupCol = group === "cell_type" ? "ct.cell_type" : group === "class" ? "ct.classification_system" : group === "mtype" ? (base.startsWith("mtype") ? "ct.cell_type" : "m.cell_type") : null;
  const key = group === "class" ? "classification_system" : group === "mtype" ? "mtype" : group;
  const y = ctx.geometry ? `(${nucleusAlias}.pt_position_y * ${ctx.geometry.voxelNm[1]} / 1000.0 - ${ctx.geometry.piaYum})` : null;

  let measure: Sql;
  let valueCol: string;
  switch (plan.measure) {
    case "count": measure = raw("count(*) AS cells"); valueCol = "cells"; break;
    case "mean_volume": measure = raw(`avg(${nucleusAlias}.volume) AS mean_volume_um3`); valueCol = "mean_volume_um3"; break;
    case "sum_volume": measure = raw(`sum(${nucleusAlias}.volume) AS total_volume_um3`); valueCol = "total_volume_um3"; break;
    case "min_volume": measure = raw(`min(${nucleusAlias}.volume) AS min_volume_um3`); valueCol = "min_volume_um3"; break;
    case "max_volume": measure = raw(`max(${nucleusAlias}.volume) AS max_volume_um3`); valueCol = "max_volume_um3"; break;
    case "median_volume": measure = raw(""); valueCol = "median_volume_um3"; break;
    case "mean_depth": measure = raw(`avg(${y ?? "NULL"}) AS mean_depth_um`); valueCol = "mean_depth_um"; break;
    case "list": measure = raw(""); valueCol = ""; break;
  }
  const body = sql`FROM ${raw(base)}${Sql.join(joins, "")}${where(conds)}`;
  let text: Sql;
  if (plan.measure === "list") {
    const idCols = base.startsWith("nucleus") ? "n.pt_root_id AS pt_root_id, n.id AS nucleus_id" : "ct.pt_root_id AS pt_root_id, ct.target_id AS nucleus_id, ct.cell_type AS cell_type";
    text = sql`SELECT ${raw(idCols)} ${body} ORDER BY 1, 2${plan.limit ? sql` LIMIT ${plan.limit}` : raw("")}`;
  } else if (plan.measure === "median_volume") {
    const part = groupCol ? groupCol : "1";
    text = sql`WITH v AS MATERIALIZED (SELECT ${raw(groupCol ? `${groupCol} AS ${key}, ` : "")}${raw(nucleusAlias)}.volume AS x ${body} AND ${raw(nucleusAlias)}.volume IS NOT NULL),
      r AS (SELECT *, row_number() OVER (PARTITION BY ${raw(groupCol ? key! : "1")} ORDER BY x) AS rn, count(*) OVER (PARTITION BY ${raw(groupCol ? key! : "1")}) AS cnt FROM v)
      SELECT ${raw(groupCol ? `${key}, ` : "")}avg(x) AS median_volume_um3, max(cnt) AS cells FROM r WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2)${raw(groupCol ? ` GROUP BY ${key}` : "")}`;
    void part;
    if (!conds.some(Boolean)) text = new Sql(text.text.replace(/ AND (\w+)\.volume IS NOT NULL/, " WHERE $1.volume IS NOT NULL"), text.params);
  } else {
    text = sql`SELECT ${raw(groupCol ? `${groupCol} AS ${key}, ` : "")}${measure} ${body}${raw(groupCol ? ` GROUP BY ${groupCol}` : "")}`;
  }
  if (groupCol && plan.measure !== "list") {
    const natural = group === "class" ? key! : typeOrder(ctx, key!);
    const order = plan.order === "desc" ? `${valueCol} DESC, ${natural}` : plan.order === "asc" ? `${valueCol}, ${natural}` : natural;
    text = sql`SELECT * FROM (${text}) ORDER BY ${raw(order)}${plan.limit ? sql` LIMIT ${plan.limit}` : raw("")}`;
  }

  const what = plan.subject === "nuclei" && base.startsWith("nucleus") ? "nuclei" : describePopulation(ctx, p, plan.subject === "nuclei" ? "nuclei with a cell type" : "cells");
  const measureText = {
    count: "number of", mean_volume: "mean nucleus volume (µm³) of", median_volume: "median nucleus volume (µm³) of", sum_volume: "total nucleus volume (µm³) of",
    min_volume: "smallest nucleus volume (µm³) of", max_volume: "largest nucleus volume (µm³) of", mean_depth: "mean soma depth (µm below pia) of", list: "list of",
  }[plan.measure];
  const tableName = base.startsWith("nucleus") ? "nucleus_detection_v0" : base.startsWith("mtype") ? ctx.catalog.caveNames.get("mtypes") ?? "aibs_metamodel_mtypes_v661_v2" : ctx.catalog.caveNames.get("cell_types") ?? "aibs_metamodel_celltypes_v661";
  return {
    statements: [{ sql: text.text, params: text.params }],
    reading: `Read as: ${measureText} ${what}${group ? `, per ${GROUP_NAME[group]}` : ""}${plan.limit && group ? `, ${plan.order === "asc" ? "lowest" : "highest"} first, top ${plan.limit}` : ""}; from ${tableName} (valid rows${base.startsWith("nucleus") ? "" : ", one per nucleus"}).`,
    ids: { rootIds: p.rootIds ?? [], nucleusIds: p.nucleusIds ?? [] },
    present: (results) => presentCells(plan, results[0]!, valueCol, key ?? null, `${measureText} ${what}`),
  };
}

function presentCells(plan: CellPlan, result: StatementResult, valueCol: string, key: string | null, what: string): Presentation {
  const table = { columns: result.columns, rows: result.rows };
  if (plan.measure === "list") {
    return { table, headline: `${result.rows.length}${result.truncated ? "+" : ""} ${what.replace(/^list of /, "")}.` };
  }
  const vi = result.columns.indexOf(valueCol);
  if (!key) {
    const v = result.rows[0]?.[vi] ?? null;
    return { table, headline: `${capitalize(what)}: ${v === null ? "none" : fmt(v)}.` };
  }
  const total = plan.measure === "count" ? result.rows.reduce((s, r) => s + Number(r[vi] ?? 0), 0) : null;
  const name = GROUP_NAME[plan.groupBy[0]!];
  const first = result.rows[0];
  // Ranked ("which cell type has the most neurons?"): the answer is the first row.
  const headline = plan.limit && plan.order !== "natural" && first
    ? `${capitalize(what)}, per ${name}, ${plan.order === "asc" ? "lowest" : "highest"} first: ${first[result.columns.indexOf(key)]} with ${fmt(first[vi] ?? 0)}${result.rows.length > 1 ? `, then ${result.rows.slice(1).map((r) => `${r[result.columns.indexOf(key)]} (${fmt(r[vi] ?? 0)})`).join(", ")}` : ""}.`
    : `${capitalize(what)}, per ${name}: ${result.rows.length} ${name === "class" ? "classes" : `${name}s`}${total !== null ? `, ${fmt(total)} in all` : ""}${
      // A few groups are the answer itself: "23P 18,170; 4P 9,975".
      result.rows.length <= 5 ? ` (${result.rows.map((r) => `${r[result.columns.indexOf(key)]} ${fmt(r[vi] ?? 0)}`).join("; ")})` : ""}.`;
  return {
    table,
    headline,
    chart: { kind: "bar", x: key, y: valueCol, xTitle: key.replace(/_/g, " "), yTitle: valueCol.replace(/_um3$/, " (µm³)").replace(/_um$/, " (µm)").replace(/_/g, " ") },
  };
}

const GROUP_NAME = { cell_type: "cell type", class: "class", mtype: "m-type" } as const;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
