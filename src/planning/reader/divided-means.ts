import { twoResults } from "../plan-check.js";
import type { PlannerResult, QueryPlan } from "../plan.js";

/**
 * "A / B", "A ÷ B", "A divided by B", "A relative to B": one result over another, said as a division (not "L2/3",
 * "E/I").
 */
const DIVIDED = /\s+(?:\/|÷)\s+|\s+(?:divided|divded|divide)\s+by\s+|\s+relative\s+to\s+/gi;
/** A statistic or a count said before the division: what is divided is a measure of two sets. */
const MEASURED = /\b(?:mean|average|avg|median|number|count|total)\b|#/i;
const COMPARED = /\b(?:vs\.?|versus|compared?|comparing|against)(?=\s|$)/i;
/** "ratio:" said first, "— what's that ratio?" said last: the division says it already. */
const RATIO_LEAD = /^\s*(?:the\s+)?ratio\s*[:,–—-]\s*/i;
const RATIO_TAIL = new RegExp(
  String.raw`\s*[,;:–—-]*\s*(?:so\s+)?(?:what'?s|what\s+is|give\s+me)\s+(?:that|the|this)\s+ratio\s*\??\s*$`,
  "i",
);

/**
 * "mean nuc vol 5P-ET / mean nuc vol 23P", "ratio: mean # out syn per BC / mean per BPC", "Mean number of output
 * synapses per cell, BC divided by VIP (BPC) — what's that ratio?": two sets' measure, the first over the second.
 * Read as the two compared ("A vs B"), with their ratio in the order said; only when that reads as exactly two
 * results (a division inside a measure, "synapses / connection", reads as no comparison and is left alone).
 */
export async function dividedMeans(
  question: string,
  read: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult | undefined> {
  // (Only one division, and no other comparison: "L4 vs L2/3: the L2/3 count divided by the L4 count" would
  // compare the sets in the order said first.)
  const ops = [...question.matchAll(DIVIDED)];
  if (ops.length !== 1 || COMPARED.test(question)) return undefined;
  const op = ops[0]!;
  const before = question.slice(0, op.index);
  if (!MEASURED.test(before)) return undefined;
  const text = `${before} vs ${question.slice(op.index! + op[0].length)}`
    .replace(RATIO_LEAD, "")
    .replace(RATIO_TAIL, "");
  return contrastOfTwo(await read(text), "ratio");
}

/**
 * A reading of exactly two results (two compared sets, or a grouping of two values) with no contrast of its own,
 * given the contrast said apart from it; anything else gives nothing (the question stays asked back).
 */
export function contrastOfTwo(result: PlannerResult, contrast: "ratio" | "difference"): PlannerResult | undefined {
  if (!twoWithoutContrast(result)) return undefined;
  return { ...result, plan: { ...result.plan, contrast } };
}

/** A reading of exactly two results with no contrast of its own. */
export function twoWithoutContrast(
  result: PlannerResult,
): result is Extract<PlannerResult, { type: "plan" }> & { plan: Extract<QueryPlan, { kind: "query" }> } {
  return result.type === "plan" && result.plan.kind === "query" && !result.plan.contrast && twoResults(result.plan);
}
