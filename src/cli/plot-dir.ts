import { accessSync, constants, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CliError } from "./run.js";

/**
 * Checks `--plot-dir` before any question is answered. The folder is made when the first chart is
 * drawn; a file in its place failed only then, as "Something went wrong: EEXIST".
 */
export function checkPlotDir(dir: string): void {
  const full = resolve(dir);
  let existing = full;
  for (;;) {
    let stats;
    try {
      stats = statSync(existing);
    } catch {
      if (dirname(existing) === existing) return;
      existing = dirname(existing);
      continue;
    }
    const where = existing === full ? `--plot-dir ${dir}` : `--plot-dir ${dir}: ${existing}`;
    if (!stats.isDirectory()) throw new CliError(`${where} is a file, not a folder; give a folder for the charts`, 2);
    try {
      accessSync(existing, constants.W_OK);
    } catch {
      throw new CliError(`${where}: cannot write in it (permission denied); give a folder for the charts`, 2);
    }
    return;
  }
}
