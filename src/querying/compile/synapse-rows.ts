import type { Filter, Group, Quantity, Side } from "../../planning/plan.js";
import { Sql, raw, sql } from "../sql.js";
import { depthExpr, layerCase, populationOnRoot, requireDim, valueCondition } from "./cell-sql.js";
import { DIMS } from "./dims.js";
import { summaryRows } from "./summary-rows.js";
import { groupKey, type Flow } from "./flow.js";
import { ORI_BIN_WIDTH, oriBinStart } from "./orientation.js";
import { addJoins, bothTunings, partnerQuantity, TUNED_DIFFERENCE } from "./partner-values.js";
import type { Need, RowSet } from "./rowset.js";
import { MissingDataError, UnknownValueError, type CompileContext } from "./types.js";

/**
 * Rows of synapses (or connections) between two populations, from the cheapest exact table: the
 * summaries built at import, then the connection table (a synapse count and summed size per pair),
 * then single synapses when sizes must be seen one by one (a size filter, a median, a histogram).
 */
export function synapseRows(
  ctx: CompileContext,
  flow: Flow,
  need: Need,
  quantity?: Quantity,
  distinctSide?: Side,
  quantitySide?: Side,
): RowSet {
  for (const f of [...flow.pre, ...flow.post]) requireDim(ctx, f.dim);
  const has = (t: string) => ctx.catalog.tables.has(t);
  if (!has("synapse") && !has("connection")) {
    throw new MissingDataError(
      "This store has no synapse table (synapses_pni_2) and no connection summary " +
        "(connections_with_nuclei); import one to ask about synapses.",
    );
  }
  if (flow.source === "synapses") {
    const fast = summaryRows(ctx, flow, need, quantity, distinctSide);
    if (fast) return fast;
    const perSynapse = need === "values" || flow.filter.length > 0;
    if (!perSynapse) return connectionRows(ctx, flow, need, quantity, distinctSide, quantitySide);
    if (!has("synapse")) {
      throw new MissingDataError(
        "This needs individual synapse sizes (the synapses_pni_2 table); this store has only " +
          "the connection summary (connections_with_nuclei), one total per pair of cells. Counts, totals and means per " +
          "pair are available.",
      );
    }
    return singleSynapseRows(ctx, flow, need, distinctSide);
  }
  return connectionRows(ctx, flow, need, quantity, distinctSide, quantitySide);
}

/**
 * Group-key joins and columns, for groups of roots: `rootOf` gives the root-id column a group is
 * about (a side of a synapse row, or a root set's root_id).
 */
