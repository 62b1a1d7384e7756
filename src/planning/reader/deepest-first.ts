import type { Prepared } from "./prepare.js";

/*
 * "list the BCs, deepest first": every cell, ranked by its depth (the deepest one alone had been given, "first"
 * being taken for chatter). With the ranking's quantity said ("ordered by the average depth of their somata,
 * deepest first") it only says the order, which the lexicon reads ("deepest first": highest first).
 */
const DEEPEST_FIRST = /\b(deepest|shallowest)\s+first\b/gi;
const RANKED_BY = /\b(?:order(?:ed)?|sort(?:ed)?|rank(?:ed)?|by)\s+(?:the\s+|their\s+)?(?:\w+\s+){0,2}depth\b/i;

export function deepestFirst(p: Prepared): Prepared {
  if (RANKED_BY.test(p.text)) return p;
  const text = p.text.replace(DEEPEST_FIRST, "$1, ranked");
  return text === p.text ? p : { ...p, text };
}
