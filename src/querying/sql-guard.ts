/**
 * The gate in front of free-form SQL (the `sql` command, and an LLM's proposed query): one
 * statement, a SELECT (or WITH ... SELECT), nothing else. The connection it runs on is read-only
 * as well; this check is for a clear message, not the only protection.
 */
export class SqlRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlRefused";
  }
}

/** The SQL without comments and string literals, for keyword checks. */
function skeleton(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""');
}

export function checkSelectOnly(sql: string): string {
  const text = sql.trim();
  const bare = skeleton(text).trim();
  if (!bare) throw new SqlRefused("no SQL given: write one SELECT statement");
  const withoutTrailing = bare.replace(/;\s*$/, "");
  if (withoutTrailing.includes(";"))
    throw new SqlRefused("only one statement can run at a time; remove the extra statements after ';'");
  const first = /^\s*\(*\s*([a-z]+)/i.exec(withoutTrailing)?.[1]?.toUpperCase();
  if (first !== "SELECT" && first !== "WITH" && first !== "VALUES") {
    throw new SqlRefused(
      `only SELECT statements can run here; "${first ?? "?"}" would ${describe(first)}. The database is read-only.`,
    );
  }
  // WITH ... INSERT/UPDATE/DELETE is a write that starts like a query.
  const writes = /\b(INSERT|UPDATE|DELETE|REPLACE)\b/i.exec(withoutTrailing);
  if (first === "WITH" && writes) {
    throw new SqlRefused(
      `only SELECT statements can run here; this one would ${describe(writes[1]!.toUpperCase())}. The database is read-only.`,
    );
  }
  return text.replace(/;\s*$/, "");
}

function describe(keyword: string | undefined): string {
  switch (keyword) {
    case "INSERT":
    case "REPLACE":
      return "add rows";
    case "UPDATE":
      return "change rows";
    case "DELETE":
      return "delete rows";
    case "DROP":
      return "delete a table";
    case "CREATE":
    case "ALTER":
      return "change the schema";
    case "ATTACH":
    case "DETACH":
      return "open another database";
    case "PRAGMA":
      return "change or read connection settings";
    default:
      return "not be a query";
  }
}
