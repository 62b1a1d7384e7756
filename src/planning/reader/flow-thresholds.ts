import type { Filter, Query } from "../plan.js";
import { cellThreshold, rangeFilter, Unreadable } from "./filters.js";
import { orientationDifference } from "./flow-measure.js";
import type { Threshold } from "./numbers.js";

/**
 * A threshold said of a population on one side of a flow: "with at least 5 synapses" said of a
 * partner is the synapses of that connection; an orientation difference is one of the pair; any
 * other is a property of the cells (returned, for that side). `counted`: the population is what is
 * counted ("how many 4P with more than 1 syn onto 5P-ET"), where a synapse count may be the cell's
 * total or one connection's: asked back.
 */
export function thresholdOn(q: Query, t: Threshold, counted = false): Filter[] {
  if (counted && t.noun === "synapse") {
    throw new Unreadable(
      `"${t.text ?? ""} ${t.value} synapses" in all, or in one connection? For example "how many connections with ` +
        `more than ${t.value} synapses …", or the cells' total: "… with more than ${t.value} output synapses".`,
    );
  }
  if (t.noun === "synapse" || t.noun === "connection") {
    q.source = "connections";
    q.filter.push(rangeFilter("synapses", t));
    return [];
  }
  if (t.qty === "ori_difference") {
    orientationDifference(q, t);
    return [];
  }
  return [cellThreshold(t)];
}
