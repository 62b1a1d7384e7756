import type { AnswerTable, ChartKind } from "../answers/answer.js";

/** A cortical layer, in µm below pia (data/cortex_geometry.json). */
export interface LayerBand {
  name: string;
  top_um: number;
  bottom_um: number;
}

/**
 * What to draw: the answer's table, already aggregated in SQL, and which of its columns go where.
 * The chart never computes statistics of its own: its data are the table's rows, exactly
 * (`spec.data.values[i][column] === table.rows[i][columnIndex]`).
 *
 * Table conventions per kind (column names are free; the request names them):
 *
 * - `histogram`: one row per bin, in any order: `x` = bin start, `x2` = bin end, `y` = count.
 *   E.g. columns (bin_start, bin_end, count). Bars are drawn from bin start to bin end. `logX`
 *   puts the value axis on a log scale (for log-spaced bins: synapse sizes, partner counts).
 *   `layers` marks cortical layers when the value is a depth below pia.
 * - `bar`: one row per category: `x` = category (drawn down the vertical axis, so long names stay
 *   readable), `y` = value (number). Kept in table order unless `sort` says otherwise; the value is
 *   written at the end of each bar. E.g. (cell_type, neurons).
 * - `heatmap`: one row per cell: `y` = row category (presynaptic type), `x` = column category
 *   (postsynaptic type), `color` = the value (synapse count, mean size; defaults to a column
 *   named "value"). E.g. (pre_cell_type, post_cell_type, synapses). Rows and columns keep the
 *   order in which their categories first appear in the table (send cortical order: 23P, 4P,
 *   5P-IT, 5P-ET, 5P-NP, 6P-IT, 6P-CT, BC, MC, BPC, NGC), or `order` when given. Pairs with no row
 *   are left blank. Each cell shows its number when it fits.
 * - `scatter`: one row per point: `x` and `y` numbers; `y` is a depth (µm below pia) and grows
 *   downward. `color` = category column (cell type), coloured in `colorOrder` (then table order).
 *   E.g. (pt_root_id, cell_type, x_um, depth_um). `layers` draws the layer boundaries.
 * - `box`: one row per group with statistics computed in SQL: `x` = group label column, and
 *   columns named `min`, `q1`, `median`, `q3`, `max` (required) and `n` (optional, shown under the
 *   group name). `y` names the median column (normally "median"). E.g. (cell_type, min, q1,
 *   median, q3, max, mean, n). Whiskers span min to max. The value axis is logarithmic when
 *   `logY` is set, or by default when all values are positive and span more than two decades.
 *   If `x` is the `n` column (a single group with no label), the group is called "all".
 * - `errorbar`: one row per bin: `x` = bin start, `x2` = bin end, `y` = the share (a probability),
 *   `low`/`high` = its interval; a point at the bin's middle with a vertical bar for the interval,
 *   and "label / total" (connected / possible pairs) above it. E.g. the like-to-like table.
 * - `rose`: a histogram of an orientation (0–180°) drawn as a half rose: one wedge per bin, its
 *   radius the count. `x` = bin start, `x2` = bin end, `y` = count.
 */
export interface ChartRequest {
  kind: ChartKind;
  /** Restates the question as read, e.g. "Synapse size distribution (all 5,012,344 valid synapses)". Wrapped, never cut. */
  title: string;
  /** A second, smaller line under the title (a note on how to read the chart). */
  subtitle?: string;
  /** The data, exactly. */
  table: AnswerTable;
  /** Column names in `table`; their meaning per kind is above. */
  x: string;
  y: string;
  /** histogram: the bin-end column. */
  x2?: string;
  /** scatter: category column for colour; heatmap: the value column. */
  color?: string;
  /** Axis titles with units, e.g. "synapse size (voxels)", "depth below pia (µm)". Default: the column name. */
  xTitle?: string;
  yTitle?: string;
  /** Legend title (scatter categories, heatmap value). Default: the column name. */
  colorTitle?: string;
  /** histogram: logarithmic value axis. */
  logX?: boolean;
  /** box: logarithmic value axis (default: automatic, see above). */
  logY?: boolean;
  /** bar: "table" (default) keeps the table's order; "descending"/"ascending" sort by value. */
  sort?: "table" | "descending" | "ascending";
  /** bar, heatmap, box: the order of categories (unlisted ones follow in table order). */
  order?: string[];
  /** scatter: the order (and so the colours) of the colour categories, e.g. cortical order of cell types. */
  colorOrder?: string[];
  /** errorbar: the interval's lower and upper columns, and the counts written above each point ("label of total"). */
  low?: string;
  high?: string;
  label?: string;
  total?: string;
  /** scatter: `color` is an orientation (0–180°), drawn on a cyclic colour scale. */
  cyclic?: boolean;
  /** scatter: `y` is not a depth: it grows upward. */
  yUp?: boolean;
  /** Depth plots (histogram of depth, scatter): cortical layers to mark, in µm below pia. */
  layers?: LayerBand[];
}
