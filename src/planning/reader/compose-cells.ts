import type { Filter, Group, Measure, Query, Quantity } from "../plan.js";
import { as, is, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { comparisonOf } from "./compare.js";
import { DIMS_OF_ROOTS } from "./dims.js";
import { cellThreshold, popFilters, Unreadable } from "./filters.js";
import { statMeasure } from "./measure.js";
import type { Threshold } from "./numbers.js";
import type { Pop } from "./phrases.js";
import { chartOf, groupDim, orderOf } from "./shape.js";

const CELL_QUANTITIES: Quantity[] = ["volume", "depth", "pref_ori", "pref_dir", "osi", "dsi"];

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
  for (const p of c.pops) {
    if (skip.has(p.i)) continue;
    c.usePop(p);
    filter.push(...popFilters(p.pop, c.classOf));
    for (const t of p.pop.thresholds) filter.push(cellThreshold(t));
    const dim = groupDim(p.pop);
    // "outputs per BC cell": per individual cell, which the per-neuron measure already is.
    if (perRoot && p.pop.each && dim === "root_id") continue;
    if ((p.pop.wh || p.pop.each) && dim && dim !== "root_id") {
      groupBy.push({ dim });
      grouped = p.pop;
    } else if ((p.pop.sup || p.pop.topk || p.pop.wh) && dim === "root_id") {
      groupBy.push({ dim: "root_id" });
      grouped = p.pop;
    }
  }
  // "cells that receive more than 100 inputs", "neurons with a volume over 500".
  for (const a of c.findAll("threshold")) {
    if (a.items.some((i) => i.used)) continue;
    const t = as(a, "threshold") as Threshold;
    const verb = c.atoms[c.index(a) - 1];
    const noun = t.noun === "synapse" && is(verb, "verb", "v", "in") ? "input" : t.noun === "synapse" && is(verb, "verb", "v", "out") ? "output" : t.noun;
    use(a, is(verb, "verb") ? verb : undefined);
    filter.push(cellThreshold({ ...t, ...(noun ? { noun } : {}) }));
  }
  const source = sourceOf(c, filter, perRoot);
  const q: Query = { kind: "query", source, filter, pre: [], post: [], measure: { fn: "count" }, groupBy };
  if (parts) q.compare = parts;
  q.measure = measureOf(c, q, perRoot, grouped);
  if (q.measure.fn === "list" && groupBy.some((g) => g.dim === "root_id")) q.groupBy = groupBy.filter((g) => g.dim !== "root_id");
  Object.assign(q, orderOf(c, grouped));
  if (q.measure.fn === "list") {
    delete q.order;
    if (c.has("qty", "q", "position") || c.has("wh", "w", "where")) use(c.find("qty", "q", "position"), c.find("wh", "w", "where"));
  }
  const chart = chartOf(c, q);
  if (chart) q.chart = chart;
  if (q.measure.fn === "list" && (c.has("qty", "q", "position") || c.find("wh", "w", "where"))) q.chart = "scatter";
  return q;
}

function sourceOf(c: Clause, filter: Filter[], perRoot?: Quantity): Query["source"] {
  if (perRoot) return "roots";
  const heads = c.pops.map((p) => p.pop.head);
  if (heads.includes("root") || heads.includes("fragment") || filter.some((f) => DIMS_OF_ROOTS.has(f.dim))) return "roots";
  const typed = filter.some((f) => ["cell_type", "class", "mtype"].includes(f.dim));
  if (heads.includes("nucleus") && !typed) return "nuclei";
  return "cells";
}

function measureOf(c: Clause, q: Query, perRoot: Quantity | undefined, grouped: Pop | undefined): Measure {
  if (c.find("fraction")) return fraction(c, q);
  const allowed = q.source === "roots" ? [] : q.source === "nuclei" ? ["volume", "depth"] as Quantity[] : CELL_QUANTITIES;
  const stat = statMeasure(c, allowed);
  if (stat) return stat.measure;
  if (perRoot) {
    const fn = c.take<{ fn: string }>("stat")?.fn ?? (c.take("per_cell") ? "mean" : undefined);
    use(c.find("per_cell"), c.find("count"));
    for (const n of ["synapse", "input", "output", "partner", "target", "source"]) use(c.find("noun", "n", n));
    for (const v of c.findAll("verb")) use(v);
    if (!fn) return { fn: "mean", of: perRoot };
    if (fn === "quartiles") return { fn: "quartiles", of: perRoot };
    return { fn: fn as "mean", of: perRoot };
  }
  // "the biggest BC", "which BC has the largest nucleus", "the deepest MC": one row per cell, ranked.
  const sup = grouped?.sup ?? grouped?.topk ?? (q.groupBy.some((g) => g.dim === "root_id") ? c.take<{ dir: string; q?: string }>("sup") : undefined);
  if (sup && q.groupBy.some((g) => g.dim === "root_id")) {
    const of = (sup.q as Quantity | undefined) ?? quantityNamed(c) ?? "volume";
    if (!CELL_QUANTITIES.includes(of)) throw new Unreadable("Ranked by what: nucleus volume, soma depth, or a tuning measure?");
    return { fn: sup.dir === "asc" ? "min" : "max", of };
  }
  // "which cell type has the largest nuclei": per type, the mean.
  const typeSup = c.atoms.find((a) => is(a, "sup") && as(a, "sup")!.q === undefined && (c.has("qty") || c.pops.some((p) => p.pop.head === "nucleus")));
  if (typeSup && q.groupBy.length && c.pops.some((p) => p.pop.head === "nucleus" || p.pop.head === "cell") && /larg|big|small/.test(typeSup.items[0]!.text.toLowerCase())) {
    use(typeSup);
    return { fn: "mean", of: "volume" };
  }
  if (c.take("list") || (c.find("wh") && !c.find("count") && q.groupBy.length === 0 && !c.has("sup") && c.pops.some((p) => p.pop.wh))) {
    return { fn: "list" };
  }
  if (c.has("qty", "q", "position") || c.has("wh", "w", "where")) return { fn: "list" };
  use(c.find("count"));
  return { fn: "count" };
}

function quantityNamed(c: Clause): Quantity | undefined {
  const a = c.atoms.find((x) => is(x, "qty") && CELL_QUANTITIES.includes(String(as(x, "qty")!.q) as Quantity));
  if (!a) return undefined;
  use(a);
  return String(as(a, "qty")!.q) as Quantity;
}

/** "What fraction of neurons are inhibitory?": the whole before the verb, the part after it. */
function fraction(c: Clause, q: Query): Measure {
  const f = c.take("fraction")!;
  const at = c.index(f.atom);
  const verb = c.atoms.findIndex((a, i) => i > at && (is(a, "verb", "v", "be") || is(a, "glue", "g", "are") || is(a, "verb", "v", "have")));
  let partPops = verb >= 0 ? c.pops.filter((p) => p.i > verb) : [];
  if (!partPops.length) {
    // "fraction of 23P cells in LM": the last condition is the part.
    const last = q.filter[q.filter.length - 1];
    if (!last || q.filter.length < 2) {
      throw new Unreadable("A fraction of which cells, and which part of them? For example \"what fraction of neurons are inhibitory?\"");
    }
    q.filter = q.filter.slice(0, -1);
    return { fn: "fraction", part: { filter: [last] } };
  }
  use(c.atoms[verb]);
  const part = partPops.flatMap((p) => popFilters(p.pop, c.classOf));
  q.filter = q.filter.filter((x) => !part.includes(x));
  partPops = [];
  return { fn: "fraction", part: { filter: part } };
}
