import Database from "better-sqlite3";
import { checkSelectOnly, SqlRefused } from "../../querying/sql-guard.js";
import { CONNECTION_DDL, CONNECTION_INDEXES, SIZE_COUNTS_DDL, SUMMARY_STEPS } from "../../store/schema.js";
import { TABLES } from "../../store/tables.js";

/**
 * The gate in front of a model's free-form SQL, before the plan leaves the planner. On top of
 * `checkSelectOnly` (one statement, a SELECT), the statement must compile against the documented
 * store schema and read documented tables only (found from the compiled program, not by pattern:
 * a table in a subquery, a CTE or quotes counts too), read nothing else (the schema table, table-
 * valued pragmas, virtual tables, other databases) and be read-only by SQLite's own verdict.
 * It then runs like any other plan: on a read-only connection, with the time limit and row cap.
 */

/** The documented tables: the imported CAVE tables and the summaries built at import. */
export const KNOWN_TABLES: readonly string[] = [
  ...TABLES.map((t) => t.storeTable),
  "connection",
  ...SUMMARY_STEPS.map((s) => s.name),
  "synapse_size_counts",
].filter((t, i, all) => all.indexOf(t) === i);

const FORBIDDEN = new RegExp(
  `\\b(${[
    "sqlite_\\w+",
    "pragma_\\w+",
    "load_extension",
    "readfile",
    "writefile",
    "edit",
    "fts3_tokenizer",
    "attach",
    "detach",
    "sqlite_dbpage",
    "dbstat",
  ].join("|")})\\b`,
  "i",
);

let schemaDb: Database.Database | undefined;

/** An empty in-memory database with the documented schema, to compile statements against. */
function schema(): Database.Database {
  if (schemaDb) return schemaDb;
  const db = new Database(":memory:");
  for (const t of TABLES) {
    if (t.storeTable === "connection") continue;
    const cols = [
      ...t.columns.map((c) => `"${c.name}" ${c.type}${t.primaryKey === c.name ? " PRIMARY KEY" : ""}`),
      ...t.positions.flatMap((p) => ["x", "y", "z"].map((a) => `"${p.name}_${a}" INTEGER`)),
    ];
    db.exec(`CREATE TABLE "${t.storeTable}" (${cols.join(", ")})`);
  }
  db.exec(CONNECTION_DDL);
  db.exec(CONNECTION_INDEXES);
  for (const step of SUMMARY_STEPS) db.exec(step.sql);
  db.exec(SIZE_COUNTS_DDL);
  schemaDb = db;
  return db;
}

/** The documented columns of each known table, as compiled into the schema (for the prompt's tests). */
export function knownColumns(): Map<string, string[]> {
  const db = schema();
  const columns = db.prepare("SELECT name FROM pragma_table_info(?)");
  return new Map(KNOWN_TABLES.map((t) => [t, (columns.all(t) as { name: string }[]).map((r) => r.name)]));
}

/** Checks a model's SQL; returns the statement to run, or throws SqlRefused saying why not. */
export function checkModelSql(sql: string): string {
  const text = checkSelectOnly(sql);
  const forbidden = FORBIDDEN.exec(text);
  if (forbidden) throw new SqlRefused(`it uses ${forbidden[1]}, which is not one of the documented tables`);
  const db = schema();
  let stmt: Database.Statement;
  try {
    stmt = db.prepare(text);
  } catch (error) {
    throw new SqlRefused(`it does not compile against the documented tables (${(error as Error).message})`);
  }
  if (!stmt.readonly || !stmt.reader) throw new SqlRefused("it is not a read-only query");
  // Which b-trees the program opens: every one must be a known table or one of its indexes.
  const pages = new Map(
    (
      db.prepare("SELECT rootpage, name, tbl_name FROM sqlite_schema WHERE rootpage > 0").all() as {
        rootpage: number;
        name: string;
        tbl_name: string;
      }[]
    ).map((r) => [r.rootpage, r.tbl_name]),
  );
  const program = db.prepare(`EXPLAIN ${text}`).all() as { opcode: string; p1: number; p2: number; p3: number }[];
  for (const op of program) {
    if (op.opcode === "OpenWrite") throw new SqlRefused("it would write");
    if (op.opcode === "VOpen" || op.opcode === "VFilter") {
      throw new SqlRefused("it reads a virtual table, which is not one of the documented tables");
    }
    if (op.opcode === "OpenRead" || op.opcode === "ReopenIdx") {
      if (op.p3 !== 0) throw new SqlRefused("it reads another database");
      const table = pages.get(op.p2);
      if (!table || !KNOWN_TABLES.includes(table)) {
        throw new SqlRefused(`it reads ${table ?? "an unknown table"}, which is not one of the documented tables`);
      }
    }
  }
  return text;
}
