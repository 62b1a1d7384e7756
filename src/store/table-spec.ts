/**
 * The shape of a table spec: what the store knows of a CAVE table (tables.ts lists them).
 *
 * Every role names the store table it fills, the file names that identify it (the CAVE table
 * names, the public release's static export names), and its columns: the store column, its type,
 * and the source column names it may come from. Positions are logical columns that a file gives
 * either split into `_x/_y/_z` or packed as one "[x y z]" string; both land as three INTEGER
 * columns in 4x4x40 nm voxels, never rescaled.
 */
export type Role =
  | "nucleus"
  | "cell_types"
  | "mtypes"
  | "synapses"
  | "proofreading"
  | "coregistration"
  | "functional"
  | "digital_twin"
  | "areas"
  | "connections";

export type ColumnType = "INTEGER" | "REAL" | "TEXT";

export interface ColumnSpec {
  /** Column name in the store. */
  name: string;
  type: ColumnType;
  /** Source column names accepted, in order of preference. */
  from: string[];
  required?: boolean;
  /** 64-bit ids: root, supervoxel and nucleus ids (kept exact, read back as BigInt). */
  id?: boolean;
  /** A boolean flag ('t'/'f', true/false, 1/0) stored as 1/0. */
  flag?: boolean;
}

export interface PositionSpec {
  /** Logical name, e.g. "pt_position": store columns pt_position_x, _y, _z. */
  name: string;
  required?: boolean;
}

export interface TableSpec {
  role: Role;
  /** The CAVE table name used in `info` and messages (the default when a file's own name differs). */
  caveName: string;
  /** The store table. */
  storeTable: string;
  /** What a person calls it. */
  description: string;
  /** File stems that identify this table (case-insensitive, matched at the start of the stem). */
  fileNames: RegExp[];
  columns: ColumnSpec[];
  positions: PositionSpec[];
  /** Primary key column (must be one of `columns`), if the table has one. */
  primaryKey?: string;
  indexes: string[][];
  /** Keep columns the spec does not name (annotation tables), stored as given. */
  keepExtraColumns: boolean;
}
