/**
 * Converted rows packed into typed arrays, to pass from the reading thread to the inserting one.
 * Copying arrays of BigInt and strings between threads (structured clone) costs about as much as
 * reading them; typed arrays are handed over whole (transferred), and only text values are cloned.
 */
export type StoreValue = string | number | bigint | null;

const NULL = 0;
const NUMBER = 1;
const BIGINT = 2;
const TEXT = 3;
/** A BigInt outside SQLite's 64-bit range, passed as digits so that the insert fails as it would in one thread. */
const WIDE_BIGINT = 4;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export interface PackedRows {
  rows: number;
  columns: number;
  /** One tag per value, row by row. */
  tags: Uint8Array;
  numbers: Float64Array;
  bigints: BigInt64Array;
  texts: string[];
  /** Each row's 1-based number in its file (invalid rows skipped are still counted), for messages. */
  rowNumbers: Float64Array;
}

/** Collects converted rows, then packs them; reused batch after batch. */
export class RowPacker {
  private tags: Uint8Array;
  private numbers: Float64Array;
  private bigints: BigInt64Array;
  private texts: string[] = [];
  private rowNumbers: Float64Array;
  private rows = 0;

  constructor(
    private readonly columns: number,
    private readonly capacity = 4096,
  ) {
    [this.tags, this.numbers, this.bigints, this.rowNumbers] = this.allocate();
  }

  get length(): number {
    return this.rows;
  }

  get full(): boolean {
    return this.rows >= this.capacity;
  }

  add(values: readonly StoreValue[], rowNumber: number): void {
    let at = this.rows * this.columns;
    for (let k = 0; k < this.columns; k++, at++) {
      const v = values[k] ?? null;
      if (v === null) this.tags[at] = NULL;
      else if (typeof v === "number") {
        this.tags[at] = NUMBER;
        this.numbers[at] = v;
      } else if (typeof v === "bigint") {
        if (v < INT64_MIN || v > INT64_MAX) {
          this.tags[at] = WIDE_BIGINT;
          this.texts.push(v.toString());
        } else {
          this.tags[at] = BIGINT;
          this.bigints[at] = v;
        }
      } else {
        this.tags[at] = TEXT;
        this.texts.push(v);
      }
    }
    this.rowNumbers[this.rows++] = rowNumber;
  }

  /** The rows so far, with their buffers (to transfer); the packer starts a new batch. */
  take(): { packed: PackedRows; transfer: ArrayBuffer[] } {
    const packed: PackedRows = {
      rows: this.rows,
      columns: this.columns,
      tags: this.tags,
      numbers: this.numbers,
      bigints: this.bigints,
      texts: this.texts,
      rowNumbers: this.rowNumbers,
    };
    [this.tags, this.numbers, this.bigints, this.rowNumbers] = this.allocate();
    this.texts = [];
    this.rows = 0;
    return { packed, transfer: packedBuffers(packed) };
  }

  /**
   * Buffers the inserting thread has handed back (see recycle): reused rather than allocated anew. A new
   * batch's buffers every time, freed in the other thread, made glibc's per-thread heaps grow with the
   * file (peak memory 411 MB at 5M synapses, 533 MB at 20M); reused, they stay a handful.
   */
  private static readonly spare: ArrayBuffer[][] = [];

  /** Takes back the buffers of a batch the other thread is done with (as `take` gave them). */
  static recycle(buffers: ArrayBuffer[]): void {
    if (RowPacker.spare.length < 8) RowPacker.spare.push(buffers);
  }

  private allocate(): [Uint8Array, Float64Array, BigInt64Array, Float64Array] {
    const cells = this.columns * this.capacity;
    const sizes = [cells, cells * 8, cells * 8, this.capacity * 8];
    const at = RowPacker.spare.findIndex((b) => b.every((buffer, i) => buffer.byteLength === sizes[i]));
    if (at >= 0) {
      const [tags, numbers, bigints, rowNumbers] = RowPacker.spare.splice(at, 1)[0]!;
      return [
        new Uint8Array(tags!),
        new Float64Array(numbers!),
        new BigInt64Array(bigints!),
        new Float64Array(rowNumbers!),
      ];
    }
    return [new Uint8Array(cells), new Float64Array(cells), new BigInt64Array(cells), new Float64Array(this.capacity)];
  }
}

/** A batch's buffers, to transfer to the other thread (and back, to be reused). */
export function packedBuffers(packed: PackedRows): ArrayBuffer[] {
  return [packed.tags.buffer, packed.numbers.buffer, packed.bigints.buffer, packed.rowNumbers.buffer] as ArrayBuffer[];
}

/**
 * Calls `each` with every packed row's values (one array, refilled for each row: copy it to keep
 * it) and the row's number in its file.
 */
export function forEachPackedRow(packed: PackedRows, each: (values: StoreValue[], rowNumber: number) => void): void {
  const { rows, columns, tags, numbers, bigints, texts, rowNumbers } = packed;
  const values: StoreValue[] = new Array(columns);
  let text = 0;
  for (let r = 0, at = 0; r < rows; r++) {
    for (let k = 0; k < columns; k++, at++) {
      switch (tags[at]) {
        case NUMBER:
          values[k] = numbers[at]!;
          break;
        case BIGINT:
          values[k] = bigints[at]!;
          break;
        case TEXT:
          values[k] = texts[text++]!;
          break;
        case WIDE_BIGINT:
          values[k] = BigInt(texts[text++]!);
          break;
        default:
          values[k] = null;
      }
    }
    each(values, rowNumbers[r]!);
  }
}
