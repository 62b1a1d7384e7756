/**
 * A query process: runs read-only SQL on its own connection. It is a child process rather than a
 * thread so that a query past its time limit can be stopped for real (the process is killed);
 * SQLite work running in a thread cannot be interrupted from outside.
 */
import Database from "better-sqlite3";
import type { QueryRequest, QueryResponse, WorkerCell } from "./protocol.js";

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

function run(request: QueryRequest): QueryResponse {
  const started = performance.now();
  if (typeof db === "string") return { id: request.id, ok: false, error: db, ms: 0 };
  try {
    const results = request.statements.map((s) => {
      const stmt = db.prepare(s.sql);
      if (!stmt.readonly) throw new Error("only read-only statements can run here");
      if (!stmt.reader) {
        stmt.run(...s.params);
        return { columns: [], rows: [], truncated: false };
      }
      const columns = stmt.columns().map((c) => c.name);
      const rows: WorkerCell[][] = [];
      let truncated = false;
      for (const row of stmt.raw(true).iterate(...s.params) as Iterable<unknown[]>) {
        if (rows.length >= s.rowCap) {
          truncated = true;
          break;
        }
        rows.push(row.map(cell));
      }
      return { columns, rows, truncated };
    });
    return { id: request.id, ok: true, results, ms: performance.now() - started };
  } catch (error) {
    return { id: request.id, ok: false, error: (error as Error).message, ms: performance.now() - started };
  }
}

process.on("message", (request: QueryRequest) => process.send!(run(request)));
// The executor going away (its process ended) ends this one too.
process.on("disconnect", () => process.exit(0));
