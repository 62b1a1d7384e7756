import { namesCondition, type Query } from "../../planning/plan.js";
import {
  boundWords,
  describeGroup,
  describePart,
  describeRows,
  withSharedConditions,
  kindWords,
  partIs,
  ordinal,
  type Labels,
} from "../../planning/describe.js";
import type { AnswerTable } from "../../answers/answer.js";
import type { StatementResult } from "../protocol.js";
import { QUANTITY } from "./dims.js";
import { groupKey } from "./flow.js";
import { histogramPresentation } from "./present-histogram.js";
import { GROUPS_KEPT } from "./having.js";
import { keepTies, type Tie } from "./ties.js";
import { fmt, type ChartHint, type CompileContext, type Presentation } from "./types.js";

type Contrast = NonNullable<Query["contrast"]>;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The answer's first line and table, and the chart that fits it, from a query's result. */
export function presentQuery(ctx: CompileContext, q: Query, value: string, fetched: StatementResult): Presentation {
  const { result, tie } = keepTies(q, fetched, q.measure.fn === "quartiles" ? "median" : value);
  const labels: Labels = { typeLabel: (v) => ctx.vocabulary.cellTypeLabel(v) };
  const table: AnswerTable = { columns: result.columns, rows: result.rows };
  if (result.truncated) table.totalRows = result.rows.length + 1;
  if (q.measure.fn === "fraction") withPercent(table, value);
  const col = (name: string, row = result.rows[0]) => row?.[result.columns.indexOf(name)] ?? null;
  // ("V1 vs HVA 23P counts": what every compared set holds is said of the rows, as in the reading.)
  const rows = describeRows(withSharedConditions(q), labels);
  const m = q.measure;
  if (m.fn === "histogram") return histogramPresentation(q, table, rows);
  const keys = [...(q.compare ? ["compared"] : []), ...q.groupBy.map(groupKey)];
  const what = measureWords(q, labels, rows);
  const bound = q.having ? `, where it is ${boundWords(q.having, m.fn === "fraction")}` : "";
  if (q.having?.count) {
    const groups = q.groupBy.map((g) => `${describeGroup(g)}s`).join(" and ");
    const said = bound.replace(/^, where it is /, "");
    const headline = `Number of ${groups} where the ${what} ${rows} is ${said}: ${fmt(col(GROUPS_KEPT))}.`;
    return { table, headline };
  }
  if (!keys.length) {
    const headline =
      m.fn === "quartiles"
        ? quartileLine(m.of, rows, (n) => col(n))
        : m.fn === "fraction"
          ? fractionLine(col("part"), col("whole"), col(value), rows, partIs(m.part, labels))
          : m.fn === "ratio"
            ? `${capitalize(what)} ${rows}: ${col(value) === null ? "undefined (no denominator)" : fmt(col(value))} (${fmt(col("numerator"))} to ${fmt(col("denominator"))}).`
            : `${capitalize(what)} ${rows}: ${valueText(col(value), m.fn)}.`;
    if ((m.fn === "count" || m.fn === "distinct") && col(value) === null) table.rows = [[0]];
    return { table, headline };
  }
  const n = result.rows.length;
  const keyText = (row: (typeof result.rows)[number]) => keys.map((k) => String(col(k, row))).join(" → ");
  const valueCol = m.fn === "quartiles" ? "median" : value;
  // (A share is said as a percentage wherever it is said: "23P, with 28.7%", not "with 0.2865".)
  const valueOf = (row = result.rows[0]) => (m.fn === "fraction" ? pct(col(valueCol, row)) : fmt(col(valueCol, row)));
  const show = (row: (typeof result.rows)[number]) => `${keyText(row)} ${valueOf(row)}`;
  const per = [...(q.compare ? ["compared set"] : []), ...q.groupBy.map(describeGroup)].join(" and ") + bound;
  let headline: string;
  if (n === 0) headline = `${capitalize(what)} ${rows}, per ${per}: none.`;
  else if (q.perGroup) {
    const [outer, inner] = q.groupBy.map(describeGroup) as [string, string];
    const listed = result.rows.slice(0, 24).map(show).join("; ");
    headline =
      `${capitalize(what)} ${rows}: the ${q.limit === 1 ? `top ${inner}` : `top ${q.limit} ${inner}s`} ` +
      `within each ${outer}${bound}: ` +
      `${listed}${n > 24 ? `; and ${n - 24} more` : ""}.`;
  } else if (tie && (q.rank || q.limit === 1))
    headline =
      (q.rank
        ? `No single ${ordinal(q.rank)}: places ${places(tie)} are tied: `
        : `Tied for the top (places ${places(tie)}): `) +
      `${tiedNames(result.rows.map(keyText), tie)}, with ${valueOf()} each (${what} ${rows}).`;
  else if (q.limit === 1 && q.order)
    headline =
      `${q.rank ? `The ${ordinal(q.rank)}: ` : ""}${keyText(result.rows[0]!)}, with ${valueOf()} ` +
      `(${what} ${rows}).`;
  else if (n <= (q.having ? 12 : 6) || q.compare)
    headline = `${capitalize(what)} ${rows}, per ${per}: ${result.rows.slice(0, 8).map(show).join("; ")}.`;
  else {
    headline =
      `${capitalize(what)} ${rows}, per ${per}: ${n}${result.truncated ? "+" : ""} groups` +
      `${q.order && result.rows[0] ? `; ${q.order === "desc" ? "highest" : "lowest"}: ${show(result.rows[0])}` : ""}.`;
  }
  if (tie && !q.rank && q.limit !== 1) headline += ` ${tieAtEdge(q.limit!, tie)}`;
  if (q.contrast) {
    const contrast = withContrast(table, keys[0]!, valueCol, q.contrast, saidOrder(q));
    headline = headline.replace(/\.$/, `; ${contrast}.`);
  }
  return { table, headline, chart: chartHint(q, keys, valueCol, what) };
}

