import Database from "better-sqlite3";
import { checkStoreForImport } from "../store-file.js";
import {
  CONNECTION_DDL,
  CONNECTION_FROM_SYNAPSES,
  CONNECTION_INDEXES,
  META_DDL,
  STORE_SCHEMA_VERSION,
  VOXEL_RESOLUTION_NM,
  tableExists,
} from "../schema.js";
import { nameTuningSource } from "../function-summaries.js";
import type { Role } from "../table-spec.js";
import { discover, type ImportItem } from "./discover.js";
import { loadTable } from "./load-table.js";
import { phase, startPhases } from "./phase-timer.js";
import { buildSummaries } from "./summaries.js";
import { withStagedStore } from "./staged-store.js";
import { TYPE_SIZE_COUNTS_DDL, TYPE_SIZE_COUNTS_FROM_SQL } from "./type-size-counts.js";
import type { ImportedTable, ImportOptions, ImportResult } from "./types.js";

/** Order matters only for messages and for synapses before connections (which may then be skipped). */
const ROLE_ORDER: Role[] = [
  "nucleus",
  "cell_types",
  "mtypes",
  "synapses",
  "connections",
  "proofreading",
  "coregistration",
  "functional",
  "digital_twin",
  "areas",
];

/**
 * Imports CAVE table exports into the store in one transaction, on a copy that replaces the store
 * once committed (see staged-store.ts): either every table and summary is in, or the store is left
 * exactly as it was (and none is made when there was none). One import at a time per store.
 */
export async function importTables(options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  startPhases();
  checkStoreForImport(options.db); // a --db that cannot be a store is told before the exports are read
  const { items, unknown } = await discover(options.paths, options.tables ?? []);
  if (items.length === 0) {
    throw new Error(
      `no CAVE tables found in ${options.paths.join(", ")}` +
        (unknown.length ? ` (unrecognised: ${unknown.join(", ")}; map them with --table ROLE=FILE)` : ""),
    );
  }
  items.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  const tables = await withStagedStore(options.db, (staging) => importInto(staging, items, options));
  return { db: options.db, tables, unknownFiles: unknown, seconds: (performance.now() - started) / 1000 };
}

/** The import itself, into the database at `path`: one transaction, then ANALYZE. */
async function importInto(path: string, items: ImportItem[], options: ImportOptions): Promise<ImportedTable[]> {
  const db = new Database(path);
  let inTransaction = false;
  try {
    db.pragma("page_size = 8192"); // effective for a new file only
    db.pragma("journal_mode = DELETE");
    db.pragma("synchronous = OFF");
    // 32 MB: larger caches made the index sorts slower and memory bigger (bench:import).
    db.pragma("cache_size = -32768");
    db.pragma("threads = 2");
    db.pragma("temp_store = FILE");
    db.exec("BEGIN IMMEDIATE");
    inTransaction = true;
    db.exec(META_DDL);

    const loaded: ImportedTable[] = [];
    const counted = new Set<string>();
    let synapsesChanged = false;
    let cellTypesChanged = false;
    for (const item of items) {
      if (item.role === "connections" && (synapsesChanged || tableExists(db, "synapse"))) {
        loaded.push(skipped(item, "not loaded: the connection summary is computed exactly from synapses_pni_2"));
        continue;
      }
      const { table, counted: countedHere } = await loadTable(db, item, options);
      loaded.push(table);
      for (const name of countedHere) counted.add(name);
      if (item.role === "synapses") synapsesChanged = true;
      if (item.role === "cell_types") cellTypesChanged = true;
    }

    options.onProgress?.({ table: "summaries", phase: "summaries", rows: 0, bytesRead: 0, totalBytes: 0 });
    if (synapsesChanged) {
      db.exec(`DROP TABLE IF EXISTS connection; ${CONNECTION_DDL} ${CONNECTION_FROM_SYNAPSES}`);
      phase("connection table");
      db.exec(CONNECTION_INDEXES);
      phase("connection index by post");
    }
    buildSummaries(db, counted, (name) => phase(`summary ${name}`));
    // Synapse sizes per type: counted while synapses streamed in (cell types load first); rebuilt in
    // SQL only when new cell types meet synapses already in the store.
    if (cellTypesChanged && !synapsesChanged && tableExists(db, "synapse")) {
      db.exec(`DROP TABLE IF EXISTS cell_type_size_counts; ${TYPE_SIZE_COUNTS_DDL} ${TYPE_SIZE_COUNTS_FROM_SQL}`);
      phase("summary cell_type_size_counts (SQL)");
    }

    const now = new Date().toISOString();
    const log = db.prepare(
      `INSERT OR REPLACE INTO import_log (cave_table, role, store_table, source_files, rows, invalid_rows,
         ignored_columns, materialization_version, imported_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of loaded) {
      // A re-import of a role replaces the log line of whatever table filled that role before.
      db.prepare("DELETE FROM import_log WHERE role = ?").run(t.role);
      log.run(
        t.caveTable,
        t.role,
        t.storeTable,
        JSON.stringify(t.files),
        t.rows,
        t.invalidRows,
        JSON.stringify(t.ignoredColumns),
        options.version ?? null,
        now,
        t.note ?? null,
      );
    }
    const meta = db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)");
    meta.run("schema_version", String(STORE_SCHEMA_VERSION));
    meta.run("voxel_resolution_nm", JSON.stringify(VOXEL_RESOLUTION_NM));
    meta.run("last_import_at", now);
    if (options.version !== undefined) meta.run("materialization_version", String(options.version));
    nameTuningSource(db);

    db.exec("COMMIT");
    inTransaction = false;
    phase("commit");
    db.pragma("analysis_limit = 1000"); // planner statistics from a sample, not a full scan
    db.exec("ANALYZE");
    db.close();
    phase("analyze");
    return loaded;
  } catch (error) {
    if (inTransaction) db.exec("ROLLBACK");
    db.close();
    throw error;
  }
}

function skipped(item: ImportItem, note: string): ImportedTable {
  return {
    caveTable: item.caveName,
    role: item.role,
    storeTable: null,
    files: item.files,
    rows: 0,
    invalidRows: 0,
    ignoredColumns: [],
    note,
  };
}
