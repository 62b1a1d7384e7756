import type { Filter, Group, Query, Side } from "../plan.js";
import { as, is, text, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { oneRoot, Unreadable } from "./filters.js";
import { FLOW_NOUN_NAMES, KIND_HEADS, PARTNER_HEADS } from "./shape.js";
import { PARTNER_SIDE, partnerSide } from "./flow-measure.js";

/* Partners in a flow question: their side, their kind, and how they are ranked. */

export { PARTNER_HEADS };

/**
 * "the cell types of the downstream partners of 8646…": a kind of group said of partners is the
 * partners' side, grouped; the partners add nothing else.
 */
export function typesOfPartners(c: Clause): void {
  kindOfRankedPartners(c);
  const between = (a: number, b: number) =>
    c.atoms.slice(a + 1, b).every((x) => is(x, "rel", "r", "of") || x.items.every((y) => y.fn));
  for (const g of [...c.pops]) {
    if (!isGroupPop(g) || g.pop.filters.length) continue;
    // ("outputs of 8646… per partner cell type": partners with no side of their own face the cells that have one.)
    const sided = new Set(c.pops.filter((x) => x !== g && /^(pre|post)$/.test(x.role ?? "")).map((x) => x.role));
    const facing = sided.size === 1 ? (sided.has("pre") ? "post" : "pre") : undefined;
    // "partner cell type", "target area": one phrase.
    const inside = g.atom.items.flatMap((i) => i.tags).find((t) => t.t === "noun" && PARTNER_HEADS.has(String(t.n)));
    if (inside) {
      const said = inside.n === "target" ? "post" : inside.n === "source" ? "pre" : facing;
      if (said) g.role = said;
      // ("how many target types does 8646… have": the one root named, with no side, owns the targets.)
      const owners = c.pops.filter((x) => x !== g && !x.role);
      if (said && owners.length === 1 && c.pops.length === 2 && oneRootPop(owners[0]!)) {
        owners[0]!.role = said === "post" ? "pre" : "post";
      }
      continue;
    }
    // "… of the downstream partners", "the postsynaptic cell's area".
    const partner = c.pops.find(
      (p) =>
        PARTNER_HEADS.has(p.pop.head ?? "") &&
        !p.pop.filters.length &&
        // ("by type of the postsynaptic cell with more than 3 synapses": a condition is not just a side.)
        !p.pop.thresholds.length &&
        (p.i > g.i
          ? between(g.i, p.i)
          : p.i < g.i &&
            between(p.i, g.i) &&
            c.atoms.slice(p.i + 1, g.i).some((x) => /^('s|s'|')$/.test(x.items[0]!.text))),
    );
    // ("upstream partners of 8646… by area of the partner": "the partner" is the partners named before.)
    const sidedPartners = new Set(
      c.pops.flatMap((x) => (x.pop.head === "target" ? ["post"] : x.pop.head === "source" ? ["pre"] : [])),
    );
    const namedPartners = sidedPartners.size === 1 ? [...sidedPartners][0] : undefined;
    // (A target is postsynaptic and a source presynaptic whatever the roles guessed.)
    const side =
      partner?.pop.head === "target"
        ? "post"
        : partner?.pop.head === "source"
          ? "pre"
          : (partner?.role ?? namedPartners ?? facing);
    if (!partner || (side !== "pre" && side !== "post")) continue;
    // ("what type are 8646…'s top 3 targets": the types of three cells ranked one by one, not the top 3 types.)
    if (partner.pop.topk) throw new Unreadable(KIND_OF_RANKED);
    g.role = side;
    g.pop.each = true;
    c.usePop(partner);
    c.pops.splice(c.pops.indexOf(partner), 1);
  }
}

/**
 * "what type are 8646…'s top 3 targets", "which area are 8646…'s top 3 targets in": the kind of each of several
 * partners ranked one by one is asked, which no grouping gives (it had been the top 3 kinds). Asked back, naming
 * the two questions that can be answered.
 */
function kindOfRankedPartners(c: Clause): void {
  const kind = c.pops.find((p) => isGroupPop(p) && p.pop.wh && !p.pop.filters.length);
  if (!kind || !is(c.atoms[kind.i + 1], "verb", "v", "be")) return;
  const partnerWords = (a: Clause["atoms"][number]) =>
    a.items.some((i) =>
      i.tags.some((t) => t.t === "noun" && ["target", "source", "input", "output", "partner"].includes(String(t.n))),
    );
  // (Only several ranked: "which cell type is the main target of 8646…" asks the kind that ranks first.)
  const topk = (a: Clause["atoms"][number]) => is(a, "topk") || Boolean((a.tag as { topk?: unknown }).topk);
  const ranked = c.atoms.some((a, i) => i > kind.i && topk(a));
  if (!ranked || !c.atoms.some((a, i) => i > kind.i && partnerWords(a))) return;
  throw new Unreadable(KIND_OF_RANKED);
}

const KIND_OF_RANKED =
  'The kind of each top partner, or the top partner kinds? Ask for "top 3 targets of …" (each cell) or ' +
  '"top 3 target types of …" (kinds ranked).';

/** "postsynaptic neurons", "downstream neurons": partners that are neurons. */
export const partnerNeuron = (p: Clause["pops"][number]) =>
  p.atom.items.some((i) => i.tags.some((t) => t.t === "noun" && t.neuron === true));

export const oneRootPop = (p: Clause["pops"][number]) => oneRoot(p.pop.filters);

/** "What do BC cells target?": by the partners' cell type; "who/what does 8646… target?": by partner. */
export function defaultWhDim(q: Query, side: Side): Group["dim"] {
  const other = side === "pre" ? q.post : q.pre;
  return other.some((f) => f.dim === "root_id") ? "root_id" : "cell_type";
}

/** "top 5 inputs to X", "X's strongest target", "list the outputs of X": its partners, ranked. */
export function partnerRanking(c: Clause, q: Query): void {
  if (q.groupBy.length || ["fraction", "ratio", "probability"].includes(q.measure.fn)) return;
  // The partners may be a noun ("top 5 inputs") or a population of them ("the most distinct targets").
  const partnerPop = c.pops.find(
    (p) => PARTNER_HEADS.has(p.pop.head ?? "") && !p.pop.filters.length && !p.pop.wh && !p.pop.topk,
  );
  const implied = c.atoms.find((a) => is(a, "sup") && as(a, "sup")!.implies);
  const noun =
    c.atoms.find((a) => is(a, "noun") && PARTNER_SIDE[String(as(a, "noun")!.n)]) ??
    (partnerPop ? { ...partnerPop.atom, tag: { t: "noun", n: partnerPop.pop.head }, alt: [] } : undefined) ??
    (implied ? { ...implied, tag: { t: "noun", n: String(as(implied, "sup")!.implies) }, alt: [] } : undefined);
  if (!noun) return rankedAgainstOneRoot(c, q);
  const at = c.index(noun);
  // "which targets", "what are the outputs of X", "top 5 inputs", "list the partners",
  // "X's partners with ≥5 synapses".
  // (Not a "which" that is the subject of a flow verb: "which gets more inputs, 8646… or 8646…?" compares.)
  const before = c.atoms.slice(Math.max(0, at - 3), at);
  const flowVerb = before.some((a) => ["in", "out", "have"].some((v) => is(a, "verb", "v", v)));
  const whBefore = flowVerb ? undefined : before.find((a) => is(a, "wh") || is(a, "list"));
  const listing = !c.has("count") && !c.has("stat") && (q.source === "connections" || c.has("list"));
  const ranked = c.find("topk") ?? c.find("sup") ?? c.find("list") ?? whBefore ?? (listing ? noun : undefined);
  if (!ranked) return;
  const n = String(as(noun, "noun")!.n);
  // "VIP cell with the most output synapses", "neurons with the most inputs": the owners ranked.
  const owner: Side | undefined =
    n === "output" || n === "target" ? "pre" : n === "input" || n === "source" ? "post" : undefined;
  const ownerPop = c.pops.find((p) => p.role === owner && !p.pop.filters.some((f) => f.dim === "root_id"));
  // "main target of BCs" ranks the partners; "BC with the most targets" ranks the owners.
  // ("most-innervated BC": a superlative that implies its noun is said of the owner.)
  // ("most output syn by one basket cell", "a single BC": one owner is asked for, so the owners are ranked.)
  const single =
    ownerPop !== undefined && /^(one|single|a single|any one|individual)$/i.test(text(c.atoms[ownerPop.i - 1]));
  if (single) use(c.atoms[ownerPop!.i - 1]);
  const ownerFirst =
    !ownerPop || ownerPop.i < c.index(ranked) || single || (implied !== undefined && noun.items === implied.items);
  // ("most outputs" with no cells named: the cells that make them, not their targets.)
  const noneNamed = !q.pre.length && !q.post.length && !c.pops.length;
  if (owner && ownerFirst && (q[owner].length || noneNamed) && !onePointedRoot(q[owner]) && !is(ranked, "wh")) {
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

/**
 * "the BCs presynaptic to 8646…: top 3 by synapse count": cells of a kind on one side of one root, ranked one by
 * one by what they make with it (the order had nothing to order and was asked back).
 */
function rankedAgainstOneRoot(c: Clause, q: Query): void {
  // ("list 8646… → any 6P-CT": the cells on the other side, listed.)
  const listed = c.atoms.find((a) => is(a, "list") && !a.items.some((i) => i.used));
  const ranked = c.find("topk") ?? listed;
  if (!ranked || q.groupBy.length || !["count", "sum", "mean"].includes(q.measure.fn)) return;
  const sides = (["pre", "post"] as Side[]).filter((s) => onePointedRoot(q[s]));
  if (sides.length !== 1) return;
  const other: Side = sides[0] === "pre" ? "post" : "pre";
  const many = c.pops.find((p) => p.role === other && (p.pop.plural || listed) && !oneRoot(p.pop.filters));
  if (!many || !q[other].length || q[other].some((f) => f.dim === "root_id")) return;
  q.groupBy.push({ dim: "root_id", side: other });
  if (ranked === listed) {
    use(listed);
    q.order ??= "desc";
  }
  // ("who are the top 3": the ranked cells are what is asked.)
  for (const a of c.atoms) if ((is(a, "wh") || is(a, "glue")) && /^(who|which|what)\b/i.test(text(a))) use(a);
}

/** "top target cells", "postsynaptic neurons": partners said to be cells are ranked as cells. */
export const namesCells = (p: Clause["pops"][number]) =>
  p.pop.neuron || /\b(cells?|neurons?|roots?|segments?)\b/i.test(p.atom.items.map((i) => i.text).join(" "));
export const onePointedRoot = (fs: Filter[]) => fs.some((f) => f.dim === "root_id" && f.values?.length === 1);

/**
 * The partners of a whole population ranked: "the main target of BCs" is a type (one word, one
 * answer: the type they hit most); "the top 5 targets of BCs" could be cells or types, so it is asked.
 */
export function partnersOfPopulation(q: Query, side: Side, shape: { sup: boolean; topk: boolean; plural: boolean }) {
  const owners = q[side === "post" ? "pre" : "post"];
  if (!owners.length || onePointedRoot(owners) || !(shape.sup || shape.topk)) return "root_id";
  if (shape.sup && !shape.topk && !shape.plural) return "cell_type";
  throw new Unreadable('The partner cells, or their types? Say "top target cells of …" or "main target types of …".');
}

/** "heatmap of synapses between excitatory cell types", "connectivity matrix": type by type. */
export function matrix(c: Clause, q: Query): void {
  const tagged = c.take<{ dim: Group["dim"] }>("matrix");
  if (tagged && q.groupBy.length < 2) {
    // "area-to-area", "type×type", "each pair of visual areas": pre by post.
    q.groupBy = [
      { dim: tagged.dim, side: "pre" },
      { dim: tagged.dim, side: "post" },
    ];
    return;
  }
  const heat = c.find("chart", "kind", "heatmap");
  if (!heat || q.groupBy.length === 2) return;
  const dim = c.says(/^m-?types?$/) ? "mtype" : "cell_type";
  for (const side of ["pre", "post"] as Side[])
    if (!q.groupBy.some((g) => g.side === side)) q.groupBy.push({ dim, side });
}

/** "heatmap syn counts inh→inh by type": a heatmap's kind said once, with no side, is both sides' (see matrix). */
export function heatmapKinds(c: Clause, skip: Set<number>): void {
  if (!c.has("chart", "kind", "heatmap") && !c.has("matrix")) return;
  for (const p of c.pops)
    if (!p.role && isGroupPop(p) && !p.pop.filters.length && ["type", "mtype"].includes(p.pop.head ?? "")) {
      c.usePop(p);
      skip.add(p.i);
    }
}

export const isGroupPop = (p: Clause["pops"][number]) =>
  ["type", "mtype", "class", "area", "layer", "strategy"].includes(p.pop.head ?? "");

/**
 * "the heaviest edge from a BC", "the pair with the most synapses", "top 10 connections onto 23P":
 * a superlative said of connections ranks the connected pairs by their synapses.
 */
export function pairRanking(c: Clause, q: Query): void {
  // ("strongest BC -> 23P connection": a superlative taken into "BC" ranks the connection, not the BCs.)
  const only = q.groupBy.length === 1 && q.groupBy[0]!.dim === "root_id" ? q.groupBy[0]!.side : undefined;
  // ("which BC→23P pair has the most synapses": the "which" is said of the pair named right after the cells.)
  const taken = only
    ? c.pops.find((p) => p.role === only && (p.pop.wh ? pairNamedAfter(c, p.i) : p.pop.sup || p.pop.topk))
    : undefined;
  if ((q.groupBy.length && !taken) || q.compare || (q.measure.fn !== "count" && q.measure.fn !== "sum")) return;
  const pair = c.find("noun", "n", "connection");
  const ranked = c.find("topk") ?? c.atoms.find((a) => is(a, "sup") && !as(a, "sup")!.q) ?? taken?.atom;
  if (!pair || !ranked) return;
  // ("top 5 BCs by connections from 23P cells": the cells named before "by" are ranked, by their connections.)
  if (taken && is(c.atoms[taken.i + 1], "rel", "r", "by") && q.measure.fn === "count") {
    use(pair, ranked);
    q.source = "connections";
    return;
  }
  const topk = taken?.pop.topk ?? (is(ranked, "topk") ? { k: Number(as(ranked, "topk")!.k) } : undefined);
  const k = topk ? topk.k : /s$/i.test(pair.items.at(-1)!.text) ? undefined : 1;
  use(pair, ranked);
  q.source = "connections";
  // ("the BC→23P connection with the largest total synapse size": ranked by the pair's summed size.)
  const bySize = q.measure.fn === "sum" && (q.measure.of === "size" || q.measure.of === "total_size");
  q.measure = { fn: "sum", of: bySize ? "total_size" : "synapses" };
  q.groupBy = [
    { dim: "root_id", side: "pre" },
    { dim: "root_id", side: "post" },
  ];
  const dir = taken ? (taken.pop.sup?.dir ?? taken.pop.topk?.dir) : is(ranked, "sup") ? as(ranked, "sup")!.dir : "desc";
  q.order = dir === "asc" ? "asc" : "desc";
  if (k) q.limit = k;
}

/** "which BC → 23P pair": a connection noun right after the cells, with only cells and arrows between. */
function pairNamedAfter(c: Clause, from: number): boolean {
  const pair = c.find("noun", "n", "connection");
  if (!pair || c.index(pair) <= from) return false;
  return c.atoms
    .slice(from + 1, c.index(pair))
    .every((a) => c.pops.some((p) => p.atom === a) || is(a, "rel") || a.items.every((x) => x.fn));
}

/**
 * "upstream partners of 8646… by area", "BC targets per cell type": partners grouped are counted as
 * partners (distinct roots), as "how many partners" counts them; synapses are counted only when they
 * are said ("… synapses / inputs / weight by area"). (Synapses had been counted per area.)
 */
export function partnersCounted(c: Clause, q: Query): void {
  if (q.source !== "synapses" || q.measure.fn !== "count") return;
  const kinds = q.groupBy.filter((g) => g.dim !== "root_id" && g.side);
  const sides = new Set(kinds.map((g) => g.side));
  if (sides.size !== 1 || q.groupBy.some((g) => g.dim === "root_id")) return;
  // (Only words that are nouns alone: "targets" may be the verb, "what types does X target"; and not in
  // a phrase of kinds: "the biggest presynaptic cell type" ranks types by synapses.)
  if (c.has("sup")) return;
  const items = c.atoms
    .filter((a) => !KIND_HEADS.has(String(as(a, "pop")?.head ?? "")))
    .flatMap((a) => a.items)
    .filter((i) => !i.tags.some((t) => t.t === "verb"));
  const nouns = items.flatMap((i) => i.tags.filter((t) => t.t === "noun"));
  const flow = nouns.some((t) => FLOW_NOUN_NAMES.has(String(t.n)));
  const partners = nouns.filter((t) => PARTNER_HEADS.has(String(t.n))).map((t) => String(t.n));
  const side = [...sides][0]!;
  const own = side === "post" ? "target" : "source";
  if (flow || !partners.length || !partners.every((n) => n === own || n === "partner")) return;
  q.measure = { fn: "distinct", side };
}
