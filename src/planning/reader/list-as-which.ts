import type { PlannerResult } from "../plan.js";

/** "list the BCs with at least 3 synapses onto 8646…", "show me all the 23P cells that …". */
const LIST_ASKED =
  /^\s*(?:(?:can|could)\s+you\s+)?(?:please\s+)?(?:list|show(?:\s+me)?|give\s+me|name)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?/i;

/**
 * A list asked for with a verb the reader did not fit ("list the BCs with at least 3 synapses onto 8646…"): the
 * same question asked as "which BCs …". Kept only when that reads as cells, one row each (a list of roots, or
 * roots ranked by what the question counts); anything else stays asked back.
 */
export async function listAsWhich(
  question: string,
  read: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult | undefined> {
  if (!LIST_ASKED.test(question)) return undefined;
  const which = await read(question.replace(LIST_ASKED, "which "));
  if (which.type !== "plan" || which.plan.kind !== "query") return undefined;
  const plan = which.plan;
  const cells = plan.measure.fn === "list" || plan.groupBy.some((g) => g.dim === "root_id");
  return cells ? which : undefined;
}
