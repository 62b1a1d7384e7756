import type { Query } from "../../planning/plan.js";
import type { AnswerTable } from "../../answers/answer.js";
import { QUANTITY } from "./dims.js";
import { fmt, type Presentation } from "./types.js";

/** A histogram's answer: its bins as a table (start, end, count), the first line, and the chart. */
export function histogramPresentation(q: Query, table: AnswerTable, rows: string): Presentation {
  const m = q.measure as Extract<Query["measure"], { fn: "histogram" }>;
  const qty = QUANTITY[m.of];
  const counted =
    q.source === "synapses"
      ? "synapses"
      : q.source === "connections"
        ? "connections"
        : q.source === "roots"
          ? "neurons"
          : "cells";
  const edge = (x: unknown) => (typeof x === "number" ? Number(x.toPrecision(4)) : x);
  const binned: AnswerTable = {
    columns: ["bin_start", "bin_end", counted],
    rows: table.rows.map((r) => [edge(r[0]), edge(r[1]), r[2] ?? null] as AnswerTable["rows"][number]),
  };
  const total = table.rows.reduce((s, r) => s + Number(r[2] ?? 0), 0);
  const label = `${qty.label}${qty.unit ? ` (${qty.unit})` : ""}`;
  const whose = m.side ? ` of the ${m.side === "pre" ? "presynaptic" : "postsynaptic"} roots` : "";
  // (Whole numbers with few values are binned one value each: bin_start is the value.)
  const unit = table.rows.length > 0 && table.rows.every((r) => Number(r[1]) - Number(r[0]) === 1);
  const bins = unit
    ? `one bin per value, ${fmt(Number(table.rows[0]![0]))} to ${fmt(Number(table.rows.at(-1)![0]))}`
    : `in ${m.bins} bins${table.rows.length < m.bins ? ` (${m.bins - table.rows.length} empty)` : ""}`;
  return {
    table: binned,
    headline: `Distribution of ${label}${whose} of ${rows}: ${fmt(total)} ${counted}, ${bins}.`,
    chart: {
      kind: q.chart === "rose" && (m.of === "pref_ori" || m.of === "pref_dir") ? "rose" : "histogram",
      x: "bin_start",
      x2: "bin_end",
      y: counted,
      xTitle: label,
      yTitle: counted,
      logX: Boolean(qty.log) && !unit,
      depthLayers: m.of === "depth",
    },
  };
}
