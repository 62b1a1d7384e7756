import type { PlannerResult } from "../plan.js";
import { askedBack } from "./nested-statistics.js";

/*
 * "How many 23P cells receive more input synapses than the basket cell with the most input synapses?": a bound
 * that is itself the figure of the top cell of another group. No plan holds a bound found by another question,
 * and a reading would merge the two groups, so it is asked back with the two questions to ask in turn.
 */
const THAN_THE_TOP = new RegExp(
  String.raw`\b(?:more|fewer|less|bigger|larger|smaller|greater|higher|lower|above|below|exceed\w*)\b[^?]*?` +
    String.raw`\bthan\s+(?:the|that|any|every)\s+[^?]*?\b(?:most|fewest|least|largest|biggest|smallest|highest|` +
    String.raw`lowest|max(?:imum)?|min(?:imum)?|strongest|weakest|top)\b`,
  "i",
);
const ABOVE_THE_TOP = new RegExp(
  String.raw`(?:>|<|>=|<=|≥|≤)\s*(?:the\s+)?(?:max|min|maximum|minimum|highest|lowest|largest|smallest)\b`,
  "i",
);

export function thanTheTop(question: string, result: PlannerResult): PlannerResult | undefined {
  if (result.type !== "plan" || !(THAN_THE_TOP.test(question) || ABOVE_THE_TOP.test(question))) return undefined;
  return askedBack(
    result,
    "That compares with the figure of the top cell of another group, which I cannot do in one question. Ask for " +
      'that cell first (e.g. "which BC receives the most input synapses, and how many?"), then for the cells ' +
      'above that number (e.g. "how many 23P cells receive more than 300 input synapses?").',
  );
}
