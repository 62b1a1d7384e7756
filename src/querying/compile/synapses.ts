import type { Population, SynapseGroup, SynapsePlan } from "../../planning/plan.js";
import type { AnswerTable } from "../../answers/answer.js";
import type { StatementResult, WorkerCell } from "../protocol.js";
import { Sql, raw, sql } from "../sql.js";
import { checkPopulation, classValues, describePopulation, hasIds, inRoots, isAny, requireTables, rootSet, typeOrder, where, inPopulation, isNamed } from "./population.js";
import { compileConnectionProbability } from "./connection-probability.js";
import { fmt, MissingDataError, type CompileContext, type CompiledQuery, type Presentation } from "./types.js";

type Side = "pre" | "post";
type Scheme = "cell_type" | "mtype";

const GROUP_LABEL: Record<SynapseGroup, string> = {
  pre_cell_type: "pre_cell_type", post_cell_type: "post_cell_type", pre_class: "pre_class", post_class: "post_class",
  pre_mtype: "pre_mtype", post_mtype: "post_mtype", pre_root: "pre_pt_root_id", post_root: "post_pt_root_id",
};

const MEASURE_COLUMN: Record<SynapsePlan["measure"], string> = {
  count: "synapses", sum_size: "total_size", mean_size: "mean_size", median_size: "median_size", min_size: "min_size",
  max_size: "max_size", count_partners: "partners", fraction: "fraction", connection_probability: "connection_probability",
};

/** "pre_mtype" → "presynaptic m-type": how headlines and axis titles name a grouping. */
function groupName(g: SynapseGroup): string {
  const what = { cell_type: "cell type", mtype: "m-type", class: "class", root: "root" }[schemeOf(g)];
  return `${sideOf(g)}synaptic ${what}`;
}

const sideOf = (g: SynapseGroup): Side => (g.startsWith("pre") ? "pre" : "post");
const schemeOf = (g: SynapseGroup): Scheme | "class" | "root" =>
  g.endsWith("cell_type") ? "cell_type" : g.endsWith("mtype") ? "mtype" : g.endsWith("class") ? "class" : "root";

/** Populations use one classification scheme per side (cell types and classes, or m-types). */
function populationScheme(p: Population): Scheme | null {
  if (p.mtypes) return p.cellTypes ? null : "mtype";
  return "cell_type";
}

export function compileSynapses(ctx: CompileContext, plan: SynapsePlan): CompiledQuery {
  checkPopulation(ctx, plan.pre);
  checkPopulation(ctx, plan.post);
  if (plan.measure === "connection_probability") return compileConnectionProbability(ctx, plan);
  const hasSynapses = ctx.catalog.tables.has("synapse");
  const hasConnections = ctx.catalog.tables.has("connection");
  if (!hasSynapses && !hasConnections) {
    throw new MissingDataError("This store has no synapse table (synapses_pni_2) and no connection summary (connections_with_nuclei); import one to ask about synapses.");
  }
  const perSynapse = plan.size !== undefined || ["median_size", "min_size", "max_size"].includes(plan.measure);
  if (perSynapse && !hasSynapses) {
    throw new MissingDataError(
      "This needs individual synapse sizes (the synapses_pni_2 table); this store has only the connection summary (connections_with_nuclei), which keeps one total per pair of cells. Counts, totals and means per pair are available.",
    );
  }
  for (const g of plan.groupBy) {
    const s = schemeOf(g);
    if (s === "cell_type" || s === "class") requireTables(ctx, [{ table: "root_cell_type", cave: "aibs_metamodel_celltypes_v661", why: "it gives each cell its type" }]);
    if (s === "mtype") requireTables(ctx, [{ table: "root_mtype", cave: "aibs_metamodel_mtypes_v661_v2", why: "it gives each cell its m-type" }]);
  }

  if (plan.measure === "fraction") return compileFraction(ctx, plan);

  const query = buildLevel(ctx, plan);
  return finish(ctx, plan, query.sql, query.source);
}

