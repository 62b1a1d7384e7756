import { partnerNeuron } from "./flow-partners.js";
import { PER_ROOT_COUNTS, type Filter, type Group, type Measure, type Query, type Quantity } from "../plan.js";
import { as, is, text, use, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import { comparisonOf } from "./compare.js";
import { DIMS_OF_ROOTS, NEURON_TABLES } from "./dims.js";
import { shareOfCellsByRootFlag } from "./share-source.js";
import { cellThreshold, popFilters, thresholdByVerb, Unreadable } from "./filters.js";
import { fraction } from "./cell-shares.js";
import { CELL_QUANTITIES, listedQuantities, statMeasure } from "./measure.js";
import { countSup, PER_ROOT_NOUNS } from "./per-root.js";
import { groupedByPartners, saidAsPartners } from "./per-root-sides.js";
import type { Threshold } from "./numbers.js";
import type { Pop } from "./phrases.js";
import { chartOf, countKinds, groupDim, orderOf } from "./shape.js";

/** A root's synapse and partner counts, as conditions ("cells with more than 10 outputs"). */
const perRootCount = (f: Filter) => PER_ROOT_COUNTS.includes(f.dim as Quantity);

/**
 * A question about cells (or nuclei, or neurons as root ids): counts, fractions, statistics of a
 * quantity, lists and positions, per group, ranked. `perRoot`: a per-neuron synapse or partner
 * count averaged or thresholded ("how many synapses does the average 23P cell receive?").
 */
export function composeCells(c: Clause, perRoot?: Quantity): Query {
  const { parts, skip } = comparisonOf(c, () => "filter");
  const filter: Filter[] = [];
  const groupBy: Group[] = [];
  let grouped: Pop | undefined;
  const partners: Filter[] = [];
  for (const p of c.pops) {
    if (skip.has(p.i)) continue;
    c.usePop(p);
    // ("median # of postsynaptic neurons per MC", "23P targets per BC": only partners of that kind are counted.)
    if (p.pop.partnerNoun && perRoot) partners.push(...partnerKind(p, c));
    if (p.pop.partnerNoun) continue;
    if (perRoot && saidAsPartners(c, p, perRoot)) {
      partners.push(...popFilters(p.pop, c.classOf));
      continue;
    }
    filter.push(...popFilters(p.pop, c.classOf));
    for (const t of p.pop.thresholds) filter.push(cellThreshold(t));
    const dim = groupDim(p.pop);
    // "outputs per BC cell": per individual cell, which the per-neuron measure already is.
    if (perRoot && p.pop.each && dim === "root_id") continue;
    // ("mean synapses from BC per target cell type": a kind of the partners, not of the cells counted.)
    if (perRoot && dim) groupedByPartners(p, dim, perRoot);
    if ((p.pop.wh || p.pop.each || p.pop.topk || p.pop.sup) && dim && dim !== "root_id" && dim !== "nucleus_id") {
      groupBy.push({ dim });
      grouped = p.pop;
    } else if ((p.pop.sup || p.pop.topk || p.pop.wh) && dim === "root_id") {
      groupBy.push({ dim: "root_id" });
      grouped = p.pop;
    } else if (!dim && (p.pop.wh || (p.pop.filters[0]?.values?.length ?? 0) > 1) && c.has("sup") && !p.pop.head
      && p.pop.filters.length === 1 && ["area", "layer", "cell_type", "mtype"].includes(p.pop.filters[0]!.dim)) {
      // "which higher visual area has the most cells", "HVA with the most BCs": one row per value.
      groupBy.push({ dim: p.pop.filters[0]!.dim });
      grouped = { ...p.pop, plural: false, wh: p.pop.wh ?? "which" };
    }
  }
  // "m-type counts", "how many cell types are there", "inhibitory subtype counts", "rarest cell type":
  // one row per type (not "how many cells are classified (any type)").
  for (const p of c.pops) {
    const dim = groupDim(p.pop);
    const before = c.atoms[p.i - 1];
    const countWord = c.findAll("count").some((a) => /s$/.test(a.items[0]!.text.toLowerCase()) || a.items[0]!.text.toLowerCase() === "breakdown");
    // ("the most common cell type": the superlative of a count word.)
    const ranked = is(before, "sup") || is(c.atoms[p.i - 2], "sup") && (c.atoms[p.i - 1]!.items.every((x) => x.fn) || is(before, "count"));
    // ("how many cells sit in areas other than V1": the areas said by what they are not are a place, not rows.)
    const excluded = p.pop.filters.length > 0 && p.pop.filters.every((f) => f.not) && !c.has("per") && !countWord && !ranked;
    if (excluded) continue;
    if (!skip.has(p.i) && dim && dim !== "root_id" && dim !== "nucleus_id" && !p.pop.wh && !p.pop.each && !groupBy.some((g) => g.dim === dim)
      // ("the area with the most neurons": a kind of group with no condition is what the rows are.)
      && (p.pop.plural || countWord || c.has("per") || ranked || (!p.pop.filters.length && !/^any$/i.test(c.atoms[p.i - 1]?.items[0]?.text ?? ""))
        || crossed(p.pop, dim, groupBy))) {
      groupBy.push({ dim });
      use(c.find("per"));
      const supAfter = !p.pop.plural && c.atoms.some((a, i) => i > p.i && is(a, "sup"));
      if ((ranked || supAfter) && !grouped) grouped = { ...p.pop, wh: "which" };
    }
  }
  // "cells that receive more than 100 inputs", "neurons with a volume over 500".
  for (const a of c.findAll("threshold")) {
    if (a.items.some((i) => i.used)) continue;
    const t = as(a, "threshold") as Threshold;
    // ("MCs that synapse onto at least 50 targets": the verb, then "onto".)
    const onto = is(c.atoms[c.index(a) - 1], "rel", "r", "to") ? c.atoms[c.index(a) - 1] : undefined;
    const verb = c.atoms[c.index(a) - (onto ? 2 : 1)];
    if (onto && is(verb, "verb", "v", "out")) use(onto);
    use(a, is(verb, "verb") ? verb : undefined);
    filter.push(cellThreshold(thresholdByVerb(t, verb)));
  }
  // "the 23P with the smallest nucleus", "which BC is deepest": one row per cell, ranked.
  const ranked = c.atoms.find((a, i) => is(a, "sup") && (as(a, "sup")!.q || is(c.atoms[i + 1], "qty")));
  if (ranked && !groupBy.length && c.pops.length >= 1 && !c.pops.some((p) => groupDim(p.pop) && groupDim(p.pop) !== "root_id")) {
    groupBy.push({ dim: "root_id" });
    const sup = as<{ t: string; plural?: boolean }>(ranked, "sup");
    const many = sup?.plural ? { plural: true } : {};
    grouped = { t: "pop", filters: [], thresholds: [], sup: sup as Pop["sup"], ...many };
    use(ranked);
  } else if (ranked && grouped?.sup && !grouped.sup.q && groupBy.some((g) => g.dim === "root_id")) {
    // "the biggest BC (largest nucleus)": the ranking's quantity, said again.
    grouped = { ...grouped, sup: { ...grouped.sup, q: String(as(ranked, "sup")!.q ?? "") || undefined } };
    use(ranked);
  }
  // "BC 23P": names with nothing asked of them.
  const asks = ["count", "stat", "fraction", "list", "wh", "chart", "qty", "sup", "topk", "threshold", "per", "pctl", "distribution", "lookup"];
  const groupingPop = c.pops.some((p) => p.pop.wh || p.pop.each || p.pop.topk || p.pop.sup);
  if (!perRoot && !asks.some((t) => c.has(t)) && c.pops.some((p) => p.pop.alts || c.pops.length > 1) && !groupingPop) {
    throw new Unreadable(`What would you like to know about ${c.pops.map((p) => p.atom.items.map((i) => i.text).join(" ")).join(" and ")}? `
      + "For example how many there are of each, or the synapses between them.");
  }
  // "per neuron", "the average neuron": of neurons; "per cell": of typed cells (not fragments). (Not of the cells of
  // a table of roots, "avg output syn per cell: axon_fully_extended vs …", which are that table's roots.)
  const conditions = [...filter, ...(parts ?? []).flatMap((p) => p.filter ?? [])];
  const ofTable = (f: Filter) => NEURON_TABLES.has(f.dim) && !f.not && f.is !== false;
  const named = (f: Filter) => ["cell_type", "class", "mtype", "root_id"].includes(f.dim);
  if (perRoot && !filter.some(named) && !conditions.some(ofTable)) {
    const phrase = c.findAll("per_cell").map((a) => a.items.map((i) => i.text.toLowerCase()).join(" ")).join(" ");
    if (/neuron/.test(phrase)) filter.push({ dim: "class", values: ["neuron"] });
    else if (/cell/.test(phrase)) filter.push({ dim: "typed", is: true });
  }
  const source = sourceOf(c, filter, perRoot, groupBy, parts);
  // ("cells with more than 10 outputs"): a cell is a row of the cell-type table; "roots" are any root.
  const heads = c.pops.map((p) => p.pop.head);
  const perRootOnly = (perRoot || filter.some(perRootCount)) && !parts
    && filter.every((f) => perRootCount(f) || f.dim === "typed");
  if (source === "roots" && heads.includes("cell") && perRootOnly && !filter.some((f) => f.dim === "typed"))
    filter.push({ dim: "typed", is: true });
  const q: Query = { kind: "query", source, filter, pre: [], post: [], measure: { fn: "count" }, groupBy };
  if (parts) q.compare = parts;
  if (partners.length) q.partners = partners;
  q.measure = measureOf(c, q, perRoot, grouped);
  if (!perRoot && shareOfCellsByRootFlag(q)) q.source = "cells";
  countKinds(c, q);
  if (q.measure.fn === "list" && groupBy.some((g) => g.dim === "root_id")) q.groupBy = groupBy.filter((g) => g.dim !== "root_id");
  // ("list the cell types": the kinds, each with its count, not every cell.)
  if (q.measure.fn === "list" && q.groupBy.length && !c.has("qty", "q", "position")) q.measure = { fn: "count" };
  Object.assign(q, orderOf(c, grouped));
  // ("the largest output synapse count among BCs": one number, which no order applies to.)
  if (perRoot && !q.groupBy.length && !q.compare && (q.measure.fn === "max" || q.measure.fn === "min")) delete q.order;
  // ("by cortical layer and visual area together": the two groupings at once, as read.)
  if (q.groupBy.length === 2) use(c.find("together"));
  // ("for all the interneurons together, the 75th percentile of depth": the one population, pooled.)
  const together = c.find("together");
  const pooled = together && c.pops.find((p) => p.i === c.index(together) - 1 && !p.pop.alts);
  if (pooled && c.pops.length === 1 && !q.groupBy.length && !q.compare) use(together);
  // ("which 5P-ET cells have a proofread axon": the cells, listed, not a count of 1 for each.)
  const oneGroup = q.groupBy.length === 1 && q.groupBy[0]!.dim === "root_id";
  if (q.measure.fn === "count" && oneGroup && grouped?.wh && !q.order && !q.compare && !c.has("per") && !c.has("count"))
    Object.assign(q, { measure: { fn: "list" }, groupBy: [] });
  // ("6P-CT with the min soma depth, root id pls": the cells ranked are the list asked for.)
  if (q.order && q.groupBy.some((g) => g.dim === "root_id")) use(c.find("list"));
  if (q.measure.fn === "list") {
    delete q.order;
    if (c.has("qty", "q", "position") || c.has("wh", "w", "where")) use(c.find("qty", "q", "position"), c.find("wh", "w", "where"));
  }
  const chart = chartOf(c, q);
  if (chart) q.chart = chart;
  if (q.measure.fn === "list" && (c.has("qty", "q", "position") || c.find("wh", "w", "where"))) q.chart = "scatter";
  return q;
}

function sourceOf(
  c: Clause,
  filter: Filter[],
  perRoot?: Quantity,
  groupBy: Group[] = [],
  parts?: Query["compare"],
): Query["source"] {
  if (perRoot) return "roots";
  if (groupBy.some((g) => g.dim === "axon_strategy" || g.dim === "dendrite_strategy")) return "roots";
  // Soma positions are of cells, whatever else names them.
  if (c.has("qty", "q", "position") || c.has("wh", "w", "where")) return "cells";
  const heads = c.pops.map((p) => p.pop.head);
  // ("the deepest 23P (give me root id)": a root id asked for of a cell measure names the cells.)
  const rootHead = heads.includes("root") && !cellMeasureAsked(c);
  // ("average nucleus volume of proofread BCs": a cell's own measure keeps the cells, whatever their roots are.)
  // ("4P cells with no proofreading": a cell whose nucleus has no root is not proofread either, so
  // only a root's annotation said of it counts roots.)
  // ("how many times more proofread axons are partially extended than fully extended": said of every set compared.)
  const rooted = (fs: Filter[]) => fs.some((f) => DIMS_OF_ROOTS.has(f.dim) && f.is !== false && !f.not);
  const rootDims =
    (rooted(filter) || Boolean(parts?.length && parts.every((p) => rooted(p.filter ?? [])))) && !cellMeasureAsked(c);
  if (rootHead || heads.includes("fragment") || rootDims) return "roots";
  const typed = filter.some((f) => ["cell_type", "class", "mtype"].includes(f.dim));
  if (heads.includes("nucleus") && !typed) return "nuclei";
  // ("what is the average nucleus volume?": no cells named, so every detected nucleus.)
  if (!c.pops.length && !filter.length && !groupBy.length && (c.has("qty", "q", "volume") || c.has("qty", "q", "depth"))) return "nuclei";
  return "cells";
}

/** "inhibitory cell type by area": a kind said beside another grouping is the table's other axis. */
function crossed(pop: Pop, dim: Group["dim"], groupBy: Group[]): boolean {
  return groupBy.some((g) => g.dim !== dim && g.dim !== "root_id") && pop.filters.every((f) => f.dim !== dim);
}

function cellMeasureAsked(c: Clause): boolean {
  const cellQty = (q: unknown) => CELL_QUANTITIES.includes(q as Quantity);
  // ("% of exc cells with >= 80 inputs, per layer (by soma depth)": the depth says how layers are told apart,
  // not a measure of the cells; it had made a share of roots one of cell rows.)
  const byDepth = (i: number) => {
    if (as(c.atoms[i], "qty")!.q !== "depth") return false;
    let j = i - 1;
    while (j >= 0 && (is(c.atoms[j], "rel", "r", "by") || is(c.atoms[j], "fn"))) j--;
    const layer = as<Pop>(c.atoms[j], "pop");
    return Boolean(layer && (layer.head === "layer" || layer.filters.some((f) => f.dim === "layer")));
  };
  return c.atoms.some(
    (a, i) => (is(a, "sup") && cellQty(as(a, "sup")!.q)) || (is(a, "qty") && cellQty(as(a, "qty")!.q) && !byDepth(i)),
  );
}

function measureOf(c: Clause, q: Query, perRoot: Quantity | undefined, grouped: Pop | undefined): Measure {
  if (c.find("fraction")) return fraction(c, q);
  const allowed = q.source === "roots" ? [] : q.source === "nuclei" ? ["volume", "depth"] as Quantity[] : CELL_QUANTITIES;
  const stat = statMeasure(c, allowed);
  if (stat) return stat.measure;
  if (perRoot) {
    const dist = c.find("distribution") ?? c.find("chart", "kind", "histogram");
    const sup = countSup(c);
    if (sup) use(sup);
    const supFn = sup ? (as(sup, "sup")!.dir === "asc" ? "min" : "max") : undefined;
    const fn = c.take<{ fn: string }>("stat")?.fn ?? supFn ?? (!dist && c.take("per_cell") ? "mean" : undefined);
    use(c.find("per_cell"), c.find("count"));
    for (const n of PER_ROOT_NOUNS) use(c.find("noun", "n", n));
    for (const v of c.findAll("verb")) use(v);
    if (dist && !fn) {
      use(dist);
      return { fn: "histogram", of: perRoot, bins: 40 };
    }
    // ("box plot of 23P in-degree per area": the cells' counts drawn as quartiles, not their mean.)
    if (!fn && c.find("chart", "kind", "box")) return { fn: "quartiles", of: perRoot };
    const pctl = !fn ? c.take<{ p: number }>("pctl") : undefined;
    if (pctl) return { fn: "percentile", of: perRoot, p: Number(pctl.p) };
    if (!fn) return { fn: "mean", of: perRoot };
    if (fn === "quartiles") return { fn: "quartiles", of: perRoot };
    return { fn: fn as "mean", of: perRoot };
  }
  // "the biggest BC", "which BC has the largest nucleus", "the deepest MC": one row per cell, ranked.
  const sup = grouped?.sup ?? grouped?.topk ?? (q.groupBy.some((g) => g.dim === "root_id") ? c.take<{ dir: string; q?: string }>("sup") : undefined);
  if (sup && q.groupBy.some((g) => g.dim === "root_id")) {
    const of = (sup.q as Quantity | undefined) ?? quantityNamed(c) ?? sizeSaid(c);
    if (!of || !CELL_QUANTITIES.includes(of)) throw new Unreadable(
        "Ranked by what: nucleus volume, soma depth, a tuning measure, or synapses (\"the BC with the most outputs\")?",
      );
    use(c.find("list")); // ("deepest 23P? root id", "list the 3 biggest BCs": the ranked cells are the list)
    return { fn: sup.dir === "asc" ? "min" : "max", of };
  }
  // "which cell type has the largest nuclei" (a superlative that names its quantity): per group, the mean;
  // the superlative then orders the groups.
  const namedSup = c.atoms.find((a) => is(a, "sup") && CELL_QUANTITIES.includes(as(a, "sup")!.q as Quantity));
  if (namedSup && q.groupBy.length && !q.groupBy.some((g) => g.dim === "root_id")) {
    return oneCell(c, q, namedSup) ?? { fn: "mean", of: as(namedSup, "sup")!.q as Quantity };
  }
  // "which cell type has the largest nuclei": per type, the mean.
  const typeSup = c.atoms.find((a) => is(a, "sup") && as(a, "sup")!.q === undefined && (c.has("qty") || c.pops.some((p) => p.pop.head === "nucleus")));
  if (typeSup && q.groupBy.length && c.pops.some((p) => p.pop.head === "nucleus" || p.pop.head === "cell") && /larg|big|small/.test(typeSup.items[0]!.text.toLowerCase())) {
    use(typeSup);
    return oneCell(c, q, typeSup) ?? { fn: "mean", of: "volume" };
  }
  // ("soma depth of every SST cell in L2/3", "root id and depth of each MC": a quantity said of the cells with
  // nothing to count or summarize is each cell's, listed; it had been a count of the cells.)
  // (Said of each cell, or as a list or table: "of every SST cell", "root id and depth of each MC".)
  const eachCell = c.pops.some((p) => p.pop.each) || c.has("list") || c.says(/^(table|ids?|root ids?)$/i);
  const shownQuantities = eachCell ? listedQuantities(c, q) : [];
  if (shownQuantities.length && !c.has("count") && !q.groupBy.length && !c.has("sup")) {
    use(c.find("list"));
    return { fn: "list", with: shownQuantities };
  }
  // ("BC root ids", "coregistered BCs - root ids?", "5P-ET roots w/ …": ids asked for are a list.)
  const ids = c.pops.some((p) => p.atom.items.some((i) => /\b(ids|roots)$/i.test(i.text)));
  // ("show me the BCs with more than 200 outputs": cells shown are listed, not counted.)
  const shown = /^(show|give|get|pull up|find)( me)?$/i.test(text(c.atoms[0])) && c.pops.some((p) => p.pop.plural);
  const listed = ids || shown || c.pops.some((p) => p.pop.wh);
  if (c.take("list") || (!c.find("count") && q.groupBy.length === 0 && !c.has("sup") && listed)) {
    return { fn: "list" };
  }
  // ("where are the BCs? counts per area": a count per area.)
  if ((c.has("qty", "q", "position") || c.has("wh", "w", "where")) && !(c.has("count") && q.groupBy.length)) return { fn: "list" };
  if (c.has("wh", "w", "where") && c.has("count")) use(c.find("wh", "w", "where"));
  use(c.find("count"));
  return { fn: "count" };
}

/**
 * "what type is the neuron with the largest nucleus", "the area of the cell with the biggest
 * nucleus": one cell (said in the singular) is ranked, then its type or area; not a mean per group.
 */
function oneCell(c: Clause, q: Query, sup: Atom): Measure | undefined {
  const one = c.pops.find((p) => (p.pop.head === undefined || p.pop.head === "cell" || p.pop.head === "neuron")
    && !p.pop.plural && !p.pop.wh && !/s$/i.test(p.atom.items.at(-1)?.text ?? ""));
  if (!one) return undefined;
  q.groupBy.push({ dim: "root_id" });
  const of = (as(sup, "sup")!.q as Quantity | undefined) ?? sizeSaid(c);
  if (!of) return undefined;
  return { fn: as(sup, "sup")!.dir === "asc" ? "min" : "max", of };
}

/**
 * "the biggest BC": a cell's size is its nucleus volume. Other superlatives ("the strongest BC", "the
 * top MC") name no quantity of a cell, and are asked about.
 */
const SIZE_WORDS = /^(largest|biggest|smallest|tiniest|largest-nucleus|big|large|small|tiny)$/i;
function sizeSaid(c: Clause): Quantity | undefined {
  // ("5 cells with the bigest nucleus": the superlative that names a quantity is the ranking's.)
  const named = c.atoms.map((a) => as(a, "sup")?.q as Quantity | undefined).find((q) => q && CELL_QUANTITIES.includes(q));
  if (named) return named;
  return c.atoms.some((a) => a.items.some((i) => SIZE_WORDS.test(i.corrected ?? i.text))) ? "volume" : undefined;
}

function quantityNamed(c: Clause): Quantity | undefined {
  const a = c.atoms.find((x) => is(x, "qty") && CELL_QUANTITIES.includes(String(as(x, "qty")!.q) as Quantity));
  if (!a) return undefined;
  use(a);
  return String(as(a, "qty")!.q) as Quantity;
}

/** The kind of partner a per-cell count is of: "postsynaptic neurons" are neurons, "23P targets" 23P cells. */
function partnerKind(p: Clause["pops"][number], c: Clause): Filter[] {
  const own = popFilters(p.pop, c.classOf);
  const neuron = partnerNeuron(p) && !own.some((f) => f.dim === "class" && !f.not);
  return [...own, ...(neuron ? [{ dim: "class", values: ["neuron"] } as Filter] : [])];
}
