import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importTables } from "../../src/store/import/importer.js";
import { PROJECT_ROOT } from "../../src/project-root.js";

export const CLI = join(PROJECT_ROOT, "dist/src/cli/main.js");

/**
 * A CAVE-like export folder and its imported store, for tests. The export is written by the
 * project's own sample generator (`connectome-chat sample`), exactly as a user would.
 */
export async function buildTestStore(
  options: { cells?: number; seed?: number; extraArgs?: string[] } = {},
): Promise<{ dir: string; db: string }> {
  const root = mkdtempSync(join(tmpdir(), "cc-test-"));
  const dir = join(root, "export");
  const db = join(root, "store.db");
  execFileSync(
    process.execPath,
    [
      CLI,
      "sample",
      "--out",
      dir,
      "--cells",
      String(options.cells ?? 1500),
      "--seed",
      String(options.seed ?? 3),
      ...(options.extraArgs ?? []),
    ],
    { stdio: "pipe" },
  );
  await importTables({ paths: [dir], db });
  if (!existsSync(db)) throw new Error("the test store was not built");
  return { dir, db };
}
