import type { Query } from "../../planning/plan.js";
import { raw, sql, Sql } from "../sql.js";

/**
 * Groups kept by their own measure, a SQL HAVING over the per-group rows: "which types have a median out-degree
 * above 40" is the median per type, then the types past 40. With `count`, how many groups were kept.
 */
export function keptGroups(q: Query, text: Sql, value: string): Sql {
  const h = q.having;
  if (!h) return text;
  const bounds: Sql[] = [];
  if (h.min !== undefined) bounds.push(sql`${raw(value)} ${raw(h.minExclusive ? ">" : ">=")} ${h.min}`);
  if (h.max !== undefined) bounds.push(sql`${raw(value)} ${raw(h.maxExclusive ? "<" : "<=")} ${h.max}`);
  const kept = sql`SELECT * FROM (${text}) WHERE ${Sql.join(bounds, " AND ")}`;
  return h.count ? sql`SELECT count(*) AS ${raw(GROUPS_KEPT)} FROM (${kept})` : kept;
}

/** The column of a count of groups kept. */
export const GROUPS_KEPT = "groups";
