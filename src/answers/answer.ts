import type { Reading } from "../planning/plan.js";
/**
 * The one shape every part of connectome-chat hands back to a person, whatever the platform.
 * Adapters (terminal, Slack, Discord) only translate an Answer; they never compute one.
 */
export type AnswerStatus = "answered" | "clarify" | "refused" | "error";

/** A table cell: ids are decimal strings (root ids exceed JavaScript's safe integers). */
export type TableCell = string | number | null;

export interface AnswerTable {
  columns: string[];
  rows: TableCell[][];
  /** Set when the row cap cut the result: how many rows there were in all. */
  totalRows?: number;
}

export type ChartKind = "histogram" | "bar" | "heatmap" | "scatter" | "box" | "errorbar" | "rose";

export interface AnswerChart {
  kind: ChartKind;
  /** Absolute path of the rendered PNG. */
  file: string;
  /** The vega-lite spec the PNG was rendered from (its data equal the answer's table). */
  spec: object;
}

/** A link into a viewer for what the answer names (the label says what it shows, and any caveat). */
export interface AnswerLink {
  label: string;
  url: string;
}

/** A question a person can pick: `next` after an answer, `reading` of a question asked back. */
export interface AnswerChoice {
  id: string;
  question: string;
  kind: "next" | "reading";
}

export interface AnswerTimings {
  planMs: number;
  queryMs: number;
  chartMs?: number;
  /** Checking the next questions or readings offered. */
  suggestMs?: number;
  totalMs: number;
}

export interface Answer {
  status: AnswerStatus;
  /** What a person reads: the answer first, then one line on how the question was read. */
  text: string;
  /** The one line on how the question was read (also the last line of `text`). */
  interpretation?: string;
  table?: AnswerTable;
  /** The SQL that ran, with its parameters. */
  sql?: string;
  params?: (string | number)[];
  chart?: AnswerChart;
  /**
   * Neuroglancer links for the cells the answer names; absent when it names none. Optional so
   * that answers made elsewhere (tests, other adapters) need not spell out an empty list.
   */
  links?: AnswerLink[];
  /**
   * Questions that can be asked next and will be answered (each checked through the offline reader,
   * compiled and run): after an answer, the next questions; after a question back, the readings of
   * it that can be answered. The core always sets it (empty when there is none); optional so that
   * answers made elsewhere (tests, other adapters) need not spell out an empty list.
   */
  suggestions?: string[];
  /** The same questions with the ids that buttons (or a typed number) send back to `ConnectomeChat.choose`. */
  choices?: AnswerChoice[];
  /** The question this answers, when it was picked (a clicked choice) rather than typed. */
  question?: string;
  /** The fate of the question's words: read into the plan, not accounted for, or taken as context. */
  reading?: Reading;
  /** Which planner read the question, and what a model cost, when one was used. */
  planner?: { name: string; modelMs?: number; tokens?: { input?: number; output?: number } };
  timings: AnswerTimings;
}
