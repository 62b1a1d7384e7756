import Database from "better-sqlite3";
import { tableExists } from "./schema.js";

export interface StoreInfo {
  db: string;
  /** Imported CAVE tables, keyed by their CAVE name. */
  tables: Record<
    string,
    {
      rows: number | null;
      role: string;
      store_table: string | null;
      invalid_rows: number;
      files: string[];
      imported_at: string;
      note?: string;
    }
  >;
  /** Summaries built at import, with their row counts. */
  summaries: Record<string, number>;
  version: number | null;
  imported_at: string | null;
  voxel_resolution_nm: number[] | null;
  bytes: number;
}

const SUMMARIES = [
  "connection",
  "root_stats",
  "root_cell_type",
  "root_mtype",
  "cell_type_connectivity",
  "mtype_connectivity",
  "cell_type_totals",
  "mtype_totals",
  "synapse_size_counts",
  "cell_tuning",
  "root_area",
];

/** `summaries: false` skips counting the summary tables (a scan of millions of rows): for a chat reply. */
export function readStoreInfo(path: string, options: { summaries?: boolean } = {}): StoreInfo {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    if (!tableExists(db, "import_log")) throw new Error(`${path} is not a connectome-chat store (no import_log table)`);
    const log = db.prepare("SELECT * FROM import_log ORDER BY cave_table").all() as {
      cave_table: string;
      role: string;
      store_table: string | null;
      source_files: string;
      rows: number | null;
      invalid_rows: number;
      imported_at: string;
      note: string | null;
    }[];
    const meta = Object.fromEntries(
      (db.prepare("SELECT key, value FROM store_meta").all() as { key: string; value: string }[]).map((r) => [
        r.key,
        r.value,
      ]),
    );
    const summaries: Record<string, number> = {};
    for (const name of options.summaries === false ? [] : SUMMARIES) {
      if (tableExists(db, name))
        summaries[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
    }
    const pages = db.pragma("page_count", { simple: true }) as number;
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    return {
      db: path,
      tables: Object.fromEntries(
        log.map((r) => [
          r.cave_table,
          {
            rows: r.rows,
            role: r.role,
            store_table: r.store_table,
            invalid_rows: r.invalid_rows,
            files: JSON.parse(r.source_files) as string[],
            imported_at: r.imported_at,
            ...(r.note ? { note: r.note } : {}),
          },
        ]),
      ),
      summaries,
      version: meta.materialization_version ? Number(meta.materialization_version) : null,
      imported_at: meta.last_import_at ?? null,
      voxel_resolution_nm: meta.voxel_resolution_nm ? (JSON.parse(meta.voxel_resolution_nm) as number[]) : null,
      bytes: pages * pageSize,
    };
  } finally {
    db.close();
  }
}
