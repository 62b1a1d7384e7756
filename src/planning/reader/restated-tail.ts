import { canonicalPlan } from "../canonical-plan.js";
import type { PlannerResult, QueryPlan } from "../plan.js";
import { oneRoot } from "./pointed-id.js";

/** "…, i.e. the one with the most synapses onto it": a question, then the same question said again. */
const RESTATED = /^(.*\S)\s*[,;:]?\s+(?:i\.e\.?|ie|that is|in other words|meaning|namely)[,:]?\s+(\S.*?)\s*[?.!]*$/i;
/** Words of the second part that point back at the one cell of the first. */
const POINTER = /\b(?:it|this cell|that cell|this neuron|that neuron|this root|that root)\b/gi;

/**
 * "Who is the strongest presynaptic partner of 8646…, i.e. the one with the most synapses onto it?": a
 * question followed by a restatement of it. The first part is read alone, then the second, with "it" as
 * the one cell of the first and "the one with" as "which cell has"; when both read into the same plan, the
 * question is that plan and the restatement is context. Any difference (another side, another measure,
 * a word not read) leaves the question asked back.
 */
export async function restatedTail(
  question: string,
  read: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult | undefined> {
  const m = RESTATED.exec(question);
  if (!m) return undefined;
  const [, head, tail] = m as unknown as [string, string, string];
  const first = await read(`${head}?`);
  if (first.type !== "plan") return undefined;
  const root = oneRoot(first.plan);
  if (POINTER.test(tail) && !root) return undefined;
  const said = tail
    .replace(POINTER, root ?? "")
    .replace(/^(?:the|that)\s+(?:one|cell|neuron|partner)\s+(?:with|that has|which has)\b/i, "which cell has")
    .replace(/^(?:the|those)\s+(?:ones|cells|neurons|partners)\s+(?:with|that have|which have)\b/i, "which cells have");
  const second = await read(`${said}?`);
  if (second.type !== "plan" || !samePlan(first.plan, second.plan)) return undefined;
  const reading = first.reading ?? { used: [], unaccounted: [] };
  return { ...first, reading: { ...reading, context: [...(reading.context ?? []), tail] } };
}

const samePlan = (a: QueryPlan, b: QueryPlan) => canonicalPlan(a) === canonicalPlan(b);
