import { planShapeProblem } from "../../planning/plan-check.js";
import {
  countsReciprocalPairsOnce,
  PER_ROOT_COUNTS,
  SOURCE_QUANTITIES,
  type Filter,
  type Group,
  type Measure,
  type Part,
  type Query,
  type Quantity,
  type Side,
} from "../../planning/plan.js";
import { describePlan } from "../../planning/describe.js";
import { Sql, raw, sql } from "../sql.js";
import { aggregate, histogram, valueName } from "./aggregate.js";
import { cellBaseOf, cellRows, cellSetOf } from "./cell-rows.js";
import { checkValues } from "./check-values.js";
import { QUANTITY } from "./dims.js";
import { flowOf, groupKey } from "./flow.js";
import { keptGroups, withinEachGroup } from "./having.js";
import { presentQuery } from "./present.js";
import { compileProbability } from "./probability.js";
import type { Need, RowSet } from "./rowset.js";
import { synapseRows } from "./synapse-rows.js";
import { listCells } from "./list-cells.js";
import { listConnections } from "./list-connections.js";
import { scatterCells } from "./scatter-cells.js";
import { naturalOrder } from "./order.js";
import { rankedLimit } from "./ties.js";
import { UnknownValueError, type CompileContext, type CompiledQuery } from "./types.js";

/** A query plan → parameterized SQL over the store, from the cheapest tables that answer it exactly. */
export function compileQuery(ctx: CompileContext, q: Query): CompiledQuery {
  // A condition in a form its dimension does not take would compile to a silent wrong number.
  const shape = planShapeProblem(q);
  if (shape) throw new UnknownValueError(`I cannot answer that as I read it (${shape}); please rephrase.`);
  checkValues(ctx, q);
  const m = q.measure;
  if ("of" in m && !SOURCE_QUANTITIES[q.source].includes(m.of)) {
    throw new UnknownValueError(`The ${QUANTITY[m.of].label} is not a measure of ${q.source}.`);
  }
  if (m.fn === "probability") return compileProbability(ctx, q);
  if (m.fn === "list") {
    if (q.source === "connections") return listConnections(ctx, q);
    return m.with?.length ? scatterCells(ctx, q) : listCells(ctx, q);
  }
  const value = valueName(m, q.source);
  let text: Sql;
  let source: string;
  if (m.fn === "histogram") {
    const rows = rowsOf(ctx, q, "values", m.of);
    const circle =
      m.of === "pref_ori"
        ? ([0, 180] as const)
        : m.of === "pref_dir"
          ? ([0, 360] as const)
          : m.of === "ori_difference"
            ? ([0, 90] as const)
            : undefined;
    text = histogram(rows, m.bins, Boolean(QUANTITY[m.of].log), circle, WHOLE_NUMBERS.includes(m.of));
    source = rows.source;
  } else if (q.compare) {
    const parts = q.compare.map((p, i) => ({ label: p.label ?? `set ${i + 1}`, q: withPart(q, p) }));
    const built = parts.map((p) => ({ label: p.label, ...measured(ctx, p.q, value) }));
    const flows = flowEnds(q.compare);
    // (Each compared flow's two ends as columns too: "23P→BC vs BC→23P" is also read by its presynaptic type.)
    const [pre, post] = flows?.names ?? [];
    text = Sql.join(
      built.map((b, i) =>
        flows
          ? sql`SELECT ${b.label} AS compared, ${flows.ends[i]![0]} AS ${raw(pre!)},
            ${flows.ends[i]![1]} AS ${raw(post!)}, * FROM (${b.sql})`
          : sql`SELECT ${b.label} AS compared, * FROM (${b.sql})`,
      ),
      " UNION ALL ",
    );
    source = [...new Set(built.map((b) => b.source))].join("; ");
  } else {
    const built = measured(ctx, q, value);
    text = built.sql;
    source = built.source;
  }
  text = keptGroups(q, text, value);
  if (!q.having?.count) text = ordered(ctx, q, text, value);
  const reading = `Read as: ${describePlan(q, { typeLabel: (v) => ctx.vocabulary.cellTypeLabel(v) })}; from ${source}.`;
  return {
    statements: [{ sql: text.text, params: text.params }],
    reading,
    ids: namedIds(q),
    present: (results) => presentQuery(ctx, q, value, results[0]!),
  };
}

/** Rows for a query: synapses and connections, or cells, nuclei and roots. */
export function rowsOf(
  ctx: CompileContext,
  q: Query,
  need: Need,
  quantity?: Quantity,
  distinctSide?: Side,
  everyConnection = false,
): RowSet {
  const side = "side" in q.measure && "of" in q.measure ? q.measure.side : undefined;
  return q.source === "synapses" || q.source === "connections"
    ? synapseRows(ctx, flowOf(q, everyConnection), need, quantity, distinctSide, side)
    : cellRows(ctx, cellSetOf(q), need, quantity);
}