/** "A, B and C", or "A, B, C and more" when every row fetched was tied. */
function tiedNames(names: string[], tie: Tie): string {
  if (tie.more) return `${names.join(", ")} and more`;
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0]!;
}

const places = (tie: Tie) => `${tie.first}–${tie.last}${tie.more ? "+" : ""}`;

/** A top-k whose k-th row ties with rows after it: said, so the cut at k is not taken for a gap. */
function tieAtEdge(k: number, tie: Tie): string {
  const extra = `${tie.last - k}${tie.more ? "+" : ""}`;
  return `(Places ${places(tie)} are tied: ${extra} more than shown share the ${ordinal(k)} place.)`;
}

function measureWords(q: Query, labels: Labels, rows: string): string {
  const m = q.measure;
  const whose = "side" in m && m.side ? ` of the ${m.side === "pre" ? "presynaptic" : "postsynaptic"} roots` : "";
  const unit = "of" in m && QUANTITY[m.of].unit ? ` (${QUANTITY[m.of].unit})` : "";
  const qty = "of" in m ? `${QUANTITY[m.of].label}${unit}${whose}` : "";
  switch (m.fn) {
    case "count":
      return "number of";
    case "distinct":
      return q.source === "synapses" || q.source === "connections"
        ? `number of distinct ${distinctSideWord(q)} partners, among`
        : "number of distinct root ids of";
    case "sum":
      // (Summed over connections, their synapses are all the synapses of those connections.)
      if (m.of === "synapses" && !whose) return "number of synapses in";
      return m.of === "total_size" && !whose ? "summed synapse size (voxels) of" : `total ${qty} of`;
    case "mean":
      return `mean ${qty} of`;
    case "median":
      return `median ${qty} of`;
    case "min":
      return `smallest ${qty} of`;
    case "max":
      return `largest ${qty} of`;
    case "stddev":
      return `standard deviation of ${qty} of`;
    case "percentile":
      return `${m.p}th percentile of ${qty} of`;
    case "fraction":
      // (Across groups: each group's share of the one total, where the rows go.)
      if (m.across) {
        // ("of all cells": the rows may already say "all".)
        const all = /^all\b/.test(rows) ? "" : " all";
        return namesCondition(m.part)
          ? `each group's share, of those that ${partIs(m.part, labels)}, of${all}`
          : `each group's share of${all}`;
      }
      return `share that ${partIs(m.part, labels)}, of`;
    case "ratio": {
      // ("ratio of those from 23P onto BC to those from BC onto 23P", as the reading says it.)
      const term = (t: string) => (/^(from|onto|with|whose)\b/.test(t) ? `those ${t}` : t);
      return `ratio of ${term(describePart(m.numerator, labels))} to ${term(describePart(m.denominator, labels))}, among`;
    }
    case "kinds":
      return `number of distinct ${kindWords(m.dim, m.side)} among`;
    case "quartiles":
      return `quartiles of ${qty} of`;
    default:
      return m.fn;
  }
}

function distinctSideWord(q: Query): string {
  const m = q.measure;
  const side =
    m.fn === "distinct" && m.side
      ? m.side
      : q.pre.length && !q.post.length
        ? "post"
        : !q.pre.length && q.post.length
          ? "pre"
          : "post";
  return side === "pre" ? "presynaptic" : "postsynaptic";
}

const pct = (v: unknown) => (v === null || v === undefined ? "n/a" : `${(Number(v) * 100).toFixed(1)}%`);

function valueText(v: unknown, fn: string): string {
  if (v === null || v === undefined)
    return fn === "count" || fn === "distinct" || fn === "kinds" ? "0" : "none (no such rows)";
  return fmt(v as number);
}