/** The cheapest table that can answer: summaries, then connected pairs, then single synapses (sizes and size filters). */
function buildLevel(ctx: CompileContext, plan: SynapsePlan): Built {
  const perSynapse = plan.size !== undefined || ["median_size", "min_size", "max_size"].includes(plan.measure);
  return perSynapse ? synapseLevel(ctx, plan) : summaryLevel(ctx, plan) ?? pairLevel(ctx, plan);
}

interface Built {
  sql: Sql;
  source: string;
}

/** Which columns a group-by produces, from an alias holding the root id of that side. */
function groupExpressions(plan: SynapsePlan, rootExpr: Record<Side, string>): { joins: Sql[]; select: Sql[]; keys: string[] } {
  const joins: Sql[] = [];
  const select: Sql[] = [];
  const keys: string[] = [];
  for (const g of plan.groupBy) {
    const side = sideOf(g);
    const scheme = schemeOf(g);
    const alias = `g_${g}`;
    if (scheme === "root") {
      select.push(raw(`${rootExpr[side]} AS ${GROUP_LABEL[g]}`));
    } else {
      const table = scheme === "mtype" ? "root_mtype" : "root_cell_type";
      joins.push(raw(` JOIN ${table} ${alias} ON ${alias}.pt_root_id = ${rootExpr[side]}`));
      select.push(raw(`${alias}.${scheme === "class" ? "classification_system" : "cell_type"} AS ${GROUP_LABEL[g]}`));
    }
    keys.push(GROUP_LABEL[g]);
  }
  return { joins, select, keys };
}

function measureExpr(plan: SynapsePlan, level: "pair" | "synapse", partnerColumn: string): Sql {
  const nSyn = level === "pair" ? "c.n_syn" : "1";
  const size = level === "pair" ? "c.sum_size" : "s.size";
  switch (plan.measure) {
    case "count":
      return raw(`sum(${nSyn}) AS synapses`);
    case "sum_size":
      return raw(`sum(${size}) AS total_size`);
    case "mean_size":
      return raw(level === "pair" ? "sum(c.sum_size) * 1.0 / sum(c.n_syn) AS mean_size" : "avg(s.size) AS mean_size");
    case "min_size":
      return raw("min(s.size) AS min_size");
    case "max_size":
      return raw("max(s.size) AS max_size");
    case "count_partners":
      return raw(`count(DISTINCT ${partnerColumn}) AS partners`);
    default:
      throw new Error(`measure ${plan.measure} is not computed here`);
  }
}

function partnerSideOf(plan: SynapsePlan): Side {
  if (plan.partnerSide) return plan.partnerSide;
  if (hasIds(plan.pre) && !hasIds(plan.post)) return "post";
  if (hasIds(plan.post) && !hasIds(plan.pre)) return "pre";
  return isAny(plan.post) && !isAny(plan.pre) ? "post" : "pre";
}

/** Counts, sums and means from the connection summary (one row per pair of roots). */
function pairLevel(ctx: CompileContext, plan: SynapsePlan): Built {
  const { joins, select, keys } = groupExpressions(plan, { pre: "c.pre_pt_root_id", post: "c.post_pt_root_id" });
  const partner = `c.${partnerSideOf(plan)}_pt_root_id`;
  const body = sql`FROM connection c${Sql.join(joins, "")}${where([inPopulation(ctx, "c.pre_pt_root_id", plan.pre, isNamed(plan.post)), inPopulation(ctx, "c.post_pt_root_id", plan.post, isNamed(plan.pre))])}`;
  const cols = Sql.join([...select, measureExpr(plan, "pair", partner)], ", ");
  const group = keys.length ? raw(` GROUP BY ${keys.join(", ")}`) : raw("");
  return { sql: sql`SELECT ${cols} ${body}${group}`, source: "the connection summary (one row per connected pair)" };
}

/**
 * The fast paths: type-to-type counts from the connectivity summary, per-type totals, per-root
 * totals, and whole-volume figures, none of which touch the synapse or connection tables.
 */
