import { describe, expect, it } from "vitest";
import type { CompileContext, CompiledQuery } from "../src/querying/compile/index.js";
import type { QueryExecutor } from "../src/querying/executor.js";
import type { OfflineReader } from "../src/planning/reader/reader.js";
import { QuestionChecker } from "../src/answers/suggest/check.js";

/** An executor that counts what it is asked to run and finds one row with a 1. */
function countingExecutor() {
  const calls: string[] = [];
  const executor = {
    timeoutMs: 10_000,
    run: async (statements: { sql: string }[]) => {
      calls.push(...statements.map((s) => s.sql));
      return { results: statements.map(() => ({ columns: ["n"], rows: [[1]] })) };
    },
  };
  return { calls, executor: executor as unknown as QueryExecutor };
}

const compiled = (sql: string) =>
  ({ statements: [{ sql, params: [] }], reading: "", present: () => ({}) }) as unknown as CompiledQuery;

describe("a next question's check is run once per store", () => {
  it("runs the same statements once, and again for another store", async () => {
    const { calls, executor } = countingExecutor();
    const ctx = { catalog: { tables: new Set<string>() } } as unknown as CompileContext;
    const checker = new QuestionChecker({} as OfflineReader, ctx, executor);
    expect(await checker.runs(compiled("SELECT 1"))).toBe(true);
    expect(await checker.runs(compiled("SELECT 1"))).toBe(true);
    expect(await checker.runs(compiled("SELECT 2"))).toBe(true);
    expect(calls).toEqual(["SELECT 1", "SELECT 2"]);
    // An import swapped the store: a new catalog, checked afresh.
    ctx.catalog = { tables: new Set<string>() } as unknown as CompileContext["catalog"];
    await checker.runs(compiled("SELECT 1"));
    expect(calls).toEqual(["SELECT 1", "SELECT 2", "SELECT 1"]);
  });
});
