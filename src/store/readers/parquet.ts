import { open, type FileHandle } from "node:fs/promises";
import {
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type CompressionCodec,
  type Compressors,
  type FileMetaData,
  type ParquetParsers,
} from "hyparquet";
import { compressors as bundledCompressors } from "hyparquet-compressors";
import { decompress as zstdDecompress } from "fzstd";
import { TableReadError, type CellValue, type TableSource } from "./types.js";
import { isoTimestamp, objectText } from "./values.js";

/**
 * Parquet, as pandas `to_parquet` writes it (pyarrow: snappy by default; zstd, gzip, brotli, lz4
 * and uncompressed also read), decoded by hyparquet.
 *
 * Memory stays bounded by one row group: the file is never read whole. Its footer is read once to
 * learn the schema, then each row group's column chunks are read from their byte ranges through a
 * file handle, decoded, handed out as rows, and dropped before the next row group is read.
 *
 * Values: INT64 columns come out as `bigint` (exact 18-digit root ids), INT32 and floats as
 * numbers, strings (dictionary-encoded or not, so pandas categoricals too) as strings, booleans as
 * booleans, nulls as null, timestamps as ISO 8601 strings (UTC ones ending in "Z", sub-millisecond
 * digits kept), dates as "YYYY-MM-DD", and lists (a position stored as a list) as "[x y z]".
 */
export async function openParquet(file: string): Promise<TableSource> {
  const { handle, size: totalBytes } = await openChecked(file);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(fileBuffer(handle, totalBytes, () => {}));
  } catch (error) {
    throw new TableReadError(
      file,
      `not a readable Parquet file: its footer could not be decoded (${messageOf(error)})`,
    );
  } finally {
    await handle.close();
  }

  const schema = parquetSchema(metadata);
  const columns = schema.children.map((c) => c.element.name);
  // A codec nothing here decodes (LZO) fails now, before the importer has taken a single row.
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const codec = chunk.meta_data?.codec;
      if (codec && codec !== "UNCOMPRESSED" && !(codec in compressors)) {
        throw new TableReadError(
          file,
          `unsupported Parquet compression codec ${codec} (column "${chunk.meta_data?.path_in_schema.join(".")}"); ` +
            `readable codecs: UNCOMPRESSED, ${Object.keys(compressors).join(", ")}`,
        );
      }
    }
  }
  // Timestamps that are not UTC-adjusted (pandas tz-naive) are wall-clock times: no "Z".
  const naiveTimestamp = schema.children.map(
    (c) => c.element.logical_type?.type === "TIMESTAMP" && !c.element.logical_type.isAdjustedToUTC,
  );

  let bytesRead = 0;

  async function* batches(): AsyncGenerator<CellValue[][]> {
    bytesRead = 0;
    let handle: FileHandle;
    try {
      handle = await open(file, "r");
    } catch (error) {
      throw new TableReadError(file, `cannot read the file (${messageOf(error)})`);
    }
    const buffer = fileBuffer(handle, totalBytes, (n) => (bytesRead += n));
    try {
      let rowStart = 0;
      for (let g = 0; g < metadata.row_groups.length; g++) {
        const rowEnd = rowStart + Number(metadata.row_groups[g]!.num_rows);
        if (rowEnd === rowStart) continue;
        let rows: unknown[][] = [];
        try {
          await parquetRead({
            file: buffer,
            metadata,
            rowStart,
            rowEnd,
            compressors,
            parsers,
            rowFormat: "array",
            onComplete: (r: unknown[][]) => (rows = r),
          });
        } catch (error) {
          throw new TableReadError(
            file,
            `cannot decode row group ${g + 1} of ${metadata.row_groups.length} (rows ${rowStart + 1}-${rowEnd}): ${messageOf(error)}`,
          );
        }
        if (rows.length !== rowEnd - rowStart) {
          throw new TableReadError(
            file,
            `row group ${g + 1} should hold ${rowEnd - rowStart} rows but ${rows.length} were decoded`,
          );
        }
        // Convert in place: the row arrays hyparquet built become the rows handed out.
        for (const row of rows) {
          for (let c = 0; c < row.length; c++) {
            const v = row[c];
            if (v === undefined || v === null) row[c] = null;
            else if (typeof v === "object") row[c] = objectText(v);
            else if (naiveTimestamp[c] && typeof v === "string") row[c] = v.endsWith("Z") ? v.slice(0, -1) : v;
          }
        }
        rowStart = rowEnd;
        yield rows as CellValue[][];
      }
      bytesRead = totalBytes;
    } finally {
      await handle.close();
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

const snappy = bundledCompressors.SNAPPY!;

/** Decoders by Parquet codec name. zstd is given the page's known size, which fzstd decodes faster. */
const compressors: Compressors = {
  ...bundledCompressors,
  // hysnappy rejects the empty input of an empty data page (v2), which is valid.
  SNAPPY: (input: Uint8Array, outputLength: number) =>
    outputLength === 0 ? new Uint8Array(0) : snappy(input, outputLength),
  ZSTD: (input: Uint8Array, outputLength: number) => zstdDecompress(input, new Uint8Array(outputLength)),
};

/** Timestamps straight to ISO strings (no Date in between, so micro- and nanoseconds survive). */
const parsers: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (v: bigint) => isoTimestamp(BigInt(v), 1_000n, 3, false),
  timestampFromMicroseconds: (v: bigint) => isoTimestamp(BigInt(v), 1_000_000n, 6, false),
  timestampFromNanoseconds: (v: bigint) => isoTimestamp(BigInt(v), 1_000_000_000n, 9, false),
  dateFromDays: (days: number) => {
    const d = new Date(days * 86_400_000);
    return Number.isNaN(d.getTime()) ? String(days) : d.toISOString().slice(0, 10);
  },
};

/** Opens the file and checks the Parquet magic at both ends, so a wrong or cut-short file is named as such. */
async function openChecked(file: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(file, "r");
    size = (await handle.stat()).size;
  } catch (error) {
    throw new TableReadError(file, `cannot read the file (${messageOf(error)})`);
  }
  const fail = async (message: string) => {
    await handle.close();
    return new TableReadError(file, message);
  };
  if (size === 0) throw await fail("not a Parquet file: the file is empty");
  const head = Buffer.alloc(4);
  const tail = Buffer.alloc(4);
  await handle.read(head, 0, 4, 0);
  if (size >= 12) await handle.read(tail, 0, 4, size - 4);
  if (head.toString("latin1") !== "PAR1")
    throw await fail("not a Parquet file (it does not start with the PAR1 magic)");
  if (size < 12 || tail.toString("latin1") !== "PAR1") {
    throw await fail(
      "truncated Parquet file: the footer (ending in PAR1) is missing, so the file was probably cut short while copying or writing",
    );
  }
  return { handle, size };
}

/** hyparquet's view of the file: byte ranges read on demand through the handle, counted for progress. */
function fileBuffer(handle: FileHandle, size: number, counted: (n: number) => void): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end: number = size): Promise<ArrayBuffer> {
      const from = Math.max(0, start);
      const to = Math.min(size, end);
      const bytes = new Uint8Array(Math.max(0, to - from));
      let done = 0;
      while (done < bytes.length) {
        const { bytesRead } = await handle.read(bytes, done, bytes.length - done, from + done);
        if (bytesRead === 0)
          throw new Error(`the file ended at byte ${from + done}, before the ${size} bytes it had when opened`);
        done += bytesRead;
      }
      counted(done);
      return bytes.buffer;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
