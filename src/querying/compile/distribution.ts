import type { DistributionPlan, PositionsPlan, SqlPlan } from "../../planning/plan.js";
import { checkSelectOnly } from "../sql-guard.js";
import { Sql, raw, sql } from "../sql.js";
import { checkPopulation, classValues, describePopulation, idParams, inRoots, isAny, requireTables, rootSet, typeOrder, where } from "./population.js";
import { fmt, MissingDataError, type CompileContext, type CompiledQuery } from "./types.js";

const VARIABLE = {
  synapse_size: { label: "synapse size", unit: "voxels", log: true },
  nucleus_volume: { label: "nucleus volume", unit: "µm³", log: false },
  soma_depth: { label: "soma depth", unit: "µm below pia", log: false },
  out_degree: { label: "output synapses per neuron", unit: "synapses", log: true },
  in_degree: { label: "input synapses per neuron", unit: "synapses", log: true },
} as const;

function depthExpr(ctx: CompileContext, yColumn: string): string {
  if (!ctx.geometry) throw new MissingDataError("Soma depth needs the cortical geometry file data/cortex_geometry.json, which could not be read.");
  return `(${yColumn} * ${ctx.geometry.voxelNm[1]} / 1000.0 - ${ctx.geometry.piaYum})`;
}

/** The values (x) and weights (w) whose distribution is asked for, with an optional group (g). */
function valueSource(ctx: CompileContext, plan: DistributionPlan): Sql {
  const p = plan.population;
  const grouped = plan.groupBy === "cell_type";
  switch (plan.variable) {
    case "synapse_size": {
      requireTables(ctx, [{ table: "synapse", cave: "synapses_pni_2", why: "synapse sizes are kept per synapse" }]);
      const side = plan.side;
      // Whose type groups the synapses: "sizes of basket cell outputs by postsynaptic type" groups by the other side.
      const gside = plan.groupSide ?? side;
      if (plan.partners && !isAny(plan.partners)) {
        // Synapses between two populations: found through the synapse index from the presynaptic
        // roots; the postsynaptic side is a filter (the unary + keeps SQLite from probing every
        // pre × post pair of the index).
        const [pre, post] = side === "pre" ? [p, plan.partners] : [plan.partners, p];
        const preRoots = rootSet(ctx, pre);
        const postRoots = rootSet(ctx, post);
        const g = grouped ? ` JOIN root_cell_type t ON t.pt_root_id = s.${gside}_pt_root_id` : "";
        const postTest = postRoots ? sql`+s.post_pt_root_id IN (${postRoots})` : null;
        return sql`SELECT ${raw(grouped ? "t.cell_type AS g, " : "")}s.size AS x, 1 AS w FROM synapse s${raw(g)}${where([inRoots("s.pre_pt_root_id", preRoots), postTest])}`;
      }
      if (isAny(p) && !grouped) return raw("SELECT size AS x, n AS w FROM synapse_size_counts");
      // Whole cell types: the per-type size summary holds their exact distributions. (One type when
      // not grouped: a root with nuclei of two types must not count its synapses twice.)
      const typesOnly = !p.rootIds && !p.nucleusIds && !p.mtypes && !p.classes && (grouped || p.cellTypes?.length === 1) && (isAny(p) || gside === side);
      if (typesOnly && ctx.catalog.tables.has("cell_type_size_counts")) {
        const conds = [sql`side = ${grouped ? gside : side}`, p.cellTypes ? sql`cell_type IN (${p.cellTypes})` : null];
        return grouped
          ? sql`SELECT cell_type AS g, size AS x, n AS w FROM cell_type_size_counts${where(conds)}`
          : sql`SELECT size AS x, sum(n) AS w FROM cell_type_size_counts${where(conds)} GROUP BY size`;
      }
      const roots = rootSet(ctx, p);
      const g = grouped ? ` JOIN root_cell_type t ON t.pt_root_id = s.${gside}_pt_root_id` : "";
      const gcol = grouped ? "t.cell_type AS g, " : "";
      if (side === "pre" || !roots) return sql`SELECT ${raw(gcol)}s.size AS x, 1 AS w FROM synapse s${raw(g)}${where([inRoots(`s.${side}_pt_root_id`, roots)])}`;
      return sql`SELECT ${raw(gcol)}s.size AS x, 1 AS w FROM connection c JOIN synapse s ON s.pre_pt_root_id = c.pre_pt_root_id AND s.post_pt_root_id = c.post_pt_root_id${raw(g)}${where([inRoots("c.post_pt_root_id", roots)])}`;
    }
    case "nucleus_volume":
    case "soma_depth": {
      const valueCol = plan.variable === "nucleus_volume" ? "n.volume" : depthExpr(ctx, "n.pt_position_y");
      if (isAny(p) && !grouped && ctx.catalog.tables.has("nucleus")) return raw(`SELECT ${valueCol} AS x, 1 AS w FROM nucleus n WHERE ${valueCol} IS NOT NULL`);
      requireTables(ctx, [{ table: "cell_type", cave: "aibs_metamodel_celltypes_v661", why: "it gives each nucleus its cell type" }]);
      const value = plan.variable === "nucleus_volume" ? valueCol : depthExpr(ctx, "ct.pt_position_y");
      const join = plan.variable === "nucleus_volume" ? " JOIN nucleus n ON n.id = ct.target_id" : "";
      if (plan.variable === "nucleus_volume") requireTables(ctx, [{ table: "nucleus", cave: "nucleus_detection_v0", why: "it holds nucleus volumes" }]);
      const conds: (Sql | null)[] = [raw(`${value} IS NOT NULL`)];
      if (p.cellTypes) conds.push(sql`ct.cell_type IN (${p.cellTypes})`);
      if (p.classes) conds.push(sql`ct.classification_system IN (${classValues(p.classes)})`);
      if (p.rootIds) conds.push(sql`ct.pt_root_id IN (${idParams(p.rootIds)})`);
      if (p.mtypes) conds.push(sql`ct.target_id IN (SELECT target_id FROM mtype WHERE cell_type IN (${p.mtypes}))`);
      return sql`SELECT ${raw(grouped ? "ct.cell_type AS g, " : "")}${raw(value)} AS x, 1 AS w FROM cell_type ct${raw(join)}${where(conds)}`;
    }
    case "out_degree":
    case "in_degree": {
      requireTables(ctx, [{ table: "root_stats", cave: "synapses_pni_2", why: "synapse counts per neuron come from it" }]);
      const roots = rootSet(ctx, isAny(p) ? { classes: ["neuron"] } : p);
      const col = plan.variable === "out_degree" ? "r.n_out" : "r.n_in";
      return sql`SELECT ${raw(grouped ? "t.cell_type AS g, " : "")}coalesce(${raw(col)}, 0) AS x, 1 AS w FROM (SELECT DISTINCT pt_root_id FROM (${roots!})) q LEFT JOIN root_stats r ON r.root_id = q.pt_root_id${raw(grouped ? " JOIN root_cell_type t ON t.pt_root_id = q.pt_root_id" : "")}`;
    }
  }
}

