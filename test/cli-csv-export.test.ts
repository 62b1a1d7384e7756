import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, expectPlainFailure, sha } from "./support/cli.js";
import { buildTestStore } from "./support/store.js";

/**
 * CSV exports (issue 15, items 1, 7 and 8): never written over the store, its journal files or
 * any SQLite database; written whole, through a temporary file renamed into place; and `sql`
 * decides what is read-only from SQLite itself.
 */
let db: string;
let synapses: number;
let work: string;

beforeAll(async () => {
  db = (await buildTestStore({ cells: 1500, seed: 21 })).db;
  const raw = new Database(db, { readonly: true });
  synapses = (raw.prepare("SELECT count(*) AS n FROM synapse").get() as { n: number }).n;
  raw.close();
  work = mkdtempSync(join(tmpdir(), "cc-csv-"));
});

describe("a CSV export never replaces the store or another database", () => {
  const targets = (): [string, string][] => {
    const sub = join(dirname(db), "sub");
    mkdirSync(sub, { recursive: true });
    const link = join(work, "link.csv");
    if (!existsSync(link)) symlinkSync(db, link);
    const hard = join(dirname(db), "hard.csv");
    if (!existsSync(hard)) linkSync(db, hard);
    const other = join(work, "other.db");
    const o = new Database(other);
    o.exec("CREATE TABLE IF NOT EXISTS t (a)");
    o.close();
    return [
      ["the store itself", db],
      ["the store through ..", join(sub, "..", basename(db))],
      ["a symbolic link to the store", link],
      ["a hard link to the store", hard],
      ["the store's -journal", `${db}-journal`],
      ["the store's -wal", `${db}-wal`],
      ["another SQLite database", other],
    ];
  };

  it("sql --csv refuses each, in one line, and leaves every byte as it was", () => {
    for (const [what, target] of targets()) {
      const before = sha(db);
      const existed = existsSync(target);
      const otherBefore = existed ? sha(target) : undefined;
      const run = cli(["sql", "--db", db, "--csv", target, "SELECT 1 AS x"]);
      expectPlainFailure(run, /--csv .*(is the store|belongs to the store|is an SQLite database)/);
      expect(sha(db), what).toBe(before);
      if (existed) expect(sha(target), what).toBe(otherBefore);
      else expect(existsSync(target), what).toBe(false);
    }
  });

  it("ask --csv refuses the store too", () => {
    const before = sha(db);
    const run = cli(["ask", "--db", db, "--csv", db, "How many cells of each cell type are there?"]);
    expectPlainFailure(run, /--csv .*is the store/);
    expect(sha(db)).toBe(before);
  });

  it("chat's /csv refuses the store and keeps chatting", () => {
    const before = sha(db);
    const out = join(work, "types.csv");
    const input = `How many cells of each cell type are there?\n/csv ${db}\n/csv ${out}\nexit\n`;
    const run = cli(["chat", "--db", db], { input });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/is the store/);
    expect(run.stdout).toMatch(/Saved \d+ rows to/);
    expect(readFileSync(out, "utf8").split("\n")[0]).toBe("cell_type,cells");
    expect(sha(db)).toBe(before);
  });

  it("an export that fails part-way leaves the old file as it was and no temporary file", () => {
    const dir = mkdtempSync(join(work, "fail-"));
    const out = join(dir, "out.csv");
    writeFileSync(out, "old\n");
    // Integer overflow at row 50,000: rows were already streaming out when it fails.
    const failing =
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) " +
      "SELECT i, CASE WHEN i = 50000 THEN abs(-9223372036854775807 - 1) ELSE i END AS v FROM n";
    const run = cli(["sql", "--db", db, "--csv", out, failing]);
    expectPlainFailure(run, /integer overflow/);
    expect(readFileSync(out, "utf8")).toBe("old\n");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });
});

describe("sql --csv writes every row", () => {
  it("writes the whole result, past the display's row cap, and says how many rows", () => {
    const out = join(work, "synapses.csv");
    const run = cli(["sql", "--db", db, "--max-rows", "5", "--csv", out, "SELECT * FROM synapse"]);
    expect(run.status, run.stderr).toBe(0);
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(synapses + 1);
    expect(synapses).toBeGreaterThan(10_000);
    expect(run.stdout).toMatch(new RegExp(`saved ${synapses.toLocaleString("en-US")} rows to .*synapses\\.csv`));
  });

  it("with --json, says so in the object", () => {
    const out = join(work, "synapses2.csv");
    const run = cli(["sql", "--db", db, "--json", "--csv", out, "SELECT id, pre_pt_root_id FROM synapse"]);
    type Result = { rows: unknown[]; truncated: boolean; csv: { file: string; rows: number } };
    const result = JSON.parse(run.stdout) as Result;
    expect(result.rows).toHaveLength(10_000);
    expect(result.truncated).toBe(true);
    expect(result.csv).toEqual({ file: out, rows: synapses });
    expect(readFileSync(out, "utf8").trimEnd().split("\n")).toHaveLength(synapses + 1);
  });
});

describe("sql: read-only decided by SQLite, not keywords", () => {
  it("runs a read-only statement that calls replace()", () => {
    const query = "WITH t AS (SELECT cell_type FROM cell_type LIMIT 2) SELECT replace(cell_type,'P','p') AS t FROM t";
    const run = cli(["sql", "--db", db, "--json", query]);
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { rows: unknown[] }).rows).toHaveLength(2);
  });

  it("still refuses a write, whatever it is called, and the store is unchanged", () => {
    const before = sha(db);
    for (const statement of ["REPLACE INTO synapse (id) VALUES (1)", "/* select */ DELETE FROM synapse", "ANALYZE"]) {
      expectPlainFailure(cli(["sql", "--db", db, statement]), /refused: /);
    }
    expect(sha(db)).toBe(before);
  });
});
