import type { Sql } from "../sql.js";

/**
 * Rows to aggregate, in one of three forms, produced by the cheapest exact table a plan allows:
 * - "values": one row per item (or per distinct value with a weight): keys..., x, w;
 * - "sums": partial sums that add up exactly: keys..., n (items), s (sum of the quantity);
 * - "distinct": keys..., r (a root id, counted once per group).
 */
export interface RowSet {
  form: "values" | "sums" | "distinct";
  sql: Sql;
  /** Output names of the group-key columns, in order. */
  keys: string[];
  /** Which table answered, for "Read as": "the cell-type connectivity summary". */
  source: string;
}

export type Need = "values" | "sums" | "distinct";
