import { describe, expect, it } from "vitest";
import { checkModelSql, KNOWN_TABLES } from "../src/planning/llm/sql-check.js";
import { SqlRefused } from "../src/querying/sql-guard.js";

/** The gate in front of a model's free-form SQL: one read-only SELECT over the documented tables. */
describe("checkModelSql", () => {
  it.each([
    "SELECT count(*) FROM cell_type WHERE cell_type = 'BC'",
    "SELECT c.cell_type, avg(s.n_out) FROM cell_type c JOIN root_stats s ON s.root_id = c.pt_root_id GROUP BY 1",
    "WITH bc AS (SELECT pt_root_id FROM root_cell_type WHERE cell_type = 'BC') " +
      "SELECT count(*) FROM connection WHERE pre_pt_root_id IN (SELECT pt_root_id FROM bc);",
    "SELECT n_pairs FROM cell_type_connectivity WHERE pre_type = 'BC' AND post_type = '23P'",
    "SELECT size, n FROM synapse_size_counts ORDER BY size LIMIT 10",
    "SELECT 'delete from synapse' AS words",
  ])("accepts %s", (sql) => {
    expect(checkModelSql(sql)).toBe(sql.replace(/;\s*$/, ""));
  });

  it.each([
    ["DELETE FROM synapse", /only SELECT statements/],
    ["UPDATE cell_type SET cell_type = 'BC'", /only SELECT statements/],
    ["DROP TABLE synapse", /only SELECT statements/],
    ["WITH x AS (SELECT 1) INSERT INTO cell_type (id) SELECT * FROM x", /only SELECT statements/],
    ["SELECT 1; DELETE FROM synapse", /only one statement/],
    ["ATTACH DATABASE '/tmp/x.db' AS x", /only SELECT statements/],
    ["PRAGMA writable_schema = 1", /only SELECT statements/],
    ["SELECT * FROM sqlite_master", /sqlite_master/],
    ["SELECT * FROM pragma_table_info('synapse')", /pragma_table_info/],
    ["SELECT * FROM import_log", /does not compile|not one of the documented tables/],
    ["SELECT * FROM store_meta", /does not compile|not one of the documented tables/],
    ['SELECT * FROM "sqlite_schema"', /sqlite_schema/],
    ["SELECT no_such_column FROM synapse", /does not compile/],
    ["SELECT load_extension('x')", /load_extension/],
  ])("refuses %s", (sql, reason) => {
    expect(() => checkModelSql(sql)).toThrow(SqlRefused);
    expect(() => checkModelSql(sql)).toThrow(reason);
  });

  it("knows the imported tables and the summaries, and nothing of the store's bookkeeping", () => {
    const documented = [
      "cell_type",
      "mtype",
      "nucleus",
      "synapse",
      "proofreading",
      "coregistration",
      "connection",
      "root_stats",
      "root_cell_type",
      "cell_type_connectivity",
      "cell_type_totals",
      "cell_tuning",
      "root_area",
      "synapse_size_counts",
    ];
    for (const t of documented) {
      expect(KNOWN_TABLES).toContain(t);
    }
    expect(KNOWN_TABLES).not.toContain("import_log");
    expect(KNOWN_TABLES).not.toContain("store_meta");
  });
});
