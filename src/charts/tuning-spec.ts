import type { ChartRequest } from "./request.js";
import { wrap } from "./spec.js";
import { CATEGORY_COLOURS, HEIGHT, MARK_LABEL_SIZE, PADDING, WIDTH } from "./style.js";

/**
 * The charts of the functional half: like-to-like probabilities with their intervals, a rose of
 * preferred orientations, and the cyclic colour scale for orientations on a soma map.
 */
type Spec = Record<string, unknown>;
type Values = Record<string, string | number | null>[];

const axisTitle = (given: string | undefined, column: string) => given ?? column.replace(/_/g, " ");

/**
 * Points at each bin's middle with a bar for the 95% interval, and "connected / possible pairs"
 * above each: the pair counts stay in sight, so a bin of a dozen pairs reads as one.
 */
export function errorbar(r: ChartRequest, values: Values, title: string[]): Spec {
  if (r.color) return groupedErrorbar(r, values, title);
  const lo = r.low ?? "ci_low";
  const hi = r.high ?? "ci_high";
  const { edges, x, y } = axes(r, values, "_mid");
  const colour = CATEGORY_COLOURS[0];
  const tooltip = [r.x, r.x2 ?? r.x, r.y, lo, hi, r.label, r.total].filter(Boolean).map((field) => ({ field }));
  return {
    transform: [
      { calculate: `(datum['${r.x}'] + datum['${r.x2 ?? r.x}']) / 2`, as: "_mid" },
      ...(r.label && r.total
        ? [
            {
              calculate: `format(datum['${r.label}'], ',') + ' / ' + format(datum['${r.total}'], ',') + ' pairs'`,
              as: "_pairs",
            },
          ]
        : []),
    ],
    // Two short subtitle lines: a line wider than the plot makes "fit" narrow the plot to make room.
    title: {
      text: title,
      subtitle: r.subtitle ?? [
        "point: connected ÷ possible ordered pairs; bar: its 95% Wilson interval",
        "label: connected / possible pairs",
      ],
    },
    layer: [
      binBands(edges),
      {
        mark: { type: "rule", color: colour, strokeWidth: 2.5 },
        encoding: { x, y: y(lo), y2: { field: hi }, tooltip },
      },
      {
        mark: { type: "tick", color: colour, orient: "horizontal", size: 16, thickness: 2 },
        encoding: { x, y: y(lo) },
      },
      {
        mark: { type: "tick", color: colour, orient: "horizontal", size: 16, thickness: 2 },
        encoding: { x, y: y(hi) },
      },
      {
        mark: { type: "point", filled: true, size: 110, color: colour, fillOpacity: 1 },
        encoding: { x, y: y(r.y), tooltip },
      },
      {
        mark: { type: "text", baseline: "bottom", dy: -6, fontSize: MARK_LABEL_SIZE, color: "#333" },
        encoding: { x, y: y(hi), text: { field: r.label ? "_pairs" : r.y, ...(r.label ? {} : { format: ".2%" }) } },
      },
      {
        mark: { type: "text", align: "left", dx: 10, fontSize: MARK_LABEL_SIZE, fontWeight: "bold", color: colour },
        encoding: { x, y: y(r.y), text: { field: r.y, format: ".2%" } },
      },
    ],
  };
}

/** The bin-edge axis (x, at a computed field) and the probability axis, starting at zero. */
function axes(r: ChartRequest, values: Values, field: string) {
  const hi = r.high ?? "ci_high";
  const edges = [...new Set(values.flatMap((v) => [Number(v[r.x]), Number(v[r.x2 ?? r.x])]))].sort((a, b) => a - b);
  const top = Math.max(0, ...values.map((v) => Number(v[hi] ?? v[r.y] ?? 0)));
  const x = {
    field,
    type: "quantitative",
    title: axisTitle(r.xTitle, r.x),
    scale: { domain: [edges[0] ?? 0, edges[edges.length - 1] ?? 90], nice: false },
    axis: { values: edges, labelExpr: "format(datum.value, '.4~r') + '°'", grid: false },
  };
  // Room above the highest interval for its label; probabilities start at zero so heights compare.
  const y = (f: string) => ({
    field: f,
    type: "quantitative",
    title: axisTitle(r.yTitle, r.y),
    scale: { domain: [0, top > 0 ? top * 1.18 : 1], nice: false, zero: true },
    axis: { format: ".1%", tickCount: 6 },
  });
  return { edges, x, y };
}

/** Bin edges as faint bands, so a point reads as a bin, not a single angle. */
const binBands = (edges: number[]) => ({
  mark: { type: "rule", color: "#ececec", strokeWidth: 1 },
  data: { values: edges.map((e) => ({ e })) },
  encoding: { x: { field: "e", type: "quantitative" } },
});

/**
 * One series per group (like-to-like per area): each group's points side by side within a bin,
 * in its own colour, with its interval; the pair counts are in the table, not written on the plot.
 */
