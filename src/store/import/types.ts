import type { Role } from "../table-spec.js";

export interface ImportOptions {
  paths: string[];
  db: string;
  /** `--table ROLE=FILE` mappings for files whose names are not the CAVE table names. */
  tables?: string[];
  /** Materialization version the exports come from. */
  version?: number;
  onProgress?: (event: ImportProgress) => void;
}

export interface ImportProgress {
  table: string;
  phase: "rows" | "indexes" | "summaries";
  rows: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportedTable {
  caveTable: string;
  role: Role;
  storeTable: string | null;
  files: string[];
  rows: number;
  invalidRows: number;
  ignoredColumns: string[];
  note?: string;
}

export interface ImportResult {
  db: string;
  tables: ImportedTable[];
  /** Files that match no known table: reported, not loaded. */
  unknownFiles: string[];
  seconds: number;
}
