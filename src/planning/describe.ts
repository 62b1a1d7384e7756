import { namesCondition, type Group, type LookupPlan, type Part, type Query, type QueryPlan } from "./plan.js";
import type { Labels } from "./describe/conditions.js";
import { describeMeasure, quantityWords } from "./describe/measures.js";
import { boundWords } from "./describe/bounds.js";
import { num } from "./describe/number-words.js";
import { describeGroup, describePart, describeRows, partIs } from "./describe/rows.js";

// The words for conditions, measures and rows are in ./describe/; this module puts them together.
export { describeCells, describeFilter, type Labels } from "./describe/conditions.js";
export { boundWords } from "./describe/bounds.js";
export { kindWords, quantityWords } from "./describe/measures.js";
export { describeGroup, describePart, describeRows, partIs } from "./describe/rows.js";

/**
 * "4P cells in V1 vs in RL": conditions every compared set holds are said once, of the rows
 * ("number of 4P cells, compared: V1 vs RL"), so a set's short label does not hide them.
 */
export function withSharedConditions(q: Query): Query {
  if (!q.compare) return q;
  const shared = (key: "filter" | "pre" | "post") =>
    (q.compare![0]![key] ?? []).filter((f) =>
      q.compare!.every((p) => (p[key] ?? []).some((g) => JSON.stringify(g) === JSON.stringify(f))),
    );
  return {
    ...q,
    filter: [...q.filter, ...shared("filter")],
    pre: [...q.pre, ...shared("pre")],
    post: [...q.post, ...shared("post")],
  };
}

/** The part of a share across groups, when it names one: "… that are from BCs". */
const partOf = (p: Part, labels: Labels) => (namesCondition(p) ? ` that ${partIs(p, labels)}` : "");

/** Like-to-like per group with no side: both roots of each pair in the same group. */
const withinGroup = (q: Query, g: Group) =>
  q.measure.fn === "probability" &&
  !g.side &&
  g.dim !== "ori_difference" &&
  q.groupBy.some((o) => o.dim === "ori_difference")
    ? " (both roots of a pair in the same one)"
    : "";

/**
 * A compared set in words: its label, but a set labelled by a bare id says its side ("onto 8646…"), for the
 * rows ("synapses from any cell onto any cell") do not say which of the two ids' synapses are counted.
 */
function comparedSet(p: Part, labels: Labels): string {
  const oneSide = !p.filter?.length && !!p.pre?.length !== !!p.post?.length;
  if (p.label && /^\d+$/.test(p.label) && oneSide) {
    return `${p.pre?.length ? "from" : "onto"} ${p.label}`;
  }
  return p.label ?? describePart(p, labels);
}

/** The whole plan in words, the "Read as" line without its source. */
export function describePlan(plan: QueryPlan, labels: Labels): string {
  if (plan.kind === "lookup") return describeLookup(plan);
  if (plan.kind === "sql") return "free-form SQL proposed by the language model";
  const q = plan;
  const rows = describeRows(withSharedConditions(q), labels);
  let text: string;
  if (q.measure.fn === "fraction" && q.measure.across)
    text = `each group's share of ${/^all\b/.test(rows) ? "" : "all "}${rows}${partOf(q.measure.part, labels)}`;
  else if (q.measure.fn === "fraction") text = `share of ${rows} that ${partIs(q.measure.part, labels)}`;
  else if (q.measure.fn === "ratio") {
    text =
      `ratio of those ${describePart(q.measure.numerator, labels)} ` +
      `to those ${describePart(q.measure.denominator, labels)}, ` +
      `among ${rows}`;
  } else if (q.measure.fn === "list") text = `list of ${rows}${listWith(q)}`;
  else {
    const m = describeMeasure(q.measure, q.source);
    text = /( of| in| among)$/.test(m) || m === "number of" ? `${m} ${rows}` : `${m} of ${rows}`;
  }
  if (q.compare) text += `, compared: ${q.compare.map((p) => comparedSet(p, labels)).join(" vs ")}`;
  if (q.groupBy.length) text += `, per ${q.groupBy.map((g) => describeGroup(g) + withinGroup(q, g)).join(" and ")}`;
  if (q.having) {
    const bound = boundWords(q.having, q.measure.fn === "fraction");
    text += `, ${q.having.count ? "counting" : "only"} the groups where it is ${bound}`;
  }
  if (q.order) text += q.order === "desc" ? ", highest first" : ", lowest first";
  if (q.contrast)
    text +=
      q.contrast === "sum"
        ? ", and the two added up"
        : q.contrast === "minus"
          ? ", and the first minus the second"
          : `, and the ${q.contrast} of the two`;
  if (q.rank) text += `, the ${ordinal(q.rank)} only`;
  else if (q.limit && q.perGroup)
    text += `, the ${q.limit === 1 ? "top one" : `top ${q.limit}`} within each ${describeGroup(q.groupBy[0]!)}`;
  else if (q.limit) text += `, top ${q.limit}`;
  if (q.radians && q.measure.fn !== "list") text += ", angles in radians";
  if (q.test) {
    text +=
      `, with a permutation test (${num(q.test.permutations)} random permutations of the preferred orientations ` +
      "among the matched neurons; statistic: the mean orientation difference of the connected pairs, one-sided)";
  }
  // Like-to-like is drawn as points with their intervals, whichever chart was asked for.
  const intervals = q.measure.fn === "probability" && q.groupBy.some((g) => g.dim === "ori_difference");
  if (q.chart) {
    text += `, as a ${
      intervals
        ? "plot of points with 95% intervals"
        : q.chart === "box"
          ? "box plot"
          : q.chart === "heatmap"
            ? "heatmap"
            : q.chart === "rose"
              ? "rose (a round histogram)"
              : `${q.chart} chart`
    }`;
  }
  return text;
}

/** What a list shows of each row: "each with its synapses and the gOSI of the postsynaptic root". */
function listWith(q: Query): string {
  const m = q.measure;
  if (m.fn !== "list" || !m.with?.length) return "";
  const inRadians = (t: string) =>
    q.radians ? t.replace("(°, circular: 0–90)", "(radians, circular: 0–π/2)").replace("(°)", "(radians)") : t;
  const names = m.with.map((x) => inRadians(quantityWords(x)));
  const words = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0]!;
  if (q.source !== "connections" && q.chart === "scatter" && names.length === 2) {
    return `, each with its ${names[0]} plotted against its ${names[1]}`;
  }
  if (q.source !== "connections") return `, each with its ${words}`;
  const whose = m.side ? `the ${m.side === "pre" ? "presynaptic" : "postsynaptic"} root's ` : "the ";
  return `, each with its synapses and ${whose}${words}`;
}

/** A position unit of a look-up as written: "nm", "µm". */
export const unitWord = (u: "nm" | "um") => (u === "nm" ? "nm" : "µm");

function describeLookup(p: LookupPlan): string {
  const what = p.rootId ? `root ${p.rootId}` : `nucleus ${p.nucleusId}`;
  const fields = p.fields.map((f) =>
    f === "position" && p.positionUnit ? `position in ${unitWord(p.positionUnit)}` : f,
  );
  return `look up ${what} (${fields.length ? fields.join(", ").replace(/_/g, " ") : "everything known"})`;
}

/** 2 → "2nd", 3 → "3rd", 11 → "11th". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}
