import { join } from "node:path";
import { DATA_DIR } from "../project-root.js";

/** The embedded default: a synthetic sample and its store, built on first use. */
export const SAMPLE_DIR = join(DATA_DIR, "sample");
export const SAMPLE_DB = join(DATA_DIR, "sample.db");
export const SAMPLE_CELLS = 3000;
export const SAMPLE_SEED = 1;
