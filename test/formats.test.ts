import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { importTables } from "../src/store/import/importer.js";
import { writeSample } from "../src/sample/index.js";
import { writeFeatherCopy, writeParquetCopy } from "./support/columnar-fixtures.js";

/** Every store table's rows in a fixed order, ids as digit strings: two stores are equal when these are. */
function dump(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  db.defaultSafeIntegers(true);
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('import_log', 'store_meta') AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const rows = db.prepare(`SELECT * FROM "${t}"`).raw(true).all() as unknown[][];
    out[t] = rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === "bigint" ? v.toString() : v))).sort();
  }
  db.close();
  return out;
}

let root: string;
let csvDump: Record<string, string[]>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "cc-formats-"));
  await writeSample({ out: join(root, "csv"), cells: 700, seed: 8 });
  await importTables({ paths: [join(root, "csv")], db: join(root, "csv.db") });
  csvDump = dump(join(root, "csv.db"));
});

describe("the same tables as CSV, Parquet and Feather give identical databases", () => {
  it("has real content to compare (synapses, cell types, summaries)", () => {
    expect(csvDump.synapse!.length).toBeGreaterThan(10_000);
    expect(csvDump.cell_type!.length).toBeGreaterThan(500);
    expect(csvDump.connection!.length).toBeGreaterThan(1_000);
  });

  for (const codec of ["SNAPPY", "ZSTD", "UNCOMPRESSED"] as const) {
    it(`Parquet with ${codec} compression`, async () => {
      const dir = join(root, `parquet-${codec}`);
      await writeParquetCopy(join(root, "csv"), dir, codec);
      await importTables({ paths: [dir], db: `${dir}.db` });
      expect(dump(`${dir}.db`)).toEqual(csvDump);
    });
  }

  for (const compression of ["LZ4_FRAME", "ZSTD", "NONE"] as const) {
    it(`Feather (Arrow IPC) with ${compression} compression`, async () => {
      const dir = join(root, `feather-${compression}`);
      await writeFeatherCopy(join(root, "csv"), dir, compression);
      await importTables({ paths: [dir], db: `${dir}.db` });
      expect(dump(`${dir}.db`)).toEqual(csvDump);
    });
  }

  it("keeps 18-digit root ids exact through Parquet and Feather", async () => {
    const db = new Database(join(root, "feather-LZ4_FRAME.db"), { readonly: true });
    db.defaultSafeIntegers(true);
    const ids = (db.prepare("SELECT pre_pt_root_id FROM synapse LIMIT 50").raw(true).all() as [bigint][]).map(
      (r) => r[0],
    );
    db.close();
    for (const id of ids) expect(id.toString()).toMatch(/^864691135\d{9}$/);
  });
});

describe("a corrupt columnar file", () => {
  it("fails with a message naming the file", async () => {
    const dir = join(root, "corrupt");
    await writeParquetCopy(join(root, "csv"), dir, "SNAPPY");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "synapses_pni_2.parquet"), "PAR1 this is not really parquet PAR1");
    await expect(importTables({ paths: [dir], db: join(root, "corrupt.db") })).rejects.toThrow(
      /synapses_pni_2\.parquet: not a readable Parquet file/,
    );
  });
});
