import type { AnswerTable, ChartKind } from "../../answers/answer.js";
import type { SqlParam, StatementResult } from "../protocol.js";
import type { StoreCatalog } from "../catalog.js";
import type { Vocabulary } from "../../planning/vocabulary/vocabulary.js";

export interface CompileContext {
  catalog: StoreCatalog;
  vocabulary: Vocabulary;
  /** Cortical geometry for soma depth: y of pia (µm in voxel space) and the voxel size. */
  geometry?: {
    piaYum: number;
    voxelNm: readonly number[];
    layers: { name: string; top_um: number; bottom_um: number }[];
  };
  /**
   * The cell table a share's part is read from: its whole's, so the part is a subset of the whole
   * ("% of each area's cells that are coregistered": coregistered nuclei without a cell-type row are in
   * neither).
   */
  cellBase?: "cell_type" | "mtype" | "nucleus";
}

/** What a chart needs beyond the table: which columns go where, and axis titles with units. */
export interface ChartHint {
  kind: ChartKind;
  x: string;
  y: string;
  x2?: string;
  color?: string;
  xTitle?: string;
  yTitle?: string;
  colorTitle?: string;
  logX?: boolean;
  depthLayers?: boolean;
  /** errorbar: the interval's columns, and the counts written beside each point (label of total). */
  low?: string;
  high?: string;
  label?: string;
  total?: string;
  /** scatter: the colour column is a circular quantity (an orientation, 0–180°). */
  cyclic?: boolean;
  /** scatter: the vertical axis grows upward (a quantity, not a depth below pia). */
  yUp?: boolean;
  /** The chart's own title, when neither the headline nor the reading is short enough to be one. */
  title?: string;
}

export interface Presentation {
  table: AnswerTable;
  /** The answer, first line of the reply. */
  headline: string;
  /** Set when the question named something the data does not hold: the headline says what, and the answer asks back. */
  notFound?: boolean;
  chart?: ChartHint;
}

export interface CompiledQuery {
  statements: { sql: string; params: SqlParam[]; rowCap?: number }[];
  /** One line: how the question was read. */
  reading: string;
  /** Ids the question named; checked against the data before the answer is given. */
  ids?: { rootIds: string[]; nucleusIds: string[] };
  present(results: StatementResult[]): Presentation;
}

/** A question the store cannot answer as loaded: a plain message, not an error. */
export class MissingDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingDataError";
  }
}

/** A plan naming something the data does not have (an unknown cell type): ask back. */
export class UnknownValueError extends Error {
  constructor(
    message: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
    this.name = "UnknownValueError";
  }
}

export const fmt = (n: number | string | null | undefined): string => {
  if (n === null || n === undefined) return "none";
  if (typeof n === "string") return n;
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  const abs = Math.abs(n);
  return n.toLocaleString("en-US", { maximumFractionDigits: abs >= 100 ? 1 : abs >= 1 ? 2 : 4 });
};
