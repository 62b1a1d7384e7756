/**
 * A table file opened for streaming: its column names and its rows, in file order.
 *
 * Readers do no type conversion beyond what the file format itself carries: CSV yields strings
 * ("" for an empty field), Parquet and Arrow yield their typed values. 64-bit integer columns
 * must come out as `bigint` (never a lossy `number`), so that an 18-digit root id keeps every digit.
 * The importer (src/store/import) maps columns by name and converts values; readers never drop rows.
 */
export type CellValue = string | number | bigint | boolean | null;

export interface TableSource {
  /** The file this source reads, for error messages. */
  readonly file: string;
  /** Column names, in file order. */
  readonly columns: readonly string[];
  /** Rows, each with one value per column, in file order. Rows are 1-based in messages (the header is not counted). */
  rows(): AsyncIterable<CellValue[]>;
  /**
   * Optional fast path: the same rows in batches, for formats where a promise per row would
   * dominate the cost (CSV). The importer prefers it when present.
   */
  batches?(): AsyncIterable<CellValue[][]>;
  /** Bytes read so far and the file's total, for a progress bar (compressed bytes for compressed files). */
  progress(): { bytesRead: number; totalBytes: number };
}

/** An input the reader could not read: names the file and, where known, the row and column. */
export class TableReadError extends Error {
  constructor(
    readonly file: string,
    /** What is wrong, without the file, row and column that the message adds. */
    readonly reason: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(
      `${file}${row !== undefined ? `, row ${row}` : ""}${column !== undefined ? `, column "${column}"` : ""}: ${reason}`,
    );
    this.name = "TableReadError";
  }
}
