/**
 * An import never writes the store a bot may be reading. It works on a copy beside the store
 * (`STORE.importing`) and renames it over the store once committed: readers that have the old
 * file open keep reading it, whole, until they reopen the path (the query processes do so before
 * their next query, see QueryExecutor). A failed import removes the copy; the store is untouched.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync } from "node:fs";
import { renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { checkStoreForImport } from "../store-file.js";
import { acquireImportLock } from "./import-lock.js";

export const stagingPathOf = (db: string) => `${db}.importing`;

function removeStaging(staging: string): void {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(staging + suffix, { force: true });
}

/** Copies the store, page by page through SQLite, so that the copy is consistent whatever the journal mode. */
async function copyStore(db: string, staging: string): Promise<void> {
  // A journal left by a writer that died (an import by an older version, killed) is rolled back first:
  // a read-only connection could not, and the copy would not be the committed store.
  const hotJournal = existsSync(`${db}-journal`) && statSync(`${db}-journal`).size > 0;
  const source = new Database(db, { readonly: !hotJournal, fileMustExist: true });
  try {
    source.prepare("SELECT count(*) FROM sqlite_master").get();
    // 4,096 pages a step (32 MB of 8 kB pages): far fewer steps than the default 100.
    await source.backup(staging, { progress: () => 4096 });
  } finally {
    source.close();
  }
}

/** The new store's bytes on disk before it replaces the old one, so that a crash leaves one or the other. */
function flushToDisk(path: string): void {
  const fd = openSync(path, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs `work` on a staging copy of the store (or on a new file when there is no store yet) under
 * the store's import lock, then swaps the result in. Throws StoreFileError for a path that cannot
 * be a store and ImportBusyError when another import holds it.
 */
export async function withStagedStore<T>(db: string, work: (staging: string) => Promise<T>): Promise<T> {
  checkStoreForImport(db);
  mkdirSync(dirname(db), { recursive: true });
  const lock = acquireImportLock(db);
  const staging = stagingPathOf(db);
  try {
    removeStaging(staging); // left by an import that was killed
    const existing = checkStoreForImport(db);
    if (existing) await copyStore(db, staging);
    const result = await work(staging);
    if (existing) chmodSync(staging, statSync(db).mode & 0o7777); // the store keeps its permissions
    flushToDisk(staging);
    renameSync(staging, db);
    return result;
  } catch (error) {
    removeStaging(staging);
    throw error;
  } finally {
    lock.release();
  }
}
