import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CliError } from "./run.js";

/**
 * Checks `--plot-dir` before any question is answered. The folder is made when the first chart is
 * drawn; a file in its place (or in the place of a folder above it) failed only then, as
 * "Something went wrong: EEXIST". Whether it can be written is left to that moment: a question
 * without a chart needs no folder (`ask` run from a read-only folder keeps working).
 */
export function checkPlotDir(dir: string): void {
  const full = resolve(dir);
  for (let path = full; ; path = dirname(path)) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      if (dirname(path) === path) return;
      continue;
    }
    if (isFolder) return;
    const where = path === full ? `--plot-dir ${dir}` : `--plot-dir ${dir}: ${path}`;
    throw new CliError(`${where} is a file, not a folder; give a folder for the charts`, 2);
  }
}
