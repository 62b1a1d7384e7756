import type { Measure } from "../../planning/plan.js";
import { Sql, raw, sql } from "../sql.js";
import { QUANTITY } from "./dims.js";
import type { RowSet } from "./rowset.js";
import { UnknownValueError } from "./types.js";

/**
 * A measure over a row set, per group: SELECT keys..., value [, extras] FROM rows GROUP BY keys.
 * Statistics follow the usual definitions: sample standard deviation (n − 1, as pandas), and
 * percentiles by linear interpolation between the two nearest ranks (numpy's default), which for
 * the 50th is the median. Weighted rows (a size and how many synapses have it) give the same exact
 * figures as the rows they stand for.
 */
export function aggregate(rows: RowSet, measure: Measure, valueName: string): Sql {
  const keys = rows.keys;
  const keyList = keys.join(", ");
  const groupBy = keys.length ? ` GROUP BY ${keyList}` : "";
  const keySel = keys.length ? `${keyList}, ` : "";
  const need = (form: RowSet["form"]) => {
    if (rows.form !== form) throw new Error(`${measure.fn} needs ${form} rows, got ${rows.form}`);
  };
  switch (measure.fn) {
    case "count":
    case "distinct": {
      const value =
        rows.form === "distinct"
          ? "count(DISTINCT r)"
          : rows.form === "sums"
            ? "coalesce(sum(n), 0)"
            : "coalesce(sum(w), 0)";
      return sql`SELECT ${raw(`${keySel}${value} AS ${valueName}`)} FROM (${rows.sql})${raw(groupBy)}`;
    }
    case "sum":
    case "mean": {
      const [n, s] = rows.form === "sums" ? ["n", "s"] : ["w", "x * w"];
      const value = measure.fn === "sum" ? `sum(${s})` : `sum(${s}) * 1.0 / nullif(sum(${n}), 0)`;
      return sql`SELECT ${raw(`${keySel}${value} AS ${valueName}, coalesce(sum(${n}), 0) AS n`)} FROM (${rows.sql})${raw(groupBy)}`;
    }
    case "min":
    case "max":
      need("values");
      return sql`SELECT ${raw(`${keySel}${measure.fn}(x) AS ${valueName}, coalesce(sum(w), 0) AS n`)} FROM (${rows.sql}) WHERE x IS NOT NULL${raw(groupBy)}`;
    case "stddev":
      need("values");
      return stddev(rows, valueName);
    case "median":
      need("values");
      return percentiles(rows, [50], [valueName]);
    case "percentile":
      need("values");
      return percentiles(rows, [measure.p], [valueName]);
    case "quartiles":
      need("values");
      return quartiles(rows);
    default:
      throw new UnknownValueError(`The ${measure.fn} measure is not computed over rows.`);
  }
}

/** Rows in ascending x with the cumulative weight before each: the base of exact weighted quantiles. */
function ranked(rows: RowSet): string {
  const part = rows.keys.length ? `PARTITION BY ${rows.keys.join(", ")} ` : "";
  return `SELECT *, sum(w) OVER (${part}ORDER BY x ROWS UNBOUNDED PRECEDING) - w AS before,
    sum(w) OVER (${part.trim() ? part.trim() : ""}) AS total FROM v`;
}

/**
 * The value at 0-based rank i of the expanded (weighted) data is the x whose cumulative range
 * [before, before + w) holds i; percentile p interpolates between ranks floor(h) and ceil(h),
 * h = (total - 1) p / 100.
 */
function percentileExpr(p: number): string {
  const h = `((total - 1) * ${p} / 100.0)`;
  const at = (rank: string) => `min(CASE WHEN before + w > ${rank} THEN x END)`;
  const lo = `CAST(${h} AS INTEGER)`;
  const hi = `(CASE WHEN ${h} > ${lo} THEN ${lo} + 1 ELSE ${lo} END)`;
  return `(${at(lo)} + (${h} - ${lo}) * (${at(hi)} - ${at(lo)}))`;
}

function percentiles(rows: RowSet, ps: number[], names: string[]): Sql {
  const keys = rows.keys;
  const keySel = keys.length ? `${keys.join(", ")}, ` : "";
  const cols = ps.map((p, i) => `${percentileExpr(p)} AS ${names[i]}`).join(", ");
  const groupBy = keys.length ? ` GROUP BY ${keys.join(", ")}` : "";
  return sql`WITH v AS MATERIALIZED (SELECT * FROM (${rows.sql}) WHERE x IS NOT NULL),
    r AS (${raw(ranked(rows))})
    SELECT ${raw(`${keySel}${cols}, max(total) AS n`)} FROM r${raw(groupBy)}`;
}

