import { readFileSync, writeFileSync } from "node:fs";
import { RecordBatchReader } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { openArrow } from "../src/store/readers/arrow.js";
import type { CellValue } from "../src/store/readers/types.js";
import {
  COLUMNS,
  MAX_INT64,
  ROWS,
  allRows,
  arrowBytes,
  batchSizes,
  expectedRows,
  hasBytes,
  readError,
  useFixtureFolder,
} from "./support/columnar-synapses.js";

/** The Arrow IPC / Feather v2 reader, over a synapse table typed as pandas types it (support/columnar-synapses.ts). */

const path = useFixtureFolder();

describe("openArrow", () => {
  const magic = { LZ4_FRAME: [0x04, 0x22, 0x4d, 0x18], ZSTD: [0x28, 0xb5, 0x2f, 0xfd] };

  for (const format of ["file", "stream"] as const) {
    for (const compression of ["NONE", "LZ4_FRAME", "ZSTD"] as const) {
      it(
        `reads every row of an IPC ${format}${format === "file" ? " (Feather v2)" : ""} ` +
          `with ${compression} compression, in order`,
        async () => {
          const bytes = await arrowBytes(format, compression);
          expect(Buffer.from(bytes.subarray(0, 6)).toString("latin1") === "ARROW1").toBe(format === "file");
          if (compression !== "NONE") expect(hasBytes(bytes, magic[compression])).toBe(true);
          else expect(hasBytes(bytes, magic.LZ4_FRAME) || hasBytes(bytes, magic.ZSTD)).toBe(false);
          const file = path(`synapses-${format}-${compression}.${format === "file" ? "feather" : "arrows"}`);
          writeFileSync(file, bytes);

          const source = await openArrow(file);
          expect(source.columns).toEqual(COLUMNS);
          expect(await allRows(source)).toEqual(expectedRows);
        },
      );
    }
  }

  it("streams one record batch at a time: 1000, 1000 and 500 rows, in order, with progress", async () => {
    const file = path("streamed.feather");
    writeFileSync(file, await arrowBytes("file", "LZ4_FRAME"));
    const source = await openArrow(file);
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
    expect(rows.every((r) => typeof r[0] === "bigint" && typeof r[1] === "bigint" && typeof r[2] === "bigint")).toBe(
      true,
    );
  });

  it(
    "gives floats as numbers, categoricals as plain strings, " + "booleans, nulls, ISO timestamps and packed positions",
    async () => {
      const file = path("values.feather");
      writeFileSync(file, await arrowBytes("file", "LZ4_FRAME"));
      const [first, , , fourth] = await allRows(await openArrow(file));
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
      expect(fourth![4]).toBeNull();
    },
  );

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

  it(
    "fails on a corrupt compressed record batch with " + "TableReadError after yielding the batches before it",
    async () => {
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
    },
  );
});
