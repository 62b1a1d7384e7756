import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's root folder (where package.json and data/ are), found by walking up from this
 * module, so that paths work both from the build in dist/ and from the TypeScript sources.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "data"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot find the connectome-chat project folder (package.json beside data/)");
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();
export const DATA_DIR = join(PROJECT_ROOT, "data");
