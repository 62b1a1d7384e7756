import { countsReciprocalPairsOnce, type Filter, type Group, type Query } from "../../planning/plan.js";

/** The parts of a plan that decide which synapses or connections are counted, and how they are grouped. */
export interface Flow {
  source: "synapses" | "connections";
  pre: Filter[];
  post: Filter[];
  /** Row-level conditions: a synapse's size; a connection's synapse count or summed size. */
  filter: Filter[];
  groupBy: Group[];
  /** Reciprocal pairs of one population counted once each (see countsReciprocalPairsOnce). */
  oncePerPair?: boolean;
}

/**
 * `everyConnection`: the part of a share (or a ratio's terms) counts each connection, as its whole does:
 * "% of 23P→23P connections that are reciprocated" is of connections, not of pairs.
 */
export const flowOf = (q: Query, everyConnection = false): Flow => ({
  source: q.source as Flow["source"],
  pre: q.pre,
  post: q.post,
  filter: q.filter,
  groupBy: q.groupBy,
  ...(!everyConnection && countsReciprocalPairsOnce(q) ? { oncePerPair: true } : {}),
});

/** The name of a group's key column: pre_cell_type, post_pt_root_id, pre_area ... */
export function groupKey(g: Group): string {
  const col = g.dim === "root_id" ? "pt_root_id" : g.dim;
  return g.side ? `${g.side}_${col}` : col;
}

/** Whether a filter list is only cell types or classes (no negation): the type summaries can answer it. */
export function typeOnly(filters: Filter[], scheme: "cell_type" | "mtype"): boolean {
  return filters.every(
    (f) => f.values && !f.not && (scheme === "mtype" ? f.dim === "mtype" : f.dim === "cell_type" || f.dim === "class"),
  );
}
