/**
 * CSV (RFC 4180) for exports: one line from cells, and a file written row by row in buffered
 * chunks, so that `sql --csv` writes any number of rows without holding them.
 */
import { closeSync, openSync, writeSync } from "node:fs";

export type CsvCell = string | number | bigint | null;

const quote = (value: CsvCell): string => {
  const s = value === null ? "" : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const csvLine = (cells: readonly CsvCell[]): string => `${cells.map(quote).join(",")}\n`;

/** A new file (it must not exist: exports go to a fresh temporary file) written a line at a time. */
export class CsvFile {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingChars = 0;
  rows = 0;

  constructor(path: string, columns: readonly string[]) {
    this.fd = openSync(path, "wx");
    this.pending.push(csvLine(columns));
  }

  row(cells: readonly CsvCell[]): void {
    const line = csvLine(cells);
    this.pending.push(line);
    this.pendingChars += line.length;
    this.rows++;
    if (this.pendingChars >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length) writeSync(this.fd, this.pending.join(""));
    this.pending = [];
    this.pendingChars = 0;
  }

  /** Writes what is left and closes the file; `complete: false` (a failure) only closes it. */
  close(complete: boolean): void {
    try {
      if (complete) this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}
