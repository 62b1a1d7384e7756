import type { Query } from "../../planning/plan.js";
import { raw, sql, Sql } from "../sql.js";
import { groupKey } from "./flow.js";
import { naturalOrder } from "./order.js";
import type { CompileContext } from "./types.js";

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

/** The column of a row's place within its group. */
export const PLACE = "place";

/**
 * "For each area, the type with the most cells": the top K of the second grouping within each value of the first,
 * ranked by the measure. Rows tied at the K-th place are all kept (rank(), not row_number()), so a tie shows.
 */
export function withinEachGroup(ctx: CompileContext, q: Query, text: Sql, value: string): Sql {
  const [outer, inner] = q.groupBy.map(groupKey) as [string, string];
  const dir = q.order === "asc" ? "ASC" : "DESC";
  const ranked = raw(`rank() OVER (PARTITION BY ${outer} ORDER BY ${value} ${dir} NULLS LAST) AS ${PLACE}`);
  const order = raw(`${naturalOrder(ctx, [outer])}, ${PLACE}, ${naturalOrder(ctx, [inner])}`);
  return sql`SELECT * FROM (SELECT *, ${ranked} FROM (${text})) WHERE ${raw(PLACE)} <= ${q.limit!} ORDER BY ${order}`;
}
