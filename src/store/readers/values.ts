import type { CellValue } from "./types.js";

/**
 * One value from a typed file (Parquet, Arrow) as the importer reads it: 64-bit integers stay
 * BigInt, timestamps become ISO strings, lists (a position stored as a list) become "[x y z]".
 */
export function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "number":
    case "bigint":
    case "boolean":
      return value;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>, (v) => String(cellValue(v) ?? "nan"));
    return `[${items.join(" ")}]`;
  }
  if (typeof (value as { toArray?: unknown }).toArray === "function") return cellValue((value as { toArray(): unknown }).toArray());
  return String(value);
}
