import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import {
  CompressionType,
  Float64,
  Int64,
  RecordBatchFileWriter,
  Utf8,
  compressionRegistry,
  tableFromArrays,
  vectorFromArray,
} from "apache-arrow";
import lz4 from "lz4js";
import { compress as zstdCompress, init as zstdInit } from "@bokuweb/zstd-wasm";
import { decompress as zstdDecompress } from "fzstd";

/**
 * Rewrites a folder of CAVE CSV exports as Parquet or Feather files, the way pandas would type
 * them: integer columns as int64 (so 18-digit ids are exact), numbers with decimals as float64,
 * the rest as strings. Written with JS writers at test time; no pyarrow needed.
 */
type Column = { name: string; kind: "int64" | "float64" | "string"; values: (bigint | number | string | null)[] };

function readCsv(path: string): Column[] {
  const lines = readFileSync(path, "utf8").trim().split("\n");
  const header = lines[0]!.split(",");
  const rows = lines.slice(1).map((l) => l.split(","));
  return header.map((name, i) => {
    const raw = rows.map((r) => (r[i] === "" ? null : r[i]!));
    const present = raw.filter((v): v is string => v !== null);
    if (present.length && present.every((v) => /^-?\d+$/.test(v)))
      return { name, kind: "int64", values: raw.map((v) => (v === null ? null : BigInt(v))) };
    if (present.length && present.every((v) => /^-?\d*\.?\d+(e[-+]?\d+)?$/i.test(v)))
      return { name, kind: "float64", values: raw.map((v) => (v === null ? null : Number(v))) };
    return { name, kind: "string", values: raw };
  });
}

let zstdReady: Promise<void> | undefined;

export async function writeParquetCopy(
  csvDir: string,
  outDir: string,
  codec: "SNAPPY" | "ZSTD" | "UNCOMPRESSED",
): Promise<void> {
  if (codec === "ZSTD") await (zstdReady ??= zstdInit());
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(csvDir).filter((f) => f.endsWith(".csv"))) {
    const columns = readCsv(join(csvDir, file));
    const buffer = parquetWriteBuffer({
      columnData: columns.map((c) => ({
        name: c.name,
        data: c.values,
        type: c.kind === "int64" ? "INT64" : c.kind === "float64" ? "DOUBLE" : "STRING",
      })),
      rowGroupSize: 20_000, // several row groups, so reading streams through them
      codec,
      ...(codec === "ZSTD" ? { compressors: { ZSTD: (bytes: Uint8Array) => zstdCompress(bytes, 3) } } : {}),
    } as Parameters<typeof parquetWriteBuffer>[0]);
    writeFileSync(join(outDir, file.replace(/\.csv$/, ".parquet")), Buffer.from(buffer));
  }
}

export async function writeFeatherCopy(
  csvDir: string,
  outDir: string,
  compression: "LZ4_FRAME" | "ZSTD" | "NONE",
): Promise<void> {
  await (zstdReady ??= zstdInit());
  compressionRegistry.set(CompressionType.LZ4_FRAME, {
    encode: (d) => Uint8Array.from(lz4.compress(d)),
    decode: (d) => Uint8Array.from(lz4.decompress(d)),
  });
  // The registry is shared with the reader: register decoders too, as the reader does.
  compressionRegistry.set(CompressionType.ZSTD, {
    encode: (d) => zstdCompress(d, 3),
    decode: (d) => zstdDecompress(d).slice(),
  });
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(csvDir).filter((f) => f.endsWith(".csv"))) {
    const columns = readCsv(join(csvDir, file));
    const table = tableFromArrays(
      Object.fromEntries(
        columns.map((c) => [
          c.name,
          c.kind === "int64"
            ? vectorFromArray(c.values, new Int64())
            : c.kind === "float64"
              ? vectorFromArray(c.values, new Float64())
              : vectorFromArray(c.values, new Utf8()),
        ]),
      ) as never,
    );
    const writer = RecordBatchFileWriter.writeAll(
      // Record batches of 20,000 rows, as pyarrow writes large frames in chunks.
      table.batches.flatMap((b) =>
        Array.from({ length: Math.ceil(b.numRows / 20_000) }, (_, k) => b.slice(k * 20_000, (k + 1) * 20_000)),
      ),
      compression === "NONE" ? {} : { compressionType: CompressionType[compression] },
    );
    writeFileSync(join(outDir, file.replace(/\.csv$/, ".feather")), await writer.toUint8Array());
  }
}
