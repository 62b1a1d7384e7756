import Database from "better-sqlite3";
import { TableReadError } from "../readers/types.js";
import { checkStoreForImport } from "../store-file.js";
import {
  CONNECTION_DDL,
  CONNECTION_FROM_SYNAPSES,
  CONNECTION_INDEXES,
  META_DDL,
  STORE_SCHEMA_VERSION,
  VOXEL_RESOLUTION_NM,
  quoteIdent,
  tableExists,
} from "../schema.js";
import { nameTuningSource } from "../function-summaries.js";
import { tableSpec, type Role, type TableSpec } from "../tables.js";
import { discover, type ImportItem } from "./discover.js";
import { PackedInserter, RowInsertError } from "./packed-insert.js";
import { rowError } from "./row-error.js";
import { readInThread } from "./row-reader.js";
import { buildSummaries } from "./summaries.js";
import { withStagedStore } from "./staged-store.js";
import { readCellTypeRoots, Tallies } from "./tallies.js";
import { TYPE_SIZE_COUNTS_DDL, TYPE_SIZE_COUNTS_FROM_SQL } from "./type-size-counts.js";

export interface ImportOptions {
  paths: string[];
  db: string;
  /** `--table ROLE=FILE` mappings for files whose names are not the CAVE table names. */
  tables?: string[];
  /** Materialization version the exports come from. */
  version?: number;
  onProgress?: (event: ImportProgress) => void;
}

