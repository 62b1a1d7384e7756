import {
  BOUNDABLE,
  CellClass,
  namesCondition,
  PER_ROOT_COUNTS,
  type Filter,
  type Group,
  type Part,
  type QueryPlan,
} from "./plan.js";
import { DIMS } from "../querying/compile/dims.js";
import { TYPE_DIMS, untypedByType } from "./type-check.js";
import { oneRootProblem } from "./one-root-check.js";

/**
 * What a model's plan must be beyond the zod schema, before it is compiled. The schema lets any
 * filter name any dimension with any form of condition; the offline reader only writes the forms
 * each dimension takes, but a model may not, and some wrong forms compile to a silent wrong number
 * (a class value that does not exist matches no cell and counts 0; `values` on a yes/no dimension is
 * read as "yes"). So each condition must have the form of its dimension, in a place where that
 * dimension exists, and categories with a fixed set of values must name one of them.
 */

/** proofreading_status_and_strategy's strategy values (tables.md lists the same). */
export const STRATEGIES: Record<string, string[]> = {
  axon_strategy: ["none", "axon_partially_extended", "axon_fully_extended", "axon_interareal"],
  dendrite_strategy: ["none", "dendrite_clean", "dendrite_extended"],
};

/** Which row dimensions each source's own `filter` may hold. */
export const ROW_DIMS: Record<string, string[]> = {
  synapses: ["size"],
  connections: ["synapses", "total_size", "ori_difference", "reciprocal"],
};

/** The forms of condition each kind of dimension takes. */
export const FORMS: Record<string, string[]> = {
  category: ["values"],
  id: ["values"],
  flag: ["is"],
  number: ["a range"],
  angle: ["a range", "near"],
};

