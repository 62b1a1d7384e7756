import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { importTables } from "../../src/store/import/importer.js";
import { PROJECT_ROOT } from "../../src/project-root.js";

/**
 * The question bench: a synthetic CAVE export, the project's store imported from it, and the raw
 * exports loaded as they are into an in-memory SQLite with the shared scorer's views (syn, ct,
 * root_type, nuc, proof, coreg, and mt for m-types). Gold answers are plain SQL over those views,
 * written in the tests; they never touch the project's compiler or its store tables. Answers are
 * judged the way ../shared/eval/check.py judges them.
 */

export interface BenchData {
  dir: string;
  db: string;
  generator: "writeSample" | "make_cave_export.py";
}

/**
 * Writes the dataset with the project's sample generator (`writeSample`), or with the shared
 * eval's generator when that is asked for (QUESTIONS_DATA=python) or writeSample is missing,
 * then imports it with the project's importer.
 */
export async function buildBenchData(options: { cells: number; seed: number; gzip?: boolean; connections?: boolean }): Promise<BenchData> {
  const root = mkdtempSync(join(tmpdir(), "cc-questions-"));
  const dir = join(root, "export");
  const db = join(root, "store.db");
  let generator: BenchData["generator"] = "make_cave_export.py";
  const writeSample = process.env.QUESTIONS_DATA === "python" ? undefined : await loadWriteSample();
  if (writeSample) {
    await writeSample({ out: dir, cells: options.cells, seed: options.seed, gzip: options.gzip, connections: options.connections });
    generator = "writeSample";
  } else {
    const script = join(PROJECT_ROOT, "..", "shared", "eval", "make_cave_export.py");
    const flags = [...(options.gzip ? ["--gzip"] : []), ...(options.connections ? ["--connections"] : [])];
    execFileSync("python3", [script, dir, "--cells", String(options.cells), "--seed", String(options.seed), ...flags], { stdio: "pipe" });
  }
  await importTables({ paths: [dir], db });
  if (!existsSync(db)) throw new Error("the question bench store was not built");
  return { dir, db, generator };
}

type WriteSample = (o: { out: string; cells: number; seed: number; gzip?: boolean; connections?: boolean }) => Promise<unknown>;

