import type { Filter, Query } from "../plan.js";
import { is, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { popFilters } from "./filters.js";

/** Words a count of reciprocal pairs may hold besides its populations. */
const PLAIN = ["reciprocated", "count", "bothways", "fn", "glue"];

/**
 * "# reciprocal 23P<->BC pairs", "how many reciprocally connected 23P pairs": connected pairs that are also
 * connected the other way, counted once each (one population: each pair is two connections). Only a count,
 * with nothing else said; any other word is left to be read, and asked back if it is not.
 */
export function reciprocalPairs(c: Clause): Query | undefined {
  const word = c.find("reciprocated");
  if (!word || !c.has("count")) return undefined;
  const pops = c.pops;
  let sides: [Filter[], Filter[]] | undefined;
  if (pops.length === 2) sides = [popFilters(pops[0]!.pop, c.classOf), popFilters(pops[1]!.pop, c.classOf)];
  else if (pops.length === 1 && pops[0]!.pop.alts?.length === 2) {
    const [a, b] = pops[0]!.pop.alts;
    sides = [a!.filters, b!.filters];
  } else if (pops.length === 1) {
    const own = popFilters(pops[0]!.pop, c.classOf);
    sides = [own, own];
  }
  if (!sides || pops.some((p) => p.pop.wh || p.pop.topk || p.pop.sup || p.pop.thresholds.length)) return undefined;
  const between = (a: Clause["atoms"][number]) =>
    ["between", "and", "or", "to", "of"].some((r) => is(a, "rel", "r", r)) || is(a, "verb", "v", "be");
  const pairNoun = (a: Clause["atoms"][number]) => is(a, "noun", "n", "connection") || is(a, "noun", "n", "cell");
  const rest = c.atoms.filter((a) => a.tag.t !== "pop" && !PLAIN.includes(a.tag.t) && !between(a) && !pairNoun(a));
  if (rest.length) return undefined;
  for (const p of pops) c.usePop(p);
  use(...c.atoms.filter((a) => a.tag.t !== "pop"));
  return {
    kind: "query",
    source: "connections",
    filter: [{ dim: "reciprocal", is: true }],
    pre: sides[0],
    post: sides[1],
    measure: { fn: "count" },
    groupBy: [],
  };
}

/** Words a share of reciprocated connections may hold besides its two populations. */
const SHARE_PLAIN = ["reciprocated", "fraction", "fn", "glue", "wh"];

/**
 * "what % of MC→23P connections are reciprocated", "fraction of BC->23P conns that are reciprocal": of
 * the connections from one population onto the other, those also connected the other way. Two sides
 * said, a share and nothing else; any other word is left to be read.
 */
export function reciprocatedShare(c: Clause): Query | undefined {
  if (!c.find("reciprocated") || !c.find("fraction") || !c.find("noun", "n", "connection")) return undefined;
  const pre = c.pops.filter((p) => p.role === "pre");
  const post = c.pops.filter((p) => p.role === "post");
  if (pre.length !== 1 || post.length !== 1 || c.pops.length !== 2) return undefined;
  if (c.pops.some((p) => p.pop.wh || p.pop.topk || p.pop.sup || p.pop.thresholds.length)) return undefined;
  const plain = (a: Clause["atoms"][number]) =>
    SHARE_PLAIN.includes(a.tag.t) ||
    is(a, "noun", "n", "connection") ||
    is(a, "verb", "v", "be") ||
    ["of", "to", "onto", "from"].some((r) => is(a, "rel", "r", r));
  if (c.atoms.some((a) => a.tag.t !== "pop" && !plain(a))) return undefined;
  for (const p of c.pops) c.usePop(p);
  use(...c.atoms.filter((a) => a.tag.t !== "pop"));
  return {
    kind: "query",
    source: "connections",
    filter: [],
    pre: popFilters(pre[0]!.pop, c.classOf),
    post: popFilters(post[0]!.pop, c.classOf),
    measure: { fn: "fraction", part: { filter: [{ dim: "reciprocal", is: true }] } },
    groupBy: [],
  };
}
