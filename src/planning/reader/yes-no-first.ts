import { canonicalPlan } from "../canonical-plan.js";
import type { PlannerResult } from "../plan.js";
import { namedIn } from "./parentheticals.js";

/** "Are L4 cells more orientation selective than L2/3 cells? What's the mean gOSI of …": a hypothesis, then the ask. */
const YES_NO_THEN_ASK =
  /^\s*(?:are|is|do|does|did)\b([^?]*\b(?:more|less|fewer|bigger|smaller|larger|higher|lower|deeper|than)\b[^?]*)\?\s*(\S.*)$/i;

/**
 * A yes/no comparison asked first and a question asked after it: read as one plan, the words of the first had
 * narrowed the second ("… of the 4P and 23P cells" read as those in L4 or L2/3, grouped per layer). When the
 * whole reads otherwise than the second alone, the question is asked back, offering the second.
 */
export async function yesNoFirst(
  question: string,
  result: PlannerResult,
  read: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult | undefined> {
  const m = YES_NO_THEN_ASK.exec(question);
  if (!m || result.type !== "plan") return undefined;
  const second = m[2]!.trim();
  const alone = await read(second);
  if (alone.type !== "plan" || canonicalPlan(alone.plan) === canonicalPlan(result.plan)) return undefined;
  // (Only when the second names its own cells and the whole adds a kind of condition the second does not have:
  // "… for each" after the yes/no question points back at it, and is read with it.)
  // (And only when its rows change: the second asked one row per type, the whole gave one per layer.)
  const [whole, own] = [dimsOf(result.plan), dimsOf(alone.plan)];
  if (!own.size || ![...whole].some((d) => !own.has(d))) return undefined;
  const rows = (p: PlannerResult) => (p.type === "plan" && p.plan.kind === "query" ? p.plan.groupBy : []);
  if (!rows(alone).length || JSON.stringify(rows(alone)) === JSON.stringify(rows(result))) return undefined;
  return {
    type: "clarify",
    message:
      `I read a yes/no question and then a question of its own; I can answer the second as asked: "${second}" ` +
      "The first I would read into it, which changes it; please ask one at a time.",
    suggestions: [second],
  };
}

/** The dimensions a plan filters or groups on, anywhere in it. */
function dimsOf(plan: unknown): Set<string> {
  return new Set(namedIn(plan).map((n) => n.dim));
}
