import type { AnswerChart } from "./answer.js";
import type { Presentation } from "../querying/compile/index.js";
import type { Geometry } from "./geometry.js";

/**
 * Renders an answer's chart. The chart libraries (vega, vega-lite, resvg) are loaded here, on the
 * first chart only, so that questions without a chart start fast.
 */
export async function renderAnswerChart(
  presentation: Presentation,
  reading: string,
  plotDir: string,
  geometry?: Geometry,
  categoryOrder?: string[],
): Promise<AnswerChart> {
  const hint = presentation.chart!;
  const { renderChart } = await import("../charts/render.js");
  // The headline when it is short, else the reading; either way a title: capitalised, no full stop.
  const text =
    hint.title ??
    (presentation.headline.length <= 90
      ? presentation.headline
      : reading.replace(/^Read as: /, "").replace(/;.*$/, ""));
  const title = text.charAt(0).toUpperCase() + text.slice(1).replace(/\.$/, "");
  return renderChart(
    {
      kind: hint.kind,
      title,
      table: presentation.table,
      x: hint.x,
      y: hint.y,
      ...(hint.x2 ? { x2: hint.x2 } : {}),
      ...(hint.color ? { color: hint.color, ...(categoryOrder ? { colorOrder: categoryOrder } : {}) } : {}),
      ...(hint.xTitle ? { xTitle: hint.xTitle } : {}),
      ...(hint.yTitle ? { yTitle: hint.yTitle } : {}),
      ...(hint.colorTitle ? { colorTitle: hint.colorTitle } : {}),
      ...(hint.logX ? { logX: true } : {}),
      ...(hint.low ? { low: hint.low, high: hint.high } : {}),
      ...(hint.label ? { label: hint.label, total: hint.total } : {}),
      ...(hint.cyclic ? { cyclic: true } : {}),
      ...(hint.yUp ? { yUp: true } : {}),
      ...(hint.depthLayers && geometry ? { layers: geometry.layers } : {}),
    },
    plotDir,
  );
}
