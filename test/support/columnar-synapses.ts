import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import {
  Bool,
  CompressionType,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  RecordBatchFileWriter,
  RecordBatchStreamWriter,
  Table,
  TimestampNanosecond,
  Utf8,
  compressionRegistry,
  makeData,
  makeVector,
  vectorFromArray,
  type RecordBatch,
} from "apache-arrow";
import type { SchemaElement } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import lz4 from "lz4js";
import { compress as zstdCompress, init as zstdInit } from "@bokuweb/zstd-wasm";
import { afterAll, beforeAll, expect } from "vitest";
import { TableReadError, type CellValue, type TableSource } from "../../src/store/readers/types.js";

/*
 * A synapse table for the Parquet and Arrow reader tests (readers-parquet.test.ts,
 * readers-arrow.test.ts), written at test time with JS writers (hyparquet-writer, apache-arrow),
 * typed the way pandas types a CAVE synapse table: int64 ids, a float score with NaN (null),
 * strings, a categorical, booleans, a tz-aware `created` timestamp (nanoseconds, UTC) and a
 * position stored as a list of 3 ints; and what a reader must give for it.
 */

export const ROWS = 2_500;
const CHUNK = 1_000; // rows per row group / record batch: 1000, 1000, 500

export const MAX_INT64 = 9223372036854775807n;
const MIN_INT64 = -9223372036854775808n;
const ROOT_ID = 864691135123456789n;
const CREATED_0 = 1_596_001_416_541_296_123n; // 2020-07-29T05:43:36.541296123Z, in nanoseconds
const CELL_TYPES = ["23P", "4P", "BC", "MC", "NGC"];

export const COLUMNS = [
  "id",
  "pre_pt_root_id",
  "post_pt_root_id",
  "size",
  "cleft_score",
  "cell_type",
  "tag",
  "valid",
  "created",
  "ctr_pt_position",
];

interface Column<T> {
  values: (T | null)[];
}
function column<T>(make: (i: number) => T | null): Column<T> {
  return { values: Array.from({ length: ROWS }, (_, i) => make(i)) };
}

/** The table, column by column. */
const data = {
  id: column((i) => BigInt(i + 1)),
  pre_pt_root_id: column((i) =>
    i === 0 ? MAX_INT64 : i === 1 ? ROOT_ID : i === 2 ? MIN_INT64 : 864691135000000000n + BigInt(i) * 7919n,
  ),
  post_pt_root_id: column((i) => 864691136999999999n - BigInt(i) * 104729n),
  size: column((i) => 40 + ((i * 37) % 5000)),
  cleft_score: column((i) => (i % 7 === 3 ? null : i * 0.25 + 0.125)),
  cell_type: column((i) => (i % 10 === 9 ? null : CELL_TYPES[i % CELL_TYPES.length]!)),
  tag: column((i) => (i % 11 === 5 ? null : `syn-${i}-µm`)),
  valid: column((i) => i % 13 !== 0),
  created: column((i) => (i % 17 === 4 ? null : CREATED_0 + BigInt(i) * 1_000_001_001n)),
  ctr_pt_position: column((i) =>
    i % 19 === 7 ? null : [BigInt(100_000 + i), BigInt(200_000 + 2 * i), BigInt(20_000 + (i % 300))],
  ),
};

/** What a reader must hand out for row i, by the readers' contract (src/store/readers/types.ts). */
function expectedRow(i: number): CellValue[] {
  const created = data.created.values[i]!;
  const position = data.ctr_pt_position.values[i]!;
  return [
    data.id.values[i]!,
    data.pre_pt_root_id.values[i]!,
    data.post_pt_root_id.values[i]!,
    data.size.values[i]!,
    data.cleft_score.values[i]!,
    data.cell_type.values[i]!,
    data.tag.values[i]!,
    data.valid.values[i]!,
    created === null ? null : isoNanos(created),
    position === null ? null : `[${position.join(" ")}]`,
  ];
}
export const expectedRows = Array.from({ length: ROWS }, (_, i) => expectedRow(i));

function isoNanos(nanos: bigint): string {
  const ms = new Date(Number(nanos / 1_000_000n)).toISOString(); // ...SS.mmmZ
  return `${ms.slice(0, 23)}${(nanos % 1_000_000n).toString().padStart(6, "0")}Z`;
}

// ---- Parquet fixtures (hyparquet-writer) ----

const parquetSchemaElements: SchemaElement[] = [
  { name: "schema", num_children: COLUMNS.length },
  { name: "id", type: "INT64", repetition_type: "REQUIRED" },
  { name: "pre_pt_root_id", type: "INT64", repetition_type: "REQUIRED" },
  { name: "post_pt_root_id", type: "INT64", repetition_type: "REQUIRED" },
  { name: "size", type: "INT32", repetition_type: "REQUIRED" },
  { name: "cleft_score", type: "DOUBLE", repetition_type: "OPTIONAL" },
  {
    name: "cell_type",
    type: "BYTE_ARRAY",
    converted_type: "UTF8",
    logical_type: { type: "STRING" },
    repetition_type: "OPTIONAL",
  },
  {
    name: "tag",
    type: "BYTE_ARRAY",
    converted_type: "UTF8",
    logical_type: { type: "STRING" },
    repetition_type: "OPTIONAL",
  },
  { name: "valid", type: "BOOLEAN", repetition_type: "OPTIONAL" },
  {
    name: "created",
    type: "INT64",
    logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "NANOS" },
    repetition_type: "OPTIONAL",
  },
  // pyarrow's three-level list: ctr_pt_position (LIST) > list (repeated) > element
  {
    name: "ctr_pt_position",
    converted_type: "LIST",
    logical_type: { type: "LIST" },
    repetition_type: "OPTIONAL",
    num_children: 1,
  },
  { name: "list", repetition_type: "REPEATED", num_children: 1 },
  { name: "element", type: "INT64", repetition_type: "OPTIONAL" },
];