export function groupColumns(
  ctx: CompileContext,
  groups: Group[],
  alias: string,
  rootOf = (g: Group) => `${alias}.${g.side}_pt_root_id`,
): { joins: string[]; select: string[]; keys: string[] } {
  const joins: string[] = [];
  const select: string[] = [];
  const keys: string[] = [];
  groups.forEach((g, i) => {
    const key = groupKey(g);
    keys.push(key);
    if (g.dim === "ori_difference") {
      select.push(`${oriDifferenceBin(g)} AS ${key}`);
      addJoins(joins, bothTunings(alias));
      return;
    }
    if (!g.side && alias !== "p") {
      throw new UnknownValueError(
        `Group synapses by the ${DIMS[g.dim].label} of which side: presynaptic or postsynaptic?`,
      );
    }
    const root = rootOf(g);
    const j = `g${i}`;
    requireDim(ctx, g.dim);
    switch (g.dim) {
      case "root_id":
        select.push(`${root} AS ${key}`);
        break;
      case "cell_type":
      case "class":
        joins.push(` JOIN root_cell_type ${j} ON ${j}.pt_root_id = ${root}`);
        select.push(`${j}.${g.dim === "class" ? "classification_system" : "cell_type"} AS ${key}`);
        break;
      case "mtype":
        joins.push(` JOIN root_mtype ${j} ON ${j}.pt_root_id = ${root}`);
        select.push(`${j}.cell_type AS ${key}`);
        break;
      case "area":
        joins.push(
          ctx.catalog.tables.has("root_area")
            ? ` JOIN root_area ${j} ON ${j}.pt_root_id = ${root}`
            : ` JOIN (SELECT DISTINCT pt_root_id, tag FROM area_assignment WHERE pt_root_id != 0) ${j} ON ${j}.pt_root_id = ${root}`,
        );
        select.push(`${j}.tag AS ${key}`);
        break;
      case "layer": {
        const layer = layerCase(ctx, depthExpr(ctx, "pt_position_y"));
        joins.push(
          ` JOIN (SELECT DISTINCT pt_root_id, ${layer} AS layer FROM cell_type WHERE pt_root_id != 0) ${j}` +
            ` ON ${j}.pt_root_id = ${root}`,
        );
        select.push(`${j}.layer AS ${key}`);
        break;
      }
      case "axon_strategy":
      case "dendrite_strategy":
        joins.push(` JOIN proofreading ${j} ON ${j}.pt_root_id = ${root}`);
        select.push(`${j}.strategy_${g.dim === "axon_strategy" ? "axon" : "dendrite"} AS ${key}`);
        break;
      default:
        throw new UnknownValueError(`Synapses cannot be grouped by ${DIMS[g.dim].label} yet.`);
    }
  });
  return { joins, select, keys };
}

/** The bin (its lower edge, degrees) of the circular difference of two roots' preferred orientations. */
function oriDifferenceBin(g: Group): string {
  return oriBinStart(TUNED_DIFFERENCE, g.width ?? ORI_BIN_WIDTH);
}

/** Whether a side is one named root (whose index should find the rows). */
const pinned = (fs: Filter[]) => fs.some((f) => f.dim === "root_id" && f.values?.length === 1 && !f.not);

/** Conditions on a connection row `c`: populations on each side, synapses per pair, tuning difference. */
export function connectionConditions(ctx: CompileContext, flow: Flow, alias: string): Sql[] {
  const out = [
    ...populationOnRoot(ctx, `${alias}.pre_pt_root_id`, flow.pre, pinned(flow.post)),
    ...populationOnRoot(ctx, `${alias}.post_pt_root_id`, flow.post, pinned(flow.pre)),
  ];
  if (flow.source === "connections") {
    for (const f of flow.filter) {
      if (f.dim === "synapses") out.push(valueCondition(ctx, `${alias}.n_syn`, f));
      else if (f.dim === "total_size") out.push(valueCondition(ctx, `${alias}.sum_size`, f));
      else if (f.dim === "reciprocal") out.push(reciprocated(alias, f.is !== false && !f.not));
      else if (f.dim === "ori_difference") {
        out.push(valueCondition(ctx, TUNED_DIFFERENCE, f));
      } else throw new UnknownValueError(`A connection cannot be filtered by ${DIMS[f.dim].label}.`);
    }
    if (flow.oncePerPair) out.push(raw(`${alias}.pre_pt_root_id < ${alias}.post_pt_root_id`));
  }
  return out;
}

/** Whether the pair of a connection row is also connected the other way (the primary key finds it). */
function reciprocated(alias: string, yes: boolean): Sql {
  return raw(
    `${yes ? "" : "NOT "}EXISTS (SELECT 1 FROM connection back WHERE back.pre_pt_root_id = ${alias}.post_pt_root_id ` +
      `AND back.post_pt_root_id = ${alias}.pre_pt_root_id)`,
  );
}

const where = (conds: Sql[]) => (conds.length ? sql` WHERE ${Sql.join(conds, " AND ")}` : raw(""));

