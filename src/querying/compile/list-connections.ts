import type { Query, Quantity } from "../../planning/plan.js";
import { describePlan, describeRows } from "../../planning/describe.js";
import { raw, sql, Sql } from "../sql.js";
import { QUANTITY } from "./dims.js";
import { flowOf } from "./flow.js";
import { addJoins, partnerQuantity } from "./partner-values.js";
import { connectionConditions } from "./synapse-rows.js";
import { MissingDataError, UnknownValueError, fmt, type CompileContext, type CompiledQuery } from "./types.js";

/** The most connections a list shows (the executor's row cap still applies). */
const MAX_ROWS = 10_000;

/**
 * Connections listed one by one: each connected pair's roots and synapse count, with the tuning
 * asked for (a partner's preferred orientation, gOSI …, or the pair's orientation difference).
 * "Preferred orientations of 8646…'s outputs" is its postsynaptic partners, one row each, with
 * their synapses from it; a partner without a tuning has no value and is counted, not listed.
 */
export function listConnections(ctx: CompileContext, q: Query): CompiledQuery {
  const m = q.measure;
  if (m.fn !== "list") throw new Error("listConnections takes a list");
  const quantities: Quantity[] = m.with ?? [];
  if (!quantities.length) {
    throw new UnknownValueError(
      "Listing connections needs what to show of each (a partner's tuning, the " +
        "orientation difference); for partners by synapse count, ask for the top partners.",
    );
  }
  if (!ctx.catalog.tables.has("connection")) {
    throw new MissingDataError("This needs the connection summary, built from synapses_pni_2.");
  }
  if (!ctx.catalog.tables.has("cell_tuning")) {
    throw new MissingDataError(
      "This needs the tuning of the functionally matched cells " +
        "(functional_properties_v3_bcm or digital_twin_properties_bcm_coreg_v4); this store has neither.",
    );
  }
  const flow = flowOf(q);
  const conds = connectionConditions(ctx, flow, "c");
  const joins: string[] = [];
  const byDifference = flow.filter.some((f) => f.dim === "ori_difference");
  if (byDifference) addJoins(joins, partnerQuantity("ori_difference", undefined, "c").joins);
  const cols = quantities.map((x) => {
    const p = partnerQuantity(x, m.side, "c", q.radians === true);
    addJoins(joins, p.joins);
    return `round(${p.expr}, ${q.radians ? 6 : 4}) AS ${columnOf(x, m.side, q.radians)}`;
  });
  const where = conds.length ? sql` WHERE ${Sql.join(conds, " AND ")}` : raw("");
  const cap = Math.min(q.limit ?? MAX_ROWS, MAX_ROWS);
  // Partners by synapse count, then by root id: the order a list of partners has elsewhere.
  const partner = m.side === "pre" ? "c.pre_pt_root_id" : "c.post_pt_root_id";
  const text = sql`SELECT c.pre_pt_root_id AS pre_pt_root_id, c.post_pt_root_id AS post_pt_root_id, c.n_syn AS synapses,
    ${raw(cols.join(", "))} FROM connection c${raw(joins.join(""))}${where}
    ORDER BY c.n_syn DESC, ${raw(partner)} LIMIT ${raw(String(cap))}`;
  // All the connections, tuned or not: how many of the partners the list covers.
  const rowsOnly = byDifference ? joins.slice(0, 2) : [];
  const all = sql`SELECT count(*) FROM connection c${raw(rowsOnly.join(""))}${where}`;
  const labels = { typeLabel: (v: string) => ctx.vocabulary.cellTypeLabel(v) };
  const rows = describeRows(q, labels);
  return {
    statements: [
      { sql: text.text, params: text.params, rowCap: cap },
      { sql: all.text, params: all.params },
    ],
    reading:
      `Read as: ${describePlan(q, labels)}; from the connection table and the tuning table ` +
      "(one tuning per root, its nucleus with the best cc_abs; angles in degrees).",
    ids: {
      rootIds: [...q.pre, ...q.post].filter((f) => f.dim === "root_id" && !f.not).flatMap((f) => f.values ?? []),
      nucleusIds: [],
    },
    present: ([list, count]) => {
      const total = Number(count!.rows[0]?.[0] ?? 0);
      const table = { columns: list!.columns, rows: list!.rows };
      const n = table.rows.length;
      const whose = quantities.includes("ori_difference")
        ? "both roots tuned"
        : `a tuned ${m.side === "pre" ? "presynaptic" : "postsynaptic"} root`;
      const head =
        `Of ${fmt(total)} ${rows}, ${fmt(n)} ${n === 1 ? "has" : "have"} ${whose} ` + "(listed with their synapses)";
      // (Figures over the rows shown only when they are all the rows.)
      const figures = n && n < cap ? summary(table, quantities, m.side, q.radians) : "";
      return { table, headline: `${head}${figures}.` };
    },
  };
}

/** post_pref_ori_deg, ori_difference_deg; _rad in radians. */
function columnOf(x: Quantity, side?: string, radians = false): string {
  const name = radians ? QUANTITY[x].column.replace(/_deg$/, "_rad") : QUANTITY[x].column;
  return x === "ori_difference" ? name : `${side}_${name}`;
}

/** Mean and median of each quantity that has them (an angle's mean is not meaningful: its range instead). */
function summary(
  table: { columns: string[]; rows: unknown[][] },
  quantities: Quantity[],
  side?: string,
  radians = false,
): string {
  const parts = quantities
    .map((x) => {
      const i = table.columns.indexOf(columnOf(x, side, radians));
      const values = table.rows
        .map((r) => Number(r[i]))
        .filter(Number.isFinite)
        .sort((a, b) => a - b);
      if (!values.length) return "";
      const unit = QUANTITY[x].unit !== "°" ? "" : radians ? " rad" : "°";
      const half = values.length / 2;
      const mid = values.length % 2 ? values[(values.length - 1) / 2]! : (values[half - 1]! + values[half]!) / 2;
      if (x === "pref_ori" || x === "pref_dir") {
        return `${QUANTITY[x].label} from ${fmt(values[0]!)}${unit} to ${fmt(values.at(-1)!)}${unit}`;
      }
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const f = (v: number) => `${fmt(Number(v.toFixed(4)))}${unit}`;
      return `${QUANTITY[x].label}: mean ${f(mean)}, median ${f(mid)}`;
    })
    .filter(Boolean);
  return parts.length ? `; ${parts.join("; ")}` : "";
}
