import type { CellValue } from "./types.js";

/**
 * Values from typed files (Parquet, Arrow) as the importer reads them: strings, numbers, BigInt
 * (64-bit integers stay exact) and booleans as they are; everything else through objectText.
 */
export function scalar(value: unknown): CellValue {
  switch (typeof value) {
    case "string":
    case "number":
    case "bigint":
    case "boolean":
      return value;
  }
  return value === null || value === undefined ? null : typeof value === "object" ? objectText(value) : String(value);
}

/** A list (a position stored as a list of 3 ints) as "[x y z]", as CSV exports pack it; a null item as "nan". */
export function listText(items: Iterable<unknown>): string {
  const parts: string[] = [];
  for (const item of items)
    parts.push(
      item === null || item === undefined ? "nan" : typeof item === "object" ? String(objectText(item)) : String(item),
    );
  return `[${parts.join(" ")}]`;
}

/** Lists become "[x y z]", dates ISO strings, and structs and maps JSON (64-bit integers as digits). */
export function objectText(value: object): CellValue {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView)))
    return listText(value as unknown as Iterable<unknown>);
  if (typeof (value as { toArray?: unknown }).toArray === "function" && Symbol.iterator in value)
    return listText(value as Iterable<unknown>);
  const json =
    typeof (value as { toJSON?: unknown }).toJSON === "function" ? (value as { toJSON(): unknown }).toJSON() : value;
  return JSON.stringify(json, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? null;
}

/**
 * `value` counted in 1/perSecond seconds since the epoch, as ISO 8601 with `digits` fraction digits;
 * "Z" unless naive. (The Parquet and the Arrow readers both read timestamps this way.)
 */
export function isoTimestamp(value: bigint, perSecond: bigint, digits: number, naive: boolean): string {
  let seconds = value / perSecond;
  let fraction = value % perSecond;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += perSecond;
  }
  const date = new Date(Number(seconds) * 1000);
  if (Number.isNaN(date.getTime())) return value.toString(); // outside what a Date can show: keep the raw count
  const fractionText = digits ? "." + fraction.toString().padStart(digits, "0") : "";
  return `${date.toISOString().slice(0, 19)}${fractionText}${naive ? "" : "Z"}`;
}
