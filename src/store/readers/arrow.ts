import { open, type FileHandle } from "node:fs/promises";
import {
  CompressionType,
  DateUnit,
  Precision,
  RecordBatchReader,
  TimeUnit,
  Type,
  compressionRegistry,
  type DataType,
  type RecordBatch,
  type Vector,
} from "apache-arrow";
import { decompress as zstdDecompress } from "fzstd";
import lz4 from "lz4js";
import { TableReadError, type CellValue, type TableSource } from "./types.js";
import { listText, objectText, scalar } from "./values.js";

// pandas `to_feather` compresses record batch buffers with LZ4 frames by default (ZSTD on request).
// apache-arrow decodes them with whatever codec is registered; an encoder someone else registered
// (a test writing fixtures) is kept. Decoded buffers must start on an 8-byte boundary for arrow's
// 64-bit views, so a decoder's output that does not is copied.
const aligned = (bytes: Uint8Array) => (bytes.byteOffset % 8 === 0 ? bytes : bytes.slice());
for (const [type, decode] of [
  [CompressionType.LZ4_FRAME, (data: Uint8Array) => aligned(Uint8Array.from(lz4.decompress(data)))],
  [CompressionType.ZSTD, (data: Uint8Array) => aligned(zstdDecompress(data))],
] as const) {
  const encode = compressionRegistry.get(type)?.encode;
  compressionRegistry.set(type, encode ? { encode, decode } : { decode });
}

const MAGIC = "ARROW1";

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
          throw new TableReadError(file, `cannot decode record batch ${index + 1} (after row ${row}): ${messageOf(error)}`);
        }
        index++;
        if (batch.numRows === 0) continue;
        let rows: CellValue[][];
        try {
          rows = batchRows(batch, columns.length);
        } catch (error) {
          throw new TableReadError(file, `cannot read the values of record batch ${index} (rows ${row + 1}-${row + batch.numRows}): ${messageOf(error)}`);
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

/**
 * Checks what the file is before arrow sees it, so that a wrong or cut-short file gets a clear
 * message. Returns its size.
 */
async function checkFormat(file: string): Promise<number> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, "r");
    const size = (await handle.stat()).size;
    if (size === 0) throw new TableReadError(file, "not a Feather / Arrow IPC file: the file is empty");
    const head = Buffer.alloc(8);
    await handle.read(head, 0, Math.min(8, size), 0);
    if (head.toString("latin1", 0, 6) === MAGIC) {
      const tail = Buffer.alloc(6);
      // Smallest file: magic + padding (8), footer length (4), magic (6), and something in between.
      if (size >= 18) await handle.read(tail, 0, 6, size - 6);
      if (size < 18 || tail.toString("latin1") !== MAGIC) {
        throw new TableReadError(
          file,
          "truncated Feather / Arrow IPC file: it starts like one but the footer (ending in ARROW1) is missing, so the file was probably cut short while copying or writing",
        );
      }
      return size;
    }
    if (head.toString("latin1", 0, 4) === "FEA1") {
      throw new TableReadError(file, "this is a Feather v1 file (written by pandas before 0.25 or feather-format), which is not supported: save it again with a recent pandas (df.to_feather) or as Parquet");
    }
    // The stream format starts with a message: a 0xFFFFFFFF continuation marker (or, before Arrow
    // 0.15, directly the metadata length) and then the schema's flatbuffer.
    const first = head.readInt32LE(0);
    const length = first === -1 ? head.readInt32LE(4) : first;
    if (size < 8 || length <= 0 || length > size) {
      throw new TableReadError(file, "not a Feather / Arrow IPC file (it starts with neither the ARROW1 magic nor an Arrow IPC stream message)");
    }
    return size;
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    throw new TableReadError(file, `cannot read the file (${messageOf(error)})`);
  } finally {
    await handle?.close();
  }
}

/**
 * An arrow reader over a file handle: apache-arrow reads a file-format file by random access
 * (footer, then record batches at their offsets) and a stream message by message. Bytes read
 * through the handle are counted for progress.
 */
async function openReader(file: string, counted: (n: number) => void) {
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw new TableReadError(file, `cannot read the file (${messageOf(error)})`);
  }
  let closed = false;
  // apache-arrow recognises a file handle by its `fd` and `stat`, and reads with read(buffer, offset, length, position).
  const source = {
    fd: handle.fd,
    stat: () => handle.stat(),
    read: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
      const result = await handle.read(buffer, offset, length, position);
      counted(result.bytesRead);
      return result;
    },
    close: async () => {
      if (!closed) {
        closed = true;
        await handle.close();
      }
    },
  } as unknown as FileHandle;
  try {
    const reader = await RecordBatchReader.from(source);
    await reader.open();
    if (!reader.schema) throw new Error("no schema message found");
    return reader;
  } catch (error) {
    await source.close();
    throw new TableReadError(file, `not a readable Feather / Arrow IPC file: ${messageOf(error)}`);
  }
}

