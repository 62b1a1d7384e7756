import type { RecordBatch } from "apache-arrow";
import { checkFormat, messageOf, openReader } from "./arrow-file.js";
import { batchRows } from "./arrow-values.js";
import { TableReadError, type CellValue, type TableSource } from "./types.js";

/**
 * Feather v2 / Arrow IPC, as pandas `to_feather` writes it (the IPC *file* format, LZ4_FRAME
 * compressed by default, ZSTD or uncompressed on request), and the IPC *stream* format.
 *
 * Memory stays bounded by one record batch: the file is never read whole. For the file format the
 * footer is read first, then each record batch from its offset; a stream is read message by message.
 *
 * Values: 64-bit integers come out as `bigint` (exact 18-digit root ids), other integers and floats
 * as numbers, strings as strings, dictionary-encoded strings (pandas categoricals) as their plain
 * strings, booleans as booleans, nulls as null, timestamps as ISO 8601 strings (tz-aware ones ending
 * in "Z", sub-millisecond digits kept), dates as "YYYY-MM-DD", and lists (a position stored as a
 * list) as "[x y z]".
 */
export async function openArrow(file: string): Promise<TableSource> {
  const totalBytes = await checkFormat(file);
  let bytesRead = 0;

  let columns: string[];
  {
    const reader = await openReader(file, () => {});
    columns = reader.schema.fields.map((f) => f.name);
    await reader.cancel();
  }

  async function* batches(): AsyncGenerator<CellValue[][]> {
    bytesRead = 0;
    const reader = await openReader(file, (n) => (bytesRead += n));
    let row = 0;
    let index = 0;
    try {
      while (true) {
        let batch: RecordBatch | undefined;
        try {
          const next = await reader.next();
          if (next.done) break;
          batch = next.value;
        } catch (error) {
          const where = `record batch ${index + 1} (after row ${row})`;
          throw new TableReadError(file, `cannot decode ${where}: ${messageOf(error)}`);
        }
        index++;
        if (batch.numRows === 0) continue;
        let rows: CellValue[][];
        try {
          rows = batchRows(batch, columns.length);
        } catch (error) {
          const where = `record batch ${index} (rows ${row + 1}-${row + batch.numRows})`;
          throw new TableReadError(file, `cannot read the values of ${where}: ${messageOf(error)}`);
        }
        row += batch.numRows;
        yield rows;
      }
      bytesRead = totalBytes;
    } finally {
      await reader.cancel();
    }
  }

  return {
    file,
    columns,
    progress: () => ({ bytesRead: Math.min(bytesRead, totalBytes), totalBytes }),
    batches,
    async *rows() {
      for await (const batch of batches()) yield* batch;
    },
  };
}