function quartiles(rows: RowSet): Sql {
  const keys = rows.keys;
  const keySel = keys.length ? `${keys.join(", ")}, ` : "";
  const groupBy = keys.length ? ` GROUP BY ${keys.join(", ")}` : "";
  const cols = [
    "min(x) AS min",
    `${percentileExpr(25)} AS q1`,
    `${percentileExpr(50)} AS median`,
    `${percentileExpr(75)} AS q3`,
    // ("IQR of BC nucleus volume": the spread between the quartiles, given as its own figure.)
    `${percentileExpr(75)} - ${percentileExpr(25)} AS iqr`,
    "max(x) AS max",
    "sum(x * w) * 1.0 / sum(w) AS mean",
    "max(total) AS n",
  ].join(", ");
  return sql`WITH v AS MATERIALIZED (SELECT * FROM (${rows.sql}) WHERE x IS NOT NULL),
    r AS (${raw(ranked(rows))})
    SELECT ${raw(`${keySel}${cols}`)} FROM r${raw(groupBy)}`;
}

function stddev(rows: RowSet, valueName: string): Sql {
  const keys = rows.keys;
  const keySel = keys.length ? `v.${keys.join(", v.")}, ` : "";
  const groupBy = keys.length ? ` GROUP BY ${keys.map((k) => `v.${k}`).join(", ")}` : "";
  const join = keys.length ? ` JOIN m USING (${keys.join(", ")})` : ", m";
  const mKeys = keys.length ? `${keys.join(", ")}, ` : "";
  return sql`WITH v AS MATERIALIZED (SELECT * FROM (${rows.sql}) WHERE x IS NOT NULL),
    m AS (SELECT ${raw(mKeys)}sum(x * w) * 1.0 / sum(w) AS mean FROM v${raw(keys.length ? ` GROUP BY ${keys.join(", ")}` : "")})
    SELECT ${raw(`${keySel}sqrt(sum(v.w * (v.x - m.mean) * (v.x - m.mean)) / nullif(sum(v.w) - 1, 0)) AS ${valueName}, sum(v.w) AS n`)}
    FROM v${raw(join)}${raw(groupBy)}`;
}

/**
 * A histogram of x in equal bins (of log x for quantities that span decades), computed in the database. A
 * whole-number quantity with fewer values than bins (synapses per connection, 1 to 12) gets one bin per value,
 * [n, n + 1): "how many connections have 1 synapse, how many 2" is read off the table as asked.
 */
export function histogram(
  rows: RowSet,
  bins: number,
  log: boolean,
  range?: readonly [number, number],
  whole = false,
): Sql {
  const f = log ? "ln(x)" : "x";
  const back = (e: string) => (log ? `exp(${e})` : e);
  // An angle's bins cover its whole circle (0–180° for an orientation), not the values' span:
  // equal wedges of a rose, and bins that line up with 0°, 45°, 90°.
  const span = range
    ? `SELECT ${range[0]} AS lo, ${range[1]} AS hi, 0 AS unit, 0 AS x0`
    : `SELECT min(${f}) AS lo, max(${f}) AS hi, ${whole ? `max(x) - min(x) < ${bins}` : "0"} AS unit, min(x) AS x0 FROM v`;
  const equal = `min(CAST((${f} - lo) / coalesce(nullif((hi - lo) / ${bins}, 0), 1) AS INTEGER), ${bins - 1})`;
  return sql`WITH v AS MATERIALIZED (SELECT x, w FROM (${rows.sql}) WHERE x IS NOT NULL${raw(log ? " AND x > 0" : "")}),
    b AS (${raw(span)}),
    k AS (SELECT ${raw(`CASE WHEN unit THEN CAST(x - x0 AS INTEGER) ELSE ${equal} END`)} AS bin,
      sum(w) AS n FROM v, b GROUP BY bin)
    SELECT ${raw(`CASE WHEN unit THEN x0 + bin ELSE ${back(`lo + bin * (hi - lo) / ${bins}`)} END`)} AS bin_start,
      ${raw(`CASE WHEN unit THEN x0 + bin + 1 ELSE ${back(`lo + (bin + 1) * (hi - lo) / ${bins}`)} END`)} AS bin_end,
      n AS count FROM k, b ORDER BY bin`;
}

/** The name of a measure's value column: synapses, cells, mean_size, p90_size, stddev_volume_um3 ... */
export function valueName(measure: Measure, source: string): string {
  switch (measure.fn) {
    case "count":
      return (
        { synapses: "synapses", connections: "connections", cells: "cells", nuclei: "nuclei", roots: "neurons" }[
          source
        ] ?? "n"
      );
    case "distinct":
      return source === "synapses" || source === "connections" ? "partners" : "neurons";
    case "kinds":
      return `n_${measure.dim.replace(/y$/, "ie").replace(/s$/, "se")}s`;
    case "percentile":
      return `p${String(measure.p).replace(".", "_")}_${sided(measure)}`;
    case "sum":
      return `total_${sided(measure)}`;
    case "mean":
    case "median":
    case "min":
    case "max":
    case "stddev":
      return `${measure.fn}_${sided(measure)}`;
    default:
      return measure.fn;
  }
}

/** A quantity's column name, with the side whose root it is of (mean_post_gosi: the targets' gOSI). */
const sided = (m: { of: keyof typeof QUANTITY; side?: "pre" | "post" }) =>
  `${m.side ? `${m.side}_` : ""}${QUANTITY[m.of].column}`;
