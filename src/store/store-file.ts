/**
 * What a `--db` path is, told before SQLite is asked to open it: SQLite's own words ("unable to
 * open database file", "file is not a database") name neither the path nor the reason, and a
 * query process that met them died with a stack trace. Every message starts with the path.
 */
import { accessSync, closeSync, constants, openSync, readSync, statSync, type Stats } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";

export class StoreFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreFileError";
  }
}

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");
const HOW_TO_MAKE = "make one with connectome-chat import EXPORTS --db FILE";

/** A file's identity: the same while it is the same file, new once another file is renamed over its path. */
export function fileIdentity(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/** "a folder", "a character device", …: what a path is when it is not a regular file. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isSocket()) return "a socket";
  return "not a file";
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "read-only file system";
  if (code === "ENOENT") return "no such file or folder";
  return (error as Error).message;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StoreFileError(`${path}: cannot look at it (${reason(error)})`);
  }
}

function isSqlite(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const header = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_HEADER);
  } catch (error) {
    throw new StoreFileError(`${path}: cannot read it (${reason(error)})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether an SQLite file has the tables every connectome-chat import writes. */
function hasStoreTables(path: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_log'").get() !== undefined;
  } catch (error) {
    throw new StoreFileError(`${path}: cannot be read as a store (${(error as Error).message})`);
  } finally {
    db?.close();
  }
}

const NOT_SQLITE = "not a connectome-chat store (not an SQLite database)";
const NOT_OURS = "not a connectome-chat store (an SQLite database without connectome-chat's tables)";

/** Throws a StoreFileError naming the path and the reason unless it is a store that can be read. */
export function checkStoreForReading(path: string): void {
  const fail = (why: string) => {
    throw new StoreFileError(`${path}: ${why}`);
  };
  const stats = statOrUndefined(path);
  if (!stats) return fail(`no such store; create it with connectome-chat import EXPORTS --db ${path}`);
  if (stats.isDirectory()) fail(`is a folder, not a connectome-chat store; give the store file, or ${HOW_TO_MAKE}`);
  if (!stats.isFile()) fail(`not a regular file (${kindOf(stats)}), not a connectome-chat store; ${HOW_TO_MAKE}`);
  if (!isSqlite(path)) fail(`${NOT_SQLITE}; ${HOW_TO_MAKE}`);
  if (!hasStoreTables(path)) fail(`${NOT_OURS}; ${HOW_TO_MAKE}`);
}

/**
 * Checks that an import can write the store at `path`: a store to update, or a new file in a
 * folder that can be written (the import writes a copy beside it and renames it over the store).
 * Returns whether there is a store there already.
 */
export function checkStoreForImport(path: string): boolean {
  const fail = (why: string) => {
    throw new StoreFileError(`${path}: ${why}`);
  };
  const stats = statOrUndefined(path);
  if (stats?.isDirectory()) fail(`is a folder; give the store file to make or update, e.g. ${join(path, "store.db")}`);
  if (stats && !stats.isFile()) fail(`not a regular file (${kindOf(stats)}); give the store file to create or update`);
  const exists = stats !== undefined && stats.size > 0;
  if (exists && !isSqlite(path)) fail(`${NOT_SQLITE}; refusing to replace it`);
  if (exists && !hasStoreTables(path)) fail(`${NOT_OURS}; refusing to change it`);
  if (stats) writable(path, path, "cannot write it");
  // The nearest folder that exists must take new files: the import creates the rest.
  let folder = dirname(path);
  while (!statOrUndefined(folder) && dirname(folder) !== folder) folder = dirname(folder);
  const folderStats = statOrUndefined(folder);
  if (folderStats && !folderStats.isDirectory()) throw new StoreFileError(`${path}: ${folder} is not a folder`);
  writable(path, folder, `cannot write in ${folder}`);
  return exists;
}

function writable(path: string, target: string, what: string): void {
  try {
    accessSync(target, constants.W_OK);
  } catch (error) {
    throw new StoreFileError(`${path}: ${what} (${reason(error)})`);
  }
}