/** The aggregate SQL of one query (no comparison): a plain measure, a fraction or a ratio. */
/** Quantities that are whole numbers: counts of synapses or partners. */
const WHOLE_NUMBERS: readonly Quantity[] = ["synapses", ...PER_ROOT_COUNTS];

function measured(ctx: CompileContext, q: Query, value: string, everyConnection = false): { sql: Sql; source: string } {
  const m = q.measure;
  // (A part counts what its whole counts: connections, unless the whole itself counts pairs once.)
  const byConnection = !countsReciprocalPairsOnce({ ...q, measure: { fn: "count" } });
  if (m.fn === "fraction") {
    const count: Measure = { fn: "count" };
    // (Across groups: each group's part over the one total of every group's rows.)
    const whole = measured(ctx, { ...q, measure: count, ...(m.across ? { groupBy: [] } : {}) }, "whole");
    // (A part of cells is read from the table its whole is read from: a subset of the whole.)
    const wholeQuery = { ...q, measure: count };
    const partCtx = q.source === "cells" ? { ...ctx, cellBase: cellBaseOf(ctx, cellSetOf(wholeQuery)) } : ctx;
    const part = measured(partCtx, { ...withPart(q, m.part), measure: count }, "part", byConnection);
    const sql = m.across
      ? shareOfTotal(q, part.sql, whole.sql, value)
      : combine(q, part.sql, whole.sql, "part", "whole", value);
    return { sql, source: whole.source };
  }
  if (m.fn === "ratio") {
    const count: Measure = { fn: "count" };
    const num = measured(ctx, { ...withPart(q, m.numerator), measure: count }, "numerator", byConnection);
    const den = measured(ctx, { ...withPart(q, m.denominator), measure: count }, "denominator", byConnection);
    return { sql: combine(q, num.sql, den.sql, "numerator", "denominator", value), source: num.source };
  }
  if (m.fn === "kinds") return kinds(ctx, q, m, value);
  const rows = rowsOf(
    ctx,
    q,
    needOf(q),
    "of" in m ? m.of : undefined,
    m.fn === "distinct" ? distinctSide(q) : undefined,
    everyConnection,
  );
  return { sql: aggregate(rows, m, value), source: rows.source };
}

/** How many distinct values of a category the rows have (per group): the groups with any row, counted. */
function kinds(ctx: CompileContext, q: Query, m: Extract<Measure, { fn: "kinds" }>, value: string) {
  const kind: Group = { dim: m.dim, ...(m.side ? { side: m.side } : {}) };
  const inner = measured(ctx, { ...q, measure: { fn: "count" }, groupBy: [...q.groupBy, kind] }, "n");
  const keys = groupKeys(q);
  const keySel = keys.length ? `${keys.join(", ")}, ` : "";
  const by = keys.length ? ` GROUP BY ${keys.join(", ")}` : "";
  const text = sql`SELECT ${raw(`${keySel}count(*) AS ${value}`)} FROM (${inner.sql})${raw(` WHERE ${groupKey(kind)} IS NOT NULL AND n > 0${by}`)}`;
  return { sql: text, source: inner.source };
}

/** part / whole (or numerator / denominator), per group; a group with no part has 0. */
function combine(q: Query, top: Sql, bottom: Sql, topName: string, bottomName: string, value: string): Sql {
  const keys = q.groupBy.length ? groupKeys(q) : [];
  const using = keys.length ? ` LEFT JOIN t USING (${keys.join(", ")})` : " LEFT JOIN t ON 1";
  const keySel = keys.length ? `b.${keys.join(", b.")}, ` : "";
  return sql`WITH t AS (${top}), b AS (${bottom})
    SELECT ${raw(`${keySel}coalesce(t.${topName}, 0) AS ${topName}, b.${bottomName} AS ${bottomName},
      round(coalesce(t.${topName}, 0) * 1.0 / nullif(b.${bottomName}, 0), 6) AS ${value}`)} FROM b${raw(using)}`;
}

/** Each group's part over the total of all groups (one row of `b`): where the rows go, group by group. */
function shareOfTotal(q: Query, part: Sql, whole: Sql, value: string): Sql {
  const keySel = groupKeys(q)
    .map((k) => `t.${k}, `)
    .join("");
  return sql`WITH t AS (${part}), b AS (${whole})
    SELECT ${raw(`${keySel}t.part AS part, b.whole AS whole,
      round(t.part * 1.0 / nullif(b.whole, 0), 6) AS ${value}`)} FROM t JOIN b ON 1 WHERE t.part > 0`;
}

const groupKeys = (q: Query): string[] => q.groupBy.map(groupKey);

