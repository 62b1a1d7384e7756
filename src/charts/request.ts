import type { AnswerTable, ChartKind } from "../answers/answer.js";

/**
 * What to draw: the answer's table (already aggregated in SQL) and which columns go where.
 *
 * Table conventions per kind:
 * - histogram: one row per bin, columns `x` (bin start), `x2` (bin end) and `y` (count);
 * - bar: one row per category, `x` the category and `y` the value, in the order to show;
 * - heatmap: one row per cell, `y` the row (presynaptic), `x` the column (postsynaptic), `color` the value;
 * - scatter: one row per point, `x` and `y` numbers (depth increasing downward), `color` the category;
 * - box: one row per group, `x` the group and columns min, q1, median, q3, max (computed in SQL).
 */
export interface ChartRequest {
  kind: ChartKind;
  /** Restates the question as read. */
  title: string;
  table: AnswerTable;
  x: string;
  y: string;
  x2?: string;
  color?: string;
  /** Axis titles with units, e.g. "synapse size (voxels)", "depth below pia (µm)". */
  xTitle?: string;
  yTitle?: string;
  logX?: boolean;
  /** The order of colour categories (scatter legend), e.g. cortical order of cell types. */
  colorOrder?: string[];
  /** Cortical layers to mark on depth plots, in µm below pia. */
  layers?: { name: string; top_um: number; bottom_um: number }[];
}
