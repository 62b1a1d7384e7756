import { stat } from "node:fs/promises";
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { cellValue } from "./values.js";
import { TableReadError, type CellValue, type TableSource } from "./types.js";

/**
 * Parquet, as pandas `to_parquet` writes it (pyarrow; snappy by default, zstd, gzip, brotli or lz4
 * also read). One row group at a time is read from the file, so memory stays bounded by a row group.
 */
export async function openParquet(file: string): Promise<TableSource> {
  let buffer: AsyncBuffer;
  let totalBytes: number;
  try {
    totalBytes = (await stat(file)).size;
    buffer = await asyncBufferFromFile(file);
  } catch (error) {
    throw new TableReadError(file, `cannot read the file (${(error as Error).message})`);
  }
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw new TableReadError(file, `not a readable Parquet file (${(error as Error).message})`);
  }
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  let bytesRead = 0;

  async function* batches(): AsyncIterable<CellValue[][]> {
    let rowStart = 0;
    bytesRead = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      let rows: unknown[][] = [];
      try {
        await parquetRead({ file: buffer, metadata, rowStart, rowEnd, compressors, rowFormat: "array", onComplete: (r) => (rows = r) });
      } catch (error) {
        throw new TableReadError(file, `cannot decode row group starting at row ${rowStart + 1} (${(error as Error).message})`, rowStart + 1);
      }
      bytesRead += Number(group.total_byte_size ?? 0);
      rowStart = rowEnd;
      yield rows.map((row) => row.map(cellValue));
    }
    bytesRead = totalBytes;
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
