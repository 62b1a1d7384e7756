import Database from "better-sqlite3";

/**
 * What the store holds, read once when answering starts: which tables were imported, and the
 * cell types and m-types present, so plans can be checked against the data before they run.
 */
export interface StoreCatalog {
  dbPath: string;
  tables: Set<string>;
  cellTypes: Map<string, string>; // cell type → classification_system
  mtypes: Map<string, string>;
  /** Visual areas present (V1, RL, AL, LM). */
  areas: Set<string>;
  /** CAVE table name of each role, as imported (for "how it was read" lines). */
  caveNames: Map<string, string>;
  materializationVersion: string | null;
}

export function readCatalog(dbPath: string): StoreCatalog {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    const types = (table: string) =>
      tables.has(table)
        ? new Map(
            (
              db.prepare(`SELECT cell_type, classification_system FROM ${table}`).all() as {
                cell_type: string;
                classification_system: string;
              }[]
            ).map((r) => [r.cell_type, r.classification_system]),
          )
        : new Map<string, string>();
    const caveNames = tables.has("import_log")
      ? new Map(
          (
            db.prepare("SELECT role, cave_table FROM import_log WHERE store_table IS NOT NULL").all() as {
              role: string;
              cave_table: string;
            }[]
          ).map((r) => [r.role, r.cave_table]),
        )
      : new Map<string, string>();
    const version = tables.has("store_meta")
      ? ((
          db.prepare("SELECT value FROM store_meta WHERE key = 'materialization_version'").get() as
            { value: string } | undefined
        )?.value ?? null)
      : null;
    const areas = tables.has("area_assignment")
      ? new Set(
          (db.prepare("SELECT DISTINCT tag FROM area_assignment WHERE tag IS NOT NULL").all() as { tag: string }[]).map(
            (r) => r.tag,
          ),
        )
      : new Set<string>();
    return {
      dbPath,
      tables,
      cellTypes: types("cell_type_totals"),
      mtypes: types("mtype_totals"),
      areas,
      caveNames,
      materializationVersion: version,
    };
  } finally {
    db.close();
  }
}
