import { QueryExecutor, QueryRefused, QueryTimeoutError } from "../../querying/executor.js";
import { checkStoreForReading, StoreFileError } from "../../store/store-file.js";
import { prepareOutput } from "../output-file.js";
import { renderTable } from "../../answers/table-format.js";
import { CliError } from "../run.js";

export interface SqlOptions {
  db: string;
  json?: boolean;
  timeout: number;
  maxRows: number;
  csv?: string;
}

/**
 * `connectome-chat sql`: one query on a read-only connection. Whether it may run is SQLite's
 * answer (the statement is read-only and returns rows), not a list of keywords. `--max-rows` caps
 * what is shown; `--csv` gets every row, streamed to the file by the query process.
 */
export async function sqlCommand(query: string, opts: SqlOptions): Promise<number> {
  try {
    checkStoreForReading(opts.db);
  } catch (error) {
    if (error instanceof StoreFileError) throw new CliError(error.message, 2);
    throw error;
  }
  const output = opts.csv ? prepareOutput("--csv", opts.csv, opts.db) : undefined;
  const executor = new QueryExecutor({ dbPath: opts.db, workers: 1, timeoutMs: opts.timeout, rowCap: opts.maxRows });
  try {
    const { results, ms } = await executor.run([{ sql: query, queryOnly: true, csvFile: output?.temp }]);
    output?.commit();
    const result = results[0]!;
    const csv = output ? { file: opts.csv!, rows: result.csvRows ?? 0 } : undefined;
    if (opts.json) {
      const { columns, rows, truncated } = result;
      const json = { columns, rows, truncated, ms: Math.round(ms), ...(csv ? { csv } : {}) };
      process.stdout.write(`${JSON.stringify(json)}\n`);
      return 0;
    }
    process.stdout.write(`${renderTable({ columns: result.columns, rows: result.rows }, opts.maxRows)}\n`);
    if (result.truncated) {
      const more = csv ? "raise --max-rows to see more, or read the CSV" : "raise --max-rows to see more";
      process.stdout.write(`(cut at ${opts.maxRows.toLocaleString("en-US")} rows; ${more})\n`);
    }
    if (csv) process.stdout.write(`saved ${csv.rows.toLocaleString("en-US")} rows to ${csv.file}\n`);
    return 0;
  } catch (error) {
    output?.discard();
    const unwritten = output ? `; nothing was written to ${opts.csv}` : "";
    if (error instanceof QueryRefused) throw new CliError(`refused: ${error.message}. The store is read-only here.`, 3);
    if (error instanceof QueryTimeoutError) throw new CliError(`${error.message}${unwritten}`, 4);
    throw new CliError(`${(error as Error).message.replace(/^SqliteError: /, "")}${unwritten}`);
  } finally {
    await executor.close();
  }
}
