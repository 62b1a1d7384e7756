import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { importTables } from "../../src/store/import/importer.js";

/**
 * A tiny CAVE-like export written by hand, so every expected figure is known exactly: for the store
 * tests (store.test.ts, import-bad-input.test.ts, cli-sql.test.ts).
 */
export const ROOT_A = "864691135123456789";
export const ROOT_B = "9223372036854775807"; // the largest 64-bit id: any float conversion would change it
export const ROOT_C = "864691135987654321";
export const NUCLEUS =
  "id,created,superceded_id,valid,volume,pt_supervoxel_id,pt_root_id," +
  "pt_position_x,pt_position_y,pt_position_z,bb_start_position,bb_end_position\n" +
  `101,2020-09-28,,t,250.5,88000000000000101,${ROOT_A},1000,2000,300,[nan nan nan],[nan nan nan]
102,2020-09-28,,t,310.25,88000000000000102,${ROOT_B},1100,2100,310,[nan nan nan],[nan nan nan]
103,2020-09-28,,f,999,88000000000000103,${ROOT_C},1200,2200,320,[nan nan nan],[nan nan nan]
104,2020-09-28,,t,120,88000000000000104,0,1300,2300,330,[nan nan nan],[nan nan nan]
`;
export const CELL_TYPES =
  "id,created,valid,target_id,classification_system,cell_type,pt_supervoxel_id,pt_root_id,pt_position\n" +
  `1,2023-05-10,t,101,inhibitory_neuron,BC,88000000000000101,${ROOT_A},[1000 2000 300]
2,2023-05-10,t,102,excitatory_neuron,23P,88000000000000102,${ROOT_B},[1100 2100 310]
3,2023-05-10,f,103,excitatory_neuron,23P,88000000000000103,${ROOT_C},[1200 2200 320]
4,2023-05-10,t,104,nonneuron,astrocyte,88000000000000104,0,"[1300, 2300, 330]"
`;
export const SYNAPSES =
  "id,created,superceded_id,valid,pre_pt_supervoxel_id,pre_pt_root_id,post_pt_supervoxel_id,post_pt_root_id," +
  "size,ctr_pt_position_x,ctr_pt_position_y,ctr_pt_position_z,extra_column\n" +
  `1,2020-11-04,,t,1,${ROOT_A},2,${ROOT_B},100,10,20,30,x
2,2020-11-04,,t,1,${ROOT_A},2,${ROOT_B},300,11,21,31,x
3,2020-11-04,,t,1,${ROOT_A},2,${ROOT_C},50,12,22,32,x
4,2020-11-04,,f,1,${ROOT_A},2,${ROOT_B},7000,13,23,33,x
5,2020-11-04,,t,1,${ROOT_B},2,${ROOT_A},20,14,24,34,x
`;

/** A synapse file of `rows` valid rows with ids 1, 2, …, but for one row given an id already used. */
export function manySynapses(rows: number, twice: { row: number; id: number }): string {
  const lines = SYNAPSES.split("\n").slice(0, 1);
  for (let row = 1; row <= rows; row++)
    lines.push(`${row === twice.row ? twice.id : row},2020-11-04,,t,1,${ROOT_A},2,${ROOT_B},${row},10,20,30,x`);
  return lines.join("\n") + "\n";
}

/** A folder of export files, by name: gzipped when the name ends in .gz, as given after "raw:". */
export function exportDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "cc-store-"));
  for (const [name, text] of Object.entries(files)) {
    // "raw:" writes the bytes as given, for files that are deliberately broken.
    if (name.startsWith("raw:")) writeFileSync(join(dir, name.slice(4)), text);
    else if (name.endsWith(".gz")) writeFileSync(join(dir, name), gzipSync(text));
    else writeFileSync(join(dir, name), text);
  }
  return dir;
}
/** The three tables above, by their CAVE file names. */
export const base = () => ({
  "nucleus_detection_v0.csv": NUCLEUS,
  "aibs_metamodel_celltypes_v661.csv": CELL_TYPES,
  "synapses_pni_2.csv": SYNAPSES,
});

/** A store file opened read-only, 64-bit integers read as BigInt. */
export function open(path: string) {
  const db = new Database(path, { readonly: true });
  db.defaultSafeIntegers(true);
  return db;
}

/** The tiny export imported into a new store; its path. */
export async function importTinyExport(): Promise<string> {
  const dbPath = join(mkdtempSync(join(tmpdir(), "cc-store-db-")), "store.db");
  await importTables({ paths: [exportDir(base())], db: dbPath });
  return dbPath;
}
