import type Database from "better-sqlite3";
import { quoteIdent, SUMMARY_STEPS, tableExists } from "../schema.js";

/**
 * Builds the summaries in SQL, but for those counted as the rows streamed in (`counted`). A step
 * whose name is already built is an alternative source of the same summary, and is skipped.
 */
export function buildSummaries(db: Database.Database, counted: Set<string>, onBuilt?: (name: string) => void): void {
  const built = new Set<string>(counted);
  for (const name of new Set(SUMMARY_STEPS.map((s) => s.name))) {
    if (!counted.has(name)) db.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
  }
  for (const step of SUMMARY_STEPS) {
    if (built.has(step.name)) continue;
    if (!step.needs.every((need) => built.has(need) || present(db, need))) continue;
    db.exec(step.sql);
    onBuilt?.(step.name);
    built.add(step.name);
  }
}

/** A table, or a "table.column", in the store. */
function present(db: Database.Database, need: string): boolean {
  const [table, column] = need.split(".") as [string, string | undefined];
  if (!tableExists(db, table)) return false;
  if (column === undefined) return true;
  return db.prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = ?").get(table, column) !== undefined;
}
