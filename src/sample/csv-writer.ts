/**
 * Writes one CSV file (or .csv.gz) in ~1 MB chunks. Rows go straight into a byte buffer, either
 * as whole lines (`push`) or field by field (`int`, `ascii`, `bytes`, `endRow`) for the hot synapse
 * path, which then allocates no strings at all. Each full chunk is handed to the stream with
 * backpressure respected, so memory stays flat however many rows there are. Fields are written as
 * given: the sample's fields never hold commas, quotes or newlines.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished, pipeline } from "node:stream/promises";
import type { Writable } from "node:stream";
import { createGzip } from "node:zlib";

export const CHUNK_BYTES = 1 << 20;
/** Room past a full chunk, so that the row being written always fits. */
const SLACK = 64 * 1024;

export interface CsvWriterOptions {
  gzip?: boolean;
  /** zlib level when gzip (default 6, gzip's and pandas' default). */
  level?: number;
  /** Called after each chunk is handed to the stream, with the rows it held. */
  onChunk?: (rows: number) => void;
}

const digitCount = (n: number): number => {
  let len = 1;
  for (let m = n; m >= 10; m = Math.floor(m / 10)) len++;
  return len;
};

/** Stream buffering: a few chunks, so that generation goes on while the last chunk is written or compressed. */
const HIGH_WATER_MARK = 4 * CHUNK_BYTES;

export class CsvWriter {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES + SLACK);
  private pos = 0;
  private pendingRows = 0;
  private readonly sink: Writable;
  private readonly done: Promise<void>;
  private failure: unknown;
  /** Data rows so far (the header not counted). */
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
    private readonly options: CsvWriterOptions = {},
  ) {
    const file = createWriteStream(path);
    if (options.gzip) {
      const gz = createGzip({ level: options.level ?? 6 });
      this.sink = gz;
      this.done = pipeline(gz, file);
    } else {
      this.sink = file;
      this.done = finished(file);
    }
    this.done.catch((e: unknown) => (this.failure = e));
    this.ascii(header.join(","));
    this.buf[this.pos++] = 10;
  }

  /** Appends one row (a CSV line without its newline). True when a chunk is full: then `await flush()`. */
  push(line: string): boolean {
    this.ascii(line);
    return this.endRow();
  }

  /** Ends the row written field by field. True when a chunk is full: then `await flush()`. */
  endRow(): boolean {
    if (this.pos >= this.buf.length) this.grow(1);
    this.buf[this.pos++] = 10;
    this.rows++;
    this.pendingRows++;
    return this.pos >= CHUNK_BYTES;
  }

  /** Appends ASCII text. */
  ascii(s: string): this {
    if (this.pos + s.length > this.buf.length) this.grow(s.length);
    this.pos += this.buf.write(s, this.pos, "latin1");
    return this;
  }

  /** Appends bytes (pre-encoded text such as a root id). */
  bytes(b: Uint8Array): this {
    const n = b.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    if (n > 32) {
      this.buf.set(b, this.pos);
      this.pos += n;
    } else {
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < n; i++) buf[p++] = b[i]!; // faster than set() for short ids
      this.pos = p;
    }
    return this;
  }

  comma(): this {
    if (this.pos >= this.buf.length) this.grow(1);
    this.buf[this.pos++] = 44;
    return this;
  }

  /** Appends a safe integer in decimal, without making a string. */
  int(n: number): this {
    if (this.pos + 24 > this.buf.length) this.grow(24);
    const buf = this.buf;
    if (n < 0) {
      buf[this.pos++] = 45;
      n = -n;
    }
    const len =
      n < 1e5
        ? n < 10
          ? 1
          : n < 100
            ? 2
            : n < 1e3
              ? 3
              : n < 1e4
                ? 4
                : 5
        : n < 1e6
          ? 6
          : n < 1e7
            ? 7
            : n < 1e8
              ? 8
              : n < 1e9
                ? 9
                : digitCount(n);
    let p = (this.pos += len);
    do {
      const q = Math.floor(n / 10);
      buf[--p] = 48 + n - q * 10;
      n = q;
    } while (n > 0);
    return this;
  }

  private grow(extra: number): void {
    const bigger = Buffer.allocUnsafe(this.pos + extra + SLACK);
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** Hands the buffered chunk to the stream, waiting while it asks to (backpressure). */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pos === 0) return;
    const chunk = this.buf.subarray(0, this.pos);
    const rows = this.pendingRows;
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES + SLACK); // the stream keeps the old one until written
    this.pos = 0;
    this.pendingRows = 0;
    this.sink.write(chunk);
    this.options.onChunk?.(rows);
    // Each 1 MB write is past the stream's own mark, so wait only when several chunks are queued.
    if (this.sink.writableLength >= HIGH_WATER_MARK) await Promise.race([once(this.sink, "drain"), this.done]);
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.flush();
    this.sink.end();
    await this.done;
  }

  /** Abandons the file's stream after a failure elsewhere, so that it is not left open. */
  destroy(): void {
    this.sink.destroy();
  }
}