/** Rows of the connection table (one per connected pair of roots). */
function connectionRows(
  ctx: CompileContext,
  flow: Flow,
  need: Need,
  quantity?: Quantity,
  distinctSide?: Side,
  quantitySide?: Side,
): RowSet {
  if (!ctx.catalog.tables.has("connection"))
    throw new MissingDataError("This needs the connection summary, built from synapses_pni_2.");
  const { joins, select, keys } = groupColumns(ctx, flow.groupBy, "c");
  if (flow.filter.some((f) => f.dim === "ori_difference")) addJoins(joins, bothTunings("c"));
  const conds = connectionConditions(ctx, flow, "c");
  const cols = [...select];
  const own = quantity === undefined || quantity === "synapses" || quantity === "total_size";
  if (need === "distinct") cols.push(`c.${distinctSide ?? "post"}_pt_root_id AS r`);
  else if (flow.source === "connections" && !own) {
    if (!ctx.catalog.tables.has("cell_tuning")) {
      throw new MissingDataError(
        "This needs the tuning of the functionally matched cells " + "(functional_properties_v3_bcm).",
      );
    }
    const partner = partnerQuantity(quantity, quantitySide, "c");
    addJoins(joins, partner.joins);
    cols.push(`${partner.expr} AS x`, "1 AS w");
  } else if (flow.source === "connections") {
    cols.push(`${quantity === "total_size" ? "c.sum_size" : "c.n_syn"} AS x`, "1 AS w");
  } else if (need === "sums") cols.push("c.n_syn AS n", "c.sum_size AS s");
  else throw new Error("single synapse values are not in the connection table");
  const from = raw(`FROM connection c${joins.join("")}`);
  return {
    form: need === "distinct" ? "distinct" : flow.source === "connections" ? "values" : "sums",
    sql: sql`SELECT ${raw(cols.join(", "))} ${from}${where(conds)}`,
    keys,
    source: `the connection table (one row per connected pair)${
      need !== "distinct" && flow.source === "connections" && !own
        ? " and the tuning table (one tuning per root, its nucleus with the best cc_abs)"
        : ""
    }`,
  };
}

/** Rows of the synapse table: needed for per-synapse sizes and size filters. */
function singleSynapseRows(ctx: CompileContext, flow: Flow, need: Need, distinctSide?: Side): RowSet {
  const { joins, select, keys } = groupColumns(ctx, flow.groupBy, "s");
  const pre = populationOnRoot(ctx, "s.pre_pt_root_id", flow.pre, pinned(flow.post));
  const post = populationOnRoot(ctx, "s.post_pt_root_id", flow.post, pinned(flow.pre));
  const size = flow.filter.map((f) => {
    if (f.dim !== "size")
      throw new UnknownValueError(`A synapse cannot be filtered by ${DIMS[f.dim].label}; only by its size.`);
    return valueCondition(ctx, "s.size", f);
  });
  const cols = [...select];
  if (need === "distinct") cols.push(`s.${distinctSide ?? "post"}_pt_root_id AS r`);
  else if (need === "sums") cols.push("1 AS n", "s.size AS s");
  else cols.push("s.size AS x", "1 AS w");
  // Synapses are found by presynaptic root (the synapse index); with only the postsynaptic side
  // named, through the connection table's index by post first.
  const byPost = pre.length === 0 && post.length > 0;
  const from = byPost
    ? raw(
        `FROM connection c JOIN synapse s ON s.pre_pt_root_id = c.pre_pt_root_id AND s.post_pt_root_id = c.post_pt_root_id${joins.join("")}`,
      )
    : raw(`FROM synapse s${joins.join("")}`);
  const conds = byPost
    ? [...populationOnRoot(ctx, "c.post_pt_root_id", flow.post), ...size]
    : [...pre, ...post, ...size];
  return {
    form: need === "distinct" ? "distinct" : need,
    sql: sql`SELECT ${raw(cols.join(", "))} ${from}${where(conds)}`,
    keys,
    source: "individual synapses (synapses_pni_2)",
  };
}
