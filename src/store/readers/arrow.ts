import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { CompressionType, RecordBatchReader, compressionRegistry, type RecordBatch } from "apache-arrow";
import { decompress as zstdDecompress } from "fzstd";
import lz4 from "lz4js";
import { cellValue } from "./values.js";
import { TableReadError, type CellValue, type TableSource } from "./types.js";

// pandas `to_feather` compresses record batch buffers with LZ4 frames by default (ZSTD on request).
compressionRegistry.set(CompressionType.LZ4_FRAME, { decode: (data) => Uint8Array.from(lz4.decompress(data)) });
// Decoded buffers must start on an 8-byte boundary for arrow's 64-bit views: copy when they don't.
const aligned = (bytes: Uint8Array) => (bytes.byteOffset % 8 === 0 ? bytes : bytes.slice());
compressionRegistry.set(CompressionType.ZSTD, { decode: (data) => aligned(zstdDecompress(data)) });

/**
 * Feather v2 / Arrow IPC (file or stream format), read one record batch at a time from a file
 * stream, so memory stays bounded by a batch.
 */
export async function openArrow(file: string): Promise<TableSource> {
  let totalBytes: number;
  try {
    totalBytes = (await stat(file)).size;
  } catch (error) {
    throw new TableReadError(file, `cannot read the file (${(error as Error).message})`);
  }
  let bytesRead = 0;
  const open = async () => {
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    // Count bytes as arrow pulls them (a 'data' listener would start the stream flowing past the reader).
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of stream) {
        bytesRead += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    }
    try {
      // open() resolves to the reader for the format found (file or stream), which may be a new object.
      return await (await RecordBatchReader.from(counted())).open();
    } catch (error) {
      stream.destroy();
      throw new TableReadError(file, `not a readable Feather / Arrow IPC file (${(error as Error).message})`);
    }
  };
  const first = await open();
  const columns = first.schema.fields.map((f) => f.name);
  await first.cancel();

  async function* batches(): AsyncIterable<CellValue[][]> {
    bytesRead = 0;
    const reader = await open();
    let row = 0;
    try {
      for await (const batch of reader as AsyncIterable<RecordBatch>) {
        const vectors = columns.map((_, i) => batch.getChildAt(i));
        const rows: CellValue[][] = [];
        for (let r = 0; r < batch.numRows; r++) rows.push(vectors.map((v) => cellValue(v?.get(r))));
        row += batch.numRows;
        yield rows;
      }
    } catch (error) {
      if (error instanceof TableReadError) throw error;
      throw new TableReadError(file, `cannot decode the record batch after row ${row} (${(error as Error).message})`, row + 1);
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
