import { namesCondition, type Filter, type QueryPlan } from "../plan.js";
import { Unreadable } from "./filters.js";

const PART_IS_WHOLE = 'A share of what? The part named is all of the whole; say which part, e.g. "% of … from BC".';

/**
 * A condition said both of a share's whole and of its part: a place the share is grouped by is the
 * whole's ("What fraction of the matched cells have gOSI > 0.3 in V1, and in AL?"; cut on the place too,
 * the share was asked back), anything else is the part's ("fraction of neurons in V1 and LM that are
 * coregistered", whose whole had taken "coregistered" too: 100% in each area, a wrong number).
 */
export function partWithoutWhole(plan: QueryPlan): void {
  if (plan.kind !== "query" || plan.measure.fn !== "fraction") return;
  const part = plan.measure.part;
  const key = (f: Filter) => JSON.stringify(f);
  // ("share of the synapses onto 4P …, top three types by percent of 4P input": a side's condition said again of
  // the part is the whole's; a part of only that is every row of the whole, which had been read as 100% each.)
  // (Not a condition on the side grouped: "% of MC and BC outputs …, per type" whose part is MC or BC again is no
  // share of where each goes; asked back.)
  for (const side of ["pre", "post"] as const) {
    const ofWhole = new Set(plan[side].map(key));
    const left = (part[side] ?? []).filter((f) => !ofWhole.has(key(f)));
    if (left.length === (part[side]?.length ?? 0)) continue;
    if (plan.groupBy.some((g) => g.side === side)) throw new Unreadable(PART_IS_WHOLE);
    if (left.length) part[side] = left;
    else delete part[side];
  }
  if (!namesCondition(part) && !plan.groupBy.length && !plan.compare) throw new Unreadable(PART_IS_WHOLE);
  // ("the share of the neurons in each one, as a percentage of all neurons": a kind said twice, once of the
  // part and once of the whole, is the whole's; it had been a share of the cells that are neurons.)
  // (Only a kind: a flag or a bound said twice is said again of the part, "multi-synaptic, i.e. 2 or more".)
  const kind = (f: Filter) => f.dim === "class" || f.dim === "cell_type";
  const twice = (part.filter ?? []).filter((f, i, all) => kind(f) && all.findIndex((g) => key(g) === key(f)) !== i);
  for (const f of twice) {
    if (!plan.filter.some((g) => key(g) === key(f))) plan.filter.push(f);
    part.filter = part.filter!.filter((g) => key(g) !== key(f));
  }
  // ("% of excitatory and inhibitory neurons that are interneurons": the values listed are the whole, pooled; a
  // group per value of the part's own kind would only be 0% or 100%.)
  // (Only a part that is some of the values listed: all of them again would be each one's share of the whole.)
  const listed = (dim: string) => plan.filter.find((f) => f.dim === dim && !f.not && (f.values?.length ?? 0) > 1);
  const someOf = (dim: string) => {
    const whole = listed(dim)?.values ?? [];
    const said = part.filter?.find((f) => f.dim === dim && !f.not)?.values ?? [];
    return said.length > 0 && said.length < whole.length && said.every((v) => whole.includes(v));
  };
  plan.groupBy = plan.groupBy.filter((g) => !someOf(g.dim));
  const inWhole = new Set(plan.filter.map(key));
  const both = (part.filter ?? []).filter((f) => inWhole.has(key(f)));
  const grouped = new Set<string>(plan.groupBy.map((g) => g.dim));
  const whole = new Set(both.filter((f) => grouped.has(f.dim)).map(key));
  const own = new Set(both.filter((f) => !grouped.has(f.dim)).map(key));
  const rest = (part.filter ?? []).filter((f) => !whole.has(key(f)));
  if (rest.length) part.filter = rest;
  plan.filter = plan.filter.filter((f) => !own.has(key(f)));
  // ("% of BC outputs onto each cell type": a part that names nothing but the grouping is each group's
  // share of all the rows, where they go; within each group it would be 100%.)
  if (!namesCondition(part) && plan.groupBy.length && !plan.compare)
    plan.measure = { fn: "fraction", part: {}, across: true };
}
