import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The font every chart uses: DejaVu Sans, shipped by an npm package so text renders on any machine. */
export const FONT_FAMILY = "DejaVu Sans";
const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
export const FONT_FILES = [join(fontDir, "DejaVuSans.ttf"), join(fontDir, "DejaVuSans-Bold.ttf")];

/** Okabe–Ito: distinguishable with the common forms of colour blindness. */
export const CATEGORY_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
/** With more categories than colours, shapes tell the rest apart. */
export const CATEGORY_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down"];

/** Chat apps show images about 800 px wide; rendered at twice that for sharp text. */
export const WIDTH = 800;
export const HEIGHT = 500;
export const SCALE = 2;

export const VEGA_CONFIG = {
  font: FONT_FAMILY,
  background: "white",
  padding: 12,
  view: { stroke: null },
  // No width limit: long titles are wrapped into lines instead of being cut.
  title: { fontSize: 17, fontWeight: "bold", anchor: "start", offset: 12, limit: 0, subtitleFontSize: 12, subtitleColor: "#444" },
  axis: { labelFontSize: 12, titleFontSize: 13, titlePadding: 8, gridColor: "#e6e6e6", labelLimit: 220 },
  legend: { labelFontSize: 12, titleFontSize: 13 },
  header: { labelFontSize: 12 },
} as const;
