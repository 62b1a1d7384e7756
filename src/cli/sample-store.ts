import { existsSync } from "node:fs";
import { SAMPLE_CELLS, SAMPLE_DB, SAMPLE_DIR, SAMPLE_SEED } from "./paths.js";

/**
 * The embedded default store: on first use, write the synthetic sample as CAVE exports into
 * data/sample/ and import it into data/sample.db, exactly as a user would with their own tables.
 */
export async function ensureSampleStore(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<string> {
  if (existsSync(SAMPLE_DB)) return SAMPLE_DB;
  log(`No --db given and no sample store yet: building one (${SAMPLE_CELLS.toLocaleString("en-US")} synthetic cells) in ${SAMPLE_DB} …`);
  const { writeSample } = await import("../sample/index.js");
  const { importTables } = await import("../store/import/importer.js");
  const summary = await writeSample({ out: SAMPLE_DIR, cells: SAMPLE_CELLS, seed: SAMPLE_SEED });
  await importTables({ paths: [SAMPLE_DIR], db: SAMPLE_DB });
  log(`Sample store ready: ${summary.cells.toLocaleString("en-US")} cells, ${summary.synapses.toLocaleString("en-US")} synapses.`);
  return SAMPLE_DB;
}
