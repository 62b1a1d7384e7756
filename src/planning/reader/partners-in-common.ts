import type { PlannerResult } from "../plan.js";
import { namedIn } from "./parentheticals.js";

/** "in common", "shared targets", "common inputs", "mutual partners": partners of two cells at once. */
const IN_COMMON =
  /\b(?:in\s+common|shared|mutual|common\s+(?:targets?|inputs?|outputs?|partners?|sources?|presyn\w*|postsyn\w*))\b/i;
/** "which cells get synapses from both A and B": the cells each of the two reaches. */
const FROM_BOTH = /\b(?:from|onto|to|by|of)\s+both\s+(?:the\s+)?\S+\s+(?:and|&)\s+\S+/i;

/**
 * Partners two cells have in common (an intersection) are not something a plan can say yet, and the words had
 * been read as each cell's partners one after the other ("Which postsynaptic partners do A and B have in
 * common?" listed both cells' targets), or as a share. Asked back when the plan compares sets or names two
 * cells, offering each cell's partners.
 */
export function partnersInCommon(question: string, result: PlannerResult): PlannerResult | undefined {
  if (result.type !== "plan" || result.plan.kind !== "query") return undefined;
  if (!IN_COMMON.test(question) && !FROM_BOTH.test(question)) return undefined;
  const ids = new Set(
    namedIn(result.plan)
      .filter((n) => n.dim === "root_id")
      .flatMap((n) => n.values ?? []),
  );
  if (!result.plan.compare && ids.size < 2) return undefined;
  return {
    type: "clarify",
    message:
      "Partners two cells have in common (those connected with both) are not something I can find yet; I can " +
      'give each one\'s partners, for example "top 20 targets of 8646… by synapse count", and you can compare them.',
    suggestions: [],
    ...(result.reading ? { reading: result.reading } : {}),
  };
}
