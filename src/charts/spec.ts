import type { ChartRequest } from "./request.js";
import { cyclicColour, errorbar, rose } from "./tuning-spec.js";
import { CATEGORY_COLOURS, CATEGORY_SHAPES, HEIGHT, VEGA_CONFIG, WIDTH } from "./style.js";

type Spec = Record<string, unknown>;

/** The table's rows as the records vega-lite reads: its data equal the answer's table. */
export function tableValues(request: ChartRequest): Record<string, string | number | null>[] {
  return request.table.rows.map((row) => Object.fromEntries(request.table.columns.map((c, i) => [c, row[i] ?? null])));
}

const axisTitle = (given: string | undefined, column: string) => given ?? column.replace(/_/g, " ");

/** Long titles become several lines rather than being cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  // (Three lines at most; a cut title says so.)
  return lines.length > 3 ? [...lines.slice(0, 2), `${lines[2]!.replace(/[,;:]?\s*\S*$/, "")} …`] : lines;
}

/** Tick values 1, 2, 5 × 10^k across a log axis, so labels read 100, 200, 500, 1,000 … */
function logTicks(values: Record<string, string | number | null>[], fields: string[]): number[] {
  const xs = values.flatMap((v) => fields.map((f) => Number(v[f]))).filter((x) => x > 0);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const ticks: number[] = [];
  for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
    for (const m of [1, 2, 5]) {
      const t = m * 10 ** p;
      if (t >= lo / 1.0001 && t <= hi * 1.0001) ticks.push(t);
    }
  }
  return ticks;
}
const format = ",.4~g";
/** Characters per title line: about what fits 800 px at the title's size. */
const TITLE_WRAP = 62;

/** A vega-lite spec for the request, with the shared style. */
export function buildSpec(request: ChartRequest): Spec {
  const values = tableValues(request);
  const base = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: wrap(request.title, TITLE_WRAP),
      ...(request.kind === "box"
        ? { subtitle: "box: quartiles (25th to 75th percentile), line: median, whiskers: smallest to largest" }
        : {}),
    },
    // WIDTH x HEIGHT is the whole picture, title, axes and legend included ("fit"): the size chat
    // apps show. Drawn around an 800x500 plot instead, a scatter was 1,986x1,206 px and rendered a
    // third slower, resvg's cost growing with the pixels.
    autosize: { type: "fit", contains: "padding" },
    width: WIDTH,
    height: HEIGHT,
    config: VEGA_CONFIG,
    data: { values },
  };
  switch (request.kind) {
    case "histogram":
      return { ...base, ...histogram(request, values) };
    case "bar":
      return { ...base, ...bar(request, values) };
    case "heatmap": {
      // A narrower picture wraps its title shorter, so that no line runs off its edge.
      const spec = heatmap(request, values);
      const chars = Math.floor((TITLE_WRAP * Number(spec.width)) / WIDTH);
      return { ...base, ...spec, title: { ...base.title, text: wrap(request.title, chars) } };
    }
    case "scatter":
      return { ...base, ...scatter(request, values) };
    case "box":
      return { ...base, ...box(request, values) };
    case "errorbar":
      return { ...base, ...errorbar(request, values, base.title.text) };
    case "rose":
      return { ...base, ...rose(request, values, base.title.text) };
  }
}

function histogram(r: ChartRequest, values: Record<string, string | number | null>[]): Spec {
  const scale = r.logX ? { type: "log" } : { zero: false };
  const axis = r.logX
    ? { values: logTicks(values, [r.x, r.x2 ?? r.x]), format: ",~r" }
    : { format: ",~r", labelOverlap: true };
  const bars = {
    mark: { type: "bar", color: CATEGORY_COLOURS[0], stroke: "white", strokeWidth: 0.5 },
    encoding: {
      x: { field: r.x, type: "quantitative", scale, title: axisTitle(r.xTitle, r.x), axis },
      x2: { field: r.x2 ?? r.x },
      // Bars stand on zero: y2 is the baseline.
      y: { field: r.y, type: "quantitative", title: axisTitle(r.yTitle, r.y), axis: { format: ",d", tickMinStep: 1 } },
      y2: { datum: 0 },
      tooltip: [
        { field: r.x, format },
        { field: r.x2 ?? r.x, format },
        { field: r.y, format: "," },
      ],
    },
  };
  return r.layers?.length ? { layer: [bars, ...layerMarks(r, "x")] } : bars;
}

