import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  RecordBatchReader,
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
import { parquetMetadata, type SchemaElement } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import lz4 from "lz4js";
import { compress as zstdCompress, init as zstdInit } from "@bokuweb/zstd-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openArrow } from "../src/store/readers/arrow.js";
import { openParquet } from "../src/store/readers/parquet.js";
import { TableReadError, type CellValue, type TableSource } from "../src/store/readers/types.js";

/*
 * Fixtures are written at test time with JS writers (hyparquet-writer, apache-arrow), typed the way
 * pandas types a CAVE synapse table: int64 ids, a float score with NaN (null), strings, a
 * categorical, booleans, a tz-aware `created` timestamp (nanoseconds, UTC) and a position stored
 * as a list of 3 ints.
 */

const ROWS = 2_500;
const CHUNK = 1_000; // rows per row group / record batch: 1000, 1000, 500

const MAX_INT64 = 9223372036854775807n;
const MIN_INT64 = -9223372036854775808n;
const ROOT_ID = 864691135123456789n;
const CREATED_0 = 1_596_001_416_541_296_123n; // 2020-07-29T05:43:36.541296123Z, in nanoseconds
const CELL_TYPES = ["23P", "4P", "BC", "MC", "NGC"];

const COLUMNS = ["id", "pre_pt_root_id", "post_pt_root_id", "size", "cleft_score", "cell_type", "tag", "valid", "created", "ctr_pt_position"];

interface Column<T> {
  values: (T | null)[];
}
function column<T>(make: (i: number) => T | null): Column<T> {
  return { values: Array.from({ length: ROWS }, (_, i) => make(i)) };
}

const data = {
  id: column((i) => BigInt(i + 1)),
  pre_pt_root_id: column((i) => (i === 0 ? MAX_INT64 : i === 1 ? ROOT_ID : i === 2 ? MIN_INT64 : 864691135000000000n + BigInt(i) * 7919n)),
  post_pt_root_id: column((i) => 864691136999999999n - BigInt(i) * 104729n),
  size: column((i) => 40 + ((i * 37) % 5000)),
  cleft_score: column((i) => (i % 7 === 3 ? null : i * 0.25 + 0.125)),
  cell_type: column((i) => (i % 10 === 9 ? null : CELL_TYPES[i % CELL_TYPES.length]!)),
  tag: column((i) => (i % 11 === 5 ? null : `syn-${i}-µm`)),
  valid: column((i) => i % 13 !== 0),
  created: column((i) => (i % 17 === 4 ? null : CREATED_0 + BigInt(i) * 1_000_001_001n)),
  ctr_pt_position: column((i) => (i % 19 === 7 ? null : [BigInt(100_000 + i), BigInt(200_000 + 2 * i), BigInt(20_000 + (i % 300))])),
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
const expectedRows = Array.from({ length: ROWS }, (_, i) => expectedRow(i));

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
  { name: "cell_type", type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" }, repetition_type: "OPTIONAL" },
  { name: "tag", type: "BYTE_ARRAY", converted_type: "UTF8", logical_type: { type: "STRING" }, repetition_type: "OPTIONAL" },
  { name: "valid", type: "BOOLEAN", repetition_type: "OPTIONAL" },
  { name: "created", type: "INT64", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "NANOS" }, repetition_type: "OPTIONAL" },
  // pyarrow's three-level list: ctr_pt_position (LIST) > list (repeated) > element
  { name: "ctr_pt_position", converted_type: "LIST", logical_type: { type: "LIST" }, repetition_type: "OPTIONAL", num_children: 1 },
  { name: "list", repetition_type: "REPEATED", num_children: 1 },
  { name: "element", type: "INT64", repetition_type: "OPTIONAL" },
];

type ParquetCodec = "UNCOMPRESSED" | "SNAPPY" | "ZSTD" | "GZIP" | "BROTLI" | "LZO";

function parquetBytes(codec: ParquetCodec, rowGroupSize = CHUNK): Uint8Array {
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
  return table.batches.flatMap((b) => Array.from({ length: Math.ceil(b.numRows / CHUNK) }, (_, k) => b.slice(k * CHUNK, (k + 1) * CHUNK)));
}

type ArrowCompression = "NONE" | "LZ4_FRAME" | "ZSTD";

