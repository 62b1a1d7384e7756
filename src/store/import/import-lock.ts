/**
 * One import at a time per store: a lock file beside it (`STORE.import-lock`), created only if
 * absent, holding the importer's pid and host. Two imports started together into a new path both
 * failed ("database is locked", "cannot rollback"); now the second is told at once who holds the
 * store. A lock whose process is gone (a killed import) is stale and is taken away.
 */
import { linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { z } from "zod";

export class ImportBusyError extends Error {
  constructor(
    readonly db: string,
    readonly pid: number | undefined,
  ) {
    const holder = pid === undefined ? "another import" : `another import (pid ${pid})`;
    super(`${holder} holds ${db}; wait for it to finish (if none is running, remove ${lockPathOf(db)})`);
    this.name = "ImportBusyError";
  }
}

const Holder = z.object({
  pid: z.number().int().positive(),
  host: z.string().optional(),
  started: z.string().optional(),
});
type Holder = z.infer<typeof Holder>;

/** A lock file still being written (it is created, then filled) is given this long to hold something readable. */
const UNREADABLE_GRACE_MS = 10_000;

export const lockPathOf = (db: string) => `${db}.import-lock`;

function isAlive(holder: Holder): boolean {
  // Another machine's process (a store on a shared disk) cannot be checked from here: assume it runs.
  if (holder.host !== undefined && holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(path: string): { text: string; holder?: Holder; ageMs: number } | undefined {
  try {
    const text = readFileSync(path, "utf8");
    const ageMs = Date.now() - statSync(path).mtimeMs;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = Holder.safeParse(json);
    return { text, ageMs, ...(parsed.success ? { holder: parsed.data } : {}) };
  } catch {
    return undefined; // gone in the meantime
  }
}

/**
 * Removes a stale lock without ever removing a fresh one: the file is moved aside first, and put
 * back if what was moved is not what was read (another import took the lock in between).
 */
function removeStale(path: string, staleText: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  if (readFileSync(aside, "utf8") !== staleText) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone holds a newer lock already; theirs stands.
    }
  }
  rmSync(aside, { force: true });
}

/** Takes the store's import lock, or throws ImportBusyError naming the holder. */
export function acquireImportLock(db: string): { release(): void } {
  const path = lockPathOf(db);
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() });
  // The lock appears whole: written beside it, then linked into place (a link fails if the lock
  // exists). Created empty and then filled, it could be read empty by a second import, which was
  // then told "another import" with no pid.
  const written = `${path}.${process.pid}.new`;
  try {
    writeFileSync(written, mine);
  } catch (error) {
    throw cannotCreate(db, path, error);
  }
  try {
    return takeLock(db, path, written, mine);
  } finally {
    rmSync(written, { force: true });
  }
}

function takeLock(db: string, path: string, written: string, mine: string): { release(): void } {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      linkSync(written, path);
      return {
        release() {
          if (readLock(path)?.text === mine) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw cannotCreate(db, path, error);
    }
    const lock = readLock(path);
    if (!lock) continue;
    const held = lock.holder ? isAlive(lock.holder) : lock.ageMs < UNREADABLE_GRACE_MS;
    if (held) throw new ImportBusyError(db, lock.holder?.pid);
    removeStale(path, lock.text);
  }
  throw new ImportBusyError(db, undefined);
}

function cannotCreate(db: string, path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  return new Error(`${db}: cannot create the import lock ${path} (${code ?? (error as Error).message})`);
}
