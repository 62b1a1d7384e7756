import { canonicalPlan } from "../canonical-plan.js";
import type { PlannerResult, Query } from "../plan.js";

/** "taking the mean over all 5P-ET cells", "averaged over every 23P cell", "Average over all 23P cells". */
const AVERAGED_OVER = new RegExp(
  String.raw`(?:[,;.]\s*|\s)(?:(?:taking|take|with)\s+the\s+(?:mean|average)|averaged|average[ds]?|mean)\s+` +
    String.raw`(?:taken\s+)?(?:over|across)\s+(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?` +
    String.raw`(?<cells>[^,.;:?()]+?)\s*(?=[,.;:?()]|$)[,.;]?`,
  "i",
);
/** Each cell's own count, of which a statistic over the cells is asked. */
const PER_CELL = ["in_synapses", "out_synapses", "in_partners", "out_partners"];

/** The cells of a plan, as a count of them would have them. */
const cellsOf = (q: Query) => canonicalPlan({ source: "cells", filter: q.filter, pre: [], post: [] });

/**
 * "How many different BCs innervate a 5P-ET cell on average, taking the mean over all 5P-ET cells?": the cells the
 * mean is taken over, said again. The question is read without them, as a mean of each cell's count; the cells
 * said are read as "how many 5P-ET cells"; when they are the cells the mean is over, the question is that plan
 * and the words are context. Cells that are not (or a reading that is no mean over cells) leave it asked back.
 */
export async function averagedOver(
  question: string,
  read: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult | undefined> {
  const m = AVERAGED_OVER.exec(question);
  if (!m) return undefined;
  const rest = `${question.slice(0, m.index)} ${question.slice(m.index + m[0].length)}`.replace(/\s+([?.,])/g, "$1");
  const first = await read(rest.trim());
  if (first.type !== "plan" || first.plan.kind !== "query") return undefined;
  const plan = first.plan;
  const of = "of" in plan.measure ? String(plan.measure.of) : "";
  if (plan.source !== "roots" || plan.measure.fn !== "mean" || !PER_CELL.includes(of) || plan.groupBy.length)
    return undefined;
  const cells = await read(`how many ${m.groups!.cells!.trim()}?`);
  if (cells.type !== "plan" || cells.plan.kind !== "query" || cells.plan.measure.fn !== "count") return undefined;
  // ("… over all 5P-ET cells per area": the cells said again with a grouping, or anything else, are more.)
  const { groupBy, compare, order, limit } = cells.plan;
  if (groupBy.length || compare || order || limit !== undefined) return undefined;
  if (cellsOf(cells.plan) !== cellsOf(plan)) return undefined;
  const reading = first.reading ?? { used: [], unaccounted: [] };
  return { ...first, reading: { ...reading, context: [...(reading.context ?? []), m[0].replace(/^[,;.\s]+/, "")] } };
}
