import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import Database from "better-sqlite3";

/**
 * The raw CSV exports loaded as they are into an in-memory SQLite, with the views the shared
 * scorer uses (syn, ct, root_type, nuc, proof, coreg): gold answers are computed here with plain
 * SQL, independently of the project's importer, store and compiler.
 */
export function loadRawExports(dir: string, tables: string[]): Database.Database {
  const db = new Database(":memory:");
  db.defaultSafeIntegers(true);
  for (const table of tables) {
    let text: string;
    try {
      text = readFileSync(join(dir, `${table}.csv`), "utf8");
    } catch {
      text = gunzipSync(readFileSync(join(dir, `${table}.csv.gz`))).toString("utf8");
    }
    const lines = text.split(/\r?\n/).filter(Boolean);
    const header = lines[0]!.split(",");
    db.exec(`CREATE TABLE ${table} (${header.map((h) => `"${h}"`).join(", ")})`);
    const insert = db.prepare(`INSERT INTO ${table} VALUES (${header.map(() => "?").join(", ")})`);
    db.transaction(() => {
      for (const line of lines.slice(1)) {
        // The sample's fields hold no commas (positions are packed as "[x y z]"), so a split is exact.
        insert.run(
          line
            .split(",")
            .map((v) =>
              v === "" ? null : /^-?\d+$/.test(v) ? BigInt(v) : /^-?\d*\.\d+(e-?\d+)?$/i.test(v) ? Number(v) : v,
            ),
        );
      }
    })();
  }
  const has = (t: string) => tables.includes(t);
  if (has("synapses_pni_2")) db.exec("CREATE VIEW syn AS SELECT * FROM synapses_pni_2 WHERE valid = 't'");
  if (has("aibs_metamodel_celltypes_v661")) {
    db.exec("CREATE VIEW ct AS SELECT * FROM aibs_metamodel_celltypes_v661 WHERE valid = 't'");
    db.exec(
      "CREATE VIEW root_type AS SELECT DISTINCT pt_root_id, cell_type, classification_system FROM ct WHERE pt_root_id != 0",
    );
  }
  if (has("aibs_metamodel_mtypes_v661_v2"))
    db.exec("CREATE VIEW mt AS SELECT * FROM aibs_metamodel_mtypes_v661_v2 WHERE valid = 't'");
  if (has("nucleus_detection_v0")) db.exec("CREATE VIEW nuc AS SELECT * FROM nucleus_detection_v0 WHERE valid = 't'");
  if (has("proofreading_status_and_strategy"))
    db.exec("CREATE VIEW proof AS SELECT * FROM proofreading_status_and_strategy WHERE valid = 't'");
  if (has("coregistration_manual_v4"))
    db.exec("CREATE VIEW coreg AS SELECT * FROM coregistration_manual_v4 WHERE valid = 't'");
  return db;
}

/** One value of a gold query, as a string for ids and a number otherwise. */
export function gold(db: Database.Database, sql: string, ...params: unknown[]): string | number | null {
  const row = db
    .prepare(sql)
    .raw(true)
    .get(...params) as unknown[] | undefined;
  const v = row?.[0];
  if (v === undefined || v === null) return null;
  if (typeof v === "bigint") return v > BigInt(Number.MAX_SAFE_INTEGER) ? v.toString() : Number(v);
  return v as string | number;
}
