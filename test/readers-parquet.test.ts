import { readFileSync, writeFileSync } from "node:fs";
import { parquetMetadata } from "hyparquet";
import { describe, expect, it } from "vitest";
import { openParquet } from "../src/store/readers/parquet.js";
import type { CellValue } from "../src/store/readers/types.js";
import {
  COLUMNS,
  MAX_INT64,
  ROWS,
  allRows,
  batchSizes,
  expectedRows,
  parquetBytes,
  readError,
  useFixtureFolder,
} from "./support/columnar-synapses.js";

/** The Parquet reader, over a synapse table typed as pandas types it (support/columnar-synapses.ts). */

const path = useFixtureFolder();

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
    for await (const batch of source.batches!())
      seen.push({ rows: batch.length, firstId: batch[0]![0]!, bytesRead: source.progress().bytesRead });
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
    expect(rows.every((r) => typeof r[0] === "bigint" && typeof r[1] === "bigint" && typeof r[2] === "bigint")).toBe(
      true,
    );
  });

  it(
    "gives floats as numbers, strings, booleans, nulls, " + "ISO timestamps with all their digits and packed positions",
    async () => {
      const file = path("values.parquet");
      writeFileSync(file, parquetBytes("SNAPPY"));
      const [first, , , fourth] = await allRows(await openParquet(file));
      expect(first).toEqual([
        1n,
        MAX_INT64,
        864691136999999999n,
        40,
        0.125,
        "23P",
        "syn-0-µm",
        false,
        "2020-07-29T05:43:36.541296123Z",
        "[100000 200000 20000]",
      ]);
      expect(fourth![4]).toBeNull(); // NaN score in pandas, null in the file
    },
  );

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
    expect(error.message).toMatch(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not a readable Parquet file`),
    );
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
