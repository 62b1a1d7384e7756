import type { QueryPlan } from "../plan.js";
import type { Item } from "./items.js";
import { FLOW_NOUN_NAMES } from "./shape.js";

/** The quantities a unit is said of: "µm" of a depth or a layer, "deg" of an angle. */
export const UNIT_OF: Record<string, string[]> = {
  um: ["depth", "layer"],
  um3: ["volume"],
  vox: ["size", "total_size"],
  deg: ["pref_ori", "pref_dir", "ori_difference"],
};

/**
 * Words that say again what the plan already takes from other words are read, not left over:
 * "how many synapses does a typical (mean) BC receive", "mean soma depth of VIP cells in µm",
 * "how big is the biggest synapse", "histogram of gOSI (gOSI)". Only an exact repeat of a meaning
 * the plan uses (a tag of a used word, a unit of a quantity measured or filtered) counts.
 */
export function absorbRestatements(items: Item[], plan: QueryPlan): void {
  const used = new Set(items.filter((i) => i.used).flatMap((i) => i.tags.map((t) => JSON.stringify(t))));
  const dims = new Set<string>();
  const floors = new Set<string>();
  let ceilings = false;
  let measure = "";
  if (plan.kind === "query") {
    for (const f of [...plan.filter, ...plan.pre, ...plan.post]) {
      dims.add(f.dim);
      if (f.min !== undefined && !f.not) floors.add(f.dim);
      if (f.max !== undefined) ceilings = true;
    }
    for (const g of plan.groupBy) dims.add(g.dim);
    if ("of" in plan.measure) dims.add(plan.measure.of);
    // ("soma depth of each BC": a quantity listed beside each cell is read.)
    if (plan.measure.fn === "list") for (const x of plan.measure.with ?? []) dims.add(x);
    measure = plan.measure.fn;
  }
  const lookup = plan.kind === "lookup" ? plan.fields : [];
  for (const [n, item] of items.entries()) {
    if (item.used || !item.tags.length) continue;
    // ("how many synapses does 8646… send out (as presynaptic)": the side the plan already puts it on.)
    const side = /^(pre|post)synaptic$/i.exec(item.text)?.[1]?.toLowerCase() as "pre" | "post" | undefined;
    if (side && /^as$/i.test(items[n - 1]?.text ?? "") && plan.kind === "query" && plan[side].length) {
      item.used = items[n - 1]!.used = true;
      continue;
    }
    // ("cells in L2/3 per µm", "synapses / µm": a unit after "per" asks for a density, never restates one.)
    if (item.tags.some((t) => t.t === "unit") && /^(per|\/)$/i.test(items[n - 1]?.text ?? "")) continue;
    if (nestedStatistic(items, n)) continue;
    const same = item.tags.some((t) => used.has(JSON.stringify(t)));
    const fits = item.tags.some((t) => {
      if (t.t === "unit" || t.t === "units")
        return (
          (UNIT_OF[String(t.u)] ?? []).some((d) => dims.has(d)) ||
          (t.u === "deg" && lookup.includes("tuning")) ||
          (t.u === "um" && lookup.includes("depth")) ||
          // ("p(connection) … in percent": a share or a probability is given as a percent too.)
          (t.u === "pct" && (measure === "fraction" || measure === "probability"))
        );
      if (t.t === "qty")
        return (
          dims.has(String(t.q)) ||
          (t.q === "big" && (dims.has("size") || dims.has("volume"))) ||
          // (Not a depth things are sorted by: "the 3 most numerous types in L4 sorted by depth".)
          (t.q === "depth" && dims.has("layer") && !items[n - 1]?.tags.some((x) => x.t === "order"))
        );
      // ("strongly orientation-tuned (gOSI > 0.4)": said with the bound that defines it, never alone.)
      if (t.t === "selective") return floors.has(String(t.q));
      if (t.t === "count") return measure === "count" || measure === "distinct";
      // ("how many synapses in total", "total count": a total of a count is the count.)
      if (t.t === "stat")
        return measure === t.fn || (t.fn === "sum" && (measure === "count" || measure === "distinct"));
      if (t.t === "chart")
        return plan.kind === "query" && (t.kind === "plot" ? Boolean(plan.chart) : plan.chart === t.kind);
      if (t.t === "distribution") return measure === "histogram" || measure === "quartiles";
      // ("conn prob", "connection probability", "connections with 3+ synapses": said of connections.)
      // ("average synapse size for 23P→23P connections": the synapses of those connections, one by one.)
      if (t.t === "noun" && t.n === "connection")
        return (
          plan.kind === "query" &&
          (plan.source === "connections" ||
            measure === "probability" ||
            (plan.source === "synapses" && dims.has("size") && plan.pre.length > 0 && plan.post.length > 0))
        );
      // ("… per synapse", "… per connection": a "per" before what flows divides by it, it restates no grouping.)
      if (t.t === "per" && items[n + 1]?.tags.some((x) => x.t === "noun" && FLOW_NOUN_NAMES.has(String(x.n))))
        return false;
      // ("More than 80 inputs: how many 23P cells pass that cutoff?": the bound the plan holds, pointed at again.)
      if (t.t === "cutoffref") return floors.size > 0 || ceilings;
      // ("the recurrent L2/3 pyr → L2/3 pyr synapses": one population on both sides, said again; never alone.)
      if (t.t === "recurrent")
        return (
          plan.kind === "query" &&
          plan.pre.length > 0 &&
          JSON.stringify(plan.pre) === JSON.stringify(plan.post) &&
          !plan.compare
        );
      if (t.t === "matrix" || t.t === "per") return plan.kind === "query" && plan.groupBy.length > 0;
      return false;
    });
    if (same || fits) item.used = true;
  }
}

/**
 * "the mean of each BC's mean synapse size", "median of the per-cell mean": a statistic after another
 * with "each" or "per" between them is a statistic of per-cell statistics, not the same one said twice
 * (a pooled mean is not a mean of means). It is left unread, so the question is asked back naming it.
 */
export function nestedStatistic(items: Item[], n: number): boolean {
  const isStat = (x: Item) => x.tags.some((t) => t.t === "stat" || t.t === "pctl");
  if (!items[n] || !isStat(items[n])) return false;
  const first = items.slice(0, n).findIndex(isStat);
  // (Only "mean of …": "median # output syn per BC, median not mean" says the median again.)
  const of = items.slice(first + 1, n).findIndex((x) => !x.fn);
  return (
    first >= 0 &&
    /^of$/i.test(items[first + 1 + of]?.text ?? "") &&
    items.slice(first + 1, n).some((x) => x.tags.some((t) => t.t === "per" || t.t === "per_cell"))
  );
}

/**
 * "onto L5 ET (thick-tufted) neurons", "the somatostatin (MC) cells": a name said again in
 * parentheses right after it is dropped before the phrases are read, so that the name and its noun
 * stay one phrase (the noun after the parentheses had been left with no side).
 */
export function restatedInParentheses(items: Item[]): Item[] {
  const open = items.findIndex((x) => x.text === "(");
  const close = items.findIndex((x, j) => j > open && x.text === ")");
  if (open < 1 || close < 0) return items;
  const valOf = (x: Item | undefined) => x?.tags.find((t) => t.t === "val");
  const said = valOf(items[open - 1]);
  const inside = items.slice(open + 1, close).filter((x) => !x.fn);
  const same = inside.length > 0 && inside.every((x) => JSON.stringify(valOf(x)) === JSON.stringify(said));
  if (!said || !same) return items;
  for (const x of inside) x.used = true;
  return [...items.slice(0, open), ...items.slice(close + 1)];
}