function bar(r: ChartRequest, values: Record<string, string | number | null>[]): Spec {
  const n = values.length;
  const numbers = values.map((v) => Number(v[r.y] ?? 0));
  const counts = numbers.every(Number.isInteger);
  // A fraction column reads as percentages.
  const percent = r.y === "fraction";
  // Ticks read 2,000 rather than 2k below a million: with "~s", vega labelled them 0k, 0.1k, 0.2k.
  const axis = percent
    ? { format: ".0%" }
    : Math.max(0, ...numbers) >= 1e6
      ? { format: "~s" }
      : counts
        ? { format: ",d", tickMinStep: 1 }
        : { format: ",~r" };
  // Horizontal bars keep long category names readable; the table's order is kept.
  const y = { field: r.x, type: "nominal", sort: null, title: axisTitle(r.xTitle, r.x) };
  const x = { field: r.y, type: "quantitative", title: axisTitle(r.yTitle, r.y), axis };
  // The picture's height follows the number of bars, up to HEIGHT; past about 27 bars it grows so
  // that each bar keeps 15 px for its label. Title, x axis and padding take about 76 px plus 21 a title line.
  const chrome = 76 + 21 * wrap(r.title, TITLE_WRAP).length;
  const plot = Math.max(Math.min(Math.max(160, n * 26), HEIGHT - chrome), n * 15);
  return {
    height: plot + chrome,
    layer: [
      { mark: { type: "bar", color: CATEGORY_COLOURS[0] }, encoding: { y, x } },
      {
        mark: { type: "text", align: "left", dx: 4, fontSize: 12 },
        encoding: { y, x, text: { field: r.y, type: "quantitative", format: percent ? ".1%" : ",.4~r" } },
      },
    ],
  };
}

function heatmap(r: ChartRequest, values: Record<string, string | number | null>[]): Spec {
  const value = r.color ?? "value";
  // Keep the order the rows arrive in (cortical order from the query), for both axes.
  const order = (field: string) => [...new Set(values.map((v) => String(v[field])))];
  const max = Math.max(...values.map((v) => Number(v[value] ?? 0)));
  const showNumbers = order(r.x).length * order(r.y).length <= 400;
  // Probabilities and fractions read as percentages ("3.3%", not "0.0325" or "33m").
  const share = /probability|fraction|share|percent/.test(value) && max <= 1;
  return {
    // Cells about 48 x 34 px up to the whole picture; the axes and the legend take about 230 x 170 px.
    width: Math.min(WIDTH, Math.max(300, order(r.x).length * 48) + 230),
    height: Math.min(HEIGHT, Math.max(200, order(r.y).length * 34) + 170),
    encoding: {
      x: { field: r.x, type: "nominal", sort: order(r.x), title: axisTitle(r.xTitle, r.x), axis: { labelAngle: -40 } },
      y: { field: r.y, type: "nominal", sort: order(r.y), title: axisTitle(r.yTitle, r.y) },
    },
    layer: [
      {
        mark: "rect",
        encoding: {
          color: {
            field: value,
            type: "quantitative",
            scale: { scheme: "viridis" },
            title: r.colorTitle ?? value.replace(/_/g, " "),
            legend: { format: share ? ".0%" : max >= 1 ? ".3~s" : ".2~r" },
          },
        },
      },
      ...(showNumbers
        ? [
            {
              mark: { type: "text", fontSize: 11 },
              encoding: {
                text: {
                  field: value,
                  type: "quantitative",
                  format: share ? ".1%" : max >= 10_000 ? ".3~s" : max >= 100 ? ",.0f" : ",.3~r",
                },
                color: { condition: { test: `datum['${value}'] > ${max * 0.55}`, value: "black" }, value: "white" },
              },
            },
          ]
        : []),
    ],
  };
}