function needOf(q: Query): Need {
  const m = q.measure;
  if (m.fn === "distinct") return "distinct";
  if ((m.fn === "count" || m.fn === "sum" || m.fn === "mean") && q.source === "synapses") return "sums";
  return "values";
}

/** Partners are counted on the side the question did not name (a neuron's targets are postsynaptic). */
function distinctSide(q: Query): Side {
  const m = q.measure;
  if (m.fn === "distinct" && m.side) return m.side;
  return q.pre.length && !q.post.length ? "post" : !q.pre.length && q.post.length ? "pre" : "post";
}

/** A query narrowed to a named set. */
export function withPart(q: Query, p: Part): Query {
  return {
    ...q,
    filter: [...q.filter, ...(p.filter ?? [])],
    pre: [...q.pre, ...(p.pre ?? [])],
    post: [...q.post, ...(p.post ?? [])],
    compare: undefined,
  };
}

/** Groups ordered by the measure (top-k) or in their natural order (types in cortical order). */
function ordered(ctx: CompileContext, q: Query, text: Sql, value: string): Sql {
  const m = q.measure.fn;
  if (m === "histogram") return text;
  const keys = groupKeys(q);
  if (!keys.length && !q.limit && !q.rank && !q.compare) return text;
  const valueCol = m === "quartiles" ? "median" : value;
  // Compared sets keep the order they were named in.
  const sets = q.compare
    ? sql`CASE compared ${Sql.join(
        q.compare.map((p, i) => sql`WHEN ${p.label ?? `set ${i + 1}`} THEN ${i}`),
        " ",
      )} END`
    : undefined;
  // Visual areas have no order of their own beyond V1 first: counts per area are listed largest first,
  // as pandas' value_counts lists them (which keeps V1 first).
  const byCount =
    !q.order &&
    !q.compare &&
    (m === "count" || m === "distinct") &&
    q.groupBy.length === 1 &&
    q.groupBy[0]!.dim === "area";
  const parts = [
    ...(q.order || byCount ? [raw(`${valueCol} ${q.order === "asc" ? "ASC" : "DESC"} NULLS LAST`)] : []),
    ...(sets ? [sets] : []),
    ...(keys.length ? [raw(naturalOrder(ctx, keys))] : []),
  ];
  if (q.perGroup) return withinEachGroup(ctx, q, text, valueCol);
  const orderBy = parts.length ? sql` ORDER BY ${Sql.join(parts, ", ")}` : raw("");
  // (Top-k and "the second-largest" fetch some rows more, to show the ones tied with the last asked for.)
  return sql`SELECT * FROM (${text})${orderBy}${raw(rankedLimit(q))}`;
}

function namedIds(q: Query): { rootIds: string[]; nucleusIds: string[] } {
  const all: Filter[] = [
    ...q.filter,
    ...q.pre,
    ...q.post,
    ...(q.compare ?? []).flatMap((p) => [...(p.filter ?? []), ...(p.pre ?? []), ...(p.post ?? [])]),
  ];
  const values = (dim: string) => all.filter((f) => f.dim === dim && !f.not).flatMap((f) => f.values ?? []);
  return { rootIds: values("root_id"), nucleusIds: values("nucleus_id") };
}

/**
 * "synapses between 8646…A and 8646…B, each direction": when every compared set is one root onto one root, the
 * rows also carry the two roots as ids, so the table says which way each row goes without parsing its label.
 */
function flowEnds(parts: Part[]): { names: readonly [string, string]; ends: [string, string][] } | undefined {
  if (parts.some((p) => p.filter?.length)) return undefined;
  for (const [dim, names] of ENDS) {
    const one = (fs: Filter[] | undefined) => {
      const named = (fs ?? []).filter((f) => f.dim === dim);
      return named.length === 1 && named[0]!.values?.length === 1 && !named[0]!.not
        ? String(named[0]!.values[0])
        : undefined;
    };
    // ("V1 neurons → RL neurons vs RL neurons → V1 neurons": other conditions, the same in every set, name no end.)
    const rest = (fs: Filter[] | undefined) => JSON.stringify((fs ?? []).filter((f) => f.dim !== dim));
    const same = (side: "pre" | "post") => new Set(parts.map((p) => rest(p[side]))).size === 1;
    const ends = parts.map((p) => [one(p.pre), one(p.post)] as const);
    if (ends.every(([a, b]) => a && b) && same("pre") && same("post"))
      return { names, ends: ends as [string, string][] };
  }
  return undefined;
}

/** The columns that name each compared flow's two ends: two roots, or two cell types. */
const ENDS = [
  ["root_id", ["pre_pt_root_id", "post_pt_root_id"]],
  ["cell_type", ["pre_cell_type", "post_cell_type"]],
  ["area", ["pre_area", "post_area"]],
] as const;