export function compileDistribution(ctx: CompileContext, plan: DistributionPlan): CompiledQuery {
  checkPopulation(ctx, plan.population);
  if (plan.partners) checkPopulation(ctx, plan.partners);
  const v = VARIABLE[plan.variable];
  const source = valueSource(ctx, plan);
  const who = describePopulation(ctx, plan.population, plan.variable === "synapse_size" ? "all valid synapses" : "all cells");
  const between = plan.variable === "synapse_size" && plan.partners && !isAny(plan.partners);
  const partners = between ? describePopulation(ctx, plan.partners!) : "";
  const scope = between ? (plan.side === "pre" ? `synapses from ${describePopulation(ctx, plan.population)} onto ${partners}` : `synapses from ${partners} onto ${describePopulation(ctx, plan.population)}`)
    : plan.variable === "synapse_size" && !isAny(plan.population) ? `synapses ${plan.side === "pre" ? "made by" : "received by"} ${who}`
    : plan.variable === "synapse_size" && plan.groupBy === "cell_type" ? "synapses"
    : who;
  // Synapses are grouped by the type of one side; say which.
  const perType = plan.variable === "synapse_size" && plan.groupBy === "cell_type" ? `, by ${(plan.groupSide ?? plan.side) === "pre" ? "presynaptic" : "postsynaptic"} cell type` : plan.groupBy === "cell_type" ? ", per cell type" : "";
  const useStats = plan.statistics || plan.chart === "box" || plan.groupBy === "cell_type";
  let text: Sql;
  if (useStats) {
    const g = plan.groupBy === "cell_type" ? "g" : "1";
    const gsel = plan.groupBy === "cell_type" ? "g AS cell_type, " : "";
    // Weighted ranks, so the size-distribution summary (value, count) gives exact quantiles too.
    // Unknown values are left out: ordered first, they would count towards every quantile.
    text = sql`WITH v AS MATERIALIZED (SELECT * FROM (${source}) WHERE x IS NOT NULL),
      r AS (SELECT *, sum(w) OVER (PARTITION BY ${raw(g)} ORDER BY x ROWS UNBOUNDED PRECEDING) AS cum, sum(w) OVER (PARTITION BY ${raw(g)}) AS total FROM v)
      SELECT ${raw(gsel)}min(x) AS min, min(CASE WHEN cum >= 0.25 * total THEN x END) AS q1,
        (min(CASE WHEN cum >= (total + 1) / 2 THEN x END) + min(CASE WHEN cum >= (total + 2) / 2 THEN x END)) / 2.0 AS median,
        min(CASE WHEN cum >= 0.75 * total THEN x END) AS q3, max(x) AS max, sum(x * w) * 1.0 / sum(w) AS mean, sum(w) AS n
      FROM r${raw(plan.groupBy === "cell_type" ? ` GROUP BY g ORDER BY ${typeOrder(ctx, "g")}` : "")}`;
  } else {
    const bins = plan.bins;
    const f = v.log ? "ln(x)" : "x";
    const back = (e: string) => (v.log ? `exp(${e})` : e);
    text = sql`WITH v AS MATERIALIZED (SELECT x, w FROM (${source}) WHERE x IS NOT NULL${raw(v.log ? " AND x > 0" : "")}),
      b AS (SELECT min(${raw(f)}) AS lo, max(${raw(f)}) AS hi FROM v),
      k AS (SELECT min(CAST((${raw(f)} - lo) / coalesce(nullif((hi - lo) / ${bins}, 0), 1) AS INTEGER), ${bins - 1}) AS bin, sum(w) AS n FROM v, b GROUP BY bin)
      SELECT ${raw(back("lo + bin * (hi - lo) / " + bins))} AS bin_start, ${raw(back("lo + (bin + 1) * (hi - lo) / " + bins))} AS bin_end, n AS count FROM k, b ORDER BY bin`;
  }
  const label = `${v.label} (${v.unit})`;
  return {
    statements: [{ sql: text.text, params: text.params }],
    reading: `Read as: distribution of ${label} of ${scope}${perType}${useStats ? " (quartiles)" : `, in ${plan.bins} ${v.log ? "logarithmic" : "equal"} bins computed in the database`}.`,
    present: (results) => {
      const r = results[0]!;
      const table = { columns: r.columns, rows: r.rows };
      if (useStats) {
        const col = (name: string, row = r.rows[0]) => row?.[r.columns.indexOf(name)] ?? null;
        const headline = plan.groupBy === "cell_type"
          ? `${v.label.charAt(0).toUpperCase() + v.label.slice(1)} (${v.unit}) of ${scope}${perType}: ${r.rows.length} types.`
          : `${v.label.charAt(0).toUpperCase() + v.label.slice(1)} of ${scope}: median ${fmt(col("median"))} ${v.unit} (quartiles ${fmt(col("q1"))} to ${fmt(col("q3"))}, range ${fmt(col("min"))} to ${fmt(col("max"))}, mean ${fmt(col("mean"))}, n = ${fmt(col("n"))}).`;
        return {
          table,
          headline,
          chart: plan.groupBy === "cell_type" || plan.chart === "box" ? { kind: "box", x: plan.groupBy === "cell_type" ? "cell_type" : "n", y: "median", xTitle: perType ? perType.replace(/^, (by|per) /, "") : "cell type", yTitle: label } : undefined,
        };
      }
      const total = r.rows.reduce((s, row) => s + Number(row[2] ?? 0), 0);
      // Bin edges to 4 significant digits (the SQL's floating-point edges read as 34.00000000000001);
      // the counts column is named for what it counts.
      const counted = plan.variable === "synapse_size" ? "synapses" : plan.variable.endsWith("degree") ? "neurons" : "cells";
      const edge = (x: unknown) => (typeof x === "number" ? Number(x.toPrecision(4)) : x);
      const binned = { columns: ["bin_start", "bin_end", counted], rows: r.rows.map((row) => [edge(row[0]), edge(row[1]), row[2]]) } as typeof table;
      return {
        table: binned,
        headline: `Distribution of ${label} of ${scope}: ${fmt(total)} ${counted} in ${plan.bins} bins${r.rows.length < plan.bins ? ` (${plan.bins - r.rows.length} empty)` : ""}.`,
        chart: { kind: "histogram", x: "bin_start", x2: "bin_end", y: counted, xTitle: label, yTitle: counted, logX: v.log, depthLayers: plan.variable === "soma_depth" },
      };
    },
  };
}

