import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";

/**
 * The raw exports of the question bench (question-bench.ts), loaded as they are into an in-memory
 * SQLite like check.py's load_raw, with the shared scorer's views (syn, ct, root_type, nuc, proof,
 * coreg, and mt for m-types); and gold rows read from them.
 */

const PACKED = /^\[\s*(-?[\d.e+nan]+)[\s,]+(-?[\d.e+nan]+)[\s,]+(-?[\d.e+nan]+)\s*\]$/;

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** check.py's conv: empty is NULL, then integer (exact, as BigInt), then float, else text. */
function conv(v: string | undefined): bigint | number | string | null {
  if (v === undefined || v === "") return null;
  if (/^[-+]?\d+$/.test(v)) return BigInt(v);
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v) || /^[-+]?(nan|inf(inity)?)$/i.test(v)) {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return v;
}

/** Every .csv / .csv.gz of the folder as a table named by its stem, with the scorer's views. */
export function loadRaw(dir: string): Database.Database {
  const db = new Database(":memory:");
  db.defaultSafeIntegers(true);
  for (const name of readdirSync(dir).sort()) {
    if (!/\.csv(\.gz)?$/.test(name)) continue;
    const table = name.split(".")[0]!;
    const bytes = readFileSync(join(dir, name));
    const text = (name.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
    const rows = parseCsv(text);
    const header = rows[0];
    const first = rows[1];
    if (!header || !first) continue;
    const packed = header.flatMap((h, i) => (h.endsWith("_position") && PACKED.test(first[i] ?? "") ? [i] : []));
    const cols = [...header, ...packed.flatMap((i) => [`${header[i]}_x`, `${header[i]}_y`, `${header[i]}_z`])];
    db.exec(`CREATE TABLE ${table} (${cols.map((c) => `"${c}"`).join(", ")})`);
    const insert = db.prepare(`INSERT INTO ${table} VALUES (${cols.map(() => "?").join(", ")})`);
    db.transaction(() => {
      for (const r of rows.slice(1)) {
        if (r.length === 1 && r[0] === "") continue;
        const values = header.map((_, i) => conv(r[i]));
        for (const i of packed) {
          const m = PACKED.exec(r[i] ?? "");
          values.push(...(m ? [conv(m[1]), conv(m[2]), conv(m[3])] : [null, null, null]));
        }
        insert.run(values);
      }
    })();
  }
  db.exec(`
    CREATE VIEW syn AS SELECT * FROM synapses_pni_2 WHERE valid = 't';
    CREATE VIEW ct AS SELECT * FROM aibs_metamodel_celltypes_v661 WHERE valid = 't';
    CREATE VIEW root_type AS SELECT DISTINCT pt_root_id, cell_type, classification_system FROM ct WHERE pt_root_id != 0;
    CREATE VIEW nuc AS SELECT * FROM nucleus_detection_v0 WHERE valid = 't';
    CREATE VIEW proof AS SELECT * FROM proofreading_status_and_strategy WHERE valid = 't';
    CREATE VIEW coreg AS SELECT * FROM coregistration_manual_v4 WHERE valid = 't';
    CREATE VIEW mt AS SELECT * FROM aibs_metamodel_mtypes_v661_v2 WHERE valid = 't';
  `);
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  if (tables.has("nucleus_functional_area_assignment")) {
    db.exec("CREATE VIEW area AS SELECT * FROM nucleus_functional_area_assignment WHERE valid = 't'");
  }
  if (tables.has("functional_properties_v3_bcm")) {
    // One row per nucleus: the scan unit with the best model performance (cc_abs), as check.py does.
    db.exec(`CREATE VIEW func AS SELECT * FROM functional_properties_v3_bcm WHERE valid = 't';
      CREATE VIEW func_best AS SELECT * FROM func f
        WHERE f.cc_abs = (SELECT max(g.cc_abs) FROM func g WHERE g.target_id = f.target_id);`);
  }
  return db;
}

/** Values of a gold query: ids beyond 2^53 as strings of digits, other integers as numbers. */
export type GoldValue = string | number | null;

export function goldRows(db: Database.Database, query: string): GoldValue[][] {
  const rows = db.prepare(query).raw(true).all() as unknown[][];
  return rows.map((r) => r.map(plain));
}

function plain(v: unknown): GoldValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint")
    return v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER) ? v.toString() : Number(v);
  if (typeof v === "number" || typeof v === "string") return v;
  return String(v);
}