/** One record batch as rows, converting column by column (faster than a lookup per cell). */
function batchRows(batch: RecordBatch, width: number): CellValue[][] {
  const n = batch.numRows;
  const columns: CellValue[][] = [];
  for (let c = 0; c < width; c++) {
    const vector = batch.getChildAt(c);
    columns.push(vector ? columnValues(vector, n) : new Array<CellValue>(n).fill(null));
  }
  const rows = new Array<CellValue[]>(n);
  for (let r = 0; r < n; r++) {
    const row = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) row[c] = columns[c]![r]!;
    rows[r] = row;
  }
  return rows;
}

/** Converted values of dictionaries already seen: a dictionary is shared by every batch that uses it. */
const dictionaryValues = new WeakMap<object, CellValue[]>();

function columnValues(vector: Vector, n: number): CellValue[] {
  const type: DataType = vector.type;
  let out: CellValue[] = new Array<CellValue>(n);
  switch (type.typeId) {
    case Type.Int:
    case Type.Float: {
      if (type.typeId === Type.Float && (type as unknown as { precision: Precision }).precision === Precision.HALF) {
        for (let i = 0; i < n; i++) out[i] = vector.get(i) as number;
        break;
      }
      // Int64/Uint64 arrive as BigInt64Array/BigUint64Array, so their values are exact bigints.
      const values = vector.toArray() as ArrayLike<number | bigint>;
      for (let i = 0; i < n; i++) out[i] = values[i]!;
      break;
    }
    case Type.Timestamp: {
      const { unit, timezone } = type as unknown as { unit: TimeUnit; timezone: string | null };
      const [perSecond, digits] = TIME_UNITS[unit];
      const naive = !timezone;
      const values = vector.toArray() as ArrayLike<bigint>;
      for (let i = 0; i < n; i++) out[i] = isoTimestamp(BigInt(values[i]!), perSecond, digits, naive);
      break;
    }
    case Type.Date: {
      const day = (type as unknown as { unit: DateUnit }).unit === DateUnit.DAY;
      for (let i = 0; i < n; i++) {
        const ms = vector.get(i) as number | null;
        const date = ms === null ? undefined : new Date(ms);
        out[i] = date === undefined || Number.isNaN(date.getTime()) ? null : day ? date.toISOString().slice(0, 10) : date.toISOString();
      }
      break;
    }
    case Type.Dictionary: {
      const data = vector.data.length === 1 ? vector.data[0] : undefined;
      const dictionary = data?.dictionary;
      if (!data || !dictionary) {
        for (let i = 0; i < n; i++) out[i] = scalar(vector.get(i));
        break;
      }
      let decoded = dictionaryValues.get(dictionary);
      if (!decoded) dictionaryValues.set(dictionary, (decoded = columnValues(dictionary, dictionary.length)));
      const indices = data.values as ArrayLike<number | bigint>;
      for (let i = 0; i < n; i++) out[i] = decoded[Number(indices[i])] ?? null;
      break;
    }
    case Type.List:
    case Type.FixedSizeList:
    case Type.LargeList: {
      // A position stored as a list of 3 ints: "[x y z]", as CSV exports pack it.
      for (let i = 0; i < n; i++) {
        const items = vector.get(i) as Iterable<unknown> | null;
        out[i] = items === null ? null : listText(items);
      }
      break;
    }
    case Type.Struct:
    case Type.Map: {
      for (let i = 0; i < n; i++) {
        const value = vector.get(i) as object | null;
        out[i] = value === null ? null : objectText(value);
      }
      break;
    }
    case Type.Null:
      out = new Array<CellValue>(n).fill(null);
      return out;
    default: // strings, booleans, and anything rarer
      for (let i = 0; i < n; i++) out[i] = scalar(vector.get(i));
  }
  if (vector.nullCount > 0) {
    for (let i = 0; i < n; i++) if (!vector.isValid(i)) out[i] = null;
  }
  return out;
}



const TIME_UNITS: Record<TimeUnit, [bigint, number]> = {
  [TimeUnit.SECOND]: [1n, 0],
  [TimeUnit.MILLISECOND]: [1_000n, 3],
  [TimeUnit.MICROSECOND]: [1_000_000n, 6],
  [TimeUnit.NANOSECOND]: [1_000_000_000n, 9],
};

/** `value` counted in 1/perSecond seconds since the epoch, as ISO 8601 with `digits` fraction digits; "Z" unless naive. */
function isoTimestamp(value: bigint, perSecond: bigint, digits: number, naive: boolean): string {
  let seconds = value / perSecond;
  let fraction = value % perSecond;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += perSecond;
  }
  const date = new Date(Number(seconds) * 1000);
  if (Number.isNaN(date.getTime())) return value.toString(); // outside what a Date can show: keep the raw count
  return `${date.toISOString().slice(0, 19)}${digits ? "." + fraction.toString().padStart(digits, "0") : ""}${naive ? "" : "Z"}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

