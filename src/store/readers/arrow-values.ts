import { DateUnit, Precision, TimeUnit, Type, type DataType, type RecordBatch, type Vector } from "apache-arrow";
import type { CellValue } from "./types.js";
import { isoTimestamp, listText, objectText, scalar } from "./values.js";

/**
 * Arrow record batches as rows of plain values: 64-bit integers as `bigint`, other numbers as
 * numbers, dictionary-encoded strings as their strings, timestamps and dates as ISO 8601 text,
 * lists as "[x y z]" (see openArrow in arrow.ts).
 */

/** One record batch as rows, converting column by column (faster than a lookup per cell). */
export function batchRows(batch: RecordBatch, width: number): CellValue[][] {
  const n = batch.numRows;
  const columns: CellValue[][] = [];
  for (let c = 0; c < width; c++) {
    const vector = batch.getChildAt(c);
    columns.push(vector ? columnValues(vector, n) : new Array<CellValue>(n).fill(null));
  }
  const rows = new Array<CellValue[]>(n);
  for (let r = 0; r < n; r++) {
    const row = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) row[c] = columns[c]![r]!;
    rows[r] = row;
  }
  return rows;
}

/** Converted values of dictionaries already seen: a dictionary is shared by every batch that uses it. */
const dictionaryValues = new WeakMap<object, CellValue[]>();

function columnValues(vector: Vector, n: number): CellValue[] {
  const type: DataType = vector.type;
  let out: CellValue[] = new Array<CellValue>(n);
  switch (type.typeId) {
    case Type.Int:
    case Type.Float: {
      if (type.typeId === Type.Float && (type as unknown as { precision: Precision }).precision === Precision.HALF) {
        for (let i = 0; i < n; i++) out[i] = vector.get(i) as number;
        break;
      }
      // Int64/Uint64 arrive as BigInt64Array/BigUint64Array, so their values are exact bigints.
      const values = vector.toArray() as ArrayLike<number | bigint>;
      for (let i = 0; i < n; i++) out[i] = values[i]!;
      break;
    }
    case Type.Timestamp: {
      const { unit, timezone } = type as unknown as { unit: TimeUnit; timezone: string | null };
      const [perSecond, digits] = TIME_UNITS[unit];
      const naive = !timezone;
      const values = vector.toArray() as ArrayLike<bigint>;
      for (let i = 0; i < n; i++) out[i] = isoTimestamp(BigInt(values[i]!), perSecond, digits, naive);
      break;
    }
    case Type.Date: {
      const day = (type as unknown as { unit: DateUnit }).unit === DateUnit.DAY;
      for (let i = 0; i < n; i++) {
        const ms = vector.get(i) as number | null;
        const date = ms === null ? undefined : new Date(ms);
        out[i] =
          date === undefined || Number.isNaN(date.getTime())
            ? null
            : day
              ? date.toISOString().slice(0, 10)
              : date.toISOString();
      }
      break;
    }
    case Type.Dictionary: {
      const data = vector.data.length === 1 ? vector.data[0] : undefined;
      const dictionary = data?.dictionary;
      if (!data || !dictionary) {
        for (let i = 0; i < n; i++) out[i] = scalar(vector.get(i));
        break;
      }
      let decoded = dictionaryValues.get(dictionary);
      if (!decoded) dictionaryValues.set(dictionary, (decoded = columnValues(dictionary, dictionary.length)));
      const indices = data.values as ArrayLike<number | bigint>;
      for (let i = 0; i < n; i++) out[i] = decoded[Number(indices[i])] ?? null;
      break;
    }
    case Type.List:
    case Type.FixedSizeList:
    case Type.LargeList: {
      // A position stored as a list of 3 ints: "[x y z]", as CSV exports pack it.
      for (let i = 0; i < n; i++) {
        const items = vector.get(i) as Iterable<unknown> | null;
        out[i] = items === null ? null : listText(items);
      }
      break;
    }
    case Type.Struct:
    case Type.Map: {
      for (let i = 0; i < n; i++) {
        const value = vector.get(i) as object | null;
        out[i] = value === null ? null : objectText(value);
      }
      break;
    }
    case Type.Null:
      out = new Array<CellValue>(n).fill(null);
      return out;
    default: // strings, booleans, and anything rarer
      for (let i = 0; i < n; i++) out[i] = scalar(vector.get(i));
  }
  if (vector.nullCount > 0) {
    for (let i = 0; i < n; i++) if (!vector.isValid(i)) out[i] = null;
  }
  return out;
}

const TIME_UNITS: Record<TimeUnit, [bigint, number]> = {
  [TimeUnit.SECOND]: [1n, 0],
  [TimeUnit.MILLISECOND]: [1_000n, 3],
  [TimeUnit.MICROSECOND]: [1_000_000n, 6],
  [TimeUnit.NANOSECOND]: [1_000_000_000n, 9],
};