function summaryLevel(ctx: CompileContext, plan: SynapsePlan): Built | null {
  if (!["count", "sum_size", "mean_size", "count_partners"].includes(plan.measure)) return null;
  const engaged = (side: Side) => !isAny(plan[side]) || plan.groupBy.some((g) => sideOf(g) === side);
  const value = (n: string, size: string) =>
    plan.measure === "count" ? raw(`sum(${n}) AS synapses`) : plan.measure === "sum_size" ? raw(`sum(${size}) AS total_size`) : raw(`sum(${size}) * 1.0 / sum(${n}) AS mean_size`);

  // Whole volume: the size distribution summary has every valid synapse.
  if (!engaged("pre") && !engaged("post")) {
    if (plan.measure === "count_partners") return null;
    if (ctx.catalog.tables.has("synapse_size_counts")) {
      return { sql: sql`SELECT ${value("n", "size * n")} FROM synapse_size_counts`, source: "the synapse size summary (every valid synapse)" };
    }
    return { sql: sql`SELECT ${value("n_syn", "sum_size")} FROM connection`, source: "the connection summary" };
  }

  // Per-root totals: one side named by ids or types, grouped by root or not grouped, other side any.
  const rootGroups = plan.groupBy.every((g) => schemeOf(g) === "root");
  for (const side of ["pre", "post"] as Side[]) {
    const other: Side = side === "pre" ? "post" : "pre";
    if (engaged(other) || !rootGroups || !ctx.catalog.tables.has("root_stats")) continue;
    if (plan.groupBy.length && plan.groupBy.some((g) => sideOf(g) !== side)) continue;
    const dir = side === "pre" ? "out" : "in";
    if (plan.measure === "count_partners" && partnerSideOf(plan) !== other) continue;
    const roots = rootSet(ctx, plan[side]);
    const measure =
      plan.measure === "count" ? raw(`coalesce(sum(r.n_${dir}), 0) AS synapses`)
      : plan.measure === "sum_size" ? raw(`sum(r.${dir}_size) AS total_size`)
      : plan.measure === "mean_size" ? raw(`sum(r.${dir}_size) * 1.0 / sum(r.n_${dir}) AS mean_size`)
      : raw(`coalesce(sum(r.${dir}_partners), 0) AS partners`);
    if (!roots) return null; // ranking every root in the volume: the general path
    if (plan.groupBy.length === 1) {
      // Ranking roots: every root of the population, including those with no synapses.
      const key = GROUP_LABEL[plan.groupBy[0]!];
      return {
        sql: sql`SELECT p.pt_root_id AS ${raw(key)}, ${measure} FROM (SELECT DISTINCT pt_root_id FROM (${roots})) p LEFT JOIN root_stats r ON r.root_id = p.pt_root_id GROUP BY p.pt_root_id`,
        source: "per-root synapse totals",
      };
    }
    return { sql: sql`SELECT ${measure} FROM root_stats r WHERE r.root_id IN (${roots})`, source: "per-root synapse totals" };
  }

  // Type to type: the connectivity summary, or per-type totals when the other side is "any".
  if (plan.measure === "count_partners") return null;
  if (hasIds(plan.pre) || hasIds(plan.post) || !rootGroups && plan.groupBy.some((g) => schemeOf(g) === "root")) return null;
  const schemes = new Set<Scheme>();
  for (const side of ["pre", "post"] as Side[]) if (!isAny(plan[side])) {
    const s = populationScheme(plan[side]);
    if (!s) return null;
    schemes.add(s);
  }
  for (const g of plan.groupBy) {
    const s = schemeOf(g);
    if (s === "root") return null;
    schemes.add(s === "class" ? "cell_type" : s);
  }
  if (schemes.size !== 1) return null;
  const scheme = [...schemes][0]!;
  const totals = `${scheme}_totals`;
  if (!ctx.catalog.tables.has(totals)) return null;

  const typeFilter = (p: Population, alias: string): Sql[] => {
    const out: Sql[] = [];
    const types = scheme === "mtype" ? p.mtypes : p.cellTypes;
    if (types) out.push(sql`${raw(alias)}.cell_type IN (${types})`);
    if (p.classes) out.push(sql`${raw(alias)}.classification_system IN (${classValues(p.classes)})`);
    return out;
  };
  const groupCol = (g: SynapseGroup, alias: string) =>
    raw(`${alias}.${schemeOf(g) === "class" ? "classification_system" : "cell_type"} AS ${GROUP_LABEL[g]}`);
  const keys = plan.groupBy.map((g) => GROUP_LABEL[g]);
  const group = keys.length ? raw(` GROUP BY ${keys.join(", ")}`) : raw("");

  if (engaged("pre") && engaged("post")) {
    const select = plan.groupBy.map((g) => groupCol(g, sideOf(g) === "pre" ? "ta" : "tb"));
    const body = sql`FROM ${raw(`${scheme}_connectivity`)} k JOIN ${raw(totals)} ta ON ta.cell_type = k.pre_type JOIN ${raw(totals)} tb ON tb.cell_type = k.post_type${where([...typeFilter(plan.pre, "ta"), ...typeFilter(plan.post, "tb")])}`;
    return { sql: sql`SELECT ${Sql.join([...select, value("k.n_syn", "k.sum_size")], ", ")} ${body}${group}`, source: `the ${scheme.replace("_", "-")} connectivity summary` };
  }
  const side: Side = engaged("pre") ? "pre" : "post";
  const dir = side === "pre" ? "out" : "in";
  const select = plan.groupBy.map((g) => groupCol(g, "t"));
  const body = sql`FROM ${raw(totals)} t${where(typeFilter(plan[side], "t"))}`;
  return {
    sql: sql`SELECT ${Sql.join([...select, value(`t.n_${dir}`, `t.${dir}_size`)], ", ")} ${body}${group}`,
    source: `per-${scheme.replace("_", "-")} synapse totals`,
  };
}

