/**
 * The scale bench's baseline when the sqlite3 CLI is missing: a CSV into a plain table with better-sqlite3,
 * one prepared INSERT per line in one transaction, every value as text (as `.import` stores it). Naive split
 * on commas: the synapse CSV has no quoted fields.
 *
 *   node dist/test/bench/plain-insert.js FILE.csv DB
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";

const [csv, path] = process.argv.slice(2) as [string, string];
const db = new Database(path);
db.pragma("journal_mode = OFF");
db.pragma("synchronous = OFF");
let insert: Database.Statement | undefined;
db.exec("BEGIN");
for await (const line of createInterface({ input: createReadStream(csv), crlfDelay: Infinity })) {
  const fields = line.split(",");
  if (!insert) {
    db.exec(`CREATE TABLE synapses (${fields.map((f) => `"${f}" TEXT`).join(", ")})`);
    insert = db.prepare(`INSERT INTO synapses VALUES (${fields.map(() => "?").join(", ")})`);
    continue;
  }
  insert.run(fields);
}
db.exec("COMMIT");
db.close();
