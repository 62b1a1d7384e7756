import { mkdtempSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryExecutor, QueryError, QueryTimeoutError } from "../src/querying/executor.js";

// A recursive count that takes many seconds: the stand-in for a question too expensive to answer.
const SLOW =
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT count(*) FROM n";

let dbPath: string;
const hash = () => createHash("sha256").update(readFileSync(dbPath)).digest("hex");

beforeAll(() => {
  dbPath = join(mkdtempSync(join(tmpdir(), "cc-exec-")), "store.db");
  const db = new Database(dbPath);
  db.exec("CREATE TABLE t (root INTEGER, n INTEGER)");
  db.prepare("INSERT INTO t VALUES (?, ?)").run(864691135123456789n, 7);
  db.prepare("INSERT INTO t VALUES (?, ?)").run(9223372036854775807n, 8);
  db.close();
});

describe("the query executor", () => {
  let executor: QueryExecutor;
  beforeAll(() => {
    executor = new QueryExecutor({ dbPath, workers: 2, timeoutMs: 400 });
  });
  afterAll(async () => {
    await executor.close();
  });

  it("returns 64-bit root ids as exact digit strings and small integers as numbers", async () => {
    const { results } = await executor.run([{ sql: "SELECT root, n FROM t ORDER BY n" }]);
    expect(results[0]!.rows).toEqual([
      ["864691135123456789", 7],
      ["9223372036854775807", 8],
    ]);
  });

  it("stops a query past its time limit and answers another question meanwhile", async () => {
    const started = performance.now();
    const slow = executor.run([{ sql: SLOW }]).then(
      () => ({ timedOut: false, at: performance.now() - started }),
      (error: unknown) => ({ timedOut: error instanceof QueryTimeoutError, at: performance.now() - started }),
    );
    // The fast question is asked while the slow one runs, and is answered long before the limit.
    const fast = await executor.run([{ sql: "SELECT count(*) FROM t" }]);
    const fastAt = performance.now() - started;
    expect(fast.results[0]!.rows[0]![0]).toBe(2);
    const outcome = await slow;
    expect(outcome.timedOut).toBe(true);
    expect(fastAt).toBeLessThan(outcome.at);
    expect(outcome.at).toBeGreaterThanOrEqual(390);
    expect(outcome.at).toBeLessThan(3000);
  });

  it("keeps answering after a timeout (the stopped worker is replaced)", async () => {
    await expect(executor.run([{ sql: SLOW }])).rejects.toBeInstanceOf(QueryTimeoutError);
    const { results } = await executor.run([{ sql: "SELECT 1 + 1 AS two" }]);
    expect(results[0]!.rows).toEqual([[2]]);
  });

  it("caps the rows returned and says the result was cut", async () => {
    const capped = new QueryExecutor({ dbPath, workers: 1, rowCap: 5 });
    try {
      const { results } = await capped.run([
        { sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) SELECT i FROM n" },
      ]);
      expect(results[0]!.rows).toHaveLength(5);
      expect(results[0]!.truncated).toBe(true);
    } finally {
      await capped.close();
    }
  });

  it("refuses statements that would write, on a connection that is read-only anyway", async () => {
    const before = hash();
    for (const sql of [
      "DELETE FROM t",
      "DROP TABLE t",
      "INSERT INTO t VALUES (1, 1)",
      "UPDATE t SET n = 0",
      "CREATE TABLE x (a)",
      "PRAGMA user_version = 5",
    ]) {
      await expect(executor.run([{ sql }])).rejects.toBeInstanceOf(QueryError);
    }
    expect(hash()).toBe(before);
  });

  it("reports a malformed query as a query error, not a crash", async () => {
    await expect(executor.run([{ sql: "SELEC nothing" }])).rejects.toThrow(/syntax error/);
    const { results } = await executor.run([{ sql: "SELECT 3" }]);
    expect(results[0]!.rows).toEqual([[3]]);
  });
});
