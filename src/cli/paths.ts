import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The project's root (dist/src/cli/ → three levels up when built). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const DATA_DIR = join(PROJECT_ROOT, "data");
/** The embedded default: a synthetic sample and its store, built on first use. */
export const SAMPLE_DIR = join(DATA_DIR, "sample");
export const SAMPLE_DB = join(DATA_DIR, "sample.db");
export const SAMPLE_CELLS = 3000;
export const SAMPLE_SEED = 1;