/** The first thing wrong with a plan's conditions and groups, in a few words, or undefined. */
export function planShapeProblem(plan: QueryPlan): string | undefined {
  if (plan.kind !== "query") return undefined;
  // (A place in an order is one group after others: only where groups are ordered and one is given.)
  const ranks = ["count", "distinct", "sum", "mean", "median", "min", "max", "stddev"].includes(plan.measure.fn);
  if (plan.rank && (!plan.order || plan.limit !== 1 || !plan.groupBy.length || plan.compare || !ranks || plan.chart))
    return "a place in an order (the second-largest) needs one ordered grouping";
  if (plan.having && (!plan.groupBy.length || plan.compare || !BOUNDABLE.includes(plan.measure.fn)))
    return "a bound on groups needs a grouping with one number per group";
  if (plan.having?.count && (plan.limit || plan.order || plan.chart || plan.contrast))
    return "the number of groups kept is one number: no order, top-k or chart";
  if (plan.perGroup && (plan.groupBy.length !== 2 || !plan.order || !plan.limit || plan.rank || plan.compare || !ranks))
    return "a ranking within each group needs two groupings, an order and a top-k";
  const flow = plan.source === "synapses" || plan.source === "connections";
  if (!flow && (plan.pre.length || plan.post.length || hasSides(plan))) {
    return `pre and post conditions belong to synapses or connections, not to ${plan.source}`;
  }
  // The source's own rows: a synapse's size, a connection's synapse count, or the cells themselves.
  const own = [...plan.filter, ...(plan.compare ?? []).flatMap((p) => p.filter ?? []), ...partFilters(plan)];
  for (const f of own) {
    const row = DIMS[f.dim].level === "row";
    if (flow && !(ROW_DIMS[plan.source] ?? []).includes(f.dim)) {
      return (
        `a condition on ${plan.source} themselves can only be on ${ROW_DIMS[plan.source]!.join(" or ")}; ` +
        `${f.dim} goes in pre or post`
      );
    }
    if (!flow && row) return `${f.dim} is a dimension of synapses or connections, not of ${plan.source}`;
  }
  for (const f of planFilters(plan)) {
    const problem = filterProblem(f);
    if (problem) return problem;
  }
  // (Like-to-like per group: a grouping with no side puts both roots of a pair in the same group.)
  const withinGroups = plan.measure.fn === "probability" && plan.groupBy.some((g) => g.dim === "ori_difference");
  for (const g of plan.groupBy) {
    const problem = groupProblem(g, flow, withinGroups);
    if (problem) return problem;
  }
  const m = plan.measure;
  // (Angles are circular: the mean of 170° and 10° is not 90°. Their histogram and ranges are fine.)
  const central = ["mean", "sum", "median", "stddev", "percentile", "quartiles"];
  if ("of" in m && ["pref_ori", "pref_dir"].includes(m.of) && central.includes(m.fn)) {
    return (
      `a ${m.fn} of a preferred ${m.of === "pref_ori" ? "orientation" : "direction"} (a circular angle) has no meaning; ` +
      "ask for their histogram, or for cells within some degrees of an angle"
    );
  }
  const binnedOnly = m.fn === "probability" && plan.groupBy.length === 1 && plan.groupBy[0]!.dim === "ori_difference";
  if (plan.test && !binnedOnly) {
    return "a permutation test is run on like-to-like connection probability by orientation difference alone";
  }
  const angled = m.fn === "list" && (m.with ?? []).some((x) => ["pref_ori", "pref_dir", "ori_difference"].includes(x));
  if (plan.radians && (plan.source !== "connections" || !angled)) {
    return "radians are offered for a list of partners' angles (a cell's own are in its look-up)";
  }
  // (Partners narrow a root's own synapse count; anywhere else they would be silently ignored.)
  const perRoot = (d: string) => (PER_ROOT_COUNTS as readonly string[]).includes(d);
  if (plan.partners && (plan.source !== "roots" || !("of" in m) || !perRoot(m.of) || plan.compare))
    return "partners narrow a per-root synapse or partner count of roots";
  if (plan.partners && plan.filter.some((f) => perRoot(f.dim)))
    return "partners narrow the measured count, not a condition on another count";
  const sideProblem = quantitySideProblem(plan);
  if (sideProblem) return sideProblem;
  if (m.fn === "kinds") {
    if (flow && !m.side) return `counting kinds of ${m.dim} among synapses needs its side (pre or post)`;
    if (!flow && m.side) return "a side belongs to synapses or connections";
    if (plan.groupBy.length > 1) return "counting kinds takes at most one grouping";
  }
  if (plan.contrast && !twoResults(plan)) {
    return `a ${plan.contrast} is of two results: two compared sets, or a grouping narrowed to two values`;
  }
  // (A list is of one set, in id order: a comparison, an order or a grouping of roots would be dropped.)
  if (m.fn === "list" && (plan.compare || plan.order || (plan.source === "roots" && plan.groupBy.length))) {
    return "a list is of one set of cells at a time, in id order; ask for each set, or rank them by a measure";
  }
  if (m.fn === "histogram" && (plan.groupBy.length || plan.compare)) {
    return "one histogram shows one set of values; for several groups ask for a box plot per group";
  }
  // (A share of all the rows, per group, is of groups: one set of them, not compared sets.)
  if (m.fn === "fraction" && m.across && (!plan.groupBy.length || plan.compare)) {
    return "a share of the total per group needs a grouping (and no compared sets)";
  }
  // (Grouped by what the rows are already cut on: one group holds them all, 100%.)
  const cut = (g: (typeof plan.groupBy)[number]) =>
    (g.side ? plan[g.side] : plan.filter).some((f) => f.dim === g.dim && f.values?.length === 1 && !f.not);
  if (m.fn === "fraction" && m.across && plan.groupBy.some(cut)) {
    return "a share of the total per group, grouped by a value the rows are already cut to, is 100% in that group";
  }
  // (A share whose part names nothing is the whole over itself, 100% whatever the data.)
  if (m.fn === "fraction" && !m.across && !namesCondition(m.part)) {
    return "a share needs a part that is narrower than its whole";
  }
  const never = contradiction(plan) ?? oneRootProblem(plan) ?? splitByItsOwnParts(plan);
  if (never) return never;
  // (A limit picks rows of a grouped result; on one number it would silently do nothing.)
  if (plan.limit !== undefined && !plan.groupBy.length && plan.measure.fn !== "list")
    return "a limit needs rows to pick from: group by something";
  // (An order sorts rows; on one number a superlative read as an order would silently do nothing,
  // unless the number is itself the largest or smallest one.)
  const extreme = ["max", "min"].includes(plan.measure.fn);
  if (plan.order && !plan.groupBy.length && !plan.compare && !plan.chart && !extreme)
    return "an order needs rows to sort: group by something, or ask for the largest one";
  return undefined;
}

/**
 * Conditions no row can meet together, "onto BC that are onto 23P" (a type and another type on one
 * side): the answer would be 0 or nothing whatever the data holds, the mark of a misread question.
 */
