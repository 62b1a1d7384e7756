import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The look shared by every chart. The font is DejaVu Sans from the `dejavu-fonts-ttf` npm
 * package, handed to resvg as files (system fonts are never loaded), so text renders the same on
 * a fresh machine, in CI and on a laptop; it covers µ, ³ and the other symbols units need.
 */
export const FONT_FAMILY = "DejaVu Sans";

function fontFiles(): string[] {
  let dir: string;
  try {
    dir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
  } catch {
    throw new Error("The chart font is missing: install the npm package dejavu-fonts-ttf (npm install).");
  }
  const files = [join(dir, "DejaVuSans.ttf"), join(dir, "DejaVuSans-Bold.ttf")];
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`The chart font files are missing: ${missing.join(", ")}`);
  return files;
}
export const FONT_FILES = fontFiles();

/**
 * Okabe & Ito (2008), "Color Universal Design": eight colours told apart with the common forms of
 * colour blindness. Yellow comes last: it is the faintest on white.
 */
export const CATEGORY_COLOURS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#000000",
  "#F0E442",
];
/** With more categories than colours, each further round of colours gets a shape of its own. */
export const CATEGORY_SHAPES = ["circle", "triangle-up", "diamond", "square", "triangle-down", "cross"];
/** Sequential scheme for heatmaps: perceptually uniform and colour-blind safe. */
export const SEQUENTIAL_SCHEME = "viridis";
/** Single-series marks (histogram, bar) and box fill. */
export const MAIN_COLOUR = CATEGORY_COLOURS[0]!;
export const BOX_FILL = "#9CCBEB";

/** The whole picture (title, axes, legend included) in CSS pixels; the PNG is SCALE times larger. */
export const WIDTH = 800;
export const HEIGHT = 500;
export const SCALE = 2;
export const PADDING = 12;

export const TITLE_SIZE = 17;
export const SUBTITLE_SIZE = 12;
export const LABEL_SIZE = 12;
export const AXIS_TITLE_SIZE = 13;
export const MARK_LABEL_SIZE = 11;

/** Approximate advance widths of DejaVu Sans (em): digits are 0.636 em, letters about 0.6. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text)
    em += ",. ".includes(ch)
      ? 0.32
      : /[0-9]/.test(ch)
        ? 0.636
        : /[A-Z]/.test(ch)
          ? 0.7
          : /[il|'()]/.test(ch)
            ? 0.33
            : 0.6;
  return em * size * (bold ? 1.12 : 1);
}

export const VEGA_CONFIG = {
  // No ARIA labels: the PNG cannot use them, and on a scatter they were two thirds of the SVG (and of its render time).
  aria: false,
  font: FONT_FAMILY,
  background: "white",
  padding: PADDING,
  view: { stroke: null },
  // Long titles are wrapped into lines (spec.ts) rather than cut.
  title: {
    fontSize: TITLE_SIZE,
    fontWeight: "bold",
    anchor: "start",
    offset: 14,
    limit: 0,
    color: "#111",
    subtitleFontSize: SUBTITLE_SIZE,
    subtitleColor: "#444",
    subtitlePadding: 5,
  },
  axis: {
    labelFontSize: LABEL_SIZE,
    titleFontSize: AXIS_TITLE_SIZE,
    titlePadding: 10,
    titleColor: "#222",
    labelColor: "#222",
    gridColor: "#e4e4e4",
    domainColor: "#888",
    tickColor: "#888",
    labelLimit: 240,
  },
  legend: {
    labelFontSize: LABEL_SIZE,
    titleFontSize: AXIS_TITLE_SIZE,
    titleColor: "#222",
    labelColor: "#222",
    labelLimit: 200,
    titleLimit: 260,
  },
  text: { fontSize: MARK_LABEL_SIZE },
} as const;
