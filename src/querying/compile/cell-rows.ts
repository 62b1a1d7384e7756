import type { Dim, Filter, Group, Query, Quantity } from "../../planning/plan.js";
import { partnerCount } from "./partner-counts.js";
import { Sql, raw, sql } from "../sql.js";
import { CellRow, baseFor, populationOnRoot, requireDim } from "./cell-sql.js";
import { DIMS } from "./dims.js";
import { groupKey } from "./flow.js";
import type { Need, RowSet } from "./rowset.js";
import { rootSet } from "./summary-rows.js";
import { groupColumns } from "./synapse-rows.js";
import { MissingDataError, type CompileContext } from "./types.js";

const where = (conds: Sql[]) => (conds.length ? sql` WHERE ${Sql.join(conds, " AND ")}` : raw(""));

/** The cells of a plan: its source, conditions and groups (a comparison's part adds conditions). */
export interface CellSet {
  source: "cells" | "nuclei" | "roots";
  filter: Filter[];
  groupBy: Group[];
  /** Roots: their synapse and partner counts take only synapses whose other side meets these. */
  partners?: Filter[];
}

export const cellSetOf = (q: Query): CellSet => ({
  source: q.source as CellSet["source"],
  filter: q.filter,
  groupBy: q.groupBy,
  ...(q.partners ? { partners: q.partners } : {}),
});

const dimsOf = (set: CellSet, quantity?: Quantity) =>
  [...set.filter.map((f) => f.dim), ...set.groupBy.map((g) => g.dim), ...(quantity ? [quantity] : [])] as Dim[];

/** The cell table a set of cells is read from (a share's part is read from its whole's, ctx.cellBase). */
export const cellBaseOf = (ctx: CompileContext, set: CellSet, quantity?: Quantity) =>
  set.source === "nuclei" ? "nucleus" : (ctx.cellBase ?? baseFor(ctx, dimsOf(set, quantity)));

/**
 * Rows of cells: one per row of the cell-type table (or of the nucleus table, for nuclei; of the
 * m-type table, when only m-types are named), or one per distinct root id for roots.
 */
export function cellRows(ctx: CompileContext, set: CellSet, need: Need, quantity?: Quantity): RowSet {
  if (set.source === "roots") return rootRows(ctx, set, need, quantity);
  const dims = dimsOf(set, quantity);
  const base = cellBaseOf(ctx, set, quantity);
  if (!ctx.catalog.tables.has(base)) {
    throw new MissingDataError(
      base === "nucleus"
        ? "This needs the nucleus table (nucleus_detection_v0), which is not in this store."
        : "This needs the cell-type table (aibs_metamodel_celltypes_v661), which is not in this store; a cell is a row of it.",
    );
  }
  for (const d of dims) requireDim(ctx, d);
  const row = new CellRow(ctx, base);
  const conds = set.filter.map((f) => row.condition(f));
  const select = set.groupBy.map((g) => `${row.expr(g.dim, true)} AS ${groupKey(g)}`);
  const keys = set.groupBy.map(groupKey);
  if (need === "distinct") {
    select.push("ct.pt_root_id AS r");
    conds.push(raw("ct.pt_root_id != 0"));
  } else {
    const x = quantity ? row.expr(quantity, true) : "1";
    select.push(`${x} AS x`, "1 AS w");
    if (quantity) conds.push(raw(`${x} IS NOT NULL`));
  }
  const table =
    base === "nucleus"
      ? "nucleus_detection_v0"
      : base === "mtype"
        ? caveName(ctx, "mtypes", "aibs_metamodel_mtypes_v661_v2")
        : caveName(ctx, "cell_types", "aibs_metamodel_celltypes_v661");
  return {
    form: need === "distinct" ? "distinct" : "values",
    sql: sql`SELECT ${raw(select.join(", "))} ${row.from()}${where(conds)}`,
    keys,
    source: `${table} (${base === "nucleus" ? "one row per nucleus" : "one row per nucleus with a type"})`,
  };
}

const caveName = (ctx: CompileContext, role: string, fallback: string) => ctx.catalog.caveNames.get(role) ?? fallback;

/** Distinct root ids: neurons as reconstructions, with their annotations and synapse counts. */
function rootRows(ctx: CompileContext, set: CellSet, need: Need, quantity?: Quantity): RowSet {
  for (const f of set.filter) requireDim(ctx, f.dim);
  const roots = rootBase(ctx, set.filter, set.groupBy);
  const { joins, select, keys } = groupColumns(ctx, set.groupBy, "p", () => "p.root_id");
  if (need === "distinct") select.push("p.root_id AS r");
  else if (quantity) {
    if (DIMS[quantity as keyof typeof DIMS]?.level !== "root") {
      throw new MissingDataError(
        `The ${quantity.replace(/_/g, " ")} of a root is not a single number; ask about cells.`,
      );
    }
    if (set.partners) {
      const count = partnerCount(ctx, quantity, set.partners, "p.root_id");
      const keyed = select.length ? raw(`${select.join(", ")}, `) : raw("");
      const text = sql`SELECT ${keyed}${count} AS x, 1 AS w FROM (${roots.sql}) p${raw(joins.join(""))}`;
      return { form: "values", sql: text, keys, source: `${roots.source}, with the connection table` };
    }
    joins.push(" LEFT JOIN root_stats rs ON rs.root_id = p.root_id");
    const stat = {
      out_synapses: "n_out",
      in_synapses: "n_in",
      out_partners: "out_partners",
      in_partners: "in_partners",
    }[quantity as string];
    select.push(`coalesce(rs.${stat}, 0) AS x`, "1 AS w");
  } else select.push("1 AS x", "1 AS w");
  return {
    form: need === "distinct" ? "distinct" : "values",
    sql: sql`SELECT ${raw(select.join(", "))} FROM (${roots.sql}) p${raw(joins.join(""))}`,
    keys,
    source: roots.source,
  };
}

/**
 * The roots of a population, from the table that holds them: an annotation table (proofreading,
 * coregistration, tuning) when the population is defined by one (those tables list neurons, so
 * counting their roots is how MICrONS analyses count "proofread neurons"), else the cell tables.
 */
function rootBase(ctx: CompileContext, filters: Filter[], groups: Group[] = []): { sql: Sql; source: string } {
  const positive = (dims: string[]) =>
    filters.find((f) => dims.includes(f.dim) && !f.not && f.is !== false) ?? groups.find((g) => dims.includes(g.dim));
  const annotated = positive([
    "proofread",
    "axon_proofread",
    "dendrite_proofread",
    "axon_strategy",
    "dendrite_strategy",
  ])
    ? "proofreading"
    : positive(["coregistered"])
      ? "coregistration"
      : positive(["tuned"])
        ? "cell_tuning"
        : undefined;
  if (annotated) {
    const table = annotated === "cell_tuning" ? "functional_properties_v3_bcm" : caveName(ctx, annotated, annotated);
    const conds = populationOnRoot(ctx, "pt_root_id", filters);
    return {
      sql: sql`SELECT DISTINCT pt_root_id AS root_id FROM ${raw(annotated)} WHERE pt_root_id != 0${conds.length ? sql` AND ${Sql.join(conds, " AND ")}` : raw("")}`,
      source: `${table} (distinct root ids)`,
    };
  }
  return { sql: rootSet(ctx, filters), source: "distinct root ids" };
}
