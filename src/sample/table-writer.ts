import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { createGzip, type Gzip } from "node:zlib";

/**
 * Writes one CSV table in ~1 MB chunks, waiting when the stream asks to (backpressure), so that
 * memory stays flat however many rows there are. Fields never hold commas or quotes here.
 */
export class TableWriter {
  private buffer: string[] = [];
  private size = 0;
  private readonly out: WriteStream | Gzip;
  private readonly file: WriteStream;
  rows = 0;

  constructor(readonly path: string, header: string[], gzip: boolean) {
    this.file = createWriteStream(path);
    if (gzip) {
      const z = createGzip({ level: 6 });
      z.pipe(this.file);
      this.out = z;
    } else {
      this.out = this.file;
    }
    this.buffer.push(header.join(","));
    this.size = 1;
  }

  async row(fields: (string | number | bigint)[]): Promise<void> {
    const line = fields.join(",");
    this.buffer.push(line);
    this.size += line.length + 1;
    this.rows++;
    if (this.size >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const chunk = `${this.buffer.join("\n")}\n`;
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.file, "close");
  }
}
