import type Database from "better-sqlite3";
import { TableReadError } from "../readers/types.js";
import { CONNECTION_DDL, CONNECTION_INDEXES, quoteIdent } from "../schema.js";
import type { TableSpec } from "../table-spec.js";
import { tableSpec } from "../tables.js";
import type { ImportItem } from "./discover.js";
import { PackedInserter, RowInsertError } from "./packed-insert.js";
import { phase } from "./phase-timer.js";
import { rowError } from "./row-error.js";
import { readInThread } from "./row-reader.js";
import { readCellTypeRoots, Tallies } from "./tallies.js";
import { TYPE_SIZE_COUNTS_DDL, TYPE_SIZE_COUNTS_FROM_SQL } from "./type-size-counts.js";
import type { ImportedTable, ImportOptions, ImportProgress } from "./types.js";

type StoreColumn = { name: string; type: string };

/**
 * Loads one CAVE table (all its files) into its store table, inside the importer's transaction:
 * rows read in a thread and inserted here, then the table's indexes, then (for synapses) the size
 * distributions counted on the way. Returns the table's log line and the summaries it counted.
 */
export async function loadTable(
  db: Database.Database,
  item: ImportItem,
  options: ImportOptions,
): Promise<{ table: ImportedTable; counted: Set<string> }> {
  const spec = tableSpec(item.role);
  let plan: { storeColumns: StoreColumn[]; ignoredColumns: string[]; firstFile: string } | undefined;
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
          inserter = new PackedInserter(
            db,
            spec.storeTable,
            plan.storeColumns.map((c) => c.name),
          );
          [pre, post, size] = ["pre_pt_root_id", "post_pt_root_id", "size"].map((name) =>
            plan!.storeColumns.findIndex((c) => c.name === name),
          ) as [number, number, number];
        } else if (message.storeColumns.map((c) => c.name).join() !== plan.storeColumns.map((c) => c.name).join()) {
          const differ = `its columns differ from ${plan.firstFile}'s; shards of one table must share a header`;
          throw new TableReadError(message.file, differ);
        }
      } else if (message.type === "rows") {
        const { file, packed } = message;
        const columns = plan!.storeColumns;
        const insertStarted = performance.now();
        try {
          inserter!.insert(
            packed,
            tallies &&
              ((values) => {
                const voxels = values[size];
                tallies.add(values[pre], values[post], typeof voxels === "number" ? voxels : null);
              }),
          );
        } catch (error) {
          throw error instanceof RowInsertError
            ? rowError(file, error.rowNumber, columns, error.values, error.error)
            : error;
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

  const inserting = (insertMs / 1000).toFixed(1);
  phase(`${item.caveName}: read and insert ${rows} rows (inserting and counting ${inserting} s of it)`);
  report("indexes", bytesBefore, bytesBefore);
  createIndexes(db, spec, plan!.storeColumns);
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
    table: {
      caveTable: item.caveName,
      role: item.role,
      storeTable: spec.storeTable,
      files: item.files,
      rows,
      invalidRows,
      ignoredColumns: plan!.ignoredColumns,
    },
    counted,
  };
}

function createStoreTable(db: Database.Database, spec: TableSpec, storeColumns: StoreColumn[]): void {
  db.exec(`DROP TABLE IF EXISTS ${quoteIdent(spec.storeTable)}`);
  if (spec.role === "connections") {
    db.exec(CONNECTION_DDL);
    return;
  }
  const columns = storeColumns.map(
    (c) => `${quoteIdent(c.name)} ${c.type}${c.name === spec.primaryKey ? " PRIMARY KEY" : ""}`,
  );
  db.exec(`CREATE TABLE ${quoteIdent(spec.storeTable)} (${columns.join(", ")}) STRICT`);
}

/** The indexes the table's spec asks for, each where all its columns are in the store table. */
function createIndexes(db: Database.Database, spec: TableSpec, storeColumns: StoreColumn[]): void {
  for (const columns of spec.indexes) {
    const present = columns.filter((c) => storeColumns.some((s) => s.name === c));
    if (present.length !== columns.length) continue;
    const index = quoteIdent(`${spec.storeTable}_by_${columns[0]}`);
    db.exec(`CREATE INDEX ${index} ON ${quoteIdent(spec.storeTable)} (${columns.map(quoteIdent).join(", ")})`);
  }
}
