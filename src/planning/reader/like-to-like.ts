import type { Query, Side } from "../plan.js";
import { is, use, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";

/**
 * Like-to-like, the MICrONS structure–function question: "connection probability vs orientation
 * difference", "like-to-like connectivity among 23P cells", "synapses per connection by Δori".
 * Connections between functionally matched neurons, one row per bin of the difference in their
 * preferred orientations (22.5° bins, the width MICrONS figures use).
 */
const BIN_WIDTH = 22.5;

/** Whether the clause asks for connectivity per orientation-difference bin. */
export const asksOrientationBins = (c: Clause): boolean => {
  if (binned(c)) return true;
  if (!c.has("liketolike")) return false;
  // ("like-to-like check: average orientation difference of connected tuned pairs": the named measure,
  // one number, of which "like-to-like" only says the topic.)
  const statOfDifference =
    (c.has("stat") && c.has("qty", "q", "ori_difference")) ||
    (c.has("fraction") &&
      (c.has("threshold", "qty", "ori_difference") ||
        c.pops.some((p) => p.pop.thresholds.some((t) => t.qty === "ori_difference"))));
  if (statOfDifference) use(c.find("liketolike"));
  return !statOfDifference;
};

/** The orientation difference said as what the rows are ("per/by/vs/as a function of Δori"), with its connector. */
function binned(c: Clause): { qty: Atom; per: Atom } | undefined {
  for (const [i, a] of c.atoms.entries()) {
    if (!is(a, "qty", "q", "ori_difference") || a.items.some((x) => x.used)) continue;
    let j = i - 1;
    while (j >= 0 && c.atoms[j]!.items.every((x) => x.fn)) j--;
    const per = c.atoms[j];
    if (per && (is(per, "per") || is(per, "vs"))) return { qty: a, per };
  }
  return undefined;
}

/** Reads the binning into the plan: connections of matched neurons on both sides, grouped by the difference. */
export function orientationBins(c: Clause, q: Query): void {
  const tag = c.find("liketolike");
  const bins = binned(c);
  if (!tag && !bins) return;
  use(tag, bins?.qty, bins?.per);
  q.source = "connections";
  // ("like-to-like connectivity": how likely a pair is connected, unless a measure was named.)
  if (q.measure.fn === "count" && !c.has("count")) q.measure = { fn: "probability" };
  // ("synapses per connection vs Δori": the synapses of each connected pair, averaged.)
  if (q.measure.fn === "sum" && q.measure.of === "synapses") q.measure = { fn: "mean", of: "synapses" };
  bothSidesMatched(q);
  // ("like-to-like per presynaptic area": the side said is the grouping's, the other side any.)
  const said = c.pops.map((p) => p.pop.side).filter((x): x is Side => x === "pre" || x === "post");
  if (said.length === 1) q.groupBy = q.groupBy.filter((g) => !g.side || g.side === said[0]);
  // ("like-to-like per area": a grouping said of both sides is one group holding both roots of a pair.)
  q.groupBy = q.groupBy
    .flatMap((g) => {
      if (g.side !== "pre" || !q.groupBy.some((o) => o.side === "post" && o.dim === g.dim)) return [g];
      return [{ dim: g.dim, ...(g.width ? { width: g.width } : {}) }];
    })
    .filter((g) => !(g.side === "post" && q.groupBy.some((o) => o.side === "pre" && o.dim === g.dim)));
  if (!q.groupBy.some((g) => g.dim === "ori_difference")) q.groupBy.push({ dim: "ori_difference", width: binWidth(c) });
  permutationTest(c, q);
}

const BINS = /^(bins?|binned|steps?)$/i;

/** "in 15° bins", "15 degree bins", "bins of 30 deg": the width said, within 1–90°; else 22.5°. */
function binWidth(c: Clause): number {
  const a = c.atoms;
  for (let i = 0; i < a.length; i++) {
    if (!is(a[i], "num")) continue;
    const unit = is(a[i + 1], "unit", "u", "deg") ? a[i + 1] : undefined;
    const after = a[unit ? i + 2 : i + 1];
    const before = a[i - 1] && /^of$/i.test(a[i - 1]!.items[0]!.text) ? a[i - 2] : undefined;
    const word =
      after && BINS.test(after.items[0]!.text)
        ? after
        : before && BINS.test(before.items[0]!.text)
          ? before
          : undefined;
    if (!word || (!unit && !after)) continue;
    const width = Number((a[i]!.tag as { value?: unknown }).value);
    if (!(width >= 1 && width <= 90)) continue;
    use(a[i], unit, word, before ? a[i - 1] : undefined);
    return width;
  }
  return BIN_WIDTH;
}

/** "… with a permutation test", "is it significant? (5000 permutations)": a test of the binning. */
function permutationTest(c: Clause, q: Query): void {
  const test = c.find("test");
  if (!test) return;
  use(test);
  let permutations = 1000;
  const a = c.atoms;
  for (let i = 0; i < a.length; i++) {
    if (!is(a[i], "permutations")) continue;
    const n = a[i - 1] && is(a[i - 1], "num") ? Number((a[i - 1]!.tag as { value?: unknown }).value) : undefined;
    if (n === undefined || !Number.isInteger(n) || n < 100 || n > 100_000) continue;
    permutations = n;
    use(a[i - 1], a[i]);
  }
  q.test = { kind: "permutation", permutations };
}

/** Only neurons with a measured preference have an orientation difference: both sides are matched neurons. */
export function bothSidesMatched(q: Query): void {
  for (const side of ["pre", "post"] as Side[]) {
    if (!q[side].some((f) => f.dim === "tuned")) q[side].push({ dim: "tuned", is: true });
  }
}
