/**
 * An Answer's table as people read it: aligned plain text and CSV. The command line and the chat
 * adapters both present answers with it, so it lives with the Answer rather than in either of them.
 */
import type { AnswerTable, TableCell } from "./answer.js";
import { csvLine } from "../querying/csv-file.js";

/** Thousands separators for counts; ids (long digit strings) are printed as they are. */
export function formatCell(value: TableCell): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (Number.isInteger(value)) return Math.abs(value) >= 10_000 ? value.toLocaleString("en-US") : String(value);
    return value.toLocaleString("en-US", { maximumFractionDigits: Math.abs(value) < 1 ? 4 : 2 });
  }
  return value;
}

/**
 * An aligned plain-text table: numbers right-aligned, text left-aligned, cut after `maxRows`
 * with a line saying how many rows were left out.
 */
export function renderTable(table: AnswerTable, maxRows = 20): string {
  const shown = table.rows.slice(0, maxRows);
  const cells = shown.map((row) => row.map(formatCell));
  const widths = table.columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)));
  const numeric = table.columns.map(
    (_, i) => shown.length > 0 && shown.every((r) => r[i] === null || typeof r[i] === "number"),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const out = [line(table.columns), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)];
  const total = table.totalRows ?? table.rows.length;
  if (total > shown.length)
    out.push(
      `… ${(total - shown.length).toLocaleString("en-US")} more rows not shown${table.totalRows !== undefined && table.totalRows > table.rows.length ? " (result cut at the row cap)" : ""}`,
    );
  return out.join("\n");
}

/** RFC 4180 CSV of the whole table. */
export function tableToCsv(table: AnswerTable): string {
  return [table.columns, ...table.rows].map(csvLine).join("");
}
