import type { Filter, Group, Measure, Part, Query, Quantity, Side } from "../plan.js";
import { as, is, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { comparisonOf, labelOf } from "./compare.js";
import { cellThreshold, popFilters, rangeFilter, Unreadable } from "./filters.js";
import { statMeasure } from "./measure.js";
import type { Threshold } from "./numbers.js";
import { chartOf, countKinds, groupDim, groups, orderOf } from "./shape.js";

const PARTNER_SIDE: Record<string, Side | "other"> = { input: "pre", source: "pre", output: "post", target: "post", partner: "other" };

/**
 * A question about synapses or connections between populations: which side each population is on
 * (from the roles), what is measured, and how the answer is shaped.
 */
export function composeFlow(c: Clause): Query {
  const sideOf = (p: Clause["pops"][number]) => (p.role === "pre" || p.role === "post" ? p.role : undefined);
  typesOfPartners(c);
  // A grouping population with no side takes the side no other population names.
  const grouper = (p: Clause["pops"][number]) => groups(p.pop) || (isGroupPop(p) && !p.pop.filters.length);
  const named = new Set(c.pops.filter((p) => sideOf(p) && !grouper(p)).map((p) => p.role));
  for (const p of c.pops) {
    if (p.role || !grouper(p)) continue;
    if (p.pop.side) p.role = p.pop.side;
    else if (named.size === 1) p.role = named.has("pre") ? "post" : "pre";
    else if (named.size === 2) {
      // "martinotti inputs of 8646… - which roots?": the side that is not one named neuron.
      const single = c.pops.filter((x) => x !== p && oneRootPop(x));
      if (single.length === 1) p.role = single[0]!.role === "pre" ? "post" : "pre";
    }
  }
  // "how many partners does 8646… have": partners either way, its inputs and its outputs.
  const partnerPop = c.pops.find((p) => p.pop.head === "partner" && !p.pop.filters.length && !p.role);
  const owners = c.pops.filter((p) => p !== partnerPop && !p.role);
  if (partnerPop && owners.length === 1 && c.pops.length === 2) {
    owners[0]!.role = "both";
    c.usePop(partnerPop);
    partnerPop.pop.partnerNoun = true;
  }
  // "heatmap of the V1/RL/AL/LM connectivity", "synapses between areas", "within RL": both sides.
  if ((c.has("chart", "kind", "heatmap") || c.has("matrix")) && c.pops.length === 1 && !c.pops[0]!.role) c.pops[0]!.role = "both";
  // "… in V1 (both cells in V1)", "where pre and post are both in AL": conditions on both sides.
  if (c.pops.length > 1 || c.has("bothsides")) bothSides(c);
  const both = c.pops.filter((p) => p.role === "both");
  // One population "between" itself: "synapses between coregistered neurons", "within RL".
  if (both.length === 1 && c.pops.length === 1 && !(both[0]!.pop.alts?.length === 2 && !c.has("chart", "kind", "heatmap"))
    && !oneRootPop(both[0]!)) return within(c, both[0]!);
  if (both.length) return bothWays(c, both);
  fractionPartSides(c);
  // "synapses whose postsynaptic root …", "presynaptic partners": a partner noun names its own side.
  // (A target is postsynaptic and a source presynaptic, whatever a verb later in the question suggests.)
  for (const p of c.pops) if ((!p.role || p.role === "pre" || p.role === "post") && (p.pop.head === "target" || p.pop.head === "source")) p.role = p.pop.head === "target" ? "post" : "pre";
  const { parts, skip } = comparisonOf(c, sideOf);
  // A population that only repeats another's conditions ("orphan segments (no soma)") adds nothing;
  // one that repeats them and adds some ("only BCs w/ proofread axons") narrows that one.
  const key = (f: Filter) => JSON.stringify(f);
  for (const p of c.pops) {
    if (p.role || skip.has(p.i) || !p.pop.filters.length) continue;
    const twin = c.pops.find((o) => o !== p && o.pop.filters.length && o.pop.filters.every((g) => p.pop.filters.some((f) => key(f) === key(g))));
    if (twin) {
      c.usePop(p);
      skip.add(p.i);
      const extra = p.pop.filters.filter((f) => !twin.pop.filters.some((g) => key(g) === key(f)));
      twin.pop.filters.push(...extra);
    }
  }
  // "# 23P→23P synapses inside LM", "BC→23P in V1": a place said of a flow whose two sides are named is of both cells.
  const sidesNamed = new Set(c.pops.filter((p) => p.role === "pre" || p.role === "post").map((p) => p.role));
  for (const p of c.pops) {
    if (p.role || skip.has(p.i) || sidesNamed.size < 2) continue;
    if (p.pop.filters.length && p.pop.filters.every((f) => f.dim === "area" || f.dim === "layer")) p.pop.bothSides = popFilters(p.pop, c.classOf);
  }
  // "where 23P synapses go, per postsynaptic type": the one loose population is on the other side of the grouping.
  const looseOnes = c.pops.filter((p) => !p.role && !skip.has(p.i));
  const sided = c.pops.filter((p) => p.role && groups(p.pop));
  if (looseOnes.length === 1 && sided.length === 1 && !c.pops.some((p) => p.role && !groups(p.pop))) {
    looseOnes[0]!.role = sided[0]!.role === "pre" ? "post" : "pre";
  }
  // "downstream cell types of 8646…", "post type 23P": a phrase that names its side is on that side.
  for (const p of c.pops) if (p.pop.side && (isGroupPop(p) || p.pop.filters.length)) p.role = p.pop.side;
  // "most-innervated BC": the one population owns the inputs the superlative implies.
  const implies = c.atoms.find((a) => is(a, "sup") && as(a, "sup")!.implies);
  if (implies) {
    const owner: Side = as(implies, "sup")!.implies === "input" ? "post" : "pre";
    for (const p of c.pops) if (!p.role) p.role = owner;
  }
  // ("ratio of excitatory to inhibitory synapses onto X": the two classes are the ratio's terms.)
  if (c.has("ratio")) for (const p of c.pops) if (!p.pop.filters.some((f) => f.dim === "root_id") && !p.role) p.role = "pre";
  const loose = c.pops.find((p) => !p.role && !skip.has(p.i) && !p.pop.bothSides && !(p.pop.each && !p.pop.filters.length && !c.has("noun", "n", "synapse")));
  if (loose) {
    throw new Unreadable(`I could not tell whether "${loose.atom.items.map((i) => i.text).join(" ")}" is on the presynaptic or the postsynaptic side. `
      + "Say it with from/onto, e.g. \"synapses from BC onto 23P\".");
  }
  const q: Query = { kind: "query", source: "synapses", filter: [], pre: [], post: [], measure: { fn: "count" }, groupBy: [] };
  const grouping: Clause["pops"] = [];
  for (const p of c.pops) {
    if (p.pop.bothSides) {
      q.pre.push(...(p.pop.bothSides as Filter[]));
      q.post.push(...(p.pop.bothSides as Filter[]));
      continue;
    }
    if (skip.has(p.i)) continue;
    const side = sideOf(p);
    if (!side) {
      // "per type" with no side to take: ask which.
      throw new Unreadable("Per presynaptic or per postsynaptic cell type? For example \"BC outputs per target type\".");
    }
    c.usePop(p);
    q[side].push(...popFilters(p.pop, c.classOf));
    for (const t of p.pop.thresholds) q[side].push(...thresholdOn(c, q, t, side));
    if (groups(p.pop) && (p.pop.wh || p.pop.each || !p.pop.filters.length || p.pop.topk || p.pop.sup)) grouping.push(p);
    // ("downstream cell types of 8646…": a kind of group named with no condition is what the rows are.)
    else if (isGroupPop(p) && !p.pop.filters.length) {
      grouping.push(p);
      // ("the cell type with the most synapses onto 23P": the one that ranks first.)
      if (!p.pop.plural && c.atoms.some((a, i) => i > p.i && is(a, "sup"))) p.pop.wh = "which";
    }
    // "rank neuron types by mean output size": a plural kind of group, ranked, is one row per group.
    else if (["type", "mtype", "class", "area", "layer"].includes(p.pop.head ?? "") && p.pop.plural && (c.has("order") || c.has("topk") || c.has("sup"))) grouping.push(p);
    // "postsynaptic partners of X with at least 5 synapses", "23P targets of X": its partners, listed.
    else if (PARTNER_HEADS.has(p.pop.head ?? "") && !p.pop.counted && !c.has("count") && !c.has("stat") && !c.has("fraction")
      // ("MC with the most distinct targets": the MCs are ranked, by their targets.)
      && !(c.atoms.some((a) => is(a, "sup") && as(a, "sup")!.count) && !p.pop.filters.length)) grouping.push(p);
    if ((p.pop.neuron || partnerNeuron(p)) && !q[side].some((f) => f.dim === "class")) q[side].push({ dim: "class", values: ["neuron"] });
  }
  if (parts) q.compare = parts;
  // "synapses from BC, MC, BPC onto 23P and 5P-ET": a second list, on the other side, is the other
  // axis of the table.
  for (const p of c.pops) {
    const other = parts?.[0] && (parts[0].pre?.length ? "post" : parts[0].post?.length ? "pre" : undefined);
    if (!other || skip.has(p.i) || sideOf(p) !== other || (p.pop.alts?.length ?? 0) < 2 || q.groupBy.length) continue;
    const dims = new Set(p.pop.alts!.flatMap((a) => a.filters.map((f) => f.dim)));
    if (dims.size === 1 && ["cell_type", "mtype", "class", "area", "layer"].includes([...dims][0]!)) {
      q.groupBy.push({ dim: [...dims][0] as Group["dim"], side: other });
    }
  }
  readMeasure(c, q);
  for (const p of grouping) {
    if (p.pop.side && p.pop.each) p.role = p.pop.side;
    let dim = groupDim(p.pop) ?? (p.pop.wh ? defaultWhDim(q, p.role as Side) : undefined);
    if (!dim) continue;
    if (dim === "root_id" && PARTNER_HEADS.has(p.pop.head ?? "") && !p.pop.filters.length && !namesCells(p)) {
      dim = partnersOfPopulation(q, p.role as Side, { sup: !!p.pop.sup, topk: !!p.pop.topk, plural: !!p.pop.plural });
    }
    q.groupBy.push({ dim, side: p.role as Side });
  }
  // "who synapses onto MC, per presynaptic type": the type grouping says how "who" is answered.
  if (q.groupBy.some((g) => g.dim === "root_id") && q.groupBy.some((g) => g.dim !== "root_id")) {
    const typed = new Set(q.groupBy.filter((g) => g.dim !== "root_id").map((g) => g.side));
    q.groupBy = q.groupBy.filter((g) => g.dim !== "root_id" || !typed.has(g.side));
  }
  partnerRanking(c, q);
  // "which 3 neurons have the most postsynaptic partners": ranked by distinct partners on the other side.
  const partners = c.pops.find((p) => PARTNER_HEADS.has(p.pop.head ?? "") && !p.pop.filters.length && !grouping.includes(p));
  const ranked = q.groupBy.find((g) => g.dim === "root_id");
  if (partners && ranked && q.measure.fn === "count" && partners.role && partners.role !== ranked.side) {
    q.measure = { fn: "distinct", side: partners.role as Side };
    c.usePop(partners);
  }
  matrix(c, q);
  if (q.groupBy.length > 2) throw new Unreadable("I can group by at most two things at once.");
  countKinds(c, q);
  const groupPop = grouping.find((p) => p.pop.topk || p.pop.sup || p.pop.wh)?.pop;
  Object.assign(q, orderOf(c, groupPop));
  if (q.groupBy.some((g) => g.dim === "root_id") && !q.order && q.measure.fn !== "distinct") q.order = "desc";
  const chart = chartOf(c, q);
  if (chart) q.chart = chart;
  // A question about synapses says "synapses" as often as it likes; a list of partners is what "list" asks for.
  for (const a of c.findAll("noun")) if (is(a, "noun", "n", "synapse")) use(a);
  if (q.groupBy.some((g) => g.dim === "root_id")) use(...c.findAll("list"));
  // "where do 23P synapses go, per postsynaptic type", "where does X get its input from, by cell type".
  if (q.groupBy.length) use(...c.findAll("wh").filter((a) => is(a, "wh", "w", "where")));
  return q;
}

const PARTNER_HEADS = new Set(["partner", "target", "source"]);

/**
 * "the cell types of the downstream partners of 8646…": a kind of group said of partners is the
 * partners' side, grouped; the partners add nothing else.
 */
function typesOfPartners(c: Clause): void {
  const between = (a: number, b: number) => c.atoms.slice(a + 1, b).every((x) => is(x, "rel", "r", "of") || x.items.every((y) => y.fn));
  for (const g of [...c.pops]) {
    if (!isGroupPop(g) || g.pop.filters.length) continue;
    // "… of the downstream partners", "the postsynaptic cell's area".
    const partner = c.pops.find((p) => PARTNER_HEADS.has(p.pop.head ?? "") && !p.pop.filters.length
      && (p.i > g.i ? between(g.i, p.i) : p.i < g.i && between(p.i, g.i) && c.atoms.slice(p.i + 1, g.i).some((x) => /^('s|s'|')$/.test(x.items[0]!.text))));
    // (A target is postsynaptic and a source presynaptic whatever the roles guessed.)
    const side = partner?.pop.head === "target" ? "post" : partner?.pop.head === "source" ? "pre" : partner?.role;
    if (!partner || (side !== "pre" && side !== "post")) continue;
    g.role = side;
    g.pop.each = true;
    c.usePop(partner);
    c.pops.splice(c.pops.indexOf(partner), 1);
  }
}
/** "postsynaptic neurons", "downstream neurons": partners that are neurons. */
const partnerNeuron = (p: Clause["pops"][number]) => p.atom.items.some((i) => i.tags.some((t) => t.t === "noun" && t.neuron === true));

const oneRootPop = (p: Clause["pops"][number]) => p.pop.filters.some((f) => f.dim === "root_id" && f.values?.length === 1 && !f.not);

/** "What do BC cells target?": by the partners' cell type; "who/what does 8646… target?": by partner. */
function defaultWhDim(q: Query, side: Side): Group["dim"] {
  const other = side === "pre" ? q.post : q.pre;
  return other.some((f) => f.dim === "root_id") ? "root_id" : "cell_type";
}

/** "with at least 5 synapses" said of a partner: synapses of that connection; else a property of the cells. */
function thresholdOn(c: Clause, q: Query, t: Threshold, side: Side): Filter[] {
  void c;
  void side;
  if (t.noun === "synapse" || t.noun === "connection") {
    q.source = "connections";
    q.filter.push(rangeFilter("synapses", t));
    return [];
  }
  if (t.qty === "ori_difference") {
    orientationDifference(q, t);
    return [];
  }
  return [cellThreshold(t)];
}

/**
 * "synapses within V1 (both cells in V1)", "BC→23P where both sit in V1", "4P→23P within V1": a
 * population said of both sides at once (with "both", or "within" beside populations of each side).
 */
function bothSides(c: Clause): void {
  const both = c.find("bothsides");
  const within = c.pops.filter((p) => p.role === "both" && c.atoms.slice(Math.max(0, p.i - 2), p.i).some((a) => /^(within|inside|among|amongst|intra)/i.test(a.items[0]!.text)));
  const sided = c.pops.filter((p) => p.role === "pre" || p.role === "post");
  const targets = [...within, ...(both ? c.pops.filter((p) => !p.role || (p.role === "both" && !within.includes(p))) : [])];
  if (!targets.length || (!sided.length && !both)) return;
  if (both) use(both);
  for (const p of targets) {
    const filters = popFilters(p.pop, c.classOf);
    if (!filters.length) continue;
    c.usePop(p);
    p.role = undefined;
    p.pop.bothSides = filters;
  }
}

/** "pairs whose preferred orientations differ by less than 20°": a condition on connections of matched neurons. */
function orientationDifference(q: Query, t: Threshold): void {
  q.source = "connections";
  q.filter.push(rangeFilter("ori_difference", { ...t, unit: t.unit ?? "deg" }));
}

/** The measure: counts, distinct partners, size statistics, fractions, ratios, probability. */
function readMeasure(c: Clause, q: Query): void {
  if (c.take("probability")) {
    q.source = "connections";
    q.measure = { fn: "probability" };
    return;
  }
  if (c.find("fraction")) return fraction(c, q);
  if (c.find("ratio")) return ratio(c, q);
  const perConnection = c.take("per_connection");
  const stat = statMeasure(c, ["size", "synapses", "total_size"]);
  if (perConnection || (stat && stat.of === "synapses")) {
    q.source = "connections";
    const of: Quantity = stat?.of === "size" ? "total_size" : "synapses";
    q.measure = stat ? { ...stat.measure, of } as Measure : { fn: "mean", of };
    return;
  }
  if (stat) {
    q.measure = stat.measure;
    for (const n of ["synapse", "input", "output"]) use(c.find("noun", "n", n));
    return;
  }
  sizeThresholds(c, q);
  const count = c.take("count");
  const counted = count ? c.after(count.atom) : undefined;
  const noun = counted && is(counted, "noun") ? String(as(counted, "noun")!.n) : undefined;
  if (noun === "connection" || (c.has("noun", "n", "connection") && !c.has("noun", "n", "synapse"))) {
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
    return;
  }
  if (noun && PARTNER_SIDE[noun] && ["target", "source", "partner"].includes(noun)) {
    use(counted);
    const side = partnerSide(q, noun);
    q.measure = { fn: "distinct", side };
    if ((as(counted, "noun") as { neuron?: boolean }).neuron) q[side].push({ dim: "class", values: ["neuron"] });
    return;
  }
  for (const n of ["synapse", "input", "output"]) use(c.find("noun", "n", n));
  q.measure = { fn: "count" };
}

function partnerSide(q: Query, noun: string): Side {
  const s = PARTNER_SIDE[noun]!;
  if (s !== "other") return s;
  if (q.pre.length && !q.post.length) return "post";
  if (q.post.length && !q.pre.length) return "pre";
  throw new Unreadable("Presynaptic or postsynaptic partners? Say \"inputs\" or \"outputs\" (or \"targets\").");
}

/** "synapses larger than 5,000 voxels": a size filter on the synapses. */
function sizeThresholds(c: Clause, q: Query): void {
  for (const a of c.findAll("threshold")) {
    const t = as(a, "threshold") as Threshold;
    if (a.items.some((i) => i.used)) continue;
    if (t.qty === "size" || t.qty === "big" || t.unit === "vox" || (!t.qty && !t.noun && !t.unit && c.has("noun", "n", "synapse"))) {
      use(a);
      q.filter.push(rangeFilter("size", t));
    } else if (t.noun === "synapse" || t.noun === "connection") {
      use(a);
      q.source = "connections";
      q.filter.push(rangeFilter("synapses", t));
    }
  }
}

/** "What % of X's inputs are inhibitory?": a part said after the verb is of the partners' side. */
function fractionPartSides(c: Clause): void {
  const f = c.find("fraction");
  if (!f) return;
  const at = c.index(f);
  const verb = c.atoms.findIndex((a, i) => i > at && (is(a, "verb") || is(a, "glue", "g", "are")));
  const relational = c.atoms.map((a) => (is(a, "noun") ? String(as(a, "noun")!.n) : "")).find((n) => PARTNER_SIDE[n] && PARTNER_SIDE[n] !== "other");
  if (!relational) return;
  // "inhibitory share of its inputs": the name before the word is of the partners too.
  const before = c.pops.find((p) => p.i === at - 1 && !p.pop.filters.some((f) => f.dim === "root_id"));
  if (before) before.role = PARTNER_SIDE[relational] as Side;
  if (verb < 0) return;
  for (const p of c.pops) if (p.i > verb && !p.role) p.role = PARTNER_SIDE[relational] as Side;
}

/** "What fraction of BC outputs go onto 23P?": the whole is named before the verb, the part after. */
function fraction(c: Clause, q: Query): void {
  const f = c.take("fraction")!;
  const at = c.index(f.atom);
  const verb = c.atoms.findIndex((a, i) => i > at && (is(a, "verb") || is(a, "glue", "g", "are")));
  const adjacent = c.pops.filter((p) => p.i === at - 1 && (p.role === "pre" || p.role === "post") && !p.pop.filters.some((f) => f.dim === "root_id"));
  const later = verb >= 0 ? c.pops.filter((p) => p.i > verb) : adjacent;
  const part: Part = {};
  const relational = c.atoms.map((a) => (is(a, "noun") ? String(as(a, "noun")!.n) : "")).find((n) => PARTNER_SIDE[n]);
  for (const p of later) {
    // "what % of X's inputs are inhibitory": the part is said of the partners.
    if (!p.role && relational && PARTNER_SIDE[relational] !== "other") p.role = PARTNER_SIDE[relational] as Side;
    const side = p.role === "pre" || p.role === "post" ? p.role : undefined;
    if (!side) continue;
    c.usePop(p);
    const filters = popFilters(p.pop, c.classOf);
    part[side] = [...(part[side] ?? []), ...filters];
    q[side] = q[side].filter((x) => !filters.includes(x));
  }
  if (verb >= 0) use(c.atoms[verb]);
  // "what fraction of synapses are bigger than 5000": the part is a size.
  for (const a of c.findAll("threshold")) {
    const t = as(a, "threshold") as Threshold;
    if (a.items.some((i) => i.used) || !(t.qty === "size" || t.qty === "big" || t.unit === "vox" || (!t.qty && !t.noun))) continue;
    use(a);
    part.filter = [...(part.filter ?? []), rangeFilter("size", t)];
  }
  // "% of X synapses onto interneurons": the side named after the owner is the part.
  if (!part.pre && !part.post && !part.filter) {
    const marked = c.pops.filter((p) => p.i > at && (p.role === "pre" || p.role === "post") && !p.pop.filters.some((f) => f.dim === "root_id"));
    const owners = c.pops.filter((p) => p.i > at && p.pop.filters.some((f) => f.dim === "root_id"));
    if (marked.length === 1 && owners.length === 1 && marked[0]!.role !== owners[0]!.role) {
      const side = marked[0]!.role as Side;
      const filters = popFilters(marked[0]!.pop, c.classOf);
      part[side] = filters;
      q[side] = q[side].filter((x) => !filters.includes(x));
    }
  }
  if (!part.pre && !part.post && !part.filter) {
    // "fraction of synapses from inhibitory cells": a part of every synapse.
    const side = q.pre.length && !q.post.length ? "pre" : q.post.length && !q.pre.length ? "post" : undefined;
    if (!side) throw new Unreadable("A fraction of which synapses, and which part of them? For example \"what fraction of BC outputs go onto 23P?\"");
    part[side] = q[side];
    q[side] = [];
  }
  for (const n of ["synapse", "input", "output"]) use(c.find("noun", "n", n));
  q.measure = { fn: "fraction", part };
}

/** "E/I input ratio of 8646…": excitatory over inhibitory synapses; "ratio of A to B inputs". */
function ratio(c: Clause, q: Query): void {
  const r = c.take("ratio")!;
  // The ratio is of the partners of the named neuron (or population).
  const side: Side = q.post.some((f) => f.dim === "root_id") ? "pre" : q.pre.some((f) => f.dim === "root_id") ? "post"
    : q.post.length && !q.pre.length ? "pre" : "post";
  const text = r.atom.items.map((i) => i.text.toLowerCase()).join(" ");
  if (/^(e\/i|e:i|e-i|e i|ei|excitation\/inhibition|excitatory\/inhibitory|excitation[-–/ ]inhibition)( input| inputs)?( ratio| balance)?$/.test(text)) {
    q.measure = { fn: "ratio", numerator: { [side]: [{ dim: "class", values: ["excitatory"] }] }, denominator: { [side]: [{ dim: "class", values: ["inhibitory"] }] } };
    for (const n of ["synapse", "input", "output"]) use(c.find("noun", "n", n));
    // ("(synapses from excitatory vs. inhibitory neurons)": the ratio's terms said again.)
    const terms = (f: Filter) => f.dim === "class" && (f.values ?? []).every((v) => v === "excitatory" || v === "inhibitory" || v === "neuron");
    if (q[side].some(terms) || q.compare?.every((p) => (p[side] ?? []).every(terms))) {
      q[side] = q[side].filter((f) => !terms(f));
      delete q.compare;
      q.groupBy = q.groupBy.filter((g) => g.dim !== "class");
      for (const p of c.pops) if (p.pop.filters.length && p.pop.filters.every(terms)) c.usePop(p);
      use(c.find("vs"));
    }
    return;
  }
  // "ratio of excitatory to inhibitory synapses onto X", "exc:inh input ratio of X": two populations, in order.
  const operands = c.pops.filter((p) => p.pop.filters.length && p.pop.filters.every((f) => ["class", "cell_type", "mtype", "area", "layer"].includes(f.dim)));
  if (operands.length === 2) {
    const [a, b] = operands.map((p) => popFilters(p.pop, c.classOf));
    for (const p of operands) {
      c.usePop(p);
      q.pre = q.pre.filter((f) => !p.pop.filters.includes(f));
      q.post = q.post.filter((f) => !p.pop.filters.includes(f));
    }
    q.measure = { fn: "ratio", numerator: { [side]: a }, denominator: { [side]: b } };
    for (const n of ["synapse", "input", "output"]) use(c.find("noun", "n", n));
    return;
  }
  throw new Unreadable("A ratio of what to what? For example \"E/I ratio of the inputs to 8646…\".");
}

/** "top 5 inputs to X", "X's strongest target", "list the outputs of X": its partners, ranked. */
function partnerRanking(c: Clause, q: Query): void {
  if (q.groupBy.length || ["fraction", "ratio", "probability"].includes(q.measure.fn)) return;
  // The partners may be a noun ("top 5 inputs") or a population of them ("the most distinct targets").
  const partnerPop = c.pops.find((p) => PARTNER_HEADS.has(p.pop.head ?? "") && !p.pop.filters.length && !p.pop.wh && !p.pop.topk);
  const implied = c.atoms.find((a) => is(a, "sup") && as(a, "sup")!.implies);
  const noun = c.atoms.find((a) => is(a, "noun") && PARTNER_SIDE[String(as(a, "noun")!.n)])
    ?? (partnerPop ? { ...partnerPop.atom, tag: { t: "noun", n: partnerPop.pop.head }, alt: [] } : undefined)
    ?? (implied ? { ...implied, tag: { t: "noun", n: String(as(implied, "sup")!.implies) }, alt: [] } : undefined);
  if (!noun) return;
  const at = c.index(noun);
  // "which targets", "what are the outputs of X", "top 5 inputs", "list the partners", "X's partners with ≥5 synapses".
  const whBefore = c.atoms.slice(Math.max(0, at - 3), at).find((a) => is(a, "wh") || is(a, "list"));
  const listing = !c.has("count") && !c.has("stat") && (q.source === "connections" || c.has("list"));
  const ranked = c.find("topk") ?? c.find("sup") ?? c.find("list") ?? whBefore ?? (listing ? noun : undefined);
  if (!ranked) return;
  const n = String(as(noun, "noun")!.n);
  // "VIP cell with the most output synapses", "neurons with the most inputs": the owners ranked.
  const owner: Side | undefined = n === "output" || n === "target" ? "pre" : n === "input" || n === "source" ? "post" : undefined;
  const ownerPop = c.pops.find((p) => p.role === owner && !p.pop.filters.some((f) => f.dim === "root_id"));
  // "main target of BCs" ranks the partners; "BC with the most targets" ranks the owners.
  // ("most-innervated BC": a superlative that implies its noun is said of the owner.)
  const ownerFirst = !ownerPop || ownerPop.i < c.index(ranked) || (implied !== undefined && noun.items === implied.items);
  if (owner && ownerFirst && q[owner].length && !onePointedRoot(q[owner]) && !is(ranked, "wh")) {
    use(noun);
    q.groupBy.push({ dim: "root_id", side: owner });
    // "MC with the most distinct targets": ranked by partners, not synapses.
    if (n === "target" || n === "source") q.measure = { fn: "distinct", side: owner === "pre" ? "post" : "pre" };
    return;
  }
  const side = partnerSide(q, n);
  use(noun);
  if (is(ranked, "list") || is(ranked, "wh")) use(ranked);
  const neuron = (as(noun, "noun") as { neuron?: boolean }).neuron;
  const plural = /s$/i.test(noun.items.map((i) => i.text).join(" "));
  const shape = { sup: is(ranked, "sup"), topk: is(ranked, "topk"), plural };
  q.groupBy.push({ dim: neuron ? "root_id" : partnersOfPopulation(q, side, shape), side });
  if ((as(noun, "noun") as { neuron?: boolean }).neuron) q[side].push({ dim: "class", values: ["neuron"] });
  // Partners over connections: ranked by their synapses, not by a count of one pair each.
  if (q.source === "connections" && q.measure.fn === "count") q.measure = { fn: "sum", of: "synapses" };
}

/** "top target cells", "postsynaptic neurons": partners said to be cells are ranked as cells. */
const namesCells = (p: Clause["pops"][number]) => p.pop.neuron || /\b(cells?|neurons?|roots?|segments?)\b/i.test(p.atom.items.map((i) => i.text).join(" "));
const onePointedRoot = (fs: Filter[]) => fs.some((f) => f.dim === "root_id" && f.values?.length === 1);

/**
 * The partners of a whole population ranked: "the main target of BCs" is a type (one word, one
 * answer: the type they hit most); "the top 5 targets of BCs" could be cells or types, so it is asked.
 */
function partnersOfPopulation(q: Query, side: Side, shape: { sup: boolean; topk: boolean; plural: boolean }) {
  const owners = q[side === "post" ? "pre" : "post"];
  if (!owners.length || onePointedRoot(owners) || !(shape.sup || shape.topk)) return "root_id";
  if (shape.sup && !shape.topk && !shape.plural) return "cell_type";
  throw new Unreadable("The partner cells, or their types? Say \"top target cells of …\" or \"main target types of …\".");
}

/** "heatmap of synapses between excitatory cell types", "connectivity matrix": type by type. */
function matrix(c: Clause, q: Query): void {
  const tagged = c.take<{ dim: Group["dim"] }>("matrix");
  if (tagged && q.groupBy.length < 2) {
    // "area-to-area", "type×type", "each pair of visual areas": pre by post.
    q.groupBy = [{ dim: tagged.dim, side: "pre" }, { dim: tagged.dim, side: "post" }];
    return;
  }
  const heat = c.find("chart", "kind", "heatmap");
  if (!heat || q.groupBy.length === 2) return;
  const dim = c.says(/^m-?types?$/) ? "mtype" : "cell_type";
  for (const side of ["pre", "post"] as Side[]) if (!q.groupBy.some((g) => g.side === side)) q.groupBy.push({ dim, side });
}

const isGroupPop = (p: Clause["pops"][number]) => ["type", "mtype", "class", "area", "layer"].includes(p.pop.head ?? "");

/**
 * "synapses within RL", "heatmap of synapses between excitatory cell types", "connectivity between
 * areas": one population on both sides, and when it names a kind of group (types, areas), one row
 * per pair of groups.
 */
function within(c: Clause, p: Clause["pops"][number]): Query {
  c.usePop(p);
  use(c.find("rel", "r", "between"));
  const filters = popFilters(p.pop, c.classOf);
  const q: Query = { kind: "query", source: "synapses", filter: [], pre: [...filters], post: [...filters], measure: { fn: "count" }, groupBy: [] };
  for (const t of p.pop.thresholds) {
    if (t.qty === "ori_difference") orientationDifference(q, t);
    else if (t.noun === "synapse" || t.noun === "connection") {
      q.source = "connections";
      q.filter.push(rangeFilter("synapses", t));
    } else {
      q.pre.push(cellThreshold(t));
      q.post.push(cellThreshold(t));
    }
  }
  const wasConnections = q.source === "connections";
  readMeasure(c, q);
  if (wasConnections && q.source === "synapses") q.source = "connections";
  const dim = isGroupPop(p) ? groupDim(p.pop) : p.pop.alts ? p.pop.filters[0]!.dim as Group["dim"] : undefined;
  if (dim) q.groupBy = [{ dim, side: "pre" }, { dim, side: "post" }];
  else if (c.has("chart", "kind", "heatmap")) matrix(c, q);
  const chart = chartOf(c, q);
  if (chart) q.chart = chart;
  Object.assign(q, orderOf(c, undefined));
  return q;
}

/** "synapses between BC and 23P", "do A and B connect?", "partners of X": both directions, one row each. */
function bothWays(c: Clause, both: Clause["pops"]): Query {
  const q: Query = { kind: "query", source: "synapses", filter: [], pre: [], post: [], measure: { fn: "count" }, groupBy: [] };
  let a: Filter[];
  let b: Filter[] | undefined;
  if (both.length >= 2) {
    a = c.filters([both[0]!]);
    b = c.filters([both[1]!]);
  } else {
    const p = both[0]!;
    c.usePop(p);
    if (p.pop.alts?.length === 2) {
      const rest = popFilters(p.pop, c.classOf).filter((f) => !p.pop.alts!.some((x) => x.filters.some((g) => g.dim === f.dim)));
      a = [...rest, ...p.pop.alts[0]!.filters];
      b = [...rest, ...p.pop.alts[1]!.filters];
    } else a = popFilters(p.pop, c.classOf);
  }
  for (const p of c.pops) {
    if (!both.includes(p) && !p.pop.partnerNoun) throw new Unreadable("I could not tell which side of the synapses each population is on; use from/onto.");
  }
  if (c.pops.some((p) => p.pop.partnerNoun) && !c.has("count") && !c.has("stat")) {
    throw new Unreadable("Its inputs or its outputs? For example \"top 5 inputs to 8646…\" or \"top 5 targets of 8646…\".", ["inputs", "outputs"]);
  }
  readMeasure(c, q);
  // "how many partners does X have": distinct partners, on whichever side each part leaves open.
  if (c.pops.some((p) => p.pop.partnerNoun) && q.measure.fn === "count") q.measure = { fn: "distinct" };
  if (b) {
    q.compare = [{ label: `${labelOf(a)} → ${labelOf(b)}`, pre: a, post: b }, { label: `${labelOf(b)} → ${labelOf(a)}`, pre: b, post: a }];
  } else {
    // One population, both directions: its inputs and its outputs.
    if (q.measure.fn === "distinct") delete (q.measure as { side?: Side }).side;
    q.compare = [{ label: "inputs (presynaptic partners)", post: a }, { label: "outputs (postsynaptic partners)", pre: a }];
    if (c.find("topk") || c.find("sup") || c.find("list")) {
      throw new Unreadable("Inputs or outputs? For example \"top 5 inputs to 8646…\" or \"top 5 targets of 8646…\".",
        ["top 5 inputs", "top 5 outputs"]);
    }
  }
  const chart = chartOf(c, q);
  if (chart) q.chart = chart;
  return q;
}