/**
 * The most points a soma scatter draws: 20,000 render in about a second (50,000 took 2.2 s, too
 * near a chat's 3 s), and the picture of the layers is already full.
 */
const MAX_SCATTER_POINTS = 20_000;

export function compilePositions(ctx: CompileContext, plan: PositionsPlan): CompiledQuery {
  const p = plan.population;
  // Coloured by what was asked for; a population named by m-types alone is coloured by m-type.
  const scheme = plan.colorBy ?? (p.mtypes && !p.cellTypes ? "mtype" : "cell_type");
  const base = scheme === "mtype"
    ? { table: "mtype", cave: "aibs_metamodel_mtypes_v661_v2", why: "it holds m-types and soma positions" }
    : { table: "cell_type", cave: "aibs_metamodel_celltypes_v661", why: "it holds cell types and soma positions" };
  requireTables(ctx, [base]);
  checkPopulation(ctx, p);
  const typeColumn = scheme === "mtype" ? "mtype" : "cell_type";
  // Types of the other table are matched through the nucleus id both tables share.
  const ofTypes = (table: "cell_type" | "mtype", types: string[]) =>
    table === base.table ? sql`ct.cell_type IN (${types})` : sql`ct.target_id IN (SELECT target_id FROM ${raw(table)} WHERE cell_type IN (${types}))`;
  const conds: (Sql | null)[] = [raw("ct.pt_position_y IS NOT NULL")];
  if (p.cellTypes) conds.push(ofTypes("cell_type", p.cellTypes));
  if (p.mtypes) conds.push(ofTypes("mtype", p.mtypes));
  if (p.classes) conds.push(sql`ct.classification_system IN (${classValues(p.classes)})`);
  if (p.rootIds) conds.push(sql`ct.pt_root_id IN (${idParams(p.rootIds)})`);
  if (p.nucleusIds) conds.push(sql`ct.target_id IN (${idParams(p.nucleusIds)})`);
  const from = raw(`FROM ${base.table} ct`);
  const columns = raw(`ct.pt_root_id, ct.target_id AS nucleus_id, ct.cell_type AS ${typeColumn}, round(ct.pt_position_x * ${ctx.geometry?.voxelNm[0] ?? 4} / 1000.0, 1) AS x_um, round(${depthExpr(ctx, "ct.pt_position_y")}, 1) AS depth_um`);
  const cap = plan.limit ?? MAX_SCATTER_POINTS;
  const count = sql`SELECT count(*) AS n ${from}${where(conds)}`;
  // With more cells than the plot can take, every k-th cell by nucleus id is kept (exactly `cap`
  // of them, spread evenly over the volume), never just the first ones: those would be one corner.
  // Written into the SQL (a checked integer), not bound: a bound JS number is a REAL to SQLite, and
  // the division below must be an integer one.
  const whole = raw(String(Math.trunc(cap)));
  const picked = sql`WITH numbered AS (SELECT ${columns}, row_number() OVER (ORDER BY ct.target_id) AS i, count(*) OVER () AS n ${from}${where(conds)})
    SELECT pt_root_id, nucleus_id, ${raw(typeColumn)}, x_um, depth_um FROM numbered WHERE n <= ${whole} OR (i * ${whole}) / n > ((i - 1) * ${whole}) / n ORDER BY i`;
  const who = describePopulation(ctx, p, "all cells");
  const noun = who === "all cells" ? "cells" : who;
  return {
    statements: [{ sql: count.text, params: count.params }, { sql: picked.text, params: picked.params, rowCap: cap }],
    reading: `Read as: soma positions (x and depth below pia, µm) of ${who}, coloured by ${scheme === "mtype" ? "m-type" : "cell type"}.`,
    present: (results) => {
      const total = Number(results[0]!.rows[0]?.[0] ?? 0);
      const r = results[1]!;
      const shown = r.rows.length;
      return {
        table: { columns: r.columns, rows: r.rows },
        headline: shown < total
          ? `Soma positions of ${fmt(total)} ${noun}; ${fmt(shown)} of them, evenly spread by nucleus id, are plotted and listed.`
          : `Soma positions of ${fmt(shown)} ${noun}.`,
        chart: { kind: "scatter", x: "x_um", y: "depth_um", color: typeColumn, colorTitle: scheme === "mtype" ? "m-type" : "cell type", xTitle: "x (µm)", yTitle: "depth below pia (µm)", depthLayers: true },
      };
    },
  };
}

/** A model's free-form SELECT: one statement, read-only, behind the gate; its answer is marked. */
export function compileSql(plan: SqlPlan): CompiledQuery {
  const text = checkSelectOnly(plan.sql);
  return {
    statements: [{ sql: text, params: [] }],
    reading: `Read as free-form SQL proposed by the language model${plan.explanation ? ` (${plan.explanation})` : ""}; checked to be one read-only SELECT.`,
    present: (results) => {
      const r = results[0]!;
      const single = r.rows.length === 1 && r.columns.length === 1;
      return { table: { columns: r.columns, rows: r.rows }, headline: single ? `${fmt(r.rows[0]![0] ?? null)} (free-form SQL).` : `${r.rows.length}${r.truncated ? "+" : ""} rows (free-form SQL).` };
    },
  };
}
