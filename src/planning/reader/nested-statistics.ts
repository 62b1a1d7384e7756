import type { PlannerResult } from "../plan.js";

const STAT = String.raw`(?:average|mean|median|avg)`;
/**
 * "the average of their mean incoming synapse sizes", "mean over cells of each cell's mean output synapse size":
 * a statistic of per-cell statistics.
 */
const NESTED = new RegExp(
  String.raw`\b${STAT}\s+(?:of|over|across)\s+(?:(?:the|their|its|all|all\s+the|[\w/-]+)\s+)?` +
    String.raw`(?:(?:cells?|neurons?)\s+of\s+)?(?:(?:each|every)\s+(?:[\w/-]+\s+)?(?:cell|neuron|root)'s\s+|` +
    String.raw`per[- ](?:cell|neuron|root)\s+|cells'\s+|neurons'\s+)?${STAT}s?\b`,
  "i",
);

/**
 * A statistic of each cell's own statistic ("the average of their mean incoming synapse sizes") is not the
 * statistic over all synapses: cells with many synapses weigh more in the one than in the other. The plan
 * language holds no statistic of per-cell means of synapse sizes, and the two words had been read as one
 * mean over all synapses (a number that looks right). Asked back.
 */
export function nestedStatistic(question: string, result: PlannerResult): PlannerResult | undefined {
  if (result.type !== "plan" || result.plan.kind !== "query" || !NESTED.test(question)) return undefined;
  const { source, measure } = result.plan;
  const ofSynapses = (source === "synapses" || source === "connections") && "of" in measure;
  if (!ofSynapses || !["mean", "median", "stddev"].includes(measure.fn)) return undefined;
  return askedBack(
    result,
    "A statistic of each cell's own mean (each cell counted once) is not something I can compute yet; I can " +
      'give the statistic over all the synapses, for example "mean size of synapses onto 23P cells".',
  );
}

/** "w/ >=4 syn total onto 23P", "at least 4 synapses onto 23P in total": a count of synapses said as a total. */
const COUNT_IN_TOTAL = /\d+\s*(?:syn|syns|synapses)\b[^,;?.]*?\b(?:in\s+total|total|summed|altogether)\b/i;

/**
 * A count of synapses said as each cell's total, read as a bound on each connection ("which 4P w/ >=4 syn total
 * onto 23P deeper than 250um" had listed the 4P cells with one connection of 4 synapses): asked back.
 */
export function totalReadPerConnection(question: string, result: PlannerResult): PlannerResult | undefined {
  if (result.type !== "plan" || result.plan.kind !== "query") return undefined;
  const total = COUNT_IN_TOTAL.exec(question);
  // ("how many connections with at least 4 synapses … in total": the connections are what is totalled.)
  if (!total || /\b(?:connections?|conns?|pairs?)\b/i.test(question.slice(0, total.index))) return undefined;
  const plan = result.plan;
  if (plan.source !== "connections" || !plan.filter.some((f) => f.dim === "synapses")) return undefined;
  return askedBack(
    result,
    'The number of synapses in total for each cell, or in each connection? Say "cells that make at least 4 ' +
      'synapses onto …" or "connections with at least 4 synapses".',
  );
}

/**
 * A total said of groups, read as a bound on each cell ("neuron types (excl. BC) getting < 200 syn total from BC"
 * had counted, per type, the cells with fewer than 200 each): asked back.
 */
export function totalReadPerCell(question: string, result: PlannerResult): PlannerResult | undefined {
  if (result.type !== "plan" || result.plan.kind !== "query" || !COUNT_IN_TOTAL.test(question)) return undefined;
  const plan = result.plan;
  const perCell = plan.filter.some((f) => ["in_synapses", "out_synapses"].includes(f.dim));
  if (plan.source !== "roots" || !perCell || !plan.groupBy.length || plan.measure.fn !== "count") return undefined;
  return askedBack(
    result,
    "Each cell's total, or each group's? Say \"which types receive fewer than 200 synapses from BCs in total\" " +
      'or "how many cells of each type receive fewer than 200 synapses from BCs".',
  );
}

/** Asked back with a message and no suggestion, the words read kept for `reading` (also partners-in-common.ts). */
export function askedBack(result: Extract<PlannerResult, { type: "plan" }>, message: string): PlannerResult {
  return { type: "clarify", message, suggestions: [], ...(result.reading ? { reading: result.reading } : {}) };
}