function contradiction(plan: Extract<QueryPlan, { kind: "query" }>): string | undefined {
  const m = plan.measure;
  const parts = m.fn === "fraction" ? [m.part] : [{}];
  for (const part of parts as Part[]) {
    for (const key of ["filter", "pre", "post"] as const) {
      const all = [...plan[key], ...(part[key] ?? [])].filter((f) => f.values && !f.not && CATEGORY_DIMS.has(f.dim));
      for (const [i, f] of all.entries()) {
        const g = all.slice(i + 1).find((x) => x.dim === f.dim && !x.values!.some((v) => f.values!.includes(v)));
        if (g)
          return `no row can be both ${f.values!.join("/")} and ${g.values!.join("/")} (${f.dim.replace("_", " ")})`;
      }
      const clash = flagClash([...plan[key], ...(part[key] ?? [])]) ?? saidTwice(plan[key]) ?? saidTwice(part[key]);
      if (clash) return clash;
    }
  }
  return untypedByType(plan);
}

/**
 * ("total synapses BC→23P and MC→23P" read as onto "23P or MC" and onto "23P"): one dimension named twice on
 * the same rows with other values; the narrower would silently drop what the wider names.
 */
function saidTwice(filters: Filter[] | undefined): string | undefined {
  const named = (filters ?? []).filter((f) => f.values && !f.not && CATEGORY_DIMS.has(f.dim));
  for (const [i, f] of named.entries()) {
    const g = named.slice(i + 1).find((x) => x.dim === f.dim && x.values!.join() !== f.values!.join());
    if (g) return `${f.dim.replace("_", " ")} said twice, as ${f.values!.join("/")} and as ${g.values!.join("/")}`;
  }
  return undefined;
}

/**
 * A flag said both ways, or "not proofread" beside a proofread axon or dendrite
 * ("axon and dendrite … unproofread").
 */
function flagClash(filters: Filter[]): string | undefined {
  const flag = (dim: string, is: boolean) => filters.some((f) => f.dim === dim && f.is === is && !f.not);
  for (const f of filters)
    if (f.is !== undefined && flag(f.dim, !f.is)) return `no row can both be and not be ${f.dim.replace("_", " ")}`;
  if (flag("proofread", false) && (flag("axon_proofread", true) || flag("dendrite_proofread", true)))
    return "no row can be unproofread and have a proofread axon or dendrite";
  // ("fragment inputs per 23P cell" read as 23P cells without a nucleus: a typed cell has one.)
  const typed = filters.some((f) => TYPE_DIMS.includes(f.dim) && f.values && !f.not);
  if (flag("has_nucleus", false) && typed) return "no fragment (a root without a nucleus) has a cell type";
  if (flag("typed", false) && typed) return "no cell without a cell-type row has a cell type";
  return undefined;
}

/**
 * A share or ratio grouped by the very dimension its parts are cut on ("E/I ratio per presynaptic
 * class"): every group is all or nothing of the part, so each figure is 0, 1 or a division by zero.
 */
function splitByItsOwnParts(plan: Extract<QueryPlan, { kind: "query" }>): string | undefined {
  const m = plan.measure;
  // (So is a count of distinct roots grouped by those same roots: 1 each.)
  if (m.fn === "distinct" && plan.groupBy.some((g) => g.dim === "root_id" && g.side === m.side))
    return `distinct ${m.side ?? ""} roots counted per ${m.side ?? ""} root are 1 each`;
  const parts = m.fn === "fraction" ? [m.part] : m.fn === "ratio" ? [m.numerator, m.denominator] : [];
  for (const g of plan.groupBy) {
    const key = g.side ?? "filter";
    // (A type is of one class: cut on the class and grouped by the type, each group is all or nothing too.)
    const finer = (d: string) => d === g.dim || (d === "class" && (g.dim === "cell_type" || g.dim === "mtype"));
    if (parts.some((p) => (p[key] ?? []).some((f) => finer(f.dim))))
      return `the ${m.fn} is cut on ${g.dim} and also grouped by it`;
  }
  // (And two compared sets that are the same cells: "excitatory vs excitatory" compares nothing.)
  const sets = (plan.compare ?? []).map((p) => JSON.stringify([p.filter ?? [], p.pre ?? [], p.post ?? []]));
  if (new Set(sets).size < sets.length) return "two of the compared sets are the same";
  return undefined;
}

/** Dimensions a cell has one value of. */
const CATEGORY_DIMS = new Set(["cell_type", "mtype", "area", "layer", "axon_strategy", "dendrite_strategy"]);

