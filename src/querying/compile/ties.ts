import type { Query } from "../../planning/plan.js";
import type { StatementResult } from "../protocol.js";

/**
 * Rows fetched past a top-k or a place in an order, so that rows tied with the last one asked for
 * are shown too: "the strongest input of X" when three inputs have 3 synapses each is a tie of three,
 * and picking one of them silently would be an answer that only looks exact.
 */
export const TIE_ROOM = 20;

/** Where the rows kept sit in the order (1-based), when the place or the top-k's edge is shared. */
export interface Tie {
  /** The first and last place the tied value holds. */
  first: number;
  last: number;
  /** Every row fetched was tied: more may tie beyond them. */
  more: boolean;
}

/** The rows a ranked query keeps: its top k, or its place (the 2nd: 2); undefined when it is not ranked. */
const rankedRows = (q: Query) => (q.order && !q.compare && !q.perGroup ? (q.rank ?? q.limit) : undefined);

/** A ranked query fetches its top-k (or its place) and TIE_ROOM more rows, for keepTies to cut. */
export function rankedLimit(q: Query): string {
  const k = rankedRows(q);
  if (k) return ` LIMIT ${k + TIE_ROOM}`;
  return q.limit && !q.perGroup ? ` LIMIT ${q.limit}` : "";
}

/**
 * The rows asked for: the top k (with `tie` saying where the k-th's value runs on past them, as a
 * note: a "top 5" stays five rows); the top one with every row tied with it; or, for a place ("the
 * 2nd"), every row holding that place's value. `tie` is set when the value asked for is shared.
 */
export function keepTies(q: Query, result: StatementResult, valueCol: string): { result: StatementResult; tie?: Tie } {
  const k = rankedRows(q);
  const at = result.columns.indexOf(valueCol);
  if (!k || at < 0) return { result };
  const rows = result.rows;
  if (rows.length < k) return { result: { ...result, rows: q.rank ? [] : rows } };
  const value = rows[k - 1]![at];
  const same = (i: number) => rows[i] !== undefined && rows[i]![at] === value;
  let first = k - 1;
  while (first > 0 && same(first - 1)) first--;
  let end = k;
  while (same(end)) end++;
  const kept = rows.slice(q.rank ? first : 0, q.rank || k === 1 ? end : k);
  const asked = q.rank ? 1 : k;
  const more = end === rows.length && rows.length === k + TIE_ROOM;
  const tie = end > (q.rank ? first : 0) + asked ? { first: first + 1, last: end, more } : undefined;
  return { result: { ...result, rows: kept }, tie };
}
