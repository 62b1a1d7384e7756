import { readFile } from "node:fs/promises";
import { connect } from "node:net";

export interface LargeBodyResult {
  /** The HTTP status the server answered, if it answered. */
  status?: number;
  /** Bytes of body written when the answer came. */
  sentAtResponse?: number;
  /** Bytes of body written in all (the server may cut the connection before the whole body). */
  sent: number;
  /** How the sending ended, when not by the whole body being written. */
  error?: string;
  ms: number;
}

/**
 * POSTs a body of `bytes` bytes, chunked (so the server cannot know its size from a header unless
 * `contentLength` is set), over a plain socket to 127.0.0.1 only, with backpressure and a time limit.
 * One 1 MB buffer is written again and again. By default the sending stops at the server's answer;
 * `keepSending` goes on, as an attacker would, until the body is written or the server hangs up.
 */
export function sendLargeBody(
  url: string,
  options: {
    bytes: number;
    timeoutMs: number;
    headers?: Record<string, string>;
    keepSending?: boolean;
    contentLength?: boolean;
  },
): Promise<LargeBodyResult> {
  const target = new URL(url);
  if (target.hostname !== "127.0.0.1") throw new Error(`large bodies go to 127.0.0.1 only, not ${target.hostname}`);
  const chunk = Buffer.alloc(1 << 20, "a");
  const framing = options.contentLength ? `Content-Length: ${options.bytes}` : "Transfer-Encoding: chunked";
  const extra = Object.entries(options.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("");
  const head =
    `POST ${target.pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
    `${framing}\r\n${extra}\r\n`;
  const started = performance.now();
  return new Promise((resolve) => {
    const result: LargeBodyResult = { sent: 0, ms: 0 };
    let received = "";
    let done = false;
    const socket = connect({ host: "127.0.0.1", port: Number(target.port) });
    const finish = (error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) result.error = error;
      result.ms = performance.now() - started;
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish("timeout"), options.timeoutMs);
    socket.on("data", (data: Buffer) => {
      if (result.status !== undefined) return;
      received += data.toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (!status) return;
      result.status = Number(status[1]);
      result.sentAtResponse = result.sent;
      if (!options.keepSending || result.sent >= options.bytes) finish();
    });
    socket.on("error", (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    socket.on("close", () => finish(result.sent < options.bytes ? "closed by the server" : undefined));
    const write = (data: Buffer | string) => socket.write(data);
    const pump = () => {
      while (!done && result.sent < options.bytes) {
        const n = Math.min(chunk.length, options.bytes - result.sent);
        const body = n === chunk.length ? chunk : chunk.subarray(0, n);
        if (!options.contentLength) write(`${n.toString(16)}\r\n`);
        let more = write(body);
        if (!options.contentLength) more = write("\r\n");
        result.sent += n;
        if (!more) return void socket.once("drain", pump);
      }
      if (!done && !options.contentLength) write("0\r\n\r\n");
      if (!done && result.status !== undefined) finish();
    };
    socket.once("connect", () => {
      write(head);
      pump();
    });
  });
}

/** A process's resident memory in MB, from /proc (Linux). */
export async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}
