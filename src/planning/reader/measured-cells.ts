import type { Filter, Query } from "../plan.js";
import { as, is, lower, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import { popFilters, thresholdQuantity } from "./filters.js";
import type { Threshold } from "./numbers.js";
import { oneRootPop } from "./flow-partners.js";
import { CELL_DIMS } from "./bare-cells.js";

/** What the rest of such a question may hold: the cells' relation (verbs, flow nouns) and function words. */
const ALLOWED = new Set(["pop", "rel", "verb", "fn", "glue", "noun", "stat", "qty"]);

/**
 * "mean gOSI of 23P cells that receive synapses from BCs", "median depth of MCs that target 5P-ET cells": a
 * statistic of a cell quantity, over cells a relative clause picks by a flow. They are the cells with at least
 * one synapse from (or onto) the others, measured one by one. It had been asked back, the statistic unread.
 */
export function measuredCellsOfFlow(c: Clause): Query | undefined {
  // ("what is the average depth of …": the opening "what is" asks, as "how many" would.)
  const opening = (a: Atom, i: number) => i === 0 && is(a, "lookup") && /^what('s| is)$/i.test(lower(a));
  if (c.pops.length !== 2 || !c.atoms.every((a, i) => ALLOWED.has(a.tag.t) || opening(a, i))) return undefined;
  const [cells, other] = [...c.pops].sort((a, b) => a.i - b.i) as [Clause["pops"][number], Clause["pops"][number]];
  const stats = c.findAll("stat");
  const qtys = c.atoms.filter((a) => is(a, "qty"));
  if (stats.length !== 1 || qtys.length !== 1 || c.index(stats[0]!) > cells.i || c.index(qtys[0]!) > cells.i)
    return undefined;
  const of = thresholdQuantity({ qty: String(as(qtys[0], "qty")!.q) } as Threshold);
  if (!of || of === "size") return undefined;
  const sides = [cells.role, other.role];
  if (!sides.every((r) => r === "pre" || r === "post") || cells.role === other.role) return undefined;
  // (Said in a clause after the cells, "23P cells that receive …", with the others after its verb.)
  const verb = c.atoms.findIndex((a, i) => i > cells.i && (is(a, "verb") || /^(that|which|who)\b/i.test(lower(a))));
  if (verb < 0 || other.i < verb || [cells, other].some(oneRootPop)) return undefined;
  const plain = (fs: Filter[]) => fs.length > 0 && fs.every((f) => CELL_DIMS.has(f.dim) && !f.not);
  const [own, partners] = [popFilters(cells.pop, c.classOf), popFilters(other.pop, c.classOf)];
  if (!plain(own) || !plain(partners) || cells.pop.thresholds.length || other.pop.thresholds.length) return undefined;
  for (const p of [cells, other]) c.usePop(p);
  c.atoms.forEach((a: Atom) => a.items.forEach((i) => (i.used = true)));
  const count = cells.role === "post" ? "in_synapses" : "out_synapses";
  return {
    kind: "query",
    source: "cells",
    filter: [...own, { dim: count, min: 1, partners }],
    pre: [],
    post: [],
    measure: { fn: String(as(stats[0], "stat")!.fn) as "mean", of },
    groupBy: [],
  };
}
