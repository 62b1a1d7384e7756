import type { PlannerResult } from "../plan.js";
import { askedBack } from "./nested-statistics.js";

/*
 * "per area: BC w/ max output syn (root id)", "find the BC with the most outputs in each area and give me area ->
 * root id": root ids asked for, read as a figure per group that names no root (the largest count per area, the
 * synapses per area). Such a reading answers another question, so it is asked back.
 */
const IDS_ASKED = /\b(?:root[\s_-]*ids?|segment[\s_-]*ids?|ids)\b(?!\s*[:=#]?\s*\d)/i;
/** A number of roots asked ("how many root ids", "# ids"): no id is asked to be shown. */
const COUNTED = new RegExp(
  String.raw`\bhow\s+many\b|^\s*#|(?:#|\bnumber\s+of|\bcount\s+(?:of\s+)?(?:the\s+)?)\s*` +
    String.raw`(?:distinct\s+|unique\s+)?(?:root\s*)?ids\b`,
  "i",
);

export function idsNotGiven(question: string, result: PlannerResult): PlannerResult | undefined {
  if (result.type !== "plan" || result.plan.kind !== "query") return undefined;
  if (!IDS_ASKED.test(question) || COUNTED.test(question)) return undefined;
  const q = result.plan;
  const shown = q.measure.fn === "list" || q.groupBy.some((g) => g.dim === "root_id" || g.dim === "nucleus_id");
  if (shown) return undefined;
  return askedBack(
    result,
    "You asked for root ids, but I read a figure that names no root. Ask for one group at a time, e.g. " +
      '"which BC in V1 makes the most output synapses?"',
  );
}
