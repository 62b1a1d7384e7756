import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importTables } from "../../src/store/import/importer.js";
import { PROJECT_ROOT } from "../../src/project-root.js";

/**
 * The question bench: a synthetic CAVE export, the project's store imported from it, and the raw
 * exports loaded as they are into an in-memory SQLite with the shared scorer's views (syn, ct,
 * root_type, nuc, proof, coreg, and mt for m-types). Gold answers are plain SQL over those views,
 * written in the tests; they never touch the project's compiler or its store tables. Answers are
 * judged the way ../shared/eval/check.py judges them. The raw views are in raw-views.ts, the
 * judging in judge.ts; both are exported from here too, where the tests and the bank's notes find
 * them.
 */

export { goldRows, loadRaw, parseCsv, type GoldValue } from "./raw-views.js";
export { judge, norm, same, type AnswerLike, type Expect } from "./judge.js";

export interface BenchData {
  dir: string;
  db: string;
  generator: "writeSample" | "make_cave_export.py";
}

/**
 * Writes the dataset with the project's sample generator (`writeSample`), or with the shared
 * eval's generator when that is asked for (QUESTIONS_DATA=python) or writeSample is missing,
 * then imports it with the project's importer.
 */
export async function buildBenchData(options: {
  cells: number;
  seed: number;
  gzip?: boolean;
  connections?: boolean;
}): Promise<BenchData> {
  const root = mkdtempSync(join(tmpdir(), "cc-questions-"));
  const dir = join(root, "export");
  const db = join(root, "store.db");
  let generator: BenchData["generator"] = "make_cave_export.py";
  const writeSample = process.env.QUESTIONS_DATA === "python" ? undefined : await loadWriteSample();
  if (writeSample) {
    await writeSample({
      out: dir,
      cells: options.cells,
      seed: options.seed,
      gzip: options.gzip,
      connections: options.connections,
    });
    generator = "writeSample";
  } else {
    const script = join(PROJECT_ROOT, "..", "shared", "eval", "make_cave_export.py");
    const flags = [...(options.gzip ? ["--gzip"] : []), ...(options.connections ? ["--connections"] : [])];
    execFileSync("python3", [script, dir, "--cells", String(options.cells), "--seed", String(options.seed), ...flags], {
      stdio: "pipe",
    });
  }
  await importTables({ paths: [dir], db });
  if (!existsSync(db)) throw new Error("the question bench store was not built");
  return { dir, db, generator };
}

type WriteSample = (o: {
  out: string;
  cells: number;
  seed: number;
  gzip?: boolean;
  connections?: boolean;
}) => Promise<unknown>;

async function loadWriteSample(): Promise<WriteSample | undefined> {
  try {
    const mod = (await import("../../src/sample/index.js")) as { writeSample?: WriteSample };
    return mod.writeSample;
  } catch {
    return undefined;
  }
}

/** Replaces {NAME} in a question or a gold query with the bench's parameter values. */
export function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no bench parameter ${name}`);
    return v;
  });
}