async function arrowBytes(format: "file" | "stream", compression: ArrowCompression): Promise<Uint8Array> {
  const options = compression === "NONE" ? {} : { compressionType: CompressionType[compression] };
  const batches = recordBatches(arrowTable());
  const writer = format === "file" ? RecordBatchFileWriter.writeAll(batches, options) : RecordBatchStreamWriter.writeAll(batches, options);
  return writer.toUint8Array();
}

// ---- helpers ----

let dir: string;
const path = (name: string) => join(dir, name);

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

async function allRows(source: TableSource): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}

async function batchSizes(source: TableSource): Promise<number[]> {
  const sizes: number[] = [];
  for await (const batch of source.batches!()) sizes.push(batch.length);
  return sizes;
}

/** Runs `fn` and returns the TableReadError it throws (failing if it throws something else or nothing). */
async function readError(fn: () => Promise<unknown>): Promise<TableReadError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TableReadError);
    return error as TableReadError;
  }
  throw new Error("expected a TableReadError, but reading succeeded");
}

function hasBytes(haystack: Uint8Array, needle: number[]): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) >= 0;
}

// ---- Parquet ----

describe("openParquet", () => {
  for (const codec of ["UNCOMPRESSED", "SNAPPY", "ZSTD", "GZIP", "BROTLI"] as const) {
    it(`reads every row of a ${codec} file, in file order, with pandas-like types`, async () => {
      const bytes = parquetBytes(codec);
      const metadata = parquetMetadata(bytes.buffer as ArrayBuffer);
      expect(metadata.row_groups.map((g) => g.columns[0]!.meta_data!.codec)).toEqual([codec, codec, codec]);
      writeFileSync(path(`synapses-${codec}.parquet`), bytes);

      const source = await openParquet(path(`synapses-${codec}.parquet`));
      expect(source.columns).toEqual(COLUMNS);
      expect(await allRows(source)).toEqual(expectedRows);
    });
  }

  it("streams one row group at a time: three groups of 1000, 1000 and 500 rows, in order, with progress", async () => {
    const file = path("streamed.parquet");
    writeFileSync(file, parquetBytes("SNAPPY"));
    const source = await openParquet(file);
    const { totalBytes } = source.progress();
    expect(totalBytes).toBe(readFileSync(file).length);

    const seen: { rows: number; firstId: CellValue; bytesRead: number }[] = [];
    for await (const batch of source.batches!()) seen.push({ rows: batch.length, firstId: batch[0]![0]!, bytesRead: source.progress().bytesRead });
    expect(seen.map((s) => [s.rows, s.firstId])).toEqual([
      [1000, 1n],
      [1000, 1001n],
      [500, 2001n],
    ]);
    // Each group is read when it is needed, not the whole file up front.
    expect(seen[0]!.bytesRead).toBeGreaterThan(0);
    expect(seen[0]!.bytesRead).toBeLessThan(seen[1]!.bytesRead);
    expect(seen[0]!.bytesRead).toBeLessThan(totalBytes * 0.6);
    expect(seen[1]!.bytesRead).toBeLessThan(totalBytes);
    expect(source.progress()).toEqual({ bytesRead: totalBytes, totalBytes });
  });

  it("keeps 64-bit ids exact as bigint, up to 2^63-1 and down to -2^63", async () => {
    const file = path("ids.parquet");
    writeFileSync(file, parquetBytes("SNAPPY"));
    const rows = await allRows(await openParquet(file));
    expect(rows[0]![1]).toBe(9223372036854775807n);
    expect(rows[1]![1]).toBe(864691135123456789n);
    expect(rows[2]![1]).toBe(-9223372036854775808n);
    expect(rows.every((r) => typeof r[0] === "bigint" && typeof r[1] === "bigint" && typeof r[2] === "bigint")).toBe(true);
  });

  it("gives floats as numbers, strings, booleans, nulls, ISO timestamps with all their digits and packed positions", async () => {
    const file = path("values.parquet");
    writeFileSync(file, parquetBytes("SNAPPY"));
    const [first, , , fourth] = await allRows(await openParquet(file));
    expect(first).toEqual([1n, MAX_INT64, 864691136999999999n, 40, 0.125, "23P", "syn-0-µm", false, "2020-07-29T05:43:36.541296123Z", "[100000 200000 20000]"]);
    expect(fourth![4]).toBeNull(); // NaN score in pandas, null in the file
  });

  it("reads a dictionary-encoded string column (a pandas categorical) as plain strings", async () => {
    const bytes = parquetBytes("SNAPPY");
    const chunk = parquetMetadata(bytes.buffer as ArrayBuffer).row_groups[0]!.columns[COLUMNS.indexOf("cell_type")]!;
    expect(chunk.meta_data!.encodings).toContain("RLE_DICTIONARY");
    writeFileSync(path("categorical.parquet"), bytes);
    const rows = await allRows(await openParquet(path("categorical.parquet")));
    expect(rows.slice(0, 10).map((r) => r[5])).toEqual(["23P", "4P", "BC", "MC", "NGC", "23P", "4P", "BC", "MC", null]);
  });

  it("can be read twice", async () => {
    const file = path("twice.parquet");
    writeFileSync(file, parquetBytes("ZSTD"));
    const source = await openParquet(file);
    expect((await allRows(source)).length).toBe(ROWS);
    expect(await batchSizes(source)).toEqual([1000, 1000, 500]);
  });

  it("rejects a file that is not Parquet, naming the file", async () => {
    const file = path("not-parquet.parquet");
    writeFileSync(file, "id,pre_pt_root_id\n1,864691135123456789\n");
    const error = await readError(() => openParquet(file));
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a Parquet file/);
  });

  it("rejects a truncated file, naming the file", async () => {
    const file = path("truncated.parquet");
    const bytes = parquetBytes("SNAPPY");
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await readError(() => openParquet(file));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/truncated Parquet file/);
  });

  it("rejects a file whose footer is garbage, naming the file", async () => {
    const file = path("bad-footer.parquet");
    writeFileSync(file, "PAR1 this is not really parquet PAR1");
    const error = await readError(() => openParquet(file));
    expect(error.message).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not a readable Parquet file`));
  });

  it("fails on a corrupt row group with TableReadError after yielding the rows before it", async () => {
    const file = path("corrupt-group.parquet");
    const bytes = parquetBytes("SNAPPY");
    const meta = parquetMetadata(bytes.buffer as ArrayBuffer).row_groups[1]!.columns[0]!.meta_data!;
    const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
    bytes.fill(0xab, start, start + Number(meta.total_compressed_size));
    writeFileSync(file, bytes);

    const source = await openParquet(file);
    let rowsBefore = 0;
    const error = await readError(async () => {
      for await (const batch of source.batches!()) rowsBefore += batch.length;
    });
    expect(rowsBefore).toBe(1000);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/row group 2 of 3/);
  });

  it("rejects a compression codec it cannot decode (LZO) before reading any row", async () => {
    const file = path("lzo.parquet");
    writeFileSync(file, parquetBytes("LZO"));
    const error = await readError(() => openParquet(file));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/unsupported Parquet compression codec LZO/);
  });
});

// ---- Arrow IPC / Feather v2 ----

describe("openArrow", () => {
  const magic = { LZ4_FRAME: [0x04, 0x22, 0x4d, 0x18], ZSTD: [0x28, 0xb5, 0x2f, 0xfd] };

  for (const format of ["file", "stream"] as const) {
    for (const compression of ["NONE", "LZ4_FRAME", "ZSTD"] as const) {
      it(`reads every row of an IPC ${format}${format === "file" ? " (Feather v2)" : ""} with ${compression} compression, in order`, async () => {
        const bytes = await arrowBytes(format, compression);
        expect(Buffer.from(bytes.subarray(0, 6)).toString("latin1") === "ARROW1").toBe(format === "file");
        if (compression !== "NONE") expect(hasBytes(bytes, magic[compression])).toBe(true);
        else expect(hasBytes(bytes, magic.LZ4_FRAME) || hasBytes(bytes, magic.ZSTD)).toBe(false);
        const file = path(`synapses-${format}-${compression}.${format === "file" ? "feather" : "arrows"}`);
        writeFileSync(file, bytes);

        const source = await openArrow(file);
        expect(source.columns).toEqual(COLUMNS);
        expect(await allRows(source)).toEqual(expectedRows);
      });
    }
  }

  it("streams one record batch at a time: 1000, 1000 and 500 rows, in order, with progress", async () => {
    const file = path("streamed.feather");
    writeFileSync(file, await arrowBytes("file", "LZ4_FRAME"));
    const source = await openArrow(file);
    const { totalBytes } = source.progress();
    expect(totalBytes).toBe(readFileSync(file).length);

    const seen: { rows: number; firstId: CellValue; bytesRead: number }[] = [];
    for await (const batch of source.batches!()) seen.push({ rows: batch.length, firstId: batch[0]![0]!, bytesRead: source.progress().bytesRead });
    expect(seen.map((s) => [s.rows, s.firstId])).toEqual([
      [1000, 1n],
      [1000, 1001n],
      [500, 2001n],
    ]);
    expect(seen[0]!.bytesRead).toBeGreaterThan(0);
    expect(seen[0]!.bytesRead).toBeLessThan(seen[1]!.bytesRead);
    expect(seen[1]!.bytesRead).toBeLessThan(totalBytes);
    expect(source.progress()).toEqual({ bytesRead: totalBytes, totalBytes });
  });

  it("keeps 64-bit ids exact as bigint, up to 2^63-1 and down to -2^63", async () => {
    const file = path("ids.feather");
    writeFileSync(file, await arrowBytes("file", "ZSTD"));
    const rows = await allRows(await openArrow(file));
    expect(rows[0]![1]).toBe(9223372036854775807n);
    expect(rows[1]![1]).toBe(864691135123456789n);
    expect(rows[2]![1]).toBe(-9223372036854775808n);
    expect(rows.every((r) => typeof r[0] === "bigint" && typeof r[1] === "bigint" && typeof r[2] === "bigint")).toBe(true);
  });

  it("gives floats as numbers, categoricals as plain strings, booleans, nulls, ISO timestamps and packed positions", async () => {
    const file = path("values.feather");
    writeFileSync(file, await arrowBytes("file", "LZ4_FRAME"));
    const [first, , , fourth] = await allRows(await openArrow(file));
    expect(first).toEqual([1n, MAX_INT64, 864691136999999999n, 40, 0.125, "23P", "syn-0-µm", false, "2020-07-29T05:43:36.541296123Z", "[100000 200000 20000]"]);
    expect(fourth![4]).toBeNull();
  });

  it("can be read twice", async () => {
    const file = path("twice.feather");
    writeFileSync(file, await arrowBytes("file", "NONE"));
    const source = await openArrow(file);
    expect((await allRows(source)).length).toBe(ROWS);
    expect(await batchSizes(source)).toEqual([1000, 1000, 500]);
  });

  it("rejects a file that is not Arrow, naming the file", async () => {
    const file = path("not-arrow.feather");
    writeFileSync(file, "id,pre_pt_root_id\n1,864691135123456789\n");
    const error = await readError(() => openArrow(file));
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a Feather \/ Arrow IPC file/);
  });

  it("rejects a Feather v1 file with a message saying so", async () => {
    const file = path("v1.feather");
    writeFileSync(file, Buffer.concat([Buffer.from("FEA1"), Buffer.alloc(64), Buffer.from("FEA1")]));
    const error = await readError(() => openArrow(file));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/Feather v1/);
  });

  it("rejects a truncated Feather file, naming the file", async () => {
    const file = path("truncated.feather");
    const bytes = await arrowBytes("file", "LZ4_FRAME");
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await readError(() => openArrow(file));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/truncated Feather/);
  });

  it("fails on a stream cut short inside a record batch, after yielding the batches before it", async () => {
    const file = path("truncated.arrows");
    const bytes = await arrowBytes("stream", "NONE");
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const source = await openArrow(file);
    let rowsBefore = 0;
    const error = await readError(async () => {
      for await (const batch of source.batches!()) rowsBefore += batch.length;
    });
    expect(rowsBefore).toBe(1000);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/record batch 2/);
  });

  it("fails on a corrupt compressed record batch with TableReadError after yielding the batches before it", async () => {
    const file = path("corrupt-batch.feather");
    const bytes = await arrowBytes("file", "ZSTD");
    const reader = RecordBatchReader.from(bytes).open();
    const block = reader.footer!.getRecordBatch(1)!;
    const bodyStart = Number(block.offset) + block.metaDataLength;
    bytes.fill(0xab, bodyStart, bodyStart + Number(block.bodyLength));
    writeFileSync(file, bytes);

    const source = await openArrow(file);
    let rowsBefore = 0;
    const error = await readError(async () => {
      for await (const batch of source.batches!()) rowsBefore += batch.length;
    });
    expect(rowsBefore).toBe(1000);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/record batch 2/);
  });
});