function fractionLine(part: unknown, whole: unknown, share: unknown, rows: string, partText: string): string {
  if (!Number(whole)) return `There are no ${rows} in this data.`;
  // ("Of 1,940 cells", not "Of 1,940 all cells": a count says "all" already.)
  const counted = rows.replace(/^all /, "");
  return `Of ${fmt(whole as number)} ${counted}, ${fmt((part ?? 0) as number)} ${partText}: ${pct(share)}.`;
}

function quartileLine(of: keyof typeof QUANTITY, rows: string, col: (n: string) => unknown): string {
  const q = QUANTITY[of];
  const f = (n: string) => fmt(col(n) as number);
  return (
    `${capitalize(q.label)} of ${rows}: median ${f("median")} ${q.unit} (quartiles ${f("q1")} to ${f("q3")},` +
    ` IQR ${f("iqr")}, range ${f("min")} to ${f("max")}, mean ${f("mean")}, n = ${f("n")}).`
  );
}

function chartHint(q: Query, keys: string[], valueCol: string, what: string): ChartHint | undefined {
  const title = (k: string) =>
    describeGroup(q.groupBy.find((g) => groupKey(g) === k) ?? { dim: "cell_type" }).replace(/^root$/, "root id");
  const yTitle = what.replace(/ (of|among)$/, "").replace(/^number of$/, valueCol);
  if (q.measure.fn === "quartiles") {
    // The value axis is the quantity itself ("gOSI", "synapse size (voxels)"): the box shows its quartiles.
    const qty = QUANTITY[q.measure.of];
    return {
      kind: "box",
      x: keys[keys.length - 1]!,
      y: "median",
      xTitle: title(keys[keys.length - 1]!),
      yTitle: `${qty.label}${qty.unit ? ` (${qty.unit})` : ""}`,
    };
  }
  if (keys.length === 2) {
    return {
      kind: "heatmap",
      x: keys[1]!,
      y: keys[0]!,
      color: valueCol,
      xTitle: keys[1] === "compared" ? "compared" : title(keys[1]!),
      yTitle: keys[0] === "compared" ? "compared" : title(keys[0]!),
      colorTitle: yTitle,
    };
  }
  if (keys.length === 1)
    return {
      kind: "bar",
      x: keys[0]!,
      y: valueCol,
      xTitle: keys[0] === "compared" ? "compared" : title(keys[0]!),
      yTitle,
    };
  return undefined;
}

/** A share is shown as a fraction and, beside it, as a percentage (people ask in either). */
export function withPercent(table: AnswerTable, value: string): void {
  const at = table.columns.indexOf(value);
  if (at < 0) return;
  table.columns = [...table.columns, "percent"];
  table.rows = table.rows.map((r) => [...r, r[at] === null || r[at] === undefined ? null : Number(r[at]) * 100]);
}

/** The two results' keys in the order the question said them (the compared sets, or the grouped values). */
function saidOrder(q: Query): string[] {
  if (q.compare) return q.compare.map((p, i) => p.label ?? `set ${i + 1}`);
  const g = q.groupBy[0];
  const filters = g?.side ? q[g.side] : q.filter;
  return filters.find((f) => f.dim === g?.dim && !f.not && f.values?.length === 2)?.values ?? [];
}

/**
 * "how many more 23P than 4P", "how many fewer MCs than BCs": the two results' difference, one row
 * more, the larger minus the smaller. "how many times more BC than MC synapses": their ratio, the
 * first said over the second (the larger over the smaller if the rows do not show which was said
 * first). "A minus B": the first said minus the second, negative when B is larger. The label says which, so a
 * premise the other way round shows.
 */
function withContrast(table: AnswerTable, key: string, value: string, contrast: Contrast, said: string[]): string {
  const [k, v] = [table.columns.indexOf(key), table.columns.indexOf(value)];
  if (table.rows.length !== 2 || table.rows.some((r) => r[v] == null))
    // (Not "no difference", which would read as a difference of zero.)
    return `the ${contrast} needs two results, and ${table.rows.length === 1 ? "only one has" : "these are not two"} rows`;
  const bySize = [...table.rows].sort((x, y) => Number(y[v]) - Number(x[v]));
  const asSaid = said.map((name) => table.rows.find((r) => String(r[k]) === name));
  const [a, b] = (contrast !== "difference" && asSaid.every(Boolean) ? asSaid : bySize) as [unknown[], unknown[]];
  const sign = { ratio: "/", difference: "−", minus: "−", sum: "+" }[contrast];
  const name = { ratio: "ratio", difference: "difference", minus: "difference", sum: "total" }[contrast];
  const label = `${name} (${String(a[k])} ${sign} ${String(b[k])})`;
  const result =
    contrast === "ratio"
      ? Number(b[v])
        ? Number(a[v]) / Number(b[v])
        : null
      : contrast === "sum"
        ? Number(a[v]) + Number(b[v])
        : Number(a[v]) - Number(b[v]);
  table.rows.push(table.columns.map((_, i) => (i === k ? label : i === v ? result : null)));
  return `${label} ${result === null ? "undefined (a zero)" : fmt(result)}`;
}
