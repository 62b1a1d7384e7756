import type { Column, Side } from "./vocab.js";

/**
 * What a pseudo-SQL question says, in the terms of the reader's English: a measure, the rows it is
 * over, conditions (with their side of the synapse), groupings, an order and a limit. Words that
 * are not SQL stay as typed (`raw`); SQL that cannot be translated stays as typed too (`leftover`),
 * so that the reader asks back about it rather than answer without it.
 */
export interface ColRef {
  col?: Column;
  side?: Side;
  /** A name the data does not hold ("hemisphere"): its condition stays untranslated. */
  unknown?: boolean;
}

/** A condition, with where it was typed (`at`), to keep it as typed if no English says it. */
export type Pred = { at?: Seg } & (
  | { t: "value"; ref: ColRef; values: string[]; not?: boolean }
  | { t: "range"; ref: ColRef; op: "gt" | "gte" | "lt" | "lte" | "eq"; n: string; unit?: string }
  | { t: "between"; ref: ColRef; lo: string; hi: string; unit?: string }
  | { t: "flag"; ref: ColRef }
  /** "both pre and post are inhibitory types": the same population on both sides, in the words typed. */
  | { t: "both"; words: string }
);

/** What is aggregated: a column, or words typed inside the call ("count(outgoing synapses)"). */
export type Operand = { ref: ColRef } | { words: string; perRoot?: boolean };

export type Measure =
  | { fn: "count" }
  /** count(distinct pre_root, post_root): connected pairs. */
  | { fn: "connections" }
  /** count(distinct post_root): partners on one side. */
  | { fn: "distinct"; side: Side }
  | { fn: "stat"; stat: string; of: Operand }
  | { fn: "percentile"; p: number; of?: Operand }
  | { fn: "ratio"; num: Pred; den: Pred }
  /** A chart drawn of a column: box plot, histogram. */
  | { fn: "chart"; chart: string; of: Operand };

/** A stretch of the question kept as typed. */
export interface Seg {
  start: number;
  end: number;
}

export interface Sketch {
  measure?: Measure;
  /** The rows, from a table name ("cells", "synapses"). */
  noun?: string;
  preds: Pred[];
  groups: ColRef[];
  /** Grouped by (pre_root, post_root): one row per connection. */
  perConnection?: boolean;
  /** Where clauses were typed, to keep one as typed when no English says it. */
  spans: Partial<Record<"measure" | "group" | "order" | "limit" | "select" | "perConnection", Seg>>;
  order?: "desc" | "asc";
  /** Ordered by something other than the measure: not translated. */
  orderOther?: boolean;
  limit?: number;
  /** Columns selected as they are (no aggregate): a look-up or a list. */
  select: ColRef[];
  selectAll?: boolean;
  raw: Seg[];
  leftover: Seg[];
  context: string[];
  /** Whether any SQL was read at all (else the question is left alone). */
  sql: boolean;
  /**
   * A condition whose meaning no English the reader reads can carry ("depth > 300 or volume > 400":
   * the reader takes any "or" between conditions as "and"): the question is then left as typed.
   */
  abandon?: string;
}

export const emptySketch = (): Sketch => ({
  preds: [],
  groups: [],
  select: [],
  raw: [],
  leftover: [],
  context: [],
  sql: false,
  spans: {},
});
