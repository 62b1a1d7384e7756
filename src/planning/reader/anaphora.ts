import type { Filter, QueryPlan } from "../plan.js";
import type { Item } from "./items.js";
import { KIND_HEADS, kindDim } from "./shape.js";

/**
 * "their", "them", "of them", "these cells": words that point at cells named elsewhere. When the
 * question itself names them before the word ("BCs and their targets", "8646…: what is its type?"),
 * the word is read with them. Otherwise it points at the last question's cells, and is read only
 * when the last plan gives a population of the same kind (cells for cells, synapses for synapses);
 * else it is left unread, and the question is asked back naming it.
 */
export function anaphors(items: Item[]): Item[] {
  return items.filter((i) => i.tags.some((t) => t.t === "anaphor"));
}

const NAMES = new Set(["val", "id", "ambiguous"]);
// (Cells only: in "how many synapses does it make", "it" is not the synapses.)
const POP_NOUNS = new Set(["cell", "neuron", "nucleus", "root", "fragment", "partner", "target", "source"]);

/** Whether each pointing word follows cells the question names itself. */
export function resolvedWithin(items: Item[], plan?: QueryPlan): boolean {
  // ("rank the visual areas by their number of L5 ET cells": the kind the plan's rows are.)
  const grouped = new Set(plan?.kind === "query" ? plan.groupBy.map((g) => g.dim) : []);
  const rows = (i: Item) =>
    i.tags.some((t) => t.t === "noun" && KIND_HEADS.has(String(t.n)) && grouped.has(kindDim(String(t.n))!));
  return anaphors(items).every((a) => {
    // ("how many synapses from MCs onto them": a side pointed at that the plan leaves open was never read.)
    if (sideLeftOpen(items, a, plan)) return false;
    if (items.some((i) => i.i < a.i && rows(i))) return true;
    // ("BCs in L5: how many cells in that layer": a value of the kind pointed at, said before.)
    const kinds = pointedKinds([a]);
    if (kinds.length)
      return items.some(
        (i) => i.i < a.i && i.tags.some((t) => t.t === "val" && kinds.includes(t.dim as Filter["dim"])),
      );
    return items.some(
      (i) =>
        i.i < a.i &&
        !i.tags.some((t) => t.t === "anaphor") &&
        i.tags.some((t) => NAMES.has(t.t) || (t.t === "noun" && POP_NOUNS.has(String(t.n))) || t.t === "flag"),
    );
  });
}

/** The pointing word follows "onto"/"from", and that side of the plan's synapses holds nothing. */
function sideLeftOpen(items: Item[], a: Item, plan?: QueryPlan): boolean {
  if (plan?.kind !== "query" || (plan.source !== "synapses" && plan.source !== "connections")) return false;
  if (!/^(them|it)$/i.test(a.text) || plan.measure.fn === "ratio" || plan.measure.fn === "fraction") return false;
  const before = items.filter((i) => i.i < a.i && !/^(all|of|the|each|every)$/i.test(i.text)).at(-1)?.text ?? "";
  const side = /^(onto|into|to)$/i.test(before) ? "post" : /^from$/i.test(before) ? "pre" : undefined;
  if (!side) return false;
  const named = [...plan[side], ...(plan.compare ?? []).flatMap((c) => c[side] ?? [])];
  // ("with how many cells 8646… makes 3 or more synapses onto them": the cells counted are that side.)
  const counted = plan.measure.fn === "distinct" && plan.measure.side === side;
  return !named.length && !counted && !plan.groupBy.some((g) => g.side === side);
}

/**
 * The plan with the last plan's population carried in, for dimensions the plan does not already
 * restrict; undefined when the two are not about the same kind of rows.
 */
export function carryPopulation(plan: QueryPlan, last: QueryPlan, pointing: Item[] = []): QueryPlan | undefined {
  if (plan.kind !== "query" || last.kind !== "query") return undefined;
  const kinds = pointedKinds(pointing);
  if (kinds.length) return carryKinds(plan, last, kinds);
  const cellsLike = (s: string) => s === "cells" || s === "nuclei" || s === "roots";
  const flowLike = (s: string) => s === "synapses" || s === "connections";
  const add = (to: Filter[], from: Filter[]) => [...to, ...from.filter((f) => !to.some((g) => g.dim === f.dim))];
  const out = structuredClone(plan);
  if (cellsLike(plan.source) && cellsLike(last.source)) {
    if (!last.filter.length && !last.compare && !last.groupBy.length) return undefined;
    out.filter = add(out.filter, last.filter);
  } else if (flowLike(plan.source) && flowLike(last.source)) {
    if (!last.filter.length && !last.pre.length && !last.post.length) return undefined;
    out.filter = add(out.filter, last.filter);
    out.pre = add(out.pre, last.pre);
    out.post = add(out.post, last.post);
  } else return undefined;
  // "how many BCs and MCs?" then "their mean volume?": for each of them again.
  if (last.compare && !out.compare && !out.groupBy.length) out.compare = structuredClone(last.compare);
  else if (last.groupBy.length && !out.groupBy.length && !out.compare && out.measure.fn !== "list") {
    out.groupBy = last.groupBy.filter((g) => g.dim !== "root_id");
  }
  return out;
}

type QueryOf = Extract<QueryPlan, { kind: "query" }>;

const KIND_WORDS: [RegExp, Filter["dim"]][] = [
  [/\blayers?\b/, "layer"],
  [/\b(visual )?areas?\b|\bregions?\b/, "area"],
  [/\bm-?types?\b/, "mtype"],
  [/\b(cell )?types?\b/, "cell_type"],
];

/** "that layer", "those areas": the kinds of group the pointing words name. */
function pointedKinds(pointing: Item[]): Filter["dim"][] {
  const text = pointing.map((i) => i.text.toLowerCase()).join(" ");
  for (const [re, dim] of KIND_WORDS) if (re.test(text)) return [dim];
  return [];
}

/**
 * "how many BCs in L5?" then "how many cells in that layer?": only the layer is carried, not the
 * BCs; undefined (asked back) when the last question named no such value.
 */
function carryKinds(plan: QueryOf, last: QueryOf, kinds: Filter["dim"][]): QueryPlan | undefined {
  const said = [...last.filter, ...last.pre, ...last.post].filter((f) => kinds.includes(f.dim));
  if (!said.length || plan.filter.some((f) => kinds.includes(f.dim))) return undefined;
  const out = structuredClone(plan);
  out.filter = [...out.filter, ...structuredClone(said)];
  return out;
}