/** Statistics over individual synapses: sizes, thresholds, medians. */
function synapseLevel(ctx: CompileContext, plan: SynapsePlan): Built {
  const pre = rootSet(ctx, plan.pre);
  const post = rootSet(ctx, plan.post);
  const sizeConds = sizeConditions(plan, "s.size");
  // Whole volume, no grouping: the exact size distribution summary.
  if (!pre && !post && plan.groupBy.length === 0 && ctx.catalog.tables.has("synapse_size_counts") && plan.measure !== "count_partners") {
    return sizeCountsQuery(plan);
  }
  const { joins, select, keys } = groupExpressions(plan, { pre: "s.pre_pt_root_id", post: "s.post_pt_root_id" });
  // A neuron's synapses are found by presynaptic root (the synapse index); inputs go through the
  // connection summary's index by postsynaptic root first.
  const from = pre || !post
    ? sql`FROM synapse s${Sql.join(joins, "")}${where([inPopulation(ctx, "s.pre_pt_root_id", plan.pre, isNamed(plan.post)), inPopulation(ctx, "s.post_pt_root_id", plan.post, isNamed(plan.pre)), ...sizeConds])}`
    : sql`FROM connection c JOIN synapse s ON s.pre_pt_root_id = c.pre_pt_root_id AND s.post_pt_root_id = c.post_pt_root_id${Sql.join(joins, "")}${where([inRoots("c.post_pt_root_id", post), ...sizeConds])}`;
  const partner = `s.${partnerSideOf(plan)}_pt_root_id`;
  if (plan.measure === "median_size") {
    const partition = keys.length ? keys.join(", ") : "1";
    const keyCols = keys.length ? `${keys.join(", ")}, ` : "";
    return {
      // A synapse of unknown size is left out (ordered first, it would pull the median down).
      sql: sql`WITH v AS MATERIALIZED (SELECT * FROM (SELECT ${Sql.join([...select, raw("s.size AS x")], ", ")} ${from}) WHERE x IS NOT NULL),
        r AS (SELECT *, row_number() OVER (PARTITION BY ${raw(partition)} ORDER BY x) AS rn, count(*) OVER (PARTITION BY ${raw(partition)}) AS cnt FROM v)
        SELECT ${raw(keyCols)}avg(x) AS median_size, max(cnt) AS synapses FROM r WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2)${raw(keys.length ? ` GROUP BY ${keys.join(", ")}` : "")}`,
      source: "individual synapses (synapses_pni_2)",
    };
  }
  const cols = Sql.join([...select, measureExpr(plan, "synapse", partner)], ", ");
  return { sql: sql`SELECT ${cols} ${from}${raw(keys.length ? ` GROUP BY ${keys.join(", ")}` : "")}`, source: "individual synapses (synapses_pni_2)" };
}

