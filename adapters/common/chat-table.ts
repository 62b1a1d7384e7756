/**
 * A result table sized for a chat message: an aligned monospace block of at most `maxRows` rows
 * that fits in `maxChars` characters (a platform's message or block limit), and the whole table
 * as CSV when anything was left out, for the adapter to attach as a file.
 */
import type { AnswerTable } from "../../src/answers/answer.js";
import { renderTable, tableToCsv } from "../../src/answers/table-format.js";

export interface ChatTableOptions {
  /** Rows shown at most (default 15: readable on a phone). */
  maxRows?: number;
  /** Characters the rendered block may take at most. */
  maxChars: number;
  /** How a platform counts the block's length (e.g. once escaped); default its characters. */
  measure?: (text: string) => number;
}

export interface ChatTable {
  /** The aligned table, or undefined when not even its header fits. */
  text?: string;
  shownRows: number;
  /** Rows in the whole result (more than `table.rows` when the row cap cut it). */
  totalRows: number;
  /** The whole table as CSV, set when rows were left out. */
  csv?: string;
}

export function tableForChat(table: AnswerTable, options: ChatTableOptions): ChatTable {
  const totalRows = table.totalRows ?? table.rows.length;
  let shown = Math.min(options.maxRows ?? 15, table.rows.length);
  const measure = options.measure ?? ((text: string) => text.length);
  let text = renderTable(table, shown);
  // Wide rows can overflow the limit before the row count does: drop rows until the block fits.
  while (measure(text) > options.maxChars && shown > 0) {
    shown = Math.max(0, Math.min(shown - 1, Math.floor((shown * options.maxChars) / measure(text))));
    text = renderTable(table, shown);
  }
  const fits = measure(text) <= options.maxChars;
  const cut = !fits || shown < totalRows;
  return {
    text: fits ? text : undefined,
    shownRows: fits ? shown : 0,
    totalRows,
    csv: cut ? tableToCsv(table) : undefined,
  };
}

/** A file name for an attached table or chart, from the question or its reading: "bc-to-23p.csv". */
export function fileNameFor(label: string, extension: string, maxLength = 60): string {
  const slug = label
    .toLowerCase()
    .replace(/^read as:\s*/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return `${slug || "result"}.${extension}`;
}
