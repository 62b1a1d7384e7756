import type { Filter, Measure, Part, Query, Quantity, Side } from "../plan.js";
import { as, is, text, use, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import { popFilters, rangeFilter, Unreadable } from "./filters.js";
import { statMeasure } from "./measure.js";
import type { Threshold } from "./numbers.js";
import { connectionThresholds, sizeThresholds } from "./flow-thresholds.js";
import { groups, kindDim, SYNAPSE_NOUNS } from "./shape.js";
import { oneRootPop } from "./flow-partners.js";
import { bothSidesMatched } from "./like-to-like.js";
import { ratio } from "./flow-ratio.js";
import { cellsDoing } from "./cell-shares.js";

/* What a flow question measures: counts, partners, size statistics, fractions, ratios, probability. */

export const PARTNER_SIDE: Record<string, Side | "other"> = {
  input: "pre",
  source: "pre",
  output: "post",
  target: "post",
  partner: "other",
};

/** Nouns that name synapses (all, or a cell's inputs or outputs). */

/** "pairs whose preferred orientations differ by less than 20°": a condition on connections of matched neurons. */
export function orientationDifference(q: Query, t: Threshold): void {
  q.source = "connections";
  q.filter.push(differenceFilter(t));
}

/** An orientation difference as a condition on connections, in degrees unless said otherwise. */
const differenceFilter = (t: Threshold): Filter => rangeFilter("ori_difference", { ...t, unit: t.unit ?? "deg" });

/** The measure: counts, distinct partners, size statistics, fractions, ratios, probability. */
export function readMeasure(c: Clause, q: Query): void {
  if (c.take("probability")) {
    q.source = "connections";
    q.measure = { fn: "probability" };
    return;
  }
  if (c.find("fraction")) return fraction(c, q);
  if (c.find("ratio")) return ratio(c, q);
  const perConnection = c.take("per_connection");
  const stat = statMeasure(c, ["size", "synapses", "total_size", "ori_difference"]);
  if (perConnection || (stat && stat.of === "synapses")) {
    q.source = "connections";
    const of: Quantity = stat?.of === "size" ? "total_size" : "synapses";
    q.measure = stat ? ({ ...stat.measure, of } as Measure) : { fn: "mean", of };
    // ("mean syn per conn of 23P→23P connections with at least 2 synapses": only those connections.)
    connectionThresholds(c, q);
    return;
  }
  if (stat) {
    q.measure = stat.measure;
    // ("mean difference in preferred orientation of connected tuned cells": one per connected pair.)
    if (stat.of === "ori_difference") q.source = "connections";
    for (const n of SYNAPSE_NOUNS) use(c.find("noun", "n", n));
    return;
  }
  sizeThresholds(c, q);
  const count = c.take("count");
  // ("8646… targets, count": a count said last is of what was said just before it.)
  const counted = count ? (c.after(count.atom) ?? lastBefore(c, count.atom)) : undefined;
  const noun = counted && is(counted, "noun") ? String(as(counted, "noun")!.n) : undefined;
  const flowNoun = SYNAPSE_NOUNS.some((n) => c.has("noun", "n", n));
  // ("how many 5P-IT cells receive a connection of at least 5 synapses from a BC": the cells right after "how
  // many" are counted, not the connections, which say how they are reached; it had counted the connections.)
  const cellsCounted = c.pops.find((p) => p.pop.counted && p.pop.plural && c.atoms[p.i - 1] === count?.atom);
  const cellsSide = cellsCounted && sideSaidAgain(c, cellsCounted);
  if (cellsSide && noun !== "connection" && !groups(cellsCounted.pop) && cellsCounted.pop.filters.length) {
    use(c.find("noun", "n", "connection"));
    q.measure = { fn: "distinct", side: cellsSide };
    return;
  }
  if (noun === "connection" || (c.has("noun", "n", "connection") && !flowNoun)) {
    use(c.find("noun", "n", "connection"));
    // "is there a connection from A to B?": between two neurons, its synapses.
    const pair = c.pops.filter((p) => oneRootPop(p)).length === 2;
    if (!pair) q.source = "connections";
    q.measure = { fn: "count" };
    return;
  }
  const countedPop = c.pops.find((p) => p.pop.counted && p.role);
  if (countedPop && (countedPop.pop.head || countedPop.pop.filters.length) && !groups(countedPop.pop)) {
    q.measure = { fn: "distinct", side: countedPop.role as Side };
    // ("which 23P cell receives input from the most BCs": the input names the flow; the BCs are counted.)
    if (countedPop.pop.countedByMost) for (const n of ["input", "output"]) use(c.find("noun", "n", n));
    return;
  }
  if (noun && PARTNER_SIDE[noun] && ["target", "source", "partner"].includes(noun)) {
    use(counted);
    const side = partnerSide(q, noun);
    q.measure = { fn: "distinct", side };
    if ((as(counted, "noun") as { neuron?: boolean }).neuron) q[side].push({ dim: "class", values: ["neuron"] });
    return;
  }
  const flowNouns = SYNAPSE_NOUNS.flatMap((n) => c.find("noun", "n", n) ?? []);
  use(...flowNouns);
  // ("output synapses of BCs onto partners with more than 3 synapses": on connections kept by their
  // synapse count, the synapses counted are those connections' synapses, not the connections.)
  q.measure = q.source === "connections" && flowNouns.length ? { fn: "sum", of: "synapses" } : { fn: "count" };
}

/**
 * The side of the cells counted; "how many L5 IT cells have a BC that makes 5 or more synapses onto them (a
 * BC→5P-IT connection of at least 5 synapses)": when the flow takes its sides from a restatement, the counted
 * cells are the one side said with the same filters (it had counted the connections the bracket names).
 */
function sideSaidAgain(c: Clause, counted: Clause["pops"][number]): Side | undefined {
  if (counted.role) return counted.role as Side;
  const same = JSON.stringify(counted.pop.filters);
  const sides = new Set(c.pops.filter((p) => p.role && JSON.stringify(p.pop.filters) === same).map((p) => p.role));
  return sides.size === 1 ? ([...sides][0] as Side) : undefined;
}

function lastBefore(c: Clause, a: Atom): Atom | undefined {
  const before = c.atoms.slice(0, c.index(a)).filter((x) => !x.items.every((i) => i.fn));
  return before[before.length - 1];
}

export function partnerSide(q: Query, noun: string): Side {
  const s = PARTNER_SIDE[noun]!;
  if (s !== "other") return s;
  if (q.pre.length && !q.post.length) return "post";
  if (q.post.length && !q.pre.length) return "pre";
  throw new Unreadable('Presynaptic or postsynaptic partners? Say "inputs" or "outputs" (or "targets").');
}

/**
 * The verb that begins a share's part ("what fraction of BC outputs go onto 23P"): the first after the share
 * word, passing a participle of the whole ("of the synapses made by 23P cells are onto …").
 */
function partVerb(c: Clause, at: number): number {
  // ("what fraction of V1 neuron outputs stay in V1": a verb of where synapses go, read as no other word.)
  const going = (a: Clause["atoms"][number]) =>
    /^(stay|stays|remain|remains|end up|ends up|land|lands)$/i.test(text(a));
  return c.atoms.findIndex(
    (a, i) =>
      i > at && ((is(a, "verb") && !is(c.atoms[i + 1], "rel", "r", "by")) || is(a, "glue", "g", "are") || going(a)),
  );
}

/** "What % of X's inputs are inhibitory?": a part said after the verb is of the partners' side. */
export function fractionPartSides(c: Clause): void {
  const f = c.find("fraction");
  if (!f) return;
  const at = c.index(f);
  const verb = partVerb(c, at);
  const relational = c.atoms
    .map((a) => (is(a, "noun") ? String(as(a, "noun")!.n) : ""))
    .find((n) => PARTNER_SIDE[n] && PARTNER_SIDE[n] !== "other");
  if (!relational) return;
  // "inhibitory share of its inputs": the name before the word is of the partners too.
  const before = c.pops.find((p) => p.i === at - 1 && !p.pop.filters.some((f) => f.dim === "root_id"));
  if (before) {
    before.role = PARTNER_SIDE[relational] as Side;
    // ("inhibitory share of 23P inputs": the cells right before "inputs" own them, on the other side.)
    const noun = c.atoms.findIndex((a, i) => i > at && is(a, "noun", "n", relational));
    const owner = c.pops.find((p) => p.i === noun - 1 && p !== before);
    if (owner && owner.role === before.role) owner.role = before.role === "pre" ? "post" : "pre";
  }
  if (verb < 0) return;
  // (Not a grouping said with no side: "per area, what fraction of 23P inputs come from BCs" is of either.)
  for (const p of c.pops) if (p.i > verb && !p.role && !kindOnly(p)) p.role = PARTNER_SIDE[relational] as Side;
}

/** A kind of group with no condition ("per area", "each layer"). */
const kindOnly = (p: Clause["pops"][number]) => !p.pop.filters.length && kindDim(p.pop.head) !== undefined;

/** "What fraction of BC outputs go onto 23P?": the whole is named before the verb, the part after. */
function fraction(c: Clause, q: Query): void {
  const f = c.take("fraction")!;
  const at = c.index(f.atom);
  cellsDoing(c, at);
  // ("what % of connections onto BCs come from cells with a proofread axon": a share of connected pairs.)
  if (c.has("noun", "n", "connection") && !SYNAPSE_NOUNS.some((n) => c.has("noun", "n", n))) {
    q.source = "connections";
    use(...c.atoms.filter((a) => is(a, "noun", "n", "connection")));
  }
  const verb = partVerb(c, at);
  const adjacent = c.pops.filter(
    (p) => p.i === at - 1 && (p.role === "pre" || p.role === "post") && !p.pop.filters.some((f) => f.dim === "root_id"),
  );
  // ("inhibitory share of 8646…'s input syn": nothing named after a verb, so the name before the word is the part.)
  const afterVerb = verb >= 0 ? c.pops.filter((p) => p.i > verb) : [];
  const later = afterVerb.length ? afterVerb : adjacent;
  const part: Part = {};
  const relational = c.atoms.map((a) => (is(a, "noun") ? String(as(a, "noun")!.n) : "")).find((n) => PARTNER_SIDE[n]);
  for (const p of later) {
    // "what % of X's inputs are inhibitory": the part is said of the partners.
    if (!p.role && relational && PARTNER_SIDE[relational] !== "other" && !kindOnly(p))
      p.role = PARTNER_SIDE[relational] as Side;
    const side = p.role === "pre" || p.role === "post" ? p.role : undefined;
    if (!side) continue;
    c.usePop(p);
    const filters = popFilters(p.pop, c.classOf);
    // ("share of 8646…'s targets with at least 3 synapses": "targets" says whose, not which part.)
    if (!filters.length) continue;
    part[side] = [...(part[side] ?? []), ...filters];
    q[side] = q[side].filter((x) => !filters.includes(x));
  }
  if (verb >= 0) use(c.atoms[verb]);
  connectionThresholds(c, q);
  // ("… targets with at least 3 synapses": the part is the strong connections among the whole's.)
  // ("frac of connected tuned pairs w/ Δori < 30°": a difference said of the pairs is the part too.)
  const strength = q.filter.filter((x) => x.dim === "synapses" || x.dim === "ori_difference");
  if (!part.pre && !part.post && q.source === "connections" && strength.length) {
    part.filter = strength;
    q.filter = q.filter.filter((x) => !strength.includes(x));
  }
  // "what fraction of synapses are bigger than 5000": the part is a size.
  // ("what fraction of connected tuned pairs have orientations within 30° of each other": a difference.)
  for (const a of c.findAll("threshold")) {
    const t = as(a, "threshold") as Threshold;
    if (!a.items.some((i) => i.used) && t.qty === "ori_difference" && !part.pre && !part.post) {
      use(a, c.find("noun", "n", "connection"));
      q.source = "connections";
      // (Only pairs of matched neurons have a difference: the whole is those pairs, as the reading says.)
      bothSidesMatched(q);
      part.filter = [...(part.filter ?? []), differenceFilter(t)];
      continue;
    }
    if (
      a.items.some((i) => i.used) ||
      !(t.qty === "size" || t.qty === "big" || t.unit === "vox" || (!t.qty && !t.noun))
    )
      continue;
    use(a);
    part.filter = [...(part.filter ?? []), rangeFilter("size", t)];
  }
  // "% of X synapses onto interneurons": the side named after the owner is the part.
  if (!part.pre && !part.post && !part.filter) {
    // ("what fraction of BC output synapses go onto 23P": the first population owns the synapses.)
    // ("inhibitory input onto 5P-ET, what percent of all": all named before the word.)
    const after = c.pops.some((p) => p.i > at) ? c.pops.filter((p) => p.i > at) : c.pops;
    const named = after.filter((p) => p.pop.filters.some((f) => f.dim === "root_id"));
    const owners = named.length ? named : after.slice(0, 1);
    const marked = after.filter(
      (p) =>
        !owners.includes(p) &&
        (p.role === "pre" || p.role === "post") &&
        !p.pop.filters.some((f) => f.dim === "root_id"),
    );
    if (marked.length === 1 && owners.length === 1 && marked[0]!.role !== owners[0]!.role) {
      // ("% of inhibitory synapses onto ET cells": of the inhibitory synapses, or of those onto ET cells?
      // Only a named neuron owns its synapses for sure.)
      const going = c.atoms.some((a, i) => i > at && /^(go|goes|going|went|land|lands|end up|ends up)$/i.test(text(a)));
      // ("BC output syn onto excitatory cells": "output" says whose synapses they are.)
      // ("% of 5P-ET inputs from 23P": "inputs" of the cells onto which they are said, the same way.)
      const ownNoun = String(as(c.atoms[owners[0]!.i + 1], "noun")?.n ?? "");
      const owned =
        ownNoun === "output" || (ownNoun === "input" && owners[0]!.role === "post" && marked[0]!.role === "pre");
      // ("% of all synapses onto 23P that come from inhibitory neurons": the side said first is the whole.)
      const whole = ["to", "from"].some((r) => is(c.atoms[owners[0]!.i - 1], "rel", "r", r));
      // ("% inh input on 5P-ET": the inputs are 5P-ET's, and the inhibitory ones the part.)
      const inputs = as(c.atoms[owners[0]!.i + 1], "noun")?.n === "input" && marked[0]!.role === "post";
      if (inputs && !named.length) [owners[0], marked[0]] = [marked[0]!, owners[0]!];
      if (!named.length && !going && !owned && !whole && !inputs)
        throw new Unreadable(
          `A share of which synapses? Say "what % of ${text(owners[0]!.atom)} synapses go onto ` +
            `${text(marked[0]!.atom)}" or "what % of synapses onto ${text(marked[0]!.atom)} are from ${text(owners[0]!.atom)}".`,
        );
      const side = marked[0]!.role as Side;
      const filters = popFilters(marked[0]!.pop, c.classOf);
      part[side] = filters;
      q[side] = q[side].filter((x) => !filters.includes(x));
    }
  }
  if (!part.pre && !part.post && !part.filter) {
    // "fraction of synapses from inhibitory cells": a part of every synapse; "of all BC outputs, what
    // part goes onto 23P": the side said before the word is the whole's, the one after it the part.
    const sideAfter = (sd: Side) => c.pops.filter((p) => p.role === sd).every((p) => p.i > at);
    const sideBefore = (sd: Side) => c.pops.filter((p) => p.role === sd).every((p) => p.i < at);
    const saidAround = (sd: Side, other: Side) =>
      q[sd].length && q[other].length && sideAfter(sd) && sideBefore(other) && c.pops.some((p) => p.role === other);
    let side: Side | undefined = saidAround("post", "pre")
      ? "post"
      : saidAround("pre", "post")
        ? "pre"
        : q.pre.length && !q.post.length
          ? "pre"
          : q.post.length && !q.pre.length
            ? "post"
            : undefined;
    // ("Onto interneurons: what fraction of 23P output synapses go there?": cells said with their own outputs
    // (or inputs) own the whole, wherever they stand; the part is then the other side, said first.)
    const nextWord = (p: Clause["pops"][number]) => c.atoms.slice(p.i + 1).find((a) => !/^'s?$/i.test(text(a)));
    const ownNoun = (p: Clause["pops"][number]) => ["output", "input"].some((n) => is(nextWord(p), "noun", "n", n));
    const other = side === "pre" ? "post" : "pre";
    const ownsItsSide = (p: Clause["pops"][number]) =>
      p.role === side && is(nextWord(p), "noun", "n", side === "pre" ? "output" : "input");
    if (side && q[other].length && c.pops.some(ownsItsSide) && !c.pops.some((p) => p.pop.each)) side = other;
    // ("what fraction of BC synapses are inputs": the cells before "synapses" own the whole, inputs and
    // outputs both, which no part of one side can be a share of.)
    const owner = c.pops.find(
      (p) =>
        p.role === side &&
        (is(c.atoms[p.i + 1], "noun", "n", "synapse") || /'s$/i.test(`${text(p.atom)}${text(c.atoms[p.i + 1])}`)),
    );
    // ("MC output syn: % onto each post type": the cells whose outputs are named own the whole, and the
    // grouping splits it: each group's share of all of them, not MC's share of every synapse.)
    // ("the SST cells' output synapses": the owner's apostrophe may come between.)
    // ("which cell type receives the largest share of BC output synapses": a kind asked for splits it too.)
    const grouping = (p: Clause["pops"][number]) =>
      kindOnly(p) || ((p.pop.each || p.pop.wh || p.pop.topk) && !p.pop.filters.length);
    // ("which type provides the biggest fraction of inputs onto 5P-ET": the inputs said before the cells own.)
    const flowNoun = { pre: "output", post: "input" }[side ?? "pre"];
    const ownedBefore = (p: Clause["pops"][number]) =>
      /^(onto|to|into|from|of)$/i.test(text(c.atoms[p.i - 1])) && is(c.atoms[p.i - 2], "noun", "n", flowNoun);
    const split = c.pops.some((p) => p.role === side && (ownNoun(p) || ownedBefore(p))) && c.pops.some(grouping);
    if (!split && (!side || owner))
      throw new Unreadable(
        'A fraction of which synapses, and which part of them? For example "what fraction of BC outputs go onto 23P?"',
      );
    if (!split) [part[side!], q[side!]] = [q[side!], []];
  }
  for (const n of SYNAPSE_NOUNS) use(c.find("noun", "n", n));
  q.measure = { fn: "fraction", part };
}