function sizeConditions(plan: SynapsePlan, column: string): (Sql | null)[] {
  const s = plan.size;
  return [
    s?.min !== undefined ? sql`${raw(column)} ${raw(s.minExclusive ? ">" : ">=")} ${s.min}` : null,
    s?.max !== undefined ? sql`${raw(column)} ${raw(s.maxExclusive ? "<" : "<=")} ${s.max}` : null,
  ];
}

function sizeCountsQuery(plan: SynapsePlan): Built {
  const conds = where(sizeConditions(plan, "size"));
  const source = "the exact synapse size distribution (every valid synapse)";
  switch (plan.measure) {
    case "count":
      return { sql: sql`SELECT coalesce(sum(n), 0) AS synapses FROM synapse_size_counts${conds}`, source };
    case "sum_size":
      return { sql: sql`SELECT sum(size * n) AS total_size FROM synapse_size_counts${conds}`, source };
    case "mean_size":
      return { sql: sql`SELECT sum(size * n) * 1.0 / sum(n) AS mean_size FROM synapse_size_counts${conds}`, source };
    case "min_size":
      return { sql: sql`SELECT min(size) AS min_size FROM synapse_size_counts${conds}`, source };
    case "max_size":
      return { sql: sql`SELECT max(size) AS max_size FROM synapse_size_counts${conds}`, source };
    case "median_size":
      return {
        sql: sql`WITH f AS (SELECT size, n FROM synapse_size_counts${conds}),
          c AS (SELECT size, sum(n) OVER (ORDER BY size) AS cum FROM f),
          t AS (SELECT sum(n) AS total FROM f)
          SELECT ((SELECT min(size) FROM c, t WHERE cum >= (total + 1) / 2) + (SELECT min(size) FROM c, t WHERE cum >= (total + 2) / 2)) / 2.0 AS median_size,
                 (SELECT total FROM t) AS synapses`,
        source,
      };
    default:
      throw new Error(`measure ${plan.measure} has no size-distribution form`);
  }
}

/** What share of a population's outputs (or inputs) the other side receives (or sends). */
function compileFraction(ctx: CompileContext, plan: SynapsePlan): CompiledQuery {
  const of = plan.fractionOf ?? (isAny(plan.pre) && !isAny(plan.post) ? "inputs" : "outputs");
  const countPlan: SynapsePlan = { ...plan, measure: "count", order: "natural", limit: undefined, chart: undefined };
  // The whole is every output (or input) of the named side, whatever its size: "what fraction of synapses are larger than 5000".
  const wholeBase: SynapsePlan = { ...countPlan, size: undefined };
  const wholePlan: SynapsePlan = of === "outputs"
    ? { ...wholeBase, post: {}, groupBy: countPlan.groupBy.filter((g) => sideOf(g) === "pre") }
    : { ...wholeBase, pre: {}, groupBy: countPlan.groupBy.filter((g) => sideOf(g) === "post") };
  const part = buildLevel(ctx, countPlan);
  const whole = buildLevel(ctx, wholePlan);
  const keys = countPlan.groupBy.map((g) => GROUP_LABEL[g]);
  const wholeKeys = wholePlan.groupBy.map((g) => GROUP_LABEL[g]);
  const join = wholeKeys.length ? ` JOIN w USING (${wholeKeys.join(", ")})` : ", w";
  const text = sql`WITH p AS (${part.sql}), w AS (SELECT ${raw(wholeKeys.length ? `${wholeKeys.join(", ")}, ` : "")}synapses AS total FROM (${whole.sql}))
    SELECT ${raw(keys.length ? `${keys.map((k) => `p.${k}`).join(", ")}, ` : "")}p.synapses AS synapses, w.total AS total, p.synapses * 1.0 / w.total AS fraction FROM p${raw(join)}`;
  return finish(ctx, plan, text, part.source);
}