export type ParquetCodec = "UNCOMPRESSED" | "SNAPPY" | "ZSTD" | "GZIP" | "BROTLI" | "LZO";

export function parquetBytes(codec: ParquetCodec, rowGroupSize = CHUNK): Uint8Array {
  const buffer = parquetWriteBuffer({
    schema: parquetSchemaElements,
    columnData: COLUMNS.map((name) => ({ name, data: data[name as keyof typeof data].values as never[] })),
    codec,
    rowGroupSize,
    compressors: {
      ZSTD: (bytes: Uint8Array) => zstdCompress(bytes, 3),
      GZIP: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes)),
      BROTLI: (bytes: Uint8Array) => new Uint8Array(brotliCompressSync(bytes)),
      // No JS LZO compressor exists: label stored bytes LZO, which is all a reader sees before decoding.
      LZO: (bytes: Uint8Array) => bytes,
    },
  });
  return new Uint8Array(buffer);
}

// ---- Arrow IPC fixtures (apache-arrow writers; LZ4 frames from lz4js, zstd from zstd-wasm) ----

function nullBitmap(values: readonly unknown[]): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v !== null) bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return bitmap;
}

function arrowTable(): Table {
  const created = data.created.values;
  return new Table({
    id: vectorFromArray(data.id.values, new Int64()),
    pre_pt_root_id: vectorFromArray(data.pre_pt_root_id.values, new Int64()),
    post_pt_root_id: vectorFromArray(data.post_pt_root_id.values, new Int64()),
    size: vectorFromArray(data.size.values, new Int32()),
    cleft_score: vectorFromArray(data.cleft_score.values, new Float64()),
    // a pandas categorical is written as a dictionary-encoded column
    cell_type: vectorFromArray(data.cell_type.values, new Dictionary(new Utf8(), new Int32())),
    tag: vectorFromArray(data.tag.values, new Utf8()),
    valid: vectorFromArray(data.valid.values, new Bool()),
    // nanosecond values set directly (the builder would take milliseconds)
    created: makeVector(
      makeData({
        type: new TimestampNanosecond("UTC"),
        length: ROWS,
        nullCount: created.filter((v) => v === null).length,
        nullBitmap: nullBitmap(created),
        data: BigInt64Array.from(created, (v) => v ?? 0n),
      }),
    ),
    ctr_pt_position: vectorFromArray(data.ctr_pt_position.values, new List(new Field("item", new Int64(), true))),
  });
}

function recordBatches(table: Table): RecordBatch[] {
  return table.batches.flatMap((b) =>
    Array.from({ length: Math.ceil(b.numRows / CHUNK) }, (_, k) => b.slice(k * CHUNK, (k + 1) * CHUNK)),
  );
}

export type ArrowCompression = "NONE" | "LZ4_FRAME" | "ZSTD";

export async function arrowBytes(format: "file" | "stream", compression: ArrowCompression): Promise<Uint8Array> {
  const options = compression === "NONE" ? {} : { compressionType: CompressionType[compression] };
  const batches = recordBatches(arrowTable());
  const writer =
    format === "file"
      ? RecordBatchFileWriter.writeAll(batches, options)
      : RecordBatchStreamWriter.writeAll(batches, options);
  return writer.toUint8Array();
}

// ---- the test files' folder, and helpers ----

/** A folder for a test file's fixtures, made before its tests with the fixtures' encoders, removed after. */
export function useFixtureFolder(): (name: string) => string {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cc-columnar-"));
    await zstdInit();
    // Encoders for the fixtures. The readers' own decoders stay registered, so they are what is tested.
    compressionRegistry.set(CompressionType.LZ4_FRAME, {
      ...compressionRegistry.get(CompressionType.LZ4_FRAME),
      encode: (bytes: Uint8Array) => Uint8Array.from(lz4.compress(bytes)),
    });
    compressionRegistry.set(CompressionType.ZSTD, {
      ...compressionRegistry.get(CompressionType.ZSTD),
      encode: (bytes: Uint8Array) => zstdCompress(bytes, 3),
    });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name: string) => join(dir, name);
}

export async function allRows(source: TableSource): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}

export async function batchSizes(source: TableSource): Promise<number[]> {
  const sizes: number[] = [];
  for await (const batch of source.batches!()) sizes.push(batch.length);
  return sizes;
}

/** Runs `fn` and returns the TableReadError it throws (failing if it throws something else or nothing). */
export async function readError(fn: () => Promise<unknown>): Promise<TableReadError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TableReadError);
    return error as TableReadError;
  }
  throw new Error("expected a TableReadError, but reading succeeded");
}

export function hasBytes(haystack: Uint8Array, needle: number[]): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) >= 0;
}