export interface ImportProgress {
  table: string;
  phase: "rows" | "indexes" | "summaries";
  rows: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportedTable {
  caveTable: string;
  role: Role;
  storeTable: string | null;
  files: string[];
  rows: number;
  invalidRows: number;
  ignoredColumns: string[];
  note?: string;
}

export interface ImportResult {
  db: string;
  tables: ImportedTable[];
  /** Files that match no known table: reported, not loaded. */
  unknownFiles: string[];
  seconds: number;
}

/** Order matters only for messages and for synapses before connections (which may then be skipped). */
const ROLE_ORDER: Role[] = ["nucleus", "cell_types", "mtypes", "synapses", "connections", "proofreading", "coregistration", "functional", "digital_twin", "areas"];

/** With CONNECTOME_CHAT_IMPORT_TIMINGS set, each import phase's wall time goes to stderr (for the benchmark). */
const phaseTimer = () => {
  let last = performance.now();
  return (what: string) => {
    if (!process.env.CONNECTOME_CHAT_IMPORT_TIMINGS) return;
    const now = performance.now();
    // Resident memory now and at its peak so far (the reading thread included): what grows, and where.
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    const memory = `rss ${mb(process.memoryUsage.rss())} MB, peak ${mb(process.resourceUsage().maxRSS * 1024)} MB`;
    process.stderr.write(`  [import] ${what}: ${((now - last) / 1000).toFixed(1)} s (${memory})\n`);
    last = now;
  };
};
let phase = phaseTimer();

/**
 * Imports CAVE table exports into the store in one transaction, on a copy that replaces the store
 * once committed (see staged-store.ts): either every table and summary is in, or the store is left
 * exactly as it was (and none is made when there was none). One import at a time per store.
 */
export async function importTables(options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  phase = phaseTimer();
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
    db.pragma("cache_size = -32768"); // 32 MB: larger caches made the index sorts slower and memory bigger (bench:import)
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
      `INSERT OR REPLACE INTO import_log (cave_table, role, store_table, source_files, rows, invalid_rows, ignored_columns,
         materialization_version, imported_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of loaded) {
      // A re-import of a role replaces the log line of whatever table filled that role before.
      db.prepare("DELETE FROM import_log WHERE role = ?").run(t.role);
      log.run(t.caveTable, t.role, t.storeTable, JSON.stringify(t.files), t.rows, t.invalidRows,
        JSON.stringify(t.ignoredColumns), options.version ?? null, now, t.note ?? null);
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
  return { caveTable: item.caveName, role: item.role, storeTable: null, files: item.files, rows: 0, invalidRows: 0, ignoredColumns: [], note };
}

async function loadTable(db: Database.Database, item: ImportItem, options: ImportOptions): Promise<{ table: ImportedTable; counted: Set<string> }> {
  const spec = tableSpec(item.role);
  let plan: { storeColumns: { name: string; type: string }[]; ignoredColumns: string[]; firstFile: string } | undefined;
  let inserter: PackedInserter | undefined;
  let rows = 0;
  let invalidRows = 0;
  /** Time spent inserting; the rest of the phase is waiting for the reading thread. */
  let insertMs = 0;
  const report = (phase: ImportProgress["phase"], bytesRead: number, totalBytes: number) =>
    options.onProgress?.({ table: item.caveName, phase, rows, bytesRead, totalBytes });

  // Synapse sizes are tallied (overall and by cell type, from the cell types already in the store)
  // here rather than in the reading thread, which is the slower of the two.
  const cellTypes = item.role === "synapses" ? readCellTypeRoots(db) : undefined;
  const tallies = item.role === "synapses" ? new Tallies(cellTypes) : undefined;
  let [pre, post, size] = [-1, -1, -1];
  const reading = readInThread({ role: item.role, files: item.files });
  let bytesBefore = 0;
  let fileBytes = 0;
  let lastReport = 0;
  try {
    for await (const message of reading.messages) {
      if (message.type === "header") {
        bytesBefore += fileBytes;
        fileBytes = 0;
        if (!plan) {
          plan = { ...message, firstFile: message.file };
          createStoreTable(db, spec, plan.storeColumns);
          inserter = new PackedInserter(db, spec.storeTable, plan.storeColumns.map((c) => c.name));
          [pre, post, size] = ["pre_pt_root_id", "post_pt_root_id", "size"].map((name) => plan!.storeColumns.findIndex((c) => c.name === name)) as [number, number, number];
        } else if (message.storeColumns.map((c) => c.name).join() !== plan.storeColumns.map((c) => c.name).join()) {
          throw new TableReadError(message.file, `its columns differ from ${plan.firstFile}'s; shards of one table must share a header`);
        }
      } else if (message.type === "rows") {
        const { file, packed } = message;
        const columns = plan!.storeColumns;
        const insertStarted = performance.now();
        try {
          inserter!.insert(packed, tallies && ((values) => {
            const voxels = values[size];
            tallies.add(values[pre], values[post], typeof voxels === "number" ? voxels : null);
          }));
        } catch (error) {
          throw error instanceof RowInsertError ? rowError(file, error.rowNumber, columns, error.values, error.error) : error;
        }
        reading.consumed(packed);
        insertMs += performance.now() - insertStarted;
        rows += packed.rows;
        fileBytes = message.totalBytes;
        if (rows - lastReport >= 100_000) {
          lastReport = rows;
          report("rows", bytesBefore + message.bytesRead, bytesBefore + message.totalBytes);
        }
      } else {
        invalidRows = message.invalidRows;
      }
    }
  } finally {
    await reading.stop();
  }
  bytesBefore += fileBytes;

  phase(`${item.caveName}: read and insert ${rows} rows (inserting and counting ${(insertMs / 1000).toFixed(1)} s of it)`);
  report("indexes", bytesBefore, bytesBefore);
  for (const columns of spec.indexes) {
    const present = columns.filter((c) => plan!.storeColumns.some((s) => s.name === c));
    if (present.length !== columns.length) continue;
    db.exec(`CREATE INDEX ${quoteIdent(`${spec.storeTable}_by_${columns[0]}`)} ON ${quoteIdent(spec.storeTable)} (${columns.map(quoteIdent).join(", ")})`);
  }
  phase(`${item.caveName}: indexes`);
  if (spec.role === "connections") db.exec(CONNECTION_INDEXES);
  const counted = tallies ? tallies.write(db) : new Set<string>();
  if (spec.role === "synapses" && !counted.has("cell_type_size_counts")) {
    // Sizes that cannot index an array (or no cell types yet): built in SQL, or left to a later import of cell types.
    db.exec("DROP TABLE IF EXISTS cell_type_size_counts");
    if (cellTypes) db.exec(`${TYPE_SIZE_COUNTS_DDL} ${TYPE_SIZE_COUNTS_FROM_SQL}`);
  }
  if (tallies) phase(`${item.caveName}: size distributions written`);
  return {
    table: { caveTable: item.caveName, role: item.role, storeTable: spec.storeTable, files: item.files, rows, invalidRows, ignoredColumns: plan!.ignoredColumns },
    counted,
  };
}

function createStoreTable(db: Database.Database, spec: TableSpec, storeColumns: { name: string; type: string }[]): void {
  db.exec(`DROP TABLE IF EXISTS ${quoteIdent(spec.storeTable)}`);
  if (spec.role === "connections") {
    db.exec(CONNECTION_DDL);
    return;
  }
  const columns = storeColumns.map((c) =>
    `${quoteIdent(c.name)} ${c.type}${c.name === spec.primaryKey ? " PRIMARY KEY" : ""}`,
  );
  db.exec(`CREATE TABLE ${quoteIdent(spec.storeTable)} (${columns.join(", ")}) STRICT`);
}