function finish(ctx: CompileContext, plan: SynapsePlan, query: Sql, source: string): CompiledQuery {
  const valueCol = MEASURE_COLUMN[plan.measure];
  let text = query;
  if (plan.groupBy.length) {
    const keys = plan.groupBy.map((g) => GROUP_LABEL[g]);
    // Types in cortical order (23P, 4P, ... BC, MC ...), roots and classes as they sort.
    const natural = plan.groupBy.map((g) => (["cell_type", "mtype"].includes(schemeOf(g)) ? typeOrder(ctx, GROUP_LABEL[g]) : GROUP_LABEL[g])).join(", ");
    const order = plan.order === "desc" ? `${valueCol} DESC, ${natural}` : plan.order === "asc" ? `${valueCol} ASC, ${natural}` : natural;
    text = sql`SELECT * FROM (${query}) ORDER BY ${raw(order)}${plan.limit ? sql` LIMIT ${plan.limit}` : raw("")}`;
  }
  const ids = {
    rootIds: [...(plan.pre.rootIds ?? []), ...(plan.post.rootIds ?? [])],
    nucleusIds: [...(plan.pre.nucleusIds ?? []), ...(plan.post.nucleusIds ?? [])],
  };
  return {
    statements: [{ sql: text.text, params: text.params }],
    reading: `Read as: ${describeMeasure(plan)} ${describeFlow(ctx, plan)}${plan.size ? `, ${describeSize(plan)}` : ""}${plan.groupBy.length ? `, by ${plan.groupBy.map(groupName).join(" and ")}` : ""}${plan.limit ? `, top ${plan.limit}` : ""}; from ${source}.`,
    ids,
    present: (results) => presentSynapses(ctx, plan, results[0]!),
  };
}

function describeMeasure(plan: SynapsePlan): string {
  switch (plan.measure) {
    case "count": return "number of synapses";
    case "sum_size": return "summed synapse size (voxels)";
    case "mean_size": return "mean synapse size (voxels)";
    case "median_size": return "median synapse size (voxels)";
    case "min_size": return "smallest synapse size (voxels)";
    case "max_size": return "largest synapse size (voxels)";
    case "count_partners": return `number of distinct ${partnerSideOf(plan) === "post" ? "postsynaptic" : "presynaptic"} partners`;
    case "fraction": return `fraction of the ${(plan.fractionOf ?? "outputs") === "outputs" ? "presynaptic side's output" : "postsynaptic side's input"} synapses`;
    case "connection_probability": return "connection probability";
  }
}

function describeFlow(ctx: CompileContext, plan: SynapsePlan): string {
  return `from ${describePopulation(ctx, plan.pre)} onto ${describePopulation(ctx, plan.post)}`;
}

function describeSize(plan: SynapsePlan): string {
  const { min, max, minExclusive, maxExclusive } = plan.size ?? {};
  if (min !== undefined && min === max && !minExclusive && !maxExclusive) return `size exactly ${fmt(min)} voxels`;
  const lo = min === undefined ? "" : `${minExclusive ? "larger than" : "at least"} ${fmt(min)}`;
  const hi = max === undefined ? "" : `${maxExclusive ? "smaller than" : "at most"} ${fmt(max)}`;
  return `size ${[lo, hi].filter(Boolean).join(" and ")} voxels`;
}

