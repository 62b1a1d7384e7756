import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { openCsv } from "../src/store/readers/csv.js";

async function readAll(file: string): Promise<string[][]> {
  const source = await openCsv(file);
  const rows: string[][] = [];
  for await (const batch of source.batches!()) rows.push(...(batch as string[][]));
  return rows;
}

describe("CSV text", () => {
  // A megabyte of ASCII first, so that the reader has taken its ASCII path before the first
  // multi-byte character, and multi-byte characters then fall on every possible chunk boundary.
  const names = ["Martinotti–SST", "Ü-cell", "细胞", "🧠 basket"];
  const lines = ["id,note"];
  for (let i = 0; i < 40_000; i++) lines.push(`${i},plain ascii text to fill the first chunks`);
  for (let i = 0; i < 60_000; i++) lines.push(`${40_000 + i},${names[i % names.length]}`);
  const csv = lines.join("\n") + "\n";

  for (const gzipped of [false, true]) {
    it(`keeps every non-ASCII character after a long ASCII start${gzipped ? " (gzipped)" : ""}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "cc-csv-text-"));
      const file = join(dir, gzipped ? "notes.csv.gz" : "notes.csv");
      writeFileSync(file, gzipped ? gzipSync(csv) : csv);
      const rows = await readAll(file);
      expect(rows).toHaveLength(100_000);
      expect(rows.slice(40_000).every((r, i) => r[1] === names[i % names.length])).toBe(true);
      expect(rows[39_999]).toEqual(["39999", "plain ascii text to fill the first chunks"]);
    });
  }

  it("reads a file that starts with a byte-order mark and has non-ASCII in its header", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cc-csv-text-"));
    const file = join(dir, "bom.csv");
    writeFileSync(file, "\uFEFFid,größe\n1,2\n");
    const source = await openCsv(file);
    expect(source.columns).toEqual(["id", "größe"]);
    expect(await readAll(file)).toEqual([["1", "2"]]);
  });
});
