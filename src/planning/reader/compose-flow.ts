import type { Filter, Group, Query, Side } from "../plan.js";
import { as, is, text, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { ownerOfInputsOrOutputs } from "./flow-owner.js";
import { comparisonOf, togetherWord } from "./compare.js";
import { popFilters, Unreadable } from "./filters.js";
import { isPlace } from "./dims.js";
import { chartOf, countKinds, groupDim, groups, kindDim, orderOf } from "./shape.js";
import { fractionPartSides, readMeasure } from "./flow-measure.js";
import { countedCells, thresholdOn } from "./flow-thresholds.js";
import {
  defaultWhDim,
  heatmapKinds,
  isGroupPop,
  matrix,
  namesCells,
  oneRootPop,
  PARTNER_HEADS,
  partnerNeuron,
  partnerRanking,
  pairRanking,
  partnersCounted,
  partnersOfPopulation,
  typesOfPartners,
} from "./flow-partners.js";
import { partnersFronted } from "./partners-fronted.js";
import { rankedInPlace } from "./top-per-group.js";
import { bothSides, bothWays, within } from "./flow-both.js";
import { bareCellsOfFlow, bareCellsOfOneRoot, listedCellsOfFlow, listedSideKept, rankedCells } from "./bare-cells.js";
import { sideOfGroupings } from "./grouping-side.js";
import { sidesOfLooseCells } from "./other-kinds.js";
import { eachCellKept, eachOneOfThem } from "./per-cell-flow.js";
import { wholeFlow } from "./whole-flow.js";
import { ownersOfPartners } from "./owners-of-partners.js";
import { eachCellsShare } from "./each-cell-share.js";
import { rankedByPartners } from "./most-partners.js";

const TYPED: Filter = { dim: "typed", is: true };
/** "cells other than 23P", "non-BC cells": the cells kept are named (not "sources other than 23P cells"). */
const keptCells = (p: Clause["pops"][number]) =>
  /^(?:non[- ]?[\w/+-]+\s+)?cells?\b/i.test(p.atom.items.map((i) => i.text).join(" "));

/**
 * A question about synapses or connections between populations: which side each population is on
 * (from the roles), what is measured, and how the answer is shaped.
 */
export function composeFlow(c: Clause): Query {
  const sideOf = (p: Clause["pops"][number]) => (p.role === "pre" || p.role === "post" ? p.role : undefined);
  const whole = wholeFlow(c);
  if (whole) return whole;
  typesOfPartners(c);
  bareCellsOfOneRoot(c);
  bareCellsOfFlow(c);
  listedCellsOfFlow(c);
  sideOfGroupings(c);
  // "23P cells onto each other", "BCs connected to one another": one population on both sides.
  // (Not "which 23P cells …" or "how many 23P cells connect to each other": those count or list cells.)
  const reciprocal = c.find("reciprocal");
  const counted = (p: Clause["pops"][number]) =>
    p.pop.wh !== undefined || (p.pop.head !== undefined && is(c.atoms[p.i - 1], "count"));
  if (reciprocal && c.pops.length === 1 && !counted(c.pops[0]!)) {
    use(reciprocal);
    c.pops[0]!.role = "both";
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
  if ((c.has("chart", "kind", "heatmap") || c.has("matrix")) && c.pops.length === 1 && !c.pops[0]!.role)
    c.pops[0]!.role = "both";
  // "… in V1 (both cells in V1)", "where pre and post are both in AL": conditions on both sides.
  if (c.pops.length > 1 || c.has("bothsides")) bothSides(c);
  const both = c.pops.filter((p) => p.role === "both");
  // One population "between" itself: "synapses between coregistered neurons", "within RL".
  if (
    both.length === 1 &&
    c.pops.length === 1 &&
    !(both[0]!.pop.alts?.length === 2 && !c.has("chart", "kind", "heatmap")) &&
    !oneRootPop(both[0]!)
  )
    return within(c, both[0]!);
  if (both.length) return bothWays(c, both);
  fractionPartSides(c);
  ownersOfPartners(c);
  // "synapses whose postsynaptic root …", "presynaptic partners": a partner noun names its own side.
  // (A target is postsynaptic and a source presynaptic, whatever a verb later in the question suggests.)
  for (const p of c.pops)
    if ((!p.role || p.role === "pre" || p.role === "post") && (p.pop.head === "target" || p.pop.head === "source"))
      p.role = p.pop.head === "target" ? "post" : "pre";
  // ("mean syn size onto 23P: BC vs MC": sets compared, with no side of their own, are the other side of
  // the one population that has a side. Before the comparison is read, which splits them by side.)
  const sidesSaid = new Set(c.pops.filter((p) => p.role === "pre" || p.role === "post").map((p) => p.role));
  const unsided = c.pops.filter((p) => !p.role);
  if (unsided.length === 1 && unsided[0]!.pop.alts?.length && sidesSaid.size === 1 && c.pops.length === 2) {
    unsided[0]!.role = sidesSaid.has("post") ? "pre" : "post";
  }
  const { parts, skip } = comparisonOf(c, sideOf);
  // A population that only repeats another's conditions ("orphan segments (no soma)") adds nothing;
  // one that repeats them and adds some ("only BCs w/ proofread axons") narrows that one.
  const key = (f: Filter) => JSON.stringify(f);
  for (const p of c.pops) {
    // ("23P→23P synapses per 23P cell": a "per" phrase asks for a division, it does not repeat a side.)
    if (p.role || skip.has(p.i) || !p.pop.filters.length || p.pop.each) continue;
    const twin = c.pops.find(
      (o) =>
        o !== p && o.pop.filters.length && o.pop.filters.every((g) => p.pop.filters.some((f) => key(f) === key(g))),
    );
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
    if (p.pop.filters.length && p.pop.filters.every((f) => f.dim === "area" || f.dim === "layer"))
      p.pop.bothSides = popFilters(p.pop, c.classOf);
  }
  // "where 23P synapses go, per postsynaptic type": the one loose population is on the other side of the grouping.
  const looseOnes = c.pops.filter((p) => !p.role && !skip.has(p.i));
  const sided = c.pops.filter((p) => p.role && groups(p.pop));
  if (looseOnes.length === 1 && sided.length === 1 && !c.pops.some((p) => p.role && !groups(p.pop))) {
    looseOnes[0]!.role = sided[0]!.role === "pre" ? "post" : "pre";
  }
  sidesOfLooseCells(c, skip);
  rankedCells(c);
  // "downstream cell types of 8646…", "post type 23P": a phrase that names its side is on that side.
  for (const p of c.pops) if (p.pop.side && (isGroupPop(p) || p.pop.filters.length)) p.role = p.pop.side;
  // "most-innervated BC": the one population owns the inputs the superlative implies.
  const implies = c.atoms.find((a) => is(a, "sup") && as(a, "sup")!.implies);
  if (implies) {
    const owner: Side = as(implies, "sup")!.implies === "input" ? "post" : "pre";
    for (const p of c.pops) if (!p.role) p.role = owner;
  }
  ownerOfInputsOrOutputs(c, skip);
  // ("ratio of excitatory to inhibitory synapses onto X": the two classes are the ratio's terms.)
  if (c.has("ratio"))
    for (const p of c.pops) if (!p.pop.filters.some((f) => f.dim === "root_id") && !p.role) p.role = "pre";
  heatmapKinds(c, skip);
  const loose = c.pops.find(
    (p) =>
      !p.role &&
      !skip.has(p.i) &&
      !p.pop.bothSides &&
      !(p.pop.each && !p.pop.filters.length && !c.has("noun", "n", "synapse")),
  );
  if (loose) {
    throw new Unreadable(
      `I could not tell whether "${loose.atom.items.map((i) => i.text).join(" ")}" is on the presynaptic or the postsynaptic side. ` +
        'Say it with from/onto, e.g. "synapses from BC onto 23P".',
    );
  }
  const q: Query = {
    kind: "query",
    source: "synapses",
    filter: [],
    pre: [],
    post: [],
    measure: { fn: "count" },
    groupBy: [],
  };
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
      const kind = { area: "area", layer: "layer" }[p.pop.head ?? ""] ?? "cell type";
      throw new Unreadable(
        `Per presynaptic or per postsynaptic ${kind}? ` +
          `For example "BC outputs per target ${kind.replace("cell ", "")}".`,
      );
    }
    c.usePop(p);
    q[side].push(...popFilters(p.pop, c.classOf));
    // ("partners of X that have a nucleus": on a side of a synapse, nuclei are the roots that have one.)
    if (p.pop.head === "nucleus" && !q[side].some((f) => f.dim === "has_nucleus"))
      q[side].push({ dim: "has_nucleus", is: true });
    for (const t of p.pop.thresholds) q[side].push(...thresholdOn(q, t, countedCells(c, p)));
    // ("… x postsynaptic type (excitatory cells)": a kind said of a side is a grouping, whatever restricts it.)
    const sidedKind = p.pop.side !== undefined && kindDim(p.pop.head) !== undefined;
    if (groups(p.pop) && (p.pop.wh || p.pop.each || !p.pop.filters.length || p.pop.topk || p.pop.sup)) grouping.push(p);
    // ("downstream cell types of 8646…": a kind of group named with no condition is what the rows are.)
    else if (isGroupPop(p) && (!p.pop.filters.length || sidedKind)) {
      grouping.push(p);
      // ("the cell type with the most synapses onto 23P": the one that ranks first.)
      if (!p.pop.plural && c.atoms.some((a, i) => i > p.i && is(a, "sup"))) p.pop.wh = "which";
    }
    // "rank neuron types by mean output size": a kind of group, ranked, is one row per group ("inh type
    // with most output syn": the one that ranks first).
    else if (kindDim(p.pop.head) !== undefined && (c.has("order") || c.has("topk") || c.has("sup"))) {
      grouping.push(p);
      if (!p.pop.plural && c.atoms.some((a, i) => i > p.i && is(a, "sup"))) p.pop.wh ??= "which";
    }
    // "postsynaptic partners of X with at least 5 synapses", "23P targets of X": its partners, listed.
    // ("Excluding 23P presynaptic partners, …": partners only left out are a condition, not the rows.)
    else if (
      PARTNER_HEADS.has(p.pop.head ?? "") &&
      !(p.pop.filters.length && p.pop.filters.every((f) => f.not) && !c.has("list") && !c.has("wh")) &&
      !p.pop.counted &&
      !c.has("count") &&
      !c.has("stat") &&
      !c.has("fraction") &&
      // ("neurons in L2/3 as targets and those in L4 as sources: connection probability": sides, not rows.)
      !c.has("probability") &&
      // ("MC with the most distinct targets": the MCs are ranked, by their targets.)
      !(c.atoms.some((a) => is(a, "sup") && as(a, "sup")!.count) && !p.pop.filters.length)
    )
      grouping.push(p);
    if ((p.pop.neuron || partnerNeuron(p)) && !q[side].some((f) => f.dim === "class" && !f.not))
      q[side].push({ dim: "class", values: ["neuron"] });
    // ("onto cells other than 23P": cells are typed, fragments are not cells; "non-23P targets" are any root.)
    else if (keptCells(p) && q[side].length && q[side].every((f) => f.not)) q[side].push(TYPED);
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
  // (Sets listed to be compared that no comparison or grouping split: their numbers would be pooled.)
  const pooled = c.pops.find(
    (p) => (p.pop.alts?.length ?? 0) >= 2 && !skip.has(p.i) && !parts && !q.groupBy.length && !grouping.includes(p),
  );
  if (pooled && !togetherWord(c)) {
    const said = pooled.atom.items.map((i) => i.text).join(" ");
    throw new Unreadable(`"${said}" together, or each on its own? Say "… together" or "… per presynaptic type".`);
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
    // ("which cell has the most inputs": a cell is a row of the cell-type table, not any root.)
    const side = p.role as Side;
    // (Not partners of a root or a population: "which cell gets the most synapses from X" counts fragments.)
    const alone = !q.pre.length && !q.post.length;
    if (dim === "root_id" && p.pop.head === "cell" && alone) q[side].push(TYPED);
  }
  // "who synapses onto MC, per presynaptic type": the type grouping says how "who" is answered. (Not "synapses
  // received per 23P cell in each area": a number per cell, whose total per area had been given; asked back.)
  if (q.groupBy.some((g) => g.dim === "root_id") && q.groupBy.some((g) => g.dim !== "root_id")) {
    const perCell = grouping.find(
      (p) => p.pop.each && !p.pop.wh && p.pop.filters.length && groupDim(p.pop) === "root_id",
    );
    if (perCell && !c.has("stat"))
      throw new Unreadable(
        `Each cell's number, or all of them together? Say "the mean number of … ${text(perCell.atom)}" ` +
          'or "the total number of …".',
      );
    const typed = new Set(q.groupBy.filter((g) => g.dim !== "root_id").map((g) => g.side));
    if (!rankedInPlace(c, grouping, q)) q.groupBy = q.groupBy.filter((g) => g.dim !== "root_id" || !typed.has(g.side));
  }
  eachCellsShare(c, q);
  partnersCounted(c, q);
  partnersFronted(c, q);
  partnerRanking(c, q);
  rankedByPartners(c, q, grouping);
  listedSideKept(c, q);
  matrix(c, q);
  if (q.groupBy.length > 2) throw new Unreadable("I can group by at most two things at once.");
  countKinds(c, q);
  pairRanking(c, q);
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
  eachOneOfThem(c, q);
  eachCellKept(c, q);
  // ("taking all input synapses onto 23P cells together, what % …": the cells' synapses pooled, as one number is.)
  const together = c.find("together");
  if (together && !q.groupBy.length && !q.compare && c.pops.some((p) => p.i === c.index(together) - 1)) use(together);
  return q;
}
