/**
 * Messages between the import (which inserts) and its reading thread (which reads, checks and
 * converts), so that reading a file and inserting its rows run at the same time.
 */
import type { Role } from "../table-spec.js";
import type { PackedRows } from "./packed-rows.js";

/** What to read: one table, from one or more files (shards share a header). */
export interface ReadRequest {
  role: Role;
  files: string[];
}

/** The reading thread answers with one `header` per file, `rows` batches, then `done` (or `error`). */
export type ReaderMessage =
  | { type: "header"; file: string; storeColumns: { name: string; type: string }[]; ignoredColumns: string[] }
  | { type: "rows"; file: string; packed: PackedRows; bytesRead: number; totalBytes: number }
  | { type: "done"; invalidRows: number }
  | { type: "error"; file?: string; message: string; row?: number; column?: string; readError: boolean };

/** The importer's answer to each `rows` message: it has inserted them, the thread may read on. */
/** It hands the batch's buffers back (transferred), for the thread to fill again. */
export type ImporterMessage = { type: "consumed"; buffers?: ArrayBuffer[] };

/** Batches read ahead of the inserts: enough to keep both threads busy, few enough to bound memory. */
export const BATCHES_AHEAD = 4;
