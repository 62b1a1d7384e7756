/**
 * A query process: runs read-only SQL on its own connection. It is a child process rather than a
 * thread so that a query past its time limit can be stopped for real (the process is killed);
 * SQLite work running in a thread cannot be interrupted from outside.
 */
import Database from "better-sqlite3";
import { CsvFile } from "./csv-file.js";
import type { QueryRequest, QueryResponse, StatementRequest, StatementResult, WorkerCell } from "./protocol.js";

const dbPath = process.argv[2];
if (!dbPath || !process.send) {
  process.stderr.write("query-worker: run by the query executor, with the database path as argument\n");
  process.exit(2);
}

/** The connection, or why there is none: a file that is no store is told per request, not as a crash. */
function open(): Database.Database | string {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    db.pragma("query_only = ON");
    db.pragma("cache_size = -65536");
    db.defaultSafeIntegers(true);
    return db;
  } catch (error) {
    return `${dbPath}: cannot be read as a store (${(error as Error).message})`;
  }
}
const db = open();

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function cell(value: unknown): WorkerCell {
  if (typeof value === "bigint") {
    // Exact ids stay exact as digit strings; everything in the safe range is a plain number.
    return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
  }
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  return String(value);
}

/** A statement refused before it runs: told to the person as "refused", not as an SQL error. */
class Refused extends Error {}

function prepare(connection: Database.Database, s: StatementRequest): Database.Statement {
  let stmt: Database.Statement;
  try {
    stmt = connection.prepare(s.sql);
  } catch (error) {
    if (error instanceof RangeError && /more than one statement/.test(error.message)) {
      throw new Refused("only one statement can run at a time; remove what follows the first ';'");
    }
    if (error instanceof RangeError && /no statements/.test(error.message)) {
      throw new Refused("no SQL given: write one SELECT statement");
    }
    throw error;
  }
  // SQLite decides, on a read-only connection: no keyword list to fool or to trip over (replace()).
  if (!stmt.readonly) {
    throw new Refused("SQLite reads this statement as one that writes; only read-only statements can run here");
  }
  if (s.queryOnly && !stmt.reader) {
    throw new Refused("this statement returns no rows; only queries (SELECT, WITH … SELECT, VALUES) can run here");
  }
  return stmt;
}

function runStatement(connection: Database.Database, s: StatementRequest): StatementResult {
  const stmt = prepare(connection, s);
  if (!stmt.reader) {
    stmt.run(...s.params);
    return { columns: [], rows: [], truncated: false };
  }
  const columns = stmt.columns().map((c) => c.name);
  const csv = s.csvFile ? new CsvFile(s.csvFile, columns) : undefined;
  const rows: WorkerCell[][] = [];
  let truncated = false;
  let complete = false;
  try {
    for (const row of stmt.raw(true).iterate(...s.params) as Iterable<unknown[]>) {
      const cells = row.map(cell);
      csv?.row(cells);
      if (rows.length < s.rowCap) rows.push(cells);
      else {
        truncated = true;
        // Without an export, the rest is not read; with one, every row goes to the file.
        if (!csv) break;
      }
    }
    complete = true;
  } finally {
    csv?.close(complete);
  }
  return { columns, rows, truncated, ...(csv ? { csvRows: csv.rows } : {}) };
}

function run(request: QueryRequest): QueryResponse {
  const started = performance.now();
  const ms = () => performance.now() - started;
  if (typeof db === "string") return { id: request.id, ok: false, error: db, ms: 0 };
  try {
    return { id: request.id, ok: true, results: request.statements.map((s) => runStatement(db, s)), ms: ms() };
  } catch (error) {
    const refused = error instanceof Refused ? { refused: true } : {};
    return { id: request.id, ok: false, error: (error as Error).message, ms: ms(), ...refused };
  }
}

process.on("message", (request: QueryRequest) => process.send!(run(request)));
// The executor going away (its process ended) ends this one too.
process.on("disconnect", () => process.exit(0));
