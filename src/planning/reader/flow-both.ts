import type { Filter, Group, Query, Side } from "../plan.js";
import { as, is, lower, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { labelOf, togetherWord } from "./compare.js";
import { cellThreshold, popFilters, rangeFilter, Unreadable } from "./filters.js";
import { chartOf, groupDim, groups, orderOf } from "./shape.js";
import { orientationDifference, readMeasure } from "./flow-measure.js";
import { isGroupPop, matrix, pairRanking } from "./flow-partners.js";

/* Populations on both sides of the synapses: "within V1", "between BC and 23P", "both in AL". */

/**
 * "synapses within V1 (both cells in V1)", "BC→23P where both sit in V1", "4P→23P within V1": a
 * population said of both sides at once (with "both", or "within" beside populations of each side).
 */
export function bothSides(c: Clause): void {
  const both = c.find("bothsides");
  const within = c.pops.filter((p) => p.role === "both" && saidWithin(c, p));
  const sided = c.pops.filter((p) => p.role === "pre" || p.role === "post");
  const targets = [
    ...within,
    ...(both ? c.pops.filter((p) => !p.role || (p.role === "both" && !within.includes(p))) : []),
  ];
  // ("Both cells in V1, pre and post L2/3 pyramidal": two populations each said of both sides are one on each side;
  // they had been read as the synapses between V1 and 23P, both ways.)
  // ("within V1 and within RL" are two places, compared: left to the rest of the reader.)
  const dims = new Set(within.flatMap((p) => p.pop.filters.map((f) => f.dim)));
  const joint = within.length >= 2 && dims.size === within.length;
  if (!targets.length || (!sided.length && !both && !joint)) return;
  if (both) use(both);
  for (const p of targets) {
    const filters = popFilters(p.pop, c.classOf);
    if (!filters.length) continue;
    c.usePop(p);
    p.role = undefined;
    p.pop.bothSides = filters;
  }
}

/** A population said with "within" (or "inside", "among", "intra"): on both sides at once. */
const saidWithin = (c: Clause, p: Clause["pops"][number]) =>
  c.atoms.slice(Math.max(0, p.i - 2), p.i).some((a) => /^(within|inside|among|amongst|intra)/i.test(a.items[0]!.text));

/**
 * "synapses within RL", "heatmap of synapses between excitatory cell types", "connectivity between
 * areas": one population on both sides, and when it names a kind of group (types, areas), one row
 * per pair of groups.
 */
export function within(c: Clause, p: Clause["pops"][number]): Query {
  c.usePop(p);
  use(c.find("rel", "r", "between"));
  const filters = popFilters(p.pop, c.classOf);
  const q: Query = {
    kind: "query",
    source: "synapses",
    filter: [],
    pre: [...filters],
    post: [...filters],
    measure: { fn: "count" },
    groupBy: [],
  };
  for (const t of p.pop.thresholds) {
    if (t.qty === "ori_difference") orientationDifference(q, t);
    else if (t.noun === "synapse" || t.noun === "connection") {
      q.source = "connections";
      q.filter.push(rangeFilter("synapses", t));
    } else {
      q.pre.push(cellThreshold(t));
      q.post.push(cellThreshold(t));
    }
  }
  const wasConnections = q.source === "connections";
  readMeasure(c, q);
  if (wasConnections && q.source === "synapses") q.source = "connections";
  const dim = isGroupPop(p) ? groupDim(p.pop) : p.pop.alts ? (p.pop.filters[0]!.dim as Group["dim"]) : undefined;
  if (dim)
    q.groupBy = [
      { dim, side: "pre" },
      { dim, side: "post" },
    ];
  else if (c.has("chart", "kind", "heatmap")) matrix(c, q);
  pairRanking(c, q);
  const chart = chartOf(c, q);
  if (chart) q.chart = chart;
  if (!q.order) Object.assign(q, orderOf(c, undefined));
  return q;
}

/** "synapses between BC and 23P", "do A and B connect?", "partners of X": both directions, one row each. */
export function bothWays(c: Clause, both: Clause["pops"]): Query {
  const q: Query = {
    kind: "query",
    source: "synapses",
    filter: [],
    pre: [],
    post: [],
    measure: { fn: "count" },
    groupBy: [],
  };
  let a: Filter[];
  let b: Filter[] | undefined;
  if (both.length >= 2) {
    a = c.filters([both[0]!]);
    b = c.filters([both[1]!]);
  } else {
    const p = both[0]!;
    c.usePop(p);
    if (p.pop.alts?.length === 2) {
      const rest = popFilters(p.pop, c.classOf).filter(
        (f) => !p.pop.alts!.some((x) => x.filters.some((g) => g.dim === f.dim)),
      );
      a = [...rest, ...p.pop.alts[0]!.filters];
      b = [...rest, ...p.pop.alts[1]!.filters];
    } else a = popFilters(p.pop, c.classOf);
  }
  for (const p of c.pops) {
    if (!both.includes(p) && !p.pop.partnerNoun)
      throw new Unreadable("I could not tell which side of the synapses each population is on; use from/onto.");
  }
  if (c.pops.some((p) => p.pop.partnerNoun) && !c.has("count") && !c.has("stat")) {
    throw new Unreadable(
      'Its inputs or its outputs? For example "top 5 inputs to 8646…" or "top 5 targets of 8646…".',
      ["inputs", "outputs"],
    );
  }
  // ("partners with >= 3 synapses": a condition on each connection; any other condition on the
  // partners has no side to go to here, so it is asked about rather than dropped.)
  for (const p of c.pops.filter((x) => x.pop.partnerNoun || both.includes(x))) {
    for (const t of p.pop.thresholds) {
      if (t.noun !== "synapse" && t.noun !== "connection") {
        if (!p.pop.partnerNoun) continue;
        throw new Unreadable(
          'Which partners: its inputs or its outputs? For example "inputs to 8646… with more than 100 synapses".',
        );
      }
      q.source = "connections";
      q.filter.push(rangeFilter("synapses", t));
    }
    if (p.pop.partnerNoun && p.pop.filters.length) {
      throw new Unreadable('Its inputs or its outputs? For example "23P inputs to 8646…" or "23P targets of 8646…".');
    }
  }
  readMeasure(c, q);
  // "how many partners does X have": distinct partners, on whichever side each part leaves open.
  if (c.pops.some((p) => p.pop.partnerNoun) && q.measure.fn === "count") q.measure = { fn: "distinct" };
  // ("synapses within V1 and within RL": each place on both sides, compared; it had been V1→RL vs RL→V1.)
  if (b && both.length >= 2 && both.every((p) => saidWithin(c, p))) {
    q.compare = [
      { label: `within ${labelOf(a)}`, pre: a, post: a },
      { label: `within ${labelOf(b)}`, pre: b, post: b },
    ];
  } else if (b) {
    q.compare = [
      { label: `${labelOf(a)} → ${labelOf(b)}`, pre: a, post: b },
      { label: `${labelOf(b)} → ${labelOf(a)}`, pre: b, post: a },
    ];
    // ("synapses between them in either direction, total?": each way, and both added up.)
    const total = togetherWord(c);
    if (total && (q.measure.fn === "count" || q.measure.fn === "sum")) {
      use(total);
      q.contrast = "sum";
    }
  } else {
    // One population, both directions: its inputs and its outputs.
    if (q.measure.fn === "distinct") delete (q.measure as { side?: Side }).side;
    const of = labelOf(a);
    q.compare = [
      { label: `inputs of ${of} (presynaptic partners)`, post: a },
      { label: `outputs of ${of} (postsynaptic partners)`, pre: a },
    ];
    if (c.find("topk") || c.find("sup") || c.find("list")) {
      throw new Unreadable('Inputs or outputs? For example "top 5 inputs to 8646…" or "top 5 targets of 8646…".', [
        "top 5 inputs",
        "top 5 outputs",
      ]);
    }
  }
  const chart = chartOf(c, q);
  if (chart) q.chart = chart;
  return q;
}

/**
 * "# syn tuned→tuned with gOSI > 0.3 on both sides": a condition said of both sides that the plan puts on one side
 * only. "Both sides" is a connective the reader may leave unread, and the cutoff had been put on the
 * postsynaptic cells alone. Asked back.
 */
export function bothSidesKept(c: Clause, q: Query): void {
  const said = c.atoms.find(
    (a) => is(a, "bothsides") && !a.items.some((x) => x.used) && /\b(sides|ends)\b|\bpre\b.*\bpost/i.test(lower(a)),
  );
  if (!said || (q.source !== "synapses" && q.source !== "connections")) return;
  const dims = (fs: Filter[]) => new Set(fs.filter((f) => f.dim !== "root_id").map((f) => JSON.stringify(f)));
  const [pre, post] = [dims(q.pre), dims(q.post)];
  const oneSided = [...pre].some((f) => !post.has(f)) || [...post].some((f) => !pre.has(f));
  if (oneSided)
    throw new Unreadable(
      `"${lower(said)}": which conditions hold on both sides? For example "synapses between cells with gOSI > 0.3".`,
    );
}
