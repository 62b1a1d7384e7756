/**
 * Files the CLI writes on request (`--csv FILE`, chat's `/csv FILE`). An export named the store
 * (directly, through `..` or a link) used to replace it with a few bytes of CSV; now a target that
 * is the store, one of its companion files or any SQLite database is refused before anything is
 * computed, and the CSV goes to a temporary file beside the target that is renamed over it only
 * once complete, so a failed export leaves no half file and an existing file as it was.
 */
import { closeSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "./run.js";

/** Files SQLite and connectome-chat keep beside a store. */
const STORE_COMPANIONS = ["-journal", "-wal", "-shm", ".import-lock", ".importing"];
const SQLITE_HEADER = "SQLite format 3\0";

export interface OutputFile {
  /** The file the export ends up in (a link's target, when the name given is a link). */
  readonly path: string;
  /** Where the export is written first. */
  readonly temp: string;
  /** Renames the complete temporary file over the target. */
  commit(): void;
  /** Removes the temporary file, if any: the target stays as it was. */
  discard(): void;
}

const statOf = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

function startsLikeSqlite(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, header, 0, header.length, 0) === header.length && header.toString("latin1") === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** The path the bytes would really land in: links and `..` resolved, for a file that may not exist yet. */
function landingPath(flag: string, target: string): string {
  try {
    return realpathSync(target);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(target))), basename(target));
    } catch {
      throw new CliError(`${flag} ${target}: the folder ${dirname(resolve(target))} does not exist`, 2);
    }
  }
}

/**
 * Checks where an export may go and returns how to write it; throws a CliError (nothing written)
 * when the target is the store `store` or belongs to it, is an SQLite database, or is not a file.
 */
export function prepareOutput(flag: string, target: string, store: string): OutputFile {
  const path = landingPath(flag, target);
  const storePath = landingPath("--db", store);
  const refuse = (why: string) => {
    throw new CliError(`${flag} ${target} ${why}; nothing was written. Choose another file name for the CSV.`, 2);
  };
  if (path === storePath) refuse("is the store");
  const companion = STORE_COMPANIONS.find((suffix) => path === storePath + suffix);
  if (companion) refuse(`belongs to the store (its ${companion} file)`);
  const existing = statOf(path);
  if (existing) {
    if (existing.isDirectory()) refuse("is a folder");
    if (!existing.isFile()) refuse("is not a regular file");
    const storeStats = statOf(storePath);
    const sameFile = storeStats && existing.ino === storeStats.ino && existing.dev === storeStats.dev;
    if (sameFile) refuse("is the store (under another name)");
    if (startsLikeSqlite(path)) refuse("is an SQLite database");
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  return {
    path,
    temp,
    commit: () => renameSync(temp, path),
    discard: () => rmSync(temp, { force: true }),
  };
}

/** Writes text to a prepared output: the temporary file first, renamed over the target once whole. */
export function writeOutput(output: OutputFile, text: string): void {
  try {
    writeFileSync(output.temp, text, { flag: "wx" });
    output.commit();
  } catch (error) {
    output.discard();
    throw error;
  }
}
