import type { Filter, Quantity, Side } from "../../planning/plan.js";
import { Sql, raw, sql } from "../sql.js";
import { populationOnRoot, valueCondition } from "./cell-sql.js";
import type { Need, RowSet } from "./rowset.js";
import { DIMS } from "./dims.js";
import { groupKey, typeOnly, type Flow } from "./flow.js";
import type { CompileContext } from "./types.js";

/**
 * Aggregate awareness: the summaries built at import answer most synapse questions exactly without
 * touching the synapse or connection tables. Returns undefined when no summary can answer exactly.
 */
export function summaryRows(
  ctx: CompileContext,
  flow: Flow,
  need: Need,
  quantity?: Quantity,
  distinctSide?: Side,
): RowSet | undefined {
  if (quantity && quantity !== "size") return undefined;
  return (
    wholeVolume(ctx, flow, need) ??
    typeLevel(ctx, flow, need) ??
    rootLevel(ctx, flow, need, distinctSide) ??
    typeSizes(ctx, flow, need)
  );
}

const has = (ctx: CompileContext, t: string) => ctx.catalog.tables.has(t);
const where = (conds: Sql[]) => (conds.length ? sql` WHERE ${Sql.join(conds, " AND ")}` : raw(""));

/** Every synapse, or those of some sizes: the exact size distribution (size, how many). */
function wholeVolume(ctx: CompileContext, flow: Flow, need: Need): RowSet | undefined {
  if (flow.pre.length || flow.post.length || flow.groupBy.length || need === "distinct") return undefined;
  if (!has(ctx, "synapse_size_counts")) return undefined;
  const conds = flow.filter.map((f) => valueCondition(ctx, "size", f));
  const cols = need === "values" ? "size AS x, n AS w" : "n AS n, size * n AS s";
  return {
    form: need,
    sql: sql`SELECT ${raw(cols)} FROM synapse_size_counts${where(conds)}`,
    keys: [],
    source: "the exact synapse size distribution (every valid synapse)",
  };
}

/** Cell type (or m-type) to cell type: the connectivity summary, or per-type totals when one side is anything. */
function typeLevel(ctx: CompileContext, flow: Flow, need: Need): RowSet | undefined {
  if (need !== "sums" || flow.filter.length) return undefined;
  for (const scheme of ["cell_type", "mtype"] as const) {
    const groupDims = scheme === "mtype" ? ["mtype"] : ["cell_type", "class"];
    if (!typeOnly(flow.pre, scheme) || !typeOnly(flow.post, scheme)) continue;
    if (!flow.groupBy.every((g) => g.side && groupDims.includes(g.dim))) continue;
    const engaged = (side: Side) =>
      (side === "pre" ? flow.pre : flow.post).length > 0 || flow.groupBy.some((g) => g.side === side);
    if (!engaged("pre") && !engaged("post")) continue;
    const totals = `${scheme}_totals`;
    if (!has(ctx, totals) || !has(ctx, `${scheme}_connectivity`)) continue;
    const typeConds = (filters: Filter[], alias: string) =>
      filters.map((f) =>
        valueCondition(ctx, `${alias}.${f.dim === "class" ? "classification_system" : "cell_type"}`, f),
      );
    const groupCol = (side: Side, alias: string) =>
      flow.groupBy
        .filter((g) => g.side === side)
        .map((g) => `${alias}.${g.dim === "class" ? "classification_system" : "cell_type"} AS ${groupKey(g)}`);
    const keys = flow.groupBy.map(groupKey);
    const label = scheme === "mtype" ? "m-type" : "cell-type";
    if (engaged("pre") && engaged("post")) {
      const select = [...groupCol("pre", "ta"), ...groupCol("post", "tb"), "k.n_syn AS n", "k.sum_size AS s"];
      const body = raw(
        `FROM ${scheme}_connectivity k JOIN ${totals} ta ON ta.cell_type = k.pre_type JOIN ${totals} tb ON tb.cell_type = k.post_type`,
      );
      const conds = [...typeConds(flow.pre, "ta"), ...typeConds(flow.post, "tb")];
      return {
        form: "sums",
        sql: sql`SELECT ${raw(ordered(select, keys))} ${body}${where(conds)}`,
        keys,
        source: `the ${label} connectivity summary`,
      };
    }
    const side: Side = engaged("pre") ? "pre" : "post";
    const dir = side === "pre" ? "out" : "in";
    const select = [...groupCol(side, "t"), `t.n_${dir} AS n`, `t.${dir}_size AS s`];
    return {
      form: "sums",
      sql: sql`SELECT ${raw(select.join(", "))} FROM ${raw(totals)} t${where(typeConds(side === "pre" ? flow.pre : flow.post, "t"))}`,
      keys,
      source: `per-${label} synapse totals`,
    };
  }
  return undefined;
}

/** Keeps the select list's group columns in the order of the keys. */
function ordered(select: string[], keys: string[]): string {
  const keyed = keys.map((k) => select.find((s) => s.endsWith(` AS ${k}`))!);
  return [...keyed, ...select.filter((s) => !keyed.includes(s))].join(", ");
}