function groupedErrorbar(r: ChartRequest, values: Values, title: string[]): Spec {
  const lo = r.low ?? "ci_low";
  const hi = r.high ?? "ci_high";
  const groups = [...new Set(values.map((v) => String(v[r.color!])))];
  const { edges, x, y } = axes(r, values, "_at");
  const width = Math.min(...edges.slice(1).map((e, i) => e - edges[i]!));
  const step = (width * 0.7) / Math.max(groups.length, 1);
  const colour = {
    field: r.color,
    type: "nominal",
    title: r.colorTitle ?? r.color!.replace(/_/g, " "),
    scale: { domain: groups, range: groups.map((_, i) => CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]) },
  };
  const tooltip = [r.color!, r.x, r.x2 ?? r.x, r.y, lo, hi, r.label, r.total]
    .filter(Boolean)
    .map((field) => ({ field }));
  return {
    transform: [
      {
        calculate:
          `(datum['${r.x}'] + datum['${r.x2 ?? r.x}']) / 2 + (indexof(${JSON.stringify(groups)}, ` +
          `datum['${r.color}'] + '') - ${(groups.length - 1) / 2}) * ${step}`,
        as: "_at",
      },
    ],
    title: {
      text: title,
      subtitle: r.subtitle ?? [
        "point: connected ÷ possible ordered pairs; bar: its 95% Wilson interval",
        "pair counts per group and bin: in the table",
      ],
    },
    layer: [
      binBands(edges),
      { mark: { type: "rule", strokeWidth: 2 }, encoding: { x, y: y(lo), y2: { field: hi }, color: colour, tooltip } },
      {
        mark: { type: "point", filled: true, size: 80, fillOpacity: 1 },
        encoding: { x, y: y(r.y), color: colour, tooltip },
      },
    ],
  };
}

/**
 * A rose of an orientation histogram: each bin a wedge at its angle (0° horizontal, increasing
 * clockwise, as the MICrONS tables measure it), drawn twice, θ and θ + 180°, since an orientation
 * has no head. Radius ∝ √count, so a wedge's area is its count.
 */
export function rose(r: ChartRequest, values: Values, title: string[]): Spec {
  const x2 = r.x2 ?? r.x;
  const period = Math.max(...values.map((v) => Number(v[x2] ?? 0))) > 180 ? 360 : 180;
  const mirrored = values.flatMap((v) =>
    period === 180 ? [v, { ...v, [r.x]: Number(v[r.x]) + 180, [x2]: Number(v[x2]) + 180 }] : [v],
  );
  const max = Math.max(1, ...values.map((v) => Number(v[r.y] ?? 0)));
  const side = HEIGHT - 160;
  const rad = (deg: string) => `(90 + ${deg}) * PI / 180`;
  // An orientation's two ends both carry its label (the mirrored half reads 0° to 135° again).
  const ticks = [0, 45, 90, 135, 180, 225, 270, 315].map((d) => ({ d, label: `${period === 180 ? d % 180 : d}°` }));
  const rings = [0.25, 0.5, 1].map((f) => Math.round(max * f)).filter((n, i, a) => n > 0 && a.indexOf(n) === i);
  const scale = { type: "sqrt", zero: true, domain: [0, max], range: [0, side / 2] };
  // Not stacked: vega-lite stacks arcs' radii when theta is not a field, which made the rings nest.
  const radius = { field: r.y, type: "quantitative", scale, stack: false };
  return {
    // A circle of fixed size with room around it for the angle labels ("fit" squeezed it to nothing).
    autosize: { type: "pad" },
    width: WIDTH - 2 * PADDING,
    height: side,
    // Shorter lines, capped to the picture: with "pad", vega's estimate of a title line's width (more
    // than it draws) widened the picture past 800 px.
    title: {
      text: title.length > 1 || title[0]!.length > 48 ? wrap(r.title, 48) : title,
      limit: WIDTH - 2 * PADDING,
      subtitle: r.subtitle ?? [
        `wedge area ∝ ${axisTitle(r.yTitle, r.y)}; rings at ${rings.map((n) => n.toLocaleString("en-US")).join(", ")}`,
        `0° horizontal, increasing clockwise${period === 180 ? "; each orientation drawn at θ and θ + 180°" : ""}`,
      ],
    },
    layer: [
      {
        data: { values: rings.map((n) => ({ n })) },
        mark: { type: "arc", fill: null, stroke: "#d8d8d8", theta: 0, theta2: 2 * Math.PI },
        encoding: { radius: { field: "n", type: "quantitative", scale, stack: false } },
      },
      {
        data: { values: mirrored },
        transform: [
          { calculate: rad(`datum['${r.x}']`), as: "_t" },
          { calculate: rad(`datum['${x2}']`), as: "_t2" },
        ],
        mark: { type: "arc", color: CATEGORY_COLOURS[0], stroke: "white", strokeWidth: 0.6, fillOpacity: 0.9 },
        encoding: {
          theta: { field: "_t", type: "quantitative", scale: null },
          theta2: { field: "_t2" },
          radius,
          tooltip: [{ field: r.x }, { field: x2 }, { field: r.y }],
        },
      },
      {
        data: { values: ticks },
        transform: [{ calculate: rad("datum.d"), as: "_t" }],
        mark: { type: "text", radius: side / 2 + 14, fontSize: 12, color: "#333" },
        encoding: { theta: { field: "_t", type: "quantitative", scale: null }, text: { field: "label" } },
      },
    ],
    view: { stroke: null },
  };
}

/**
 * A cyclic colour scale for an orientation (0–180°) or a direction (0–360°): the two ends of the
 * circle are one colour (sinebow), so neighbours across 0° look alike, as they are.
 */
export function cyclicColour(r: ChartRequest): Spec {
  const period = /dir/.test(r.color ?? "") ? 360 : 180;
  return {
    field: r.color,
    type: "quantitative",
    title: r.colorTitle ?? "preferred orientation (°)",
    scale: { scheme: "sinebow", domain: [0, period] },
    legend: {
      values: Array.from({ length: 5 }, (_, i) => (i * period) / 4),
      format: "~r",
      gradientLength: 200,
      titleLimit: 400,
    },
  };
}
