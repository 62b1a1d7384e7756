import type { Filter, Query } from "../plan.js";
import { as, is, use } from "./atoms.js";
import { oneRootPop } from "./flow-partners.js";
import { PARTNER_HEADS } from "./shape.js";
import type { Clause } from "./clause.js";
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
    connectionsWithSynapses(q, t);
    return [];
  }
  if (t.qty === "ori_difference") {
    orientationDifference(q, t);
    return [];
  }
  // ("# syn onto MC w/ size>5000": a cell has no synapse size; the synapses counted have.)
  if (t.qty === "size" && q.source === "synapses") {
    q.filter.push(rangeFilter("size", t));
    return [];
  }
  return [cellThreshold(t)];
}

/**
 * "fraction of BC->23P connections with at least 2 synapses": a synapse count said of the connections
 * themselves (not of a population) filters the connections. Only when connections are named: "BC
 * outputs with at least 2 synapses" does not say whether synapses or connections are the whole.
 */
export function connectionThresholds(c: Clause, q: Query): void {
  const pairs = c.find("noun", "n", "connection");
  if (!pairs) return;
  for (const a of c.findAll("threshold")) {
    const t = as(a, "threshold") as Threshold;
    if (a.items.some((i) => i.used) || (t.noun !== "synapse" && t.noun !== "connection")) continue;
    use(a);
    connectionsWithSynapses(q, t);
  }
  if (q.source === "connections") use(pairs);
}

/** Below this many voxels a bare number said of synapses is not read as their size (few synapses are so small). */
const SMALLEST_SIZE = 50;

/** "synapses larger than 5,000 voxels": a size filter on the synapses. */
export function sizeThresholds(c: Clause, q: Query): void {
  for (const a of c.findAll("threshold")) {
    const t = as(a, "threshold") as Threshold;
    if (a.items.some((i) => i.used)) continue;
    const bare = !t.qty && !t.noun && !t.unit && c.has("noun", "n", "synapse");
    // ("syn >= 3 from 8646…": a small bare number is more likely a count than a size in voxels.)
    if (bare && t.value < SMALLEST_SIZE) {
      throw new Unreadable(
        `"${t.text ?? ""} ${t.value}" of what: synapses of that size (voxels), or connections of that many ` +
          `synapses? For example "connections with at least ${t.value} synapses".`,
      );
    }
    if (t.qty === "size" || t.qty === "big" || t.unit === "vox" || bare) {
      use(a);
      q.filter.push(rangeFilter("size", t));
    } else if (t.noun === "synapse" || t.noun === "connection") {
      // ("summed over all BC inputs, >=15 syn: which 4P": a count of synapses said with a sum, of cells asked
      // for, is each cell's total; it had been read as connections of at least 15 synapses.)
      if (t.noun === "synapse" && c.has("stat", "fn", "sum") && c.pops.some((p) => p.pop.wh))
        throw new Unreadable(
          `"${t.text ?? ""} ${t.value} synapses" in total for each cell, or in each connection? Say "cells that ` +
            `receive at least ${t.value} synapses from …" or "connections with at least ${t.value} synapses".`,
        );
      use(a);
      connectionsWithSynapses(q, t);
    } else if (t.qty === "ori_difference") {
      use(a);
      orientationDifference(q, t);
    }
  }
}

/** "with at least 5 synapses" said of connections: the connections of so many synapses. */
function connectionsWithSynapses(q: Query, t: Threshold): void {
  q.source = "connections";
  q.filter.push(rangeFilter("synapses", t));
}

/**
 * Cells counted with a synapse bound said of them, where the bound may be each cell's total or one connection's.
 * Not the partners of one root ("how many targets w/ >=3 syn does 8646… have"): what each gets from that root.
 */
export function countedCells(c: Clause, p: Clause["pops"][number]): boolean {
  const counted = p.pop.counted === true || is(c.atoms[p.i - 1], "count");
  const partnersOfOne = PARTNER_HEADS.has(p.pop.head ?? "") && c.pops.some((o) => o !== p && oneRootPop(o));
  return counted && !partnersOfOne;
}
