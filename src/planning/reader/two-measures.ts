import type { Quantity, Query } from "../plan.js";
import { as, is, use, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import { cellThreshold } from "./filters.js";

/**
 * Two quantities of the same cells, one against the other: "gOSI vs depth", "gOSI vs gDSI of 23P
 * cells", "plot soma depth against preferred orientation". A list of the cells with both values,
 * drawn as a scatter (the first named up the vertical axis, the second along the horizontal).
 */
const CELL_QUANTITIES = new Set(["volume", "depth", "pref_ori", "pref_dir", "osi", "dsi", "cc"]);

export function twoMeasures(c: Clause): Query | undefined {
  const pair = quantityPair(c);
  if (!pair) return undefined;
  // Only cells, with no sides: a flow ("BC outputs …") or a grouping is another question.
  if (c.pops.some((p) => p.role || p.pop.each || p.pop.wh || p.pop.topk || p.pop.sup || p.pop.alts)) return undefined;
  const charts = c.findAll("chart");
  if (charts.some((a) => !["scatter", "plot"].includes(String(as(a, "chart")!.kind)))) return undefined;
  if (c.has("stat") || c.has("count") || c.has("fraction") || c.has("per")) return undefined;
  const q: Query = {
    kind: "query",
    source: "cells",
    filter: [],
    pre: [],
    post: [],
    measure: { fn: "list" },
    groupBy: [],
  };
  q.filter.push(...c.filters(c.pops));
  for (const p of c.pops) for (const t of p.pop.thresholds) q.filter.push(cellThreshold(t));
  q.measure = { fn: "list", with: [pair.y, pair.x] };
  q.chart = "scatter";
  use(pair.a, pair.vs, pair.b, ...charts);
  return q;
}

/** "A vs B", "A against B", "A versus B": two cell quantities either side of the word. */
function quantityPair(c: Clause): { y: Quantity; x: Quantity; a: Atom; vs: Atom; b: Atom } | undefined {
  const cellQty = (a: Atom | undefined) => is(a, "qty") && CELL_QUANTITIES.has(String(as(a, "qty")!.q));
  for (const [i, vs] of c.atoms.entries()) {
    if (!is(vs, "vs")) continue;
    const a = c.atoms[i - 1];
    const b = c.after(vs);
    if (!a || !b || !cellQty(a) || !cellQty(b)) continue;
    const y = String(as(a, "qty")!.q) as Quantity;
    const x = String(as(b, "qty")!.q) as Quantity;
    if (x === y) return undefined;
    return { y, x, a, vs, b };
  }
  return undefined;
}