async function loadWriteSample(): Promise<WriteSample | undefined> {
  try {
    const mod = (await import("../../src/sample/index.js")) as { writeSample?: WriteSample };
    return mod.writeSample;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The raw exports, loaded like check.py's load_raw

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
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  if (tables.has("nucleus_functional_area_assignment")) {
    db.exec("CREATE VIEW area AS SELECT * FROM nucleus_functional_area_assignment WHERE valid = 't'");
  }
  if (tables.has("functional_properties_v3_bcm")) {
    // One row per nucleus: the scan unit with the best model performance (cc_abs), as check.py does.
    db.exec(`CREATE VIEW func AS SELECT * FROM functional_properties_v3_bcm WHERE valid = 't';
      CREATE VIEW func_best AS SELECT * FROM func f WHERE f.cc_abs = (SELECT max(g.cc_abs) FROM func g WHERE g.target_id = f.target_id);`);
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
  if (typeof v === "bigint") return v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER) ? v.toString() : Number(v);
  if (typeof v === "number" || typeof v === "string") return v;
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// Judging, as check.py does

type Norm = bigint | number | string | null;

/** check.py's norm: numbers stay numbers (integers exact), digit strings become numbers, text is lower case. */
export function norm(v: unknown): Norm {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return String(v);
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return Number.isInteger(v) ? BigInt(v) : v;
  const s = String(v).trim().replace(/,/g, "");
  if (/^[-+]?\d+$/.test(s)) return BigInt(s);
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number(s);
  return s.toLowerCase();
}

/** Integers exactly; floats within 1e-3 relative (0.01 absolute at least); text exactly. */
export function same(a: unknown, b: unknown): boolean {
  const x = norm(a);
  const y = norm(b);
  if (typeof x === "bigint" && typeof y === "bigint") return x === y;
  if ((typeof x === "bigint" || typeof x === "number") && (typeof y === "bigint" || typeof y === "number")) {
    const p = Number(x);
    const q = Number(y);
    return Math.abs(p - q) <= Math.max(1e-3 * Math.max(Math.abs(p), Math.abs(q)), 0.01);
  }
  return x === y;
}

const key = (v: unknown) => {
  const n = norm(v);
  return typeof n === "bigint" ? `i:${n}` : typeof n === "number" ? `f:${n}` : `s:${String(n)}`;
};

export interface AnswerLike {
  status: string;
  text: string;
  table?: { columns: string[]; rows: unknown[][] };
}

function columns(table: AnswerLike["table"]): unknown[][] {
  const rows = table?.rows ?? [];
  const n = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return Array.from({ length: n }, (_, i) => rows.map((r) => (i < r.length ? r[i] : null)));
}

export type Expect = "scalar" | "ranked" | "pairs" | "set" | "triples";

/** Whether an answered question's table agrees with the gold rows; a reason when it does not. */
export function judge(kind: Expect, gold: GoldValue[][], answer: AnswerLike, k?: number): { ok: boolean; why: string } {
  if (answer.status !== "answered") return { ok: false, why: `status ${answer.status}: ${answer.text.split("\n")[0]}` };
  const table = answer.table;
  const cols = columns(table);
  const shown = JSON.stringify(table?.rows.slice(0, 6));
  if (kind === "scalar") {
    const want = gold[0]?.[0] ?? null;
    for (const row of (table?.rows ?? []).slice(0, 5)) if (row.some((v) => same(v, want))) return { ok: true, why: "" };
    return { ok: false, why: `expected ${want}, got ${shown}` };
  }
  if (gold.length === 0) {
    // Nothing to list (a group none of the sample's cells is in): right only when the answer lists
    // nothing either. (check.py has no column to look in here and judges it wrong either way.)
    const n = table?.rows.length ?? 0;
    return { ok: n === 0, why: n === 0 ? "" : `expected no rows, got ${shown}` };
  }
  if (kind === "ranked") {
    const top = k ?? gold.length;
    const metric = new Map(gold.map((r) => [key(r[0]), r[1]]));
    const want = gold.slice(0, top).map((r) => r[1]);
    for (const c of cols) {
      const got = c.slice(0, top).map((v) => metric.get(key(v)));
      if (got.length === want.length && got.every((x, i) => x !== undefined && same(x, want[i]))) return { ok: true, why: "" };
    }
    return { ok: false, why: `expected top ${top} ${JSON.stringify(gold.slice(0, top))}, got ${shown}` };
  }
  if (kind === "set") {
    const want = new Set(gold.map((r) => key(r[0])));
    for (const c of cols) {
      const got = new Set(c.map(key));
      if (got.size === want.size && [...want].every((w) => got.has(w))) return { ok: true, why: "" };
    }
    return { ok: false, why: `expected a set of ${want.size}, got ${shown}` };
  }
  if (kind === "triples") {
    // A matrix: two key columns (pre, post) and a value column that agree with every gold triple.
    const n = cols.length;
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) for (let v = 0; v < n; v++) {
      if (a === b || a === v || b === v) continue;
      const got = new Map(cols[a]!.map((x, i) => [`${key(x)}|${key(cols[b]![i])}`, cols[v]![i]]));
      if (gold.every(([ga, gb, gv]) => same(got.get(`${key(ga)}|${key(gb)}`), gv) && got.has(`${key(ga)}|${key(gb)}`))) return { ok: true, why: "" };
    }
    return { ok: false, why: `expected ${gold.length} (pre, post, value) triples ${JSON.stringify(gold.slice(0, 4))}, got ${shown}` };
  }
  // pairs: a key column and a value column that agree with every gold pair
  for (const kc of cols) {
    for (const vc of cols) {
      if (kc === vc) continue;
      const got = new Map(kc.map((k2, i) => [key(k2), vc[i]]));
      if (gold.every(([gk, gv]) => got.has(key(gk)) && same(got.get(key(gk)), gv))) return { ok: true, why: "" };
    }
  }
  return { ok: false, why: `expected ${gold.length} pairs ${JSON.stringify(gold.slice(0, 6))}, got ${shown}` };
}

/** Replaces {NAME} in a question or a gold query with the bench's parameter values. */
export function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no bench parameter ${name}`);
    return v;
  });
}