function scatter(r: ChartRequest, values: Record<string, string | number | null>[]): Spec {
  const present = r.color ? [...new Set(values.map((v) => String(v[r.color!])))] : [];
  const rank = (c: string) =>
    (r.colorOrder?.indexOf(c) ?? -1) < 0 ? Number.MAX_SAFE_INTEGER : r.colorOrder!.indexOf(c);
  const categories = present.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const colour =
    r.color && r.cyclic
      ? cyclicColour(r)
      : r.color
        ? {
            field: r.color,
            type: "nominal",
            scale: {
              domain: categories,
              range: categories.map((_, i) => CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]),
            },
            title: r.colorTitle ?? r.color.replace(/_/g, " "),
          }
        : { value: CATEGORY_COLOURS[0] };
  const shape =
    !r.cyclic && categories.length > CATEGORY_COLOURS.length
      ? {
          shape: {
            field: r.color,
            type: "nominal",
            scale: {
              domain: categories,
              range: categories.map(
                (_, i) => CATEGORY_SHAPES[Math.floor(i / CATEGORY_COLOURS.length) % CATEGORY_SHAPES.length],
              ),
            },
          },
        }
      : {};
  const points = {
    // fillOpacity, not opacity: resvg composites every element with its own opacity on a layer of its own.
    mark: { type: "point", filled: true, size: values.length > 5000 ? 10 : 28, fillOpacity: 0.75, strokeWidth: 0 },
    encoding: {
      // Whole pixels (1 px is about 1.3 µm here, a tenth of a soma): shorter SVG, parsed and drawn faster.
      x: { field: r.x, type: "quantitative", scale: { zero: false, round: true }, title: axisTitle(r.xTitle, r.x) },
      y: {
        field: r.y,
        type: "quantitative",
        scale: { reverse: !r.yUp, zero: false, round: true },
        title: axisTitle(r.yTitle, r.y),
      },
      color: colour,
      ...shape,
    },
  };
  return r.layers?.length ? { layer: [points, ...layerMarks(r, "y")] } : points;
}

function box(r: ChartRequest, values: Record<string, string | number | null>[]): Spec {
  const x = { field: r.x, type: "nominal", sort: null, title: axisTitle(r.xTitle, r.x), axis: { labelAngle: -40 } };
  // Log only as documented (logY, or positive values over more than two decades): a gOSI of 0 to 1
  // on a log axis lost its zeros and squeezed its spread.
  const all = values.flatMap((v) => ["min", "max"].map((k) => Number(v[k]))).filter(Number.isFinite);
  const log = r.logY ?? (all.length > 0 && Math.min(...all) > 0 && Math.max(...all) / Math.min(...all) > 100);
  const y = (field: string) => ({
    field,
    type: "quantitative",
    title: axisTitle(r.yTitle, "value"),
    scale: log ? { type: "log" } : { zero: false },
  });
  return {
    layer: [
      { mark: { type: "rule", color: "#555" }, encoding: { x, y: y("min"), y2: { field: "max" } } },
      {
        mark: { type: "bar", size: 22, color: CATEGORY_COLOURS[4], stroke: "#333" },
        encoding: { x, y: y("q1"), y2: { field: "q3" } },
      },
      { mark: { type: "tick", size: 22, thickness: 2.5, color: "black" }, encoding: { x, y: y("median") } },
    ],
  };
}

/** Layer boundaries as dashed rules with labels, on the depth axis. */
function layerMarks(r: ChartRequest, axis: "x" | "y"): Spec[] {
  const bounds = (r.layers ?? []).map((l) => ({ depth: l.top_um, name: l.name }));
  const other = axis === "y" ? "x" : "y";
  return [
    {
      data: { values: bounds },
      mark: { type: "rule", strokeDash: [4, 4], color: "#777" },
      encoding: { [axis]: { field: "depth", type: "quantitative" } },
    },
    {
      data: { values: bounds },
      mark: {
        type: "text",
        align: "left",
        baseline: axis === "y" ? "top" : "bottom",
        dx: 3,
        dy: 2,
        fontSize: 11,
        color: "#444",
      },
      encoding: {
        [axis]: { field: "depth", type: "quantitative" },
        text: { field: "name" },
        [other]: { value: axis === "y" ? 2 : 12 },
      },
    },
  ];
}
