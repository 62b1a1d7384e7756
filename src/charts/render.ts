import { mkdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import type { AnswerChart } from "../answers/answer.js";
import type { ChartRequest } from "./request.js";
import { encodePng } from "./png.js";
import { buildSpec } from "./spec.js";
import { FONT_FAMILY, FONT_FILES, SCALE } from "./style.js";

export type { ChartRequest } from "./request.js";

/**
 * Renders a chart: vega-lite spec → vega → SVG in Node (no browser, no canvas, no network) →
 * PNG at twice the display size with resvg, using the font shipped in node_modules.
 */
export async function renderChart(request: ChartRequest, outDir: string): Promise<AnswerChart> {
  const spec = buildSpec(request);
  const svg = await toSvg(spec);
  const { Resvg } = await loadResvg();
  const image = new Resvg(svg, {
    fitTo: { mode: "zoom", value: SCALE },
    background: "white",
    font: {
      fontFiles: FONT_FILES,
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  }).render();
  const png = encodePng(image.pixels, image.width, image.height);
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const name = `${request.kind}-${createHash("sha1").update(JSON.stringify(spec)).digest("hex").slice(0, 10)}.png`;
  const file = join(dir, name);
  writeFileSync(file, png);
  return { kind: request.kind, file, spec };
}

/**
 * resvg-js allocates with mimalloc, and each picture's pixels (6.4 MB at 1,600 x 1,000) are freed
 * only when V8 collects the image object, so every render writes to fresh memory: page faults
 * were a third of a scatter's render time here. mimalloc backs its memory with huge pages when
 * allowed (an option it reads from the environment once, when the library loads), which cut a
 * scatter's parse, draw and PNG from ~110 to ~75 ms. A value the user set is left alone; processes
 * started later inherit the variable, which only mimalloc reads.
 */
function loadResvg(): Promise<typeof import("@resvg/resvg-js")> {
  process.env.MIMALLOC_ALLOW_LARGE_OS_PAGES ??= "1";
  return import("@resvg/resvg-js");
}

export async function toSvg(spec: Record<string, unknown>): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  const compiled = vegaLite.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
