import { planFilters } from "../plan-check.js";
import { ordinal } from "../describe.js";
import type { Filter, Query, QueryPlan } from "../plan.js";
import { is, text, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";
import { kindDim } from "./shape.js";

/**
 * Checks that what the clause said was placed in the plan: a reader path that forgot a threshold,
 * a superlative or an angle's tolerance must not answer as if it had not been said.
 */
export function checkPlaced(c: Clause, plan: QueryPlan): void {
  // ("the second biggest nucleus": a place in the order that the plan does not give is asked back.)
  // (Every place comes from a word's tag, whatever atom or population took the word.)
  const words = c.atoms.flatMap((a) => a.items);
  const nth = words.map((i) => Number(i.tags.find((t) => t.t === "sup" && t.nth)?.nth ?? 0)).find(Boolean);
  if (nth && (plan.kind !== "query" || plan.rank !== nth))
    throw new Unreadable(`The ${ordinal(nth)} of what order? For example "the second-largest nucleus among MCs".`);
  // ("BCs that are targeted by 23P cells … — which ones?" had counted connections: "which" asks for them.)
  const which = c.atoms.some((a) => is(a, "wh") && /^(which|who)\b/i.test(text(a)));
  if (
    which &&
    !c.has("count") &&
    plan.kind === "query" &&
    plan.measure.fn === "count" &&
    !plan.groupBy.length &&
    !plan.compare &&
    !plan.order
  )
    throw new Unreadable('Which ones, or how many? Say "list the …" or "how many …".');
  // ("neurons preferring vertical orientations": how close to vertical is not said, and no default is honest.)
  const angle = c.pops.flatMap((p) => p.pop.filters).find((f) => f.near !== undefined && Number.isNaN(f.within));
  // ("prefer horizontal (0 deg ± 20)": the tolerance, said apart from the angle it belongs to.)
  const tolerance =
    angle && c.atoms.find((a) => is(a, "near") && Number(a.tag.center) === angle.near && !a.items.some((i) => i.used));
  if (angle && tolerance) {
    angle.within = Number(tolerance.tag.within);
    for (const f of planFilters(plan))
      if (f.dim === angle.dim && f.near === angle.near && Number.isNaN(f.within)) f.within = angle.within;
    use(tolerance);
  } else if (angle)
    throw new Unreadable(`Within how many degrees of ${angle.near}°? For example "within 15° of ${angle.near}°".`);
  // (An order with nothing to order: a superlative the reading did not place, "the weakest …".)
  if (
    plan.kind === "query" &&
    plan.order &&
    !plan.groupBy.length &&
    !plan.compare &&
    ["count", "distinct"].includes(plan.measure.fn)
  ) {
    throw new Unreadable('The most or least of what? For example "the 23P cell with the most input synapses".');
  }
  // (A population ranked, "the biggest BC", "the top 3 MCs", in a plan that ranks nothing: the
  // superlative was read and then dropped by the path that made the plan.)
  if (
    plan.kind === "query" &&
    !plan.order &&
    !["max", "min"].includes(plan.measure.fn) &&
    c.pops.some((p) => p.pop.sup || p.pop.topk)
  ) {
    throw new Unreadable('The most or least of what? For example "the BC with the most output synapses".');
  }
  // ("BC targets by type" read as per presynaptic type: a grouping on the side a name pins to one value.)
  if (plan.kind === "query" && (plan.source === "synapses" || plan.source === "connections")) {
    // (A type pins its class too: "E vs I inputs onto 23P" grouped by the 23P cells' class.)
    const pins = (f: Filter, dim: string) =>
      !f.not &&
      f.values?.length === 1 &&
      (f.dim === dim || (dim === "class" && (f.dim === "cell_type" || f.dim === "mtype")));
    const pinned = plan.groupBy.find((g) => g.side && g.dim !== "root_id" && plan[g.side].some((f) => pins(f, g.dim)));
    if (pinned) {
      throw new Unreadable(
        `Per ${pinned.side === "pre" ? "presynaptic" : "postsynaptic"} ${pinned.dim.replace("_", " ")}, when that side ` +
          'is one of them? Say which side to group, e.g. "BC outputs per target cell type".',
      );
    }
  }
  // ("which layer …" answered per root: the kind asked for must be what the rows are.)
  const asked = c.pops.find((p) => p.pop.wh && kindDim(p.pop.head) && !p.pop.filters.length);
  if (asked && plan.kind === "query") {
    const dim = kindDim(asked.pop.head)!;
    const m = plan.measure;
    const placed =
      plan.groupBy.some((g) => g.dim === dim || (dim === "cell_type" && g.dim === "mtype")) ||
      (m.fn === "kinds" && m.dim === dim) ||
      Boolean(plan.compare);
    if (!placed)
      throw new Unreadable(
        `I could not place "${asked.atom.items.map((i) => i.text).join(" ")}" in my reading; please rephrase.`,
      );
  }
  if (plan.kind === "query" && (plan.source === "synapses" || plan.source === "connections") && !saysFlow(c)) {
    throw new Unreadable(
      'Do you mean the cells themselves, or synapses between them? Say "synapses from … onto …" ' +
        'or "how many … cells".',
    );
  }
  // ("which 23P get the most inputs? top5 root ids": a top 5 read and then lost to a limit of 1.)
  const ks = [
    ...c.atoms.flatMap((a) => [a.tag, ...a.alt].filter((t) => t.t === "topk" && a.items.some((i) => i.used))),
    ...c.pops.flatMap((p) => (p.pop.topk ? [p.pop.topk] : [])),
  ];
  // ("top 3 targets of 8646… bottom 5": every top-k said is the plan's, in its direction, never one of two.)
  if (plan.kind === "query") {
    const kept = (t: (typeof ks)[number]) => Number(t.k) === plan.limit && (t.open || sameOrder(t.dir, plan.order));
    const said = (t: (typeof ks)[number]) => `"${t.dir === "asc" && !t.open ? "bottom" : "top"} ${String(t.k)}"`;
    const lost = ks.find((t) => !kept(t));
    const other = ks.find(kept);
    if (lost && other) throw new Unreadable(`I read both ${said(other)} and ${said(lost)}: which one do you mean?`);
    if (lost) throw new Unreadable(`I read ${said(lost)} but could not keep it in my reading; please rephrase.`);
  }
  if (plan.kind === "query") rowsAsSaid(c, plan);
  if (plan.kind === "query") comparedAsSaid(c, plan);
  if (plan.kind === "query") layerBesidePyramids(c, plan);
  // ("where r the thick tufted cells, area ranking": a ranking asked for, and a plan that ranks nothing.)
  if (plan.kind === "query" && !plan.order && c.atoms.some((a) => is(a, "order"))) {
    throw new Unreadable('Ranked by what? For example "areas ranked by their number of 5P-ET cells".');
  }
  const lost = lostThreshold(c, plan);
  if (lost) throw new Unreadable(`I could not place the condition "${lost}" in my reading; please rephrase it.`);
}

/** A top-k's direction is the plan's order ("which 3 …", "the 5 cells with the …", open, go with either). */
const sameOrder = (dir: unknown, order: string | undefined) =>
  dir === undefined || order === undefined || dir === order;

/**
 * A threshold a population carried ("partners with >= 3 synapses") that no condition of the plan
 * holds: a reader path that forgot it must not answer as if it had not been said.
 */
function lostThreshold(c: Clause, plan: QueryPlan): string | undefined {
  const numbers = new Set<number>();
  JSON.stringify(plan, (_k, v: unknown) => {
    if (typeof v === "number") numbers.add(v);
    return v;
  });
  const near = (x: number) =>
    [...numbers].some((n) =>
      [1, 1e3, 1e-3, 1e6, 1e-6, 1e9, 1e-9].some((f) => Math.abs(n - x * f) <= 1e-9 * Math.max(1, n)),
    );
  for (const p of c.pops) {
    for (const t of p.pop.thresholds) {
      if (!near(t.value) && !(t.max !== undefined && near(t.max))) return p.atom.items.map((i) => i.text).join(" ");
    }
  }
  return undefined;
}

const FLOW_NOUNS = new Set([
  "synapse",
  "connection",
  "input",
  "output",
  "partner",
  "target",
  "source",
  "edge",
  "weight",
]);
const FLOW_RELATIONS = new Set(["from", "to", "between", "upstream", "downstream", "onto"]);
/** Verbs too weak to say synapses on their own ("which m-types do 4P cells get", "what do BCs have"). */
const WEAK_VERBS = /^(get|gets|got|getting|have|has|had|having)$/i;

/** Whether anything in the question speaks of synapses or connections (a "ratio of E to I neurons" does not). */
function saysFlow(c: Clause): boolean {
  return (
    c.atoms.some((a) =>
      [a.tag, ...a.alt].some(
        (t) =>
          (t.t === "noun" && FLOW_NOUNS.has(String(t.n))) ||
          (t.t === "rel" && FLOW_RELATIONS.has(String(t.r))) ||
          t.t === "matrix" ||
          t.t === "arrow" ||
          (t.t === "verb" &&
            t.v !== "be" &&
            t.v !== "have" &&
            !WEAK_VERBS.test(a.items.map((i) => i.text).join(" "))) ||
          (t.t === "qty" && ["size", "synapses", "total_size", "ori_difference"].includes(String(t.q))) ||
          (t.t === "sup" && Boolean(t.implies)) ||
          t.t === "probability" ||
          t.t === "liketolike" ||
          (t.t === "chart" && Boolean(t.flow)),
      ),
    ) || c.pops.some((p) => ["partner", "target", "source"].includes(p.pop.head ?? "") || p.pop.side !== undefined)
  );
}

/**
 * The rows must be what the question asked rows of: connected pairs only when it names pairs,
 * connections or edges ("which MC has the most 23P targets" had ranked MC→23P pairs), and one row
 * per member when it says "each" of named cells ("how many neurons does each BC contact" had
 * counted the partners of all the basket cells together).
 */
function rowsAsSaid(c: Clause, plan: Query): void {
  const byRoot = (side: string) => plan.groupBy.some((g) => g.dim === "root_id" && g.side === side);
  const pairWords = c.atoms.some(
    (a) => is(a, "noun", "n", "connection") || /\b(pairs?|edges?|links?)\b/i.test(text(a)),
  );
  // ("8646… top 5 downstream": grouping by the one root named changes no row; its partners are ranked.)
  for (const side of ["pre", "post"] as const) {
    const pinned = plan[side].some((f) => f.dim === "root_id" && f.values?.length === 1 && !f.not);
    if (pinned && byRoot("pre") && byRoot("post")) {
      plan.groupBy = plan.groupBy.filter((g) => !(g.dim === "root_id" && g.side === side));
    }
  }
  // ("outputs of 8646… per presynaptic type" is one row: its own type; the partners' was meant, or it is unclear.)
  const ownGroup = plan.groupBy.find(
    (g) => g.dim !== "root_id" && g.side && plan[g.side].some((f) => f.dim === "root_id" && f.values?.length === 1),
  );
  if (ownGroup) {
    throw new Unreadable(
      `Grouped by the ${ownGroup.side === "pre" ? "presynaptic" : "postsynaptic"} side, which is the one root named? ` +
        'Say "… per partner cell type" or "… per postsynaptic type".',
    );
  }
  if (byRoot("pre") && byRoot("post") && !pairWords) {
    throw new Unreadable(
      'Ranked by cell, or by connected pair? For example "the top 23P targets of MCs" or ' +
        '"the strongest MC→23P connection".',
    );
  }
  // ("the MC with the most 23P targets": "most" counts the targets, so the MCs are ranked, not the targets.)
  const most = c.atoms.some(
    (a) => [a.tag, ...a.alt].some((t) => t.t === "sup" && t.count) && a.items.some((i) => i.used),
  );
  const counted = c.pops.find((p) => (p.pop.head === "target" || p.pop.head === "source") && p.pop.filters.length);
  if (most && counted && byRoot(counted.pop.head === "target" ? "post" : "pre")) {
    throw new Unreadable(
      `Ranked by the number of ${text(counted.atom)}, or ranking the ${text(counted.atom)}? For example ` +
        `"which MC has the most 23P targets (count them)" or "the top 23P targets of MCs".`,
    );
  }
  // ("which MC contacts the most distinct 23P cells" counted synapses: "distinct" must count roots.)
  const distinct =
    c.atoms.some((a) => is(a, "distinct") && a.items.some((i) => i.used)) || c.pops.some((p) => p.pop.distinct);
  const ofPartners = "of" in plan.measure && ["in_partners", "out_partners"].includes(plan.measure.of);
  // ("how many distinct cells are coregistered": a count of cells counts each cell once already.)
  const ofCells = ["cells", "roots", "nuclei"].includes(plan.source) && plan.measure.fn === "count";
  const countsRoots =
    ["distinct", "kinds", "list"].includes(plan.measure.fn) || plan.source === "connections" || ofPartners || ofCells;
  if (distinct && !countsRoots) {
    throw new Unreadable(
      'Distinct what: cells (roots), or kinds of cells? For example "how many distinct targets does …".',
    );
  }
  const each = c.pops.find((p) => p.pop.each && p.pop.filters.length && !p.pop.head);
  if (each && !plan.groupBy.length && !plan.compare && ["count", "distinct", "sum"].includes(plan.measure.fn)) {
    throw new Unreadable(
      `For each one of "${text(each.atom)}" as a list, or on average? For example "the mean number of …"` +
        ` or "… per cell, ranked".`,
    );
  }
}

/**
 * "Compare please the number of 23P between RL, AL and LM" had counted the three areas together: a
 * comparison asked for must give one row per set, or one per group, never one number for all.
 */
function comparedAsSaid(c: Clause, plan: Query): void {
  const asked = c.atoms.some((a) => is(a, "vs") || a.tag.compareAsked === true);
  const oneNumber = !plan.compare && !plan.groupBy.length && !["ratio", "histogram", "list"].includes(plan.measure.fn);
  if (asked && oneNumber && !plan.chart) {
    throw new Unreadable('Compared how: which sets, one row each? For example "23P cells in RL vs AL vs LM".');
  }
}

const PYRAMIDS: Record<string, string> = { "L2/3": "23P", L4: "4P" };
const isPyramid = (t: string) => /^(23P|4P|5P-|6P-)/.test(t);
const layerOrPyramids = (layer: string) =>
  new Unreadable(
    `By "${layer}" do you mean every cell with its soma in ${layer}, or the ${layer} pyramidal cells ` +
      `(${PYRAMIDS[layer]})? Say "${layer} cells" or "${PYRAMIDS[layer]}".`,
  );

/**
 * "avg synapse size L4->L2/3 pyr", "from layer 4 to layer 2/3 pyramidal cells": a bare layer on one
 * side of a flow whose other side is pyramidal cells most likely shares their noun (the L4
 * pyramidal cells, 4P), though it may mean every cell in L4. Asked, not guessed.
 */
function layerBesidePyramids(c: Clause, plan: Query): void {
  // ("onto cells in layer 4": the cells were named; the layer is theirs.)
  const cellsNamed = c.pops.some(
    (p) => p.pop.filters.some((f) => f.dim === "layer") && /\b(cells?|neurons?|somata|soma)\b/i.test(text(p.atom)),
  );
  if (cellsNamed) return;
  // ("nucleus volume of L2/3 vs L4 pyramidal cells": sets compared, one a bare layer, the other pyramids.)
  const parts = plan.compare ?? [];
  const bare = parts.map((p) => (p.filter?.length === 1 && p.filter[0]!.dim === "layer" ? p.filter[0]!.values : []));
  const pyramids = parts.some((p) => p.filter?.some((f) => f.dim === "cell_type" && f.values?.every(isPyramid)));
  const layer = bare.flat().find((l) => PYRAMIDS[l!]);
  if (pyramids && layer) throw layerOrPyramids(layer);
  if (plan.source !== "synapses" && plan.source !== "connections") return;
  for (const [bare, other] of [
    [plan.pre, plan.post],
    [plan.post, plan.pre],
  ] as const) {
    const layer = bare.length === 1 && bare[0]!.dim === "layer" && !bare[0]!.not ? bare[0]!.values?.[0] : undefined;
    const types = other.find((f) => f.dim === "cell_type" && !f.not)?.values ?? [];
    const pyramids = types.length > 0 && types.every(isPyramid);
    if (layer && pyramids && PYRAMIDS[layer]) throw layerOrPyramids(layer);
  }
}
