import type { ColumnSpec, TableSpec } from "../table-spec.js";
import { BOOKKEEPING_COLUMNS } from "../tables.js";
import { TableReadError, type CellValue } from "../readers/types.js";

/**
 * How one file's columns feed one store table: built once from the header, then applied to every
 * row. Matching is by name (case-insensitive), extra columns are tolerated, and a missing required
 * column fails before any row is read.
 */
export interface ColumnPlan {
  /** Store columns, in insert order, with their SQL types. */
  storeColumns: { name: string; type: string }[];
  /** Index of the `valid` column, if the file has one: only valid rows count. */
  validIndex: number | undefined;
  /** Turns one source row into the values to insert, or throws naming the column. */
  convert(row: CellValue[], rowNumber: number): (string | number | bigint | null)[];
  /** Source columns the store does not keep (reported, not silently dropped). */
  ignoredColumns: string[];
}

const PACKED = /^\s*\[\s*([^\s,\]]+)[\s,]+([^\s,\]]+)[\s,]+([^\s,\]]+)\s*\]\s*$/;
const DIGITS = /^-?\d{1,20}$/;
const TRUE_VALUES = new Set(["t", "true", "1", "yes", "y"]);
/** CAVE ids are unsigned 64-bit; SQLite's INTEGER is signed, so the store holds 0 to 2^63-1. */
const MAX_ID = (1n << 63n) - 1n;

export function isValidFlag(value: CellValue): boolean {
  if (value === "t" || value === true) return true; // pandas' own spelling: no trimming or lowercasing for most rows
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1;
  if (typeof value === "bigint") return value === 1n;
  return TRUE_VALUES.has(value.trim().toLowerCase());
}

export function planColumns(spec: TableSpec, file: string, header: readonly string[]): ColumnPlan {
  const lower = header.map((h) => h.trim().toLowerCase());
  const find = (names: string[]) => {
    for (const n of names) {
      const i = lower.indexOf(n.toLowerCase());
      if (i >= 0) return i;
    }
    return -1;
  };
  const used = new Set<number>();
  const getters: ((row: CellValue[], rowNumber: number) => string | number | bigint | null)[] = [];
  const storeColumns: { name: string; type: string }[] = [];

  for (const column of spec.columns) {
    const i = find(column.from);
    if (i < 0) {
      if (column.required) {
        throw new TableReadError(
          file,
          `missing required column "${column.name}" for ${spec.caveName} (columns found: ${header.join(", ")})`,
          undefined,
          column.name,
        );
      }
      continue;
    }
    used.add(i);
    storeColumns.push({ name: column.name, type: column.type });
    getters.push(converter(column, i, file, header[i]!));
  }

  for (const position of spec.positions) {
    const split = ["_x", "_y", "_z"].map((axis) => find([position.name + axis]));
    const packed = find([position.name]);
    if (split.every((i) => i >= 0)) {
      split.forEach((i, axis) => {
        used.add(i);
        storeColumns.push({ name: position.name + ["_x", "_y", "_z"][axis], type: "INTEGER" });
        getters.push(coordinate(i, file, header[i]!));
      });
    } else if (packed >= 0) {
      used.add(packed);
      const parsed = packedPosition(packed, file, header[packed]!);
      ["_x", "_y", "_z"].forEach((axis, k) => {
        storeColumns.push({ name: position.name + axis, type: "INTEGER" });
        getters.push((row, n) => parsed(row, n)[k] ?? null);
      });
    } else if (position.required) {
      throw new TableReadError(
        file,
        `missing required position "${position.name}" (as ${position.name}_x/_y/_z or packed)`,
        undefined,
        position.name,
      );
    }
  }

  const validIndex = lower.indexOf("valid");
  if (validIndex >= 0) used.add(validIndex);

  const ignoredColumns: string[] = [];
  header.forEach((name, i) => {
    if (used.has(i)) return;
    const key = name.trim();
    if (
      BOOKKEEPING_COLUMNS.has(key.toLowerCase()) ||
      (/_position_[xyz]$|_position$/.test(key) && !spec.keepExtraColumns)
    ) {
      ignoredColumns.push(key);
      return;
    }
    if (spec.keepExtraColumns && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !storeColumns.some((c) => c.name === key)) {
      used.add(i);
      storeColumns.push({ name: key, type: "ANY" });
      getters.push(extraValue(i));
    } else {
      ignoredColumns.push(key);
    }
  });

  return {
    storeColumns,
    validIndex: validIndex >= 0 ? validIndex : undefined,
    ignoredColumns,
    convert(row, rowNumber) {
      const out = new Array(getters.length);
      for (let k = 0; k < getters.length; k++) out[k] = getters[k]!(row, rowNumber);
      return out;
    },
  };
}

