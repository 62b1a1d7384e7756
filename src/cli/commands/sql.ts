import { writeFile } from "node:fs/promises";
import { QueryExecutor, QueryTimeoutError } from "../../querying/executor.js";
import { checkSelectOnly } from "../../querying/sql-guard.js";
import { renderTable, tableToCsv } from "../table-format.js";
import { CliError } from "../run.js";
import { checkStoreForReading, StoreFileError } from "../../store/store-file.js";

export async function sqlCommand(
  query: string,
  opts: { db: string; json?: boolean; timeout: number; maxRows: number; csv?: string },
): Promise<number> {
  try {
    checkStoreForReading(opts.db);
  } catch (error) {
    if (error instanceof StoreFileError) throw new CliError(error.message, 2);
    throw error;
  }
  let sql: string;
  try {
    sql = checkSelectOnly(query);
  } catch (error) {
    throw new CliError(`refused: ${(error as Error).message}`, 3);
  }
  const executor = new QueryExecutor({ dbPath: opts.db, workers: 1, timeoutMs: opts.timeout, rowCap: opts.maxRows });
  try {
    const { results, ms } = await executor.run([{ sql }]);
    const result = results[0]!;
    const table = { columns: result.columns, rows: result.rows };
    if (opts.csv) await writeFile(opts.csv, tableToCsv(table));
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ columns: result.columns, rows: result.rows, truncated: result.truncated, ms: Math.round(ms) })}\n`);
    } else {
      process.stdout.write(`${renderTable(table, opts.maxRows)}\n`);
      if (result.truncated) process.stdout.write(`(cut at ${opts.maxRows.toLocaleString("en-US")} rows; raise --max-rows to see more)\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof QueryTimeoutError) throw new CliError(error.message, 4);
    throw new CliError((error as Error).message.replace(/^SqliteError: /, ""));
  } finally {
    await executor.close();
  }
}
