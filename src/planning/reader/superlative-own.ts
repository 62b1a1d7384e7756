import type { QueryPlan } from "../plan.js";
import type { Item } from "./items.js";

/** What a superlative said of a nucleus measures: "the BC with the largest nucleus". */
const NUCLEUS_NOUNS = new Set(["nucleus", "soma"]);

/**
 * "How many output synapses does the deepest BC make?", "… the basket cell with the largest nucleus": a
 * superlative with a quantity of its own (depth, tuning, nucleus size) picks one cell, and the question then asks
 * another figure of it. A plan that measures, filters or orders by nothing of that quantity had folded the
 * superlative into the other figure (the BC with the most outputs). Returns the words to name when asked back.
 */
export function superlativeOfItsOwn(items: Item[], plan: QueryPlan): string | undefined {
  if (plan.kind !== "query") return undefined;
  const said = JSON.stringify(plan);
  for (let k = 0; k < items.length; k++) {
    const sup = items[k]!.tags.find((t) => t.t === "sup");
    if (!sup) continue;
    const next = items.slice(k + 1).find((i) => !i.fn);
    const noun = next?.tags.find((t) => t.t === "noun");
    const own = typeof sup.q === "string" ? sup.q : noun && NUCLEUS_NOUNS.has(String(noun.n)) ? "volume" : undefined;
    if (own && !said.includes(`"${own}"`))
      return noun && own === "volume" ? `${items[k]!.text} ${next!.text}` : items[k]!.text;
  }
  return undefined;
}

export const ownSuperlative = (words: string) =>
  `I read "${words}" as picking by its own measure (depth, nucleus size or tuning), which I cannot combine with the ` +
  'rest of this question. Ask for that one first (e.g. "which BC is the deepest?"), then ask about it by its root id.';