/**
 * One side named (by ids, types or annotations), the other any: each root's totals. Grouped by
 * that side's root it ranks them (every root of the population, those without synapses too).
 */
function rootLevel(ctx: CompileContext, flow: Flow, need: Need, distinctSide?: Side): RowSet | undefined {
  if (!has(ctx, "root_stats") || flow.filter.length || need === "values") return undefined;
  for (const side of ["pre", "post"] as Side[]) {
    const other: Side = side === "pre" ? "post" : "pre";
    const mine = side === "pre" ? flow.pre : flow.post;
    const theirs = side === "pre" ? flow.post : flow.pre;
    if (!mine.length || theirs.length) continue;
    if (!flow.groupBy.every((g) => g.side === side && g.dim === "root_id")) continue;
    const grouped = flow.groupBy.length === 1;
    const oneRoot = mine.length === 1 && mine[0]!.dim === "root_id" && mine[0]!.values?.length === 1 && !mine[0]!.not;
    if (need === "distinct" && (distinctSide !== other || (!grouped && !oneRoot))) continue;
    const dir = side === "pre" ? "out" : "in";
    const n = need === "distinct" ? `coalesce(rs.${dir}_partners, 0)` : `coalesce(rs.n_${dir}, 0)`;
    const s = need === "distinct" ? "NULL" : `rs.${dir}_size`;
    const roots = rootSet(ctx, mine);
    const key = grouped ? `p.root_id AS ${groupKey(flow.groupBy[0]!)}, ` : "";
    return {
      form: "sums",
      sql: sql`SELECT ${raw(key)}${raw(n)} AS n, ${raw(s)} AS s FROM (${roots}) p LEFT JOIN root_stats rs ON rs.root_id = p.root_id`,
      keys: grouped ? [groupKey(flow.groupBy[0]!)] : [],
      source: "per-root synapse totals",
    };
  }
  return undefined;
}

/** The distinct roots of a population, as `root_id`, from the table that lists them most directly. */
export function rootSet(ctx: CompileContext, filters: Filter[]): Sql {
  const ids = filters.find((f) => f.dim === "root_id" && f.values && !f.not);
  const types = filters.find((f) => (f.dim === "cell_type" || f.dim === "class") && f.values && !f.not);
  // Roots named only by root-level facts (fragments, synapse counts) may have no cell row at all.
  const cellLevel = filters.some((f) => DIMS[f.dim].level === "cell" && !(f.dim === "typed" && f.is === false));
  const base = ids
    ? sql`SELECT column1 AS root_id FROM (VALUES ${raw(ids.values!.map(() => "(?)").join(", "))})`.with(
        ids.values!.map(BigInt),
      )
    : types
      ? raw("SELECT DISTINCT pt_root_id AS root_id FROM root_cell_type")
      : cellLevel && has(ctx, "nucleus")
        ? raw("SELECT DISTINCT pt_root_id AS root_id FROM nucleus WHERE pt_root_id != 0")
        : has(ctx, "root_stats")
          ? raw("SELECT root_id FROM root_stats")
          : raw("SELECT DISTINCT pt_root_id AS root_id FROM nucleus WHERE pt_root_id != 0");
  const conds = populationOnRoot(ctx, "b.root_id", filters);
  return sql`SELECT DISTINCT b.root_id AS root_id FROM (${base}) b${where(conds)}`;
}

/** Synapse sizes made or received by one cell type (or each type): the per-type size distribution. */
function typeSizes(ctx: CompileContext, flow: Flow, need: Need): RowSet | undefined {
  if (need !== "values" || flow.filter.length || !has(ctx, "cell_type_size_counts")) return undefined;
  for (const side of ["pre", "post"] as Side[]) {
    const mine = side === "pre" ? flow.pre : flow.post;
    const theirs = side === "pre" ? flow.post : flow.pre;
    if (theirs.length || !mine.every((f) => f.dim === "cell_type" && f.values && !f.not)) continue;
    const grouped = flow.groupBy.length === 1 && flow.groupBy[0]!.side === side && flow.groupBy[0]!.dim === "cell_type";
    if (flow.groupBy.length && !grouped) continue;
    // One type when not grouped: a root with nuclei of two types must not count its synapses twice.
    const values = mine[0]?.values ?? [];
    if (!grouped && (mine.length !== 1 || values.length !== 1)) continue;
    if (!grouped && !mine.length) continue;
    const conds = [sql`side = ${side}`, ...(values.length ? [sql`cell_type IN (${values})`] : [])];
    const select = grouped ? `cell_type AS ${groupKey(flow.groupBy[0]!)}, size AS x, n AS w` : "size AS x, n AS w";
    return {
      form: "values",
      sql: sql`SELECT ${raw(select)} FROM cell_type_size_counts${where(conds)}`,
      keys: grouped ? [groupKey(flow.groupBy[0]!)] : [],
      source: "the per-cell-type synapse size distribution",
    };
  }
  return undefined;
}
