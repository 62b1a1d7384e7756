import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { sha } from "./support/cli.js";
import { CLI } from "./support/store.js";
import { importTinyExport } from "./support/tiny-export.js";

/** `connectome-chat sql`: read-only SQL on a store (support/tiny-export.ts), refused when it would write. */

const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

let dbPath: string;
beforeAll(async () => {
  dbPath = await importTinyExport();
});

describe("sql (read-only SQL for power users)", () => {
  const refused = [
    "INSERT INTO synapse (id, pre_pt_root_id, post_pt_root_id, size) VALUES (99, 1, 2, 3)",
    "UPDATE synapse SET size = 0",
    "DELETE FROM synapse",
    "DROP TABLE synapse",
    "CREATE TABLE x (a)",
    "ATTACH DATABASE '/tmp/other.db' AS other",
    "DETACH DATABASE main",
    "PRAGMA user_version = 5",
    "VACUUM",
    "WITH x AS (SELECT 1) DELETE FROM synapse",
    "SELECT 1; DROP TABLE synapse",
  ];
  for (const statement of refused) {
    it(`refuses ${JSON.stringify(statement)} and cannot modify the file`, () => {
      const before = sha(dbPath);
      const r = cli("sql", "--db", dbPath, statement);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/refused: /);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(sha(dbPath)).toBe(before);
    });
  }

  it("runs a plain SELECT and applies the row cap", () => {
    const r = cli("sql", "--db", dbPath, "--json", "--max-rows", "2", "SELECT id FROM synapse ORDER BY id");
    expect(JSON.parse(r.stdout)).toMatchObject({ columns: ["id"], rows: [[1], [2]], truncated: true });
  });

  it("stops a query past its time limit and says so", () => {
    const r = cli(
      "sql",
      "--db",
      dbPath,
      "--timeout",
      "300",
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT count(*) FROM n",
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/took longer than 0\.3 s and was stopped/);
  });
});