function converter(column: ColumnSpec, i: number, file: string, sourceName: string) {
  const bad = (rowNumber: number, value: CellValue, what: string) =>
    new TableReadError(file, `${JSON.stringify(String(value))} is not ${what}`, rowNumber, sourceName);
  if (column.type === "INTEGER") {
    const exactId = column.id === true;
    const kind = /root_id$/.test(column.name) ? "root ids" : "ids";
    const range = `${kind} are unsigned 64-bit integers (0 to 9223372036854775807 in the store)`;
    // Without this, a 20-digit id failed in SQLite with no column named, and a negative one was stored.
    const inRange = (id: bigint, n: number, v: CellValue): bigint => {
      const what = id < 0n ? "is negative" : id > MAX_ID ? "is out of range" : undefined;
      if (what) throw new TableReadError(file, `${JSON.stringify(String(v))} ${what}: ${range}`, n, sourceName);
      return id;
    };
    // Up to 18 digits and no sign always fits: the common case skips the comparisons.
    const id = (text: string, n: number, v: CellValue): bigint =>
      text.length <= 18 && text.charCodeAt(0) !== 45 ? BigInt(text) : inRange(BigInt(text), n, v);
    // Ids become BigInt (exact 64-bit); other integers become numbers. Binding typed values is
    // faster than letting SQLite convert text, and a malformed value fails here, named.
    return (row: CellValue[], n: number): number | bigint | null => {
      const v = row[i];
      if (v === null || v === undefined || v === "") return null;
      if (typeof v === "string") {
        if (DIGITS.test(v)) return exactId ? id(v, n, v) : Number(v);
        const t = v.trim();
        if (DIGITS.test(t)) return exactId ? id(t, n, v) : Number(t);
        if (/^nan$/i.test(t)) return null;
        if (exactId && /^-?\d+$/.test(t)) return inRange(BigInt(t), n, v);
        if (!exactId && /^-?\d+\.0*$/.test(t)) return Number(t);
        throw bad(n, v, exactId ? "an integer id" : "an integer");
      }
      if (typeof v === "bigint") return exactId ? inRange(v, n, v) : Number(v);
      if (typeof v === "number") {
        if (Number.isNaN(v)) return null;
        if (!Number.isInteger(v) || (exactId && !Number.isSafeInteger(v)))
          throw bad(n, v, exactId ? "an exact integer id (it was stored as a floating-point number)" : "an integer");
        if (exactId && v < 0) inRange(BigInt(v), n, v);
        return v;
      }
      if (typeof v === "boolean") return v ? 1 : 0;
      throw bad(n, v, "an integer");
    };
  }
  if (column.type === "REAL") {
    return (row: CellValue[], n: number): string | number | bigint | null => {
      const v = row[i];
      if (v === null || v === undefined || v === "") return null;
      if (typeof v === "number") return Number.isNaN(v) ? null : v;
      if (typeof v === "bigint") return Number(v);
      if (typeof v === "string") {
        const x = Number(v);
        if (Number.isNaN(x)) {
          if (/^\s*nan\s*$/i.test(v)) return null;
          throw bad(n, v, "a number");
        }
        return x;
      }
      throw bad(n, v, "a number");
    };
  }
  return (row: CellValue[]): string | null => {
    const v = row[i];
    if (v === null || v === undefined || v === "") return null;
    return typeof v === "string" ? v : String(v);
  };
}

function coordinate(i: number, file: string, sourceName: string) {
  return (row: CellValue[], n: number): number | null => {
    const v = row[i];
    if (v === null || v === undefined || v === "") return null;
    return voxel(v, file, n, sourceName);
  };
}

/** A voxel coordinate: integers pass through; a fractional one is rounded to its voxel. */
function voxel(v: CellValue, file: string, n: number, sourceName: string): number | null {
  if (typeof v === "string") {
    if (DIGITS.test(v)) return Number(v);
    const x = Number(v);
    if (Number.isNaN(x)) {
      if (/^\s*nan\s*$/i.test(v)) return null;
      throw new TableReadError(file, `${JSON.stringify(v)} is not a coordinate`, n, sourceName);
    }
    return Math.round(x);
  }
  if (typeof v === "number") return Number.isNaN(v) ? null : Math.round(v);
  if (typeof v === "bigint") return Number(v);
  throw new TableReadError(file, `${JSON.stringify(String(v))} is not a coordinate`, n, sourceName);
}

function packedPosition(i: number, file: string, sourceName: string) {
  // Memo for the row being converted: the three store columns read one parse.
  let lastRow: CellValue[] | undefined;
  let last: (number | null)[] = [];
  return (row: CellValue[], n: number): (number | null)[] => {
    if (row === lastRow) return last;
    lastRow = row;
    const v = row[i];
    if (v === null || v === undefined || v === "") return (last = [null, null, null]);
    const m = PACKED.exec(String(v));
    if (!m) throw new TableReadError(file, `${JSON.stringify(String(v))} is not a position "[x y z]"`, n, sourceName);
    return (last = [
      voxel(m[1]!, file, n, sourceName),
      voxel(m[2]!, file, n, sourceName),
      voxel(m[3]!, file, n, sourceName),
    ]);
  };
}

/** Columns kept as given: numbers become numbers, 64-bit integers stay exact. */
function extraValue(i: number) {
  return (row: CellValue[]): string | number | bigint | null => {
    const v = row[i];
    if (v === null || v === undefined || v === "") return null;
    if (typeof v === "boolean") return v ? 1 : 0;
    if (typeof v !== "string") return v;
    if (/^-?\d+$/.test(v)) return v.length > 15 ? BigInt(v) : Number(v);
    if (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v)) return Number(v);
    return v;
  };
}