function hasSides(plan: Extract<QueryPlan, { kind: "query" }>): boolean {
  const parts = [
    ...(plan.compare ?? []),
    ...(plan.measure.fn === "fraction" ? [plan.measure.part] : []),
    ...(plan.measure.fn === "ratio" ? [plan.measure.numerator, plan.measure.denominator] : []),
  ];
  return parts.some((p) => p.pre?.length || p.post?.length) || plan.groupBy.some((g) => g.side);
}

function partFilters(plan: Extract<QueryPlan, { kind: "query" }>): Filter[] {
  const m = plan.measure;
  const parts = m.fn === "fraction" ? [m.part] : m.fn === "ratio" ? [m.numerator, m.denominator] : [];
  return parts.flatMap((p) => p.filter ?? []);
}

/** A condition whose form does not fit its dimension (a range on a category, values on a number ...). */
function filterProblem(f: Filter): string | undefined {
  const info = DIMS[f.dim];
  const form = f.values ? "values" : f.is !== undefined ? "is" : f.near !== undefined ? "near" : "a range";
  const fits = FORMS[info.kind]!;
  if (!fits.includes(form)) return `a condition on ${f.dim} takes ${fits.join(" or ")}, not ${form}`;
  if (info.kind === "id") {
    const bad = f.values!.find((v) => !/^\d+$/.test(v));
    if (bad !== undefined) return `${f.dim} values are ids (digits), not "${clip(bad)}"`;
  }
  const allowed = f.dim === "class" ? CellClass.options : STRATEGIES[f.dim];
  const unknown = allowed && f.values!.find((v) => !allowed.includes(v));
  if (unknown !== undefined) return `${f.dim} is one of ${allowed!.join(", ")}, not "${clip(unknown)}"`;
  return undefined;
}

function groupProblem(g: Group, flow: boolean, withinGroups = false): string | undefined {
  if (g.width !== undefined && DIMS[g.dim].kind !== "number" && DIMS[g.dim].kind !== "angle") {
    return `${g.dim} is not a number, so it has no bin width`;
  }
  if (!flow && DIMS[g.dim].level === "row") return `${g.dim} is a dimension of synapses or connections`;
  if (flow && !g.side && g.dim !== "ori_difference" && !withinGroups) {
    return `a grouping of synapses by ${g.dim} needs its side (pre or post)`;
  }
  return undefined;
}

/** A partner's tuning is measured on connections, of one side; the orientation difference of a pair has none. */
function quantitySideProblem(plan: Extract<QueryPlan, { kind: "query" }>): string | undefined {
  const m = plan.measure;
  const side = ("of" in m || m.fn === "list") && "side" in m ? m.side : undefined;
  const quantities = "of" in m ? [m.of] : m.fn === "list" ? (m.with ?? []) : [];
  const tuning = ["pref_ori", "pref_dir", "osi", "dsi"];
  if (side && plan.source !== "connections") return "a measure's side (whose tuning) belongs to connections";
  if (side && !quantities.some((x) => tuning.includes(x))) return "a measure's side names whose tuning is measured";
  if (quantities.includes("ori_difference") && plan.source !== "connections") {
    return "ori_difference is measured on connections";
  }
  if (plan.source === "connections" && !side && quantities.some((x) => tuning.includes(x))) {
    return "a tuning measured on connections needs its side (pre or post)";
  }
  return undefined;
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Every filter of a plan, in its populations, parts and comparisons. */
export function planFilters(plan: QueryPlan): Filter[] {
  if (plan.kind !== "query") return [];
  const parts = [
    ...(plan.compare ?? []),
    ...(plan.measure.fn === "fraction" ? [plan.measure.part] : []),
    ...(plan.measure.fn === "ratio" ? [plan.measure.numerator, plan.measure.denominator] : []),
  ];
  const inParts = parts.flatMap((p) => [...(p.filter ?? []), ...(p.pre ?? []), ...(p.post ?? [])]);
  return [...plan.filter, ...plan.pre, ...plan.post, ...inParts];
}

/** Two compared sets, or one grouping whose dimension is narrowed to two values: what a contrast is of. */
export function twoResults(plan: Extract<QueryPlan, { kind: "query" }>): boolean {
  if (["list", "histogram", "quartiles", "kinds"].includes(plan.measure.fn) || plan.limit) return false;
  if (plan.compare) return plan.compare.length === 2 && !plan.groupBy.length;
  const g = plan.groupBy.length === 1 ? plan.groupBy[0]! : undefined;
  const filters = g?.side ? plan[g.side] : plan.filter;
  return Boolean(g && filters.some((f) => f.dim === g.dim && !f.not && f.values?.length === 2));
}
