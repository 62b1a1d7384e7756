import type { PlannerResult } from "../plan.js";
import { askedBack } from "./nested-statistics.js";

/*
 * "For the coregistered cells whose axon is proofread, how many output synapses does each one have?", "how many
 * output synapses do they each have?": a count said of each cell, read as the total of all of them (the "each"
 * taken for a function word). Each cell's number, or their mean, is asked back, as "does each BC have" is.
 */
const EACH_ONE = new RegExp(
  String.raw`\b(?:each\s+one|each\s+of\s+(?:them|these|those|the)\b|they\s+each|` +
    String.raw`(?:does|do|did)\s+each\s+(?:have|make|receive|get|send|form))\b`,
  "i",
);

export function eachAsTotal(question: string, result: PlannerResult): PlannerResult | undefined {
  if (result.type !== "plan" || result.plan.kind !== "query" || !EACH_ONE.test(question)) return undefined;
  // ("… reciprocally connected, i.e. each one synapses onto the other": the pair, not each cell's count.)
  if (/\b(?:the\s+other|each\s+other)\b/i.test(question)) return undefined;
  const q = result.plan;
  // ("For 8646…A and 8646…B, how many partners does each one contact?": a row for each named, already.)
  const named = (q.compare?.length ?? 0) > 0;
  const total =
    ["count", "sum", "distinct"].includes(q.measure.fn) && !q.groupBy.some((g) => g.dim === "root_id") && !named;
  if (!total || q.source === "cells") return undefined;
  return askedBack(
    result,
    'Each one\'s number as a list, or on average? For example "… per cell, ranked" or "the mean number of …".',
  );
}
