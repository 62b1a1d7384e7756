import type { Filter, PartnerFilter, Quantity } from "../../planning/plan.js";
import { Sql, raw, sql } from "../sql.js";
import { populationOnRoot, valueCondition } from "./cell-sql.js";
import type { CompileContext } from "./types.js";

/* A root's synapses or partners counted only where the other side is in a population ("BC synapses onto 23P"). */

/**
 * "BC synapses per 23P cell", "BCs with at least 50 synapses onto 23P": the synapses (or partners)
 * of the root in `column`, counted only where the other side meets the partners' conditions, from
 * the connection table (one row per connected pair), 0 if none.
 */
export function partnerCount(ctx: CompileContext, quantity: Quantity, partners: PartnerFilter[], column: string): Sql {
  const inputs = quantity === "in_synapses" || quantity === "in_partners";
  const [own, other] = inputs ? ["post_pt_root_id", "pre_pt_root_id"] : ["pre_pt_root_id", "post_pt_root_id"];
  const what = quantity.endsWith("_synapses") ? "coalesce(sum(c.n_syn), 0)" : "count(*)";
  const conds = populationOnRoot(ctx, `c.${other}`, partners, true);
  const where = Sql.join([raw(`c.${own} = ${column}`), ...conds], " AND ");
  return sql`(SELECT ${raw(what)} FROM connection c WHERE ${where})`;
}

/** A range on such a count, as a condition on the root in `column` (the count is computed once). */
export function partnerCountCondition(ctx: CompileContext, column: string, f: Filter): Sql {
  const count = partnerCount(ctx, f.dim as Quantity, f.partners!, column);
  return sql`(SELECT ${valueCondition(ctx, "x", f)} FROM (SELECT ${count} AS x))`;
}
