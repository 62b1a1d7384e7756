import { existsSync, rmSync } from "node:fs";
import { SAMPLE_CELLS, SAMPLE_DB, SAMPLE_DIR, SAMPLE_SEED } from "./paths.js";

/**
 * The embedded default store: on first use, write the synthetic sample as CAVE exports into
 * data/sample/ and import it into data/sample.db, exactly as a user would with their own tables.
 * A store built by an older sample (without tables the sample now writes) is built again.
 */
export async function ensureSampleStore(
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<string> {
  const { SAMPLE_FORMAT } = await import("../sample/tables.js");
  const format = existsSync(SAMPLE_DB) ? await storedFormat() : undefined;
  if (format === SAMPLE_FORMAT) return SAMPLE_DB;
  if (format !== undefined) {
    log(`The sample store in ${SAMPLE_DB} was built by an older sample: building it again …`);
    for (const path of [SAMPLE_DB, `${SAMPLE_DB}-journal`, SAMPLE_DIR]) rmSync(path, { recursive: true, force: true });
  } else {
    const cells = SAMPLE_CELLS.toLocaleString("en-US");
    log(`No --db given and no sample store yet: building one (${cells} synthetic cells) in ${SAMPLE_DB} …`);
  }
  const { writeSample } = await import("../sample/index.js");
  const { importTables } = await import("../store/import/importer.js");
  const summary = await writeSample({ out: SAMPLE_DIR, cells: SAMPLE_CELLS, seed: SAMPLE_SEED });
  await importTables({ paths: [SAMPLE_DIR], db: SAMPLE_DB });
  await markFormat(SAMPLE_FORMAT);
  const [cells, synapses] = [summary.cells, summary.synapses].map((n) => n.toLocaleString("en-US"));
  log(`Sample store ready: ${cells} cells, ${synapses} synapses.`);
  return SAMPLE_DB;
}

/** The sample format the store was built from (0 for a store from before the format was recorded). */
async function storedFormat(): Promise<number> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(SAMPLE_DB, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT value FROM store_meta WHERE key = 'sample_format'").get() as
      { value: string } | undefined;
    return row ? Number(row.value) : 0;
  } catch {
    return 0; // not a store at all: build it again
  } finally {
    db.close();
  }
}

async function markFormat(format: number): Promise<void> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(SAMPLE_DB, { fileMustExist: true });
  try {
    db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('sample_format', ?)").run(String(format));
  } finally {
    db.close();
  }
}
