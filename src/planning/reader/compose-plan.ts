import { probabilityOfGroups } from "./probability-groups.js";
import { namesCondition, type Filter, type QueryPlan } from "../plan.js";
import { untypedByType } from "../type-check.js";
import { as, is, text, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { compareAsGroups } from "./compare-groups.js";
import { cellRatio } from "./cell-shares.js";
import { composeCells } from "./compose-cells.js";
import { composeFlow } from "./compose-flow.js";
import { lookupOf } from "./compose-lookup.js";
import { withoutRedundantNeuron } from "./dims.js";
import { bothOfAList } from "./both-of-a-list.js";
import { contrastAsSaid, superlativeKept } from "./contrast.js";
import { topPerGroup } from "./top-per-group.js";
import { contradiction, namedAndExcluded, Unreadable } from "./filters.js";
import { asksOrientationBins, orientationBins } from "./like-to-like.js";
import { partnerTuning } from "./partner-tuning.js";
import { perRootQuantity } from "./per-root.js";
import { perCellOfKind } from "./per-cell-kind.js";
import { checkPlaced } from "./placed.js";
import { nestedStatistic } from "./restate.js";
import { reciprocalPartners } from "./reciprocal-partners.js";
import { kindSharedAcross } from "./shared-kind.js";
import { comparedCellByCell, everySetKept, setsApart, versusKept, versusScope } from "./versus-scope.js";
import { bothSidesKept } from "./flow-both.js";
import { placeStrayNegations } from "./stray-negation.js";
import { twoMeasures } from "./two-measures.js";
import { fragmentsWhereTheyCanBe } from "./vacuous-fragments.js";
import { oneConnectionEach } from "./one-connection-each.js";
import { tunedWhole } from "./tuned-whole.js";
import { partWithoutWhole } from "./part-without-whole.js";
import { bestOfEachGroup } from "./best-of-each-group.js";

/**
 * The plan a read clause asks for: a look-up, or else the cells, the flow or the measures composed,
 * then tidied (a redundant neuron filter or a repeated one dropped) and checked for contradictions.
 */
export function compose(c: Clause): QueryPlan {
  superlativeAsked(c);
  comparedPerGroup(c);
  // ("which cells are reciprocally connected with 8646…": cells asked of one root, not a look-up of it.)
  const reciprocal = reciprocalPartners(c);
  const lookup = reciprocal ? undefined : lookupOf(c);
  if (lookup) return lookup;
  const best = reciprocal ? undefined : bestOfEachGroup(c);
  if (best) return best;
  const perRoot = perRootQuantity(c);
  const bins = asksOrientationBins(c);
  // ("like-to-like in V1": one population of a like-to-like question is both sides of the pairs.)
  if (bins && c.pops.length === 1 && !c.pops[0]!.role) c.pops[0]!.role = "both";
  const flow = (c.roles.flow || bins) && !perRoot;
  const plan =
    reciprocal ??
    ((!bins && (partnerTuning(c) ?? twoMeasures(c))) ||
      (cellRatio(c) ??
        compareAsGroups(flow ? composeFlow(c) : ((perRoot && perCellOfKind(c, perRoot)) ?? composeCells(c, perRoot)))));
  if (bins && plan.kind === "query") orientationBins(c, plan);
  distributionPerGroup(c, plan);
  checkPlaced(c, plan);
  contrastAsSaid(c, plan);
  kindSharedAcross(c, plan);
  versusScope(c, plan);
  versusKept(c, plan);
  comparedCellByCell(c, plan);
  everySetKept(c, plan);
  setsApart(plan);
  if (plan.kind === "query") bothSidesKept(c, plan);
  bothOfAList(c, plan);
  extremeOfEachConnection(c, plan);
  superlativeKept(c, plan);
  topPerGroup(c, plan);
  placeStrayNegations(plan);
  fragmentsWhereTheyCanBe(plan);
  restatedStatistics(c, plan);
  thresholdOnStatistic(c);
  listedRanking(c, plan);
  oneConnectionEach(c, plan);
  partWithoutWhole(plan);
  tunedWhole(plan);
  probabilityOfGroups(plan);
  const used = [...plan.groupBy.map((g) => g.dim), ...("of" in plan.measure ? [plan.measure.of as Filter["dim"]] : [])];
  plan.filter = kindsOfKnownKind(plan, withoutRedundantNeuron(plan.filter, used));
  plan.pre = withoutRedundantNeuron(plan.pre);
  plan.post = withoutRedundantNeuron(plan.post);
  // ("how many times more neurons have a partially extended axon than a fully extended one": in a table of neurons
  // the word says nothing more, in each compared set as in the whole; it had dropped a root with no cell type.)
  for (const set of plan.kind === "query" ? (plan.compare ?? []) : [])
    if (set.filter)
      set.filter = withoutRedundantNeuron(
        set.filter,
        plan.filter.map((f) => f.dim),
      );
  // ("AL, LM or RL" said again of "the higher visual areas": one set, in any order.)
  const key = (f: unknown) =>
    JSON.stringify(f, (k, v: unknown) => (k === "values" && Array.isArray(v) ? [...(v as string[])].sort() : v));
  const dedupe = <T>(fs: T[]) => fs.filter((f, i) => fs.findIndex((g) => key(g) === key(f)) === i);
  plan.filter = dedupe(plan.filter);
  // ("who are the 5 strongest inputs of X": "who" and "inputs" are one grouping.)
  if (plan.kind === "query") plan.groupBy = dedupe(plan.groupBy);
  plan.pre = dedupe(plan.pre);
  plan.post = dedupe(plan.post);
  // ("a fragment without a nucleus": one condition said twice.)
  if (plan.kind === "query" && plan.measure.fn === "fraction") {
    const part = plan.measure.part;
    for (const k of ["filter", "pre", "post"] as const) if (part[k]) part[k] = dedupe(part[k]!);
  }
  for (const list of [
    plan.filter,
    plan.pre,
    plan.post,
    // (A compared set, a share's part and a ratio's terms hold with the whole: "… from inhibitory neurons, and
    // what percent for 23P cells" had put 23P into the part, on the inhibitory side, and answered 0%.)
    ...[...(plan.compare ?? []), ...termsOf(plan)].flatMap((p) => [
      [...plan.filter, ...(p.filter ?? [])],
      [...plan.pre, ...(p.pre ?? [])],
      [...plan.post, ...(p.post ?? [])],
    ]),
  ]) {
    const clash = contradiction(list, c.classOf);
    if (clash)
      throw new Unreadable(
        `I read one group of cells as both ${clash}, which no cell is; please rephrase (one comparison at a time).`,
      );
    const both = namedAndExcluded(list);
    if (both) throw new Unreadable(`I read ${both} both named and excluded; which do you mean?`);
  }
  const untyped = plan.kind === "query" ? untypedByType(plan) : undefined;
  if (untyped) throw new Unreadable(`I cannot read that as asked: ${untyped}.`);
  return plan;
}

/** The filters of a share's part, or of a ratio's two terms, each added to the whole's. */
function termsOf(plan: QueryPlan): { filter?: Filter[]; pre?: Filter[]; post?: Filter[] }[] {
  if (plan.kind !== "query") return [];
  const m = plan.measure;
  return m.fn === "fraction" ? [m.part] : m.fn === "ratio" ? [m.numerator, m.denominator] : [];
}

/**
 * "plot the distribution of gDSI per area": one histogram cannot hold several groups, so the
 * distributions are drawn side by side as a box plot (an asked-for histogram stays, and is refused).
 */
function distributionPerGroup(c: Clause, plan: QueryPlan): void {
  const named = c.atoms.some((a) =>
    [a.tag, ...a.alt].some((t) => t.t === "chart" && (t.kind === "histogram" || t.kind === "rose")),
  );
  if (plan.kind !== "query" || plan.measure.fn !== "histogram" || named) return;
  if (!plan.groupBy.length && !plan.compare) return;
  plan.measure = { fn: "quartiles", of: plan.measure.of };
  plan.chart = "box";
}

/**
 * "Which cell types receive more synapses from BPCs than from BCs?": two flows compared within each group, and
 * the groups where one wins kept; the plan language cannot keep groups by a comparison. It had been answered
 * with both flows merged, per type, a list that looked like an answer.
 */
function comparedPerGroup(c: Clause): void {
  const than = c.pops.find((p) => p.pop.alts && p.atom.items.some((i) => /^than$/i.test(i.text)));
  const GROUPS = ["type", "area", "layer", "class", "subclass", "mtype"];
  // (Not "more BCs than MCs in each layer?": both per layer, compared, answer it.)
  const groups = c.pops.find(
    (p) => p !== than && GROUPS.includes(String(p.pop.head)) && !p.pop.filters.length && !p.pop.each,
  );
  // ("Which excitatory types have more cells in RL than in LM?", "exc types w/ more somata in L5 than L2/3": a
  // "than" said after the groups, of places or anything else; it had been each place's count per type.)
  const saidThan = c.atoms.find((a) => !is(a, "threshold") && a.items.some((i) => /^than$/i.test(i.text)));
  const asked = c.pops.find(
    (p) => GROUPS.includes(String(p.pop.head)) && !p.pop.each && saidThan && p.i < c.index(saidThan),
  );
  const kept =
    than && groups
      ? { said: text(than.atom), head: groups.pop.head, example: "synapses from BPC vs from BC per target type" }
      : asked && saidThan
        ? { said: text(saidThan), head: asked.pop.head, example: "cells per type in RL vs LM" }
        : undefined;
  if (kept)
    throw new Unreadable(
      `I read a comparison ("${kept.said}") made within each ${kept.head}, and the ${kept.head}s ` +
        "where one side wins; I cannot keep groups by a comparison yet. Ask for both per group " +
        `(e.g. "${kept.example}") and compare them there.`,
    );
}

/**
 * "Which types have a median out-degree above 40?", "types w/ mean nucleus volume > 300": a bound on a statistic
 * of each group, which the plan language cannot hold. The bound had been put on each cell (the median out-degree
 * of the cells with more than 40 partners, per type: every type, a wrong answer that looked right).
 */
function thresholdOnStatistic(c: Clause): void {
  const words = c.atoms.filter((a) => !is(a, "fn"));
  const at = words.findIndex((a, i) => is(a, "stat") && is(words[i + 1], "threshold"));
  if (at >= 0)
    throw new Unreadable(
      `I read a bound on the ${text(words[at])} of each group ("${text(words[at])} ${text(words[at + 1])}"), ` +
        "which I cannot filter groups by yet; ask for the statistic per group and read off the ones past the bound.",
    );
}

/**
 * "max summed syn size per conn", "the largest total synapse size of any connection, summing the sizes of
 * its synapses": a statistic said again, or a sum said of a connection's summed size, restates the plan.
 */
function restatedStatistics(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query" || !("of" in plan.measure)) return;
  const m = plan.measure;
  const items = c.atoms.flatMap((x) => x.items);
  for (const a of c.findAll("stat")) {
    const fn = String(as(a, "stat")!.fn);
    if (a.items.some((i) => i.used) || nestedStatistic(items, items.indexOf(a.items[0]!))) continue;
    if (fn === m.fn || (fn === "sum" && m.of === "total_size")) use(a);
  }
}

/** "name the 3 RL cell types that get the most input from V1": a ranking of groups is the list asked for. */
function listedRanking(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query" || plan.groupBy.length !== 1 || plan.measure.fn === "list") return;
  const bare = /^(list|name|enumerate)( all)?( the)?$/i;
  for (const a of c.findAll("list")) if (a.items.every((i) => !i.used) && bare.test(text(a))) use(a);
}

/**
 * "adding up synapse sizes within each connection between 23P cells, what's the biggest total?", "the most
 * synapses per BC→23P connection": said of each connection, a superlative picks the one connection with the
 * largest total (a maximum), not an order of one summed or averaged number.
 */
function extremeOfEachConnection(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query" || plan.source !== "connections" || !plan.order) return;
  if (plan.groupBy.length || plan.compare || plan.chart || plan.limit !== undefined) return;
  const m = plan.measure;
  const each = c.find("per_connection");
  // ("the largest number of synapses per BC→23P connection": "per connection" with no mean said is each connection's.)
  const perEach = m.fn === "mean" && m.of === "synapses" && each && !c.has("stat", "fn", "mean");
  if (perEach) use(each);
  if (!(m.fn === "sum" || perEach) || !["total_size", "synapses"].includes(m.of) || !each?.items.every((i) => i.used))
    return;
  plan.measure = { fn: plan.order === "asc" ? "min" : "max", of: m.of };
  delete plan.order;
}

/**
 * "is the largest BC in V1?", "are the 5 largest BCs proofread?", "are the biggest synapses onto 23P from
 * BCs?": whether the ones that rank first are something, not the first among those that are (which it had
 * been read as). A yes/no question of a superlative is asked back.
 */
function superlativeAsked(c: Clause): void {
  const opens = /^(is|was|are|were)$/i.test(text(c.atoms[0])) && !/^there$/i.test(text(c.atoms[1]));
  const ranked = c.atoms.some((a) => is(a, "sup") || is(a, "topk") || (is(a, "pop") && (a.tag.sup || a.tag.topk)));
  // (Not a comparison: "is the number of BC synapses onto 23P larger than MC synapses onto 23P?".)
  if (!opens || !ranked || c.atoms.some((a) => is(a, "vs"))) return;
  throw new Unreadable(
    `Whether the ones that rank first are of that kind or place, or which rank first among those? ` +
      `Ask for the ones that rank first (their type and place are shown), or say "among …".`,
  );
}

/**
 * "From the proofread neurons, which fraction is excitatory?": a share of a kind (class, type) is of the cells
 * whose kind is known, the typed ones. The proofreading table's roots count as neurons elsewhere, but a root with
 * no cell-type row is neither excitatory nor inhibitory, and had made the whole larger than any kind could fill.
 */
function kindsOfKnownKind(plan: QueryPlan, filter: Filter[]): Filter[] {
  if (plan.kind !== "query" || plan.measure.fn !== "fraction" || plan.source !== "roots") return filter;
  const kinds = ["class", "cell_type", "mtype"];
  const partKinds = (plan.measure.part.filter ?? []).some((f) => kinds.includes(f.dim) && !f.not);
  if (!partKinds || filter.some((f) => kinds.includes(f.dim))) return filter;
  return [...filter, { dim: "class", values: ["neuron"] }];
}