function presentSynapses(ctx: CompileContext, plan: SynapsePlan, result: StatementResult): Presentation {
  const table: AnswerTable = { columns: result.columns, rows: result.rows as WorkerCell[][] };
  if (result.truncated) table.totalRows = result.rows.length + 1;
  const valueCol = MEASURE_COLUMN[plan.measure];
  const vi = result.columns.indexOf(valueCol);
  const flow = describeFlow(ctx, plan);
  if (plan.groupBy.length === 0) {
    const row = result.rows[0] ?? [];
    let v = row[vi] ?? null;
    if (v === null && ["count", "count_partners"].includes(plan.measure)) {
      v = 0;
      if (table.rows.length === 0) table.rows = [[0]];
      else table.rows[0]![vi] = 0;
    }
    const headline =
      plan.measure === "fraction"
        ? `${fmt(row[result.columns.indexOf("synapses")] ?? 0)} of ${fmt(row[result.columns.indexOf("total")] ?? 0)} synapses (${v === null ? "n/a" : `${(Number(v) * 100).toFixed(1)}%`}) ${plan.size ? `${flow.startsWith("from any cell or fragment onto any") ? "" : `going ${flow} `}have a ${describeSize(plan)}` : `go ${flow}`}.`
        : `${capitalize(describeMeasure(plan))} ${flow}${plan.size ? ` (${describeSize(plan)})` : ""}: ${v === null ? "none (no such synapses)" : fmt(v)}.`;
    return { table, headline };
  }
  const n = result.rows.length;
  const first = result.rows[0];
  let headline: string;
  if (n === 0) headline = `No synapses ${flow}.`;
  else if (plan.limit === 1 && plan.order === "desc") {
    const keys = plan.groupBy.map((g) => String(first![result.columns.indexOf(GROUP_LABEL[g])]));
    headline = `${keys.join(" → ")}, with ${fmt(first![vi] ?? null)} (${describeMeasure(plan)} ${flow}).`;
  } else if (plan.groupBy.length === 2) {
    headline = `${capitalize(describeMeasure(plan))} ${flow}, per ${plan.groupBy.map(groupName).join(" × ")}: ${n} pairs`;
    headline += ".";
  } else {
    const few = n <= 5 && plan.order === "natural" && plan.groupBy.length === 1
      ? ` (${result.rows.map((r) => `${r[result.columns.indexOf(GROUP_LABEL[plan.groupBy[0]!])]} ${fmt(r[vi] ?? null)}`).join("; ")})` : "";
    headline = `${capitalize(describeMeasure(plan))} ${flow}, ${plan.limit && plan.order !== "natural" ? `top ${n}` : `${n} groups`}${few}${plan.order === "desc" && first ? `; highest: ${plan.groupBy.map((g) => first[result.columns.indexOf(GROUP_LABEL[g])]).join(" → ")} with ${fmt(first[vi] ?? null)}` : ""}.`;
  }
  return { table, headline, chart: chartFor(plan) };
}

function chartFor(plan: SynapsePlan): Presentation["chart"] {
  if (!plan.chart && plan.groupBy.length === 0) return undefined;
  const valueCol = MEASURE_COLUMN[plan.measure];
  const keys = plan.groupBy.map((g) => GROUP_LABEL[g]);
  const yTitle = { synapses: "synapses", total_size: "summed size (voxels)", mean_size: "mean size (voxels)", median_size: "median size (voxels)", min_size: "min size (voxels)", max_size: "max size (voxels)", partners: "partners", fraction: "fraction" }[valueCol] ?? valueCol;
  if (keys.length === 2) return { kind: "heatmap", x: keys[1]!, y: keys[0]!, color: valueCol, xTitle: groupName(plan.groupBy[1]!), yTitle: groupName(plan.groupBy[0]!), colorTitle: yTitle };
  if (keys.length === 1) return { kind: "bar", x: keys[0]!, y: valueCol, xTitle: groupName(plan.groupBy[0]!), yTitle };
  return undefined;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
