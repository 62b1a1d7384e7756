import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";

/**
 * A stand-in for Slack on 127.0.0.1, for the Slack adapter's tests: the Web API methods the bot
 * calls (at `${url}/api/`, given to the bot as SLACK_API_URL), the external upload URL that
 * files.uploadV2 posts bytes to, and response_url endpoints. It records every call — method,
 * parsed body (form-encoded with JSON values, JSON, or multipart), uploaded bytes — so a test can
 * check exactly what left the bot. Nothing here knows about connectome-chat.
 */
export interface ApiCall {
  /** "chat.postMessage", "files.getUploadURLExternal", …, or "upload" / "respond". */
  method: string;
  /** The parsed body; JSON-encoded values (blocks, files) are decoded. */
  body: Record<string, any>;
  headers: IncomingMessage["headers"];
  /** For "upload": the file's bytes, and the upload id from the URL. */
  bytes?: Buffer;
  fileId?: string;
  /** What the stand-in answered (e.g. the ts it gave a posted message). */
  response?: Record<string, any>;
  at: number;
}

/** A scripted failure for the next call(s) of a method: an HTTP status, or a Slack error code (ok: false). */
export type Failure = { status: number } | { error: string };

export interface SlackStandIn {
  url: string;
  /** SLACK_API_URL for the bot. */
  apiUrl: string;
  calls: ApiCall[];
  /** The next `times` calls of `method` fail as scripted. */
  fail(method: string, failure: Failure, times?: number): void;
  /** Calls of `method` (optionally matching `where`). */
  callsOf(method: string, where?: (call: ApiCall) => boolean): ApiCall[];
  /** Resolves with the first call of `method` matching `where`, recorded since `since` (ms, performance.now()). */
  waitFor(method: string, where?: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  /** What apps.connections.open answers: the WebSocket URL of a stand-in Socket Mode server. */
  socketUrl?: string;
  /** The URL to give as a slash command's response_url. */
  responseUrl(id: string): string;
  close(): Promise<void>;
}

export const BOT_USER_ID = "UBOT0001";
export const BOT_ID = "BBOT0001";

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: ApiCall[] = [];
  const failures = new Map<string, { failure: Failure; times: number }>();
  const waiters: { method: string; where: (c: ApiCall) => boolean; resolve: (c: ApiCall) => void }[] = [];
  let tsCounter = 0;
  let fileCounter = 0;
  let base = "";

  const record = (call: ApiCall) => {
    calls.push(call);
    for (const w of [...waiters]) {
      if (w.method === call.method && w.where(call)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  };

  const reply = (method: string, body: Record<string, any>): Record<string, unknown> => {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://lab.slack.com/",
          team: "Lab",
          user: "connectome-chat",
          team_id: "T0LAB",
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
        };
      case "chat.postMessage": {
        const ts = `1700000${String(++tsCounter).padStart(3, "0")}.000100`;
        return {
          ok: true,
          channel: body.channel,
          ts,
          message: { text: body.text, ts, thread_ts: body.thread_ts, bot_id: BOT_ID },
        };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: `1700000${String(++tsCounter).padStart(3, "0")}.000200` };
      case "files.getUploadURLExternal": {
        const fileId = `F${String(++fileCounter).padStart(6, "0")}`;
        return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
      }
      case "apps.connections.open":
        return standIn.socketUrl ? { ok: true, url: standIn.socketUrl } : { ok: false, error: "no_socket_server" };
      case "files.completeUploadExternal":
        return {
          ok: true,
          files: (body.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title })),
        };
      default:
        return { ok: true };
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (path.startsWith("/upload/")) {
        const fileId = path.slice("/upload/".length);
        const part = multipartFile(raw, String(req.headers["content-type"] ?? ""));
        record({ method: "upload", body: {}, headers: req.headers, bytes: part ?? raw, fileId, at: performance.now() });
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(`OK - ${raw.length}`);
        return;
      }
      if (path.startsWith("/respond/")) {
        record({
          method: "respond",
          body: { ...JSON.parse(raw.toString("utf8") || "{}"), id: path.slice("/respond/".length) },
          headers: req.headers,
          at: performance.now(),
        });
        send(200, { ok: true });
        return;
      }
      if (!path.startsWith("/api/")) return send(404, { ok: false, error: "unknown_path" });
      const method = path.slice("/api/".length);
      const body = parseBody(raw, String(req.headers["content-type"] ?? ""));
      const scripted = failures.get(method);
      if (scripted && scripted.times > 0) {
        scripted.times--;
        record({
          method,
          body: { ...body, failedWith: scripted.failure },
          headers: req.headers,
          at: performance.now(),
        });
        if ("status" in scripted.failure) return send(scripted.failure.status, { ok: false, error: "internal_error" });
        return send(200, { ok: false, error: scripted.failure.error });
      }
      const response = reply(method, body);
      record({ method, body, headers: req.headers, response, at: performance.now() });
      send(200, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn: SlackStandIn = {
    url: base,
    apiUrl: `${base}/api/`,
    calls,
    fail(method, failure, times = 1) {
      failures.set(method, { failure, times });
    },
    callsOf(method, where = () => true) {
      return calls.filter((c) => c.method === method && !c.body.failedWith && where(c));
    },
    waitFor(method, where = () => true, timeoutMs = 10_000) {
      const found = calls.find((c) => c.method === method && !c.body.failedWith && where(c));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          method,
          where: (c: ApiCall) => !c.body.failedWith && where(c),
          resolve: (c: ApiCall) => (clearTimeout(timer), resolve(c)),
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(
            new Error(
              `no ${method} call matching within ${timeoutMs} ms; calls so far: ${calls.map((c) => c.method).join(", ")}`,
            ),
          );
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    responseUrl: (id) => `${base}/respond/${id}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}

/** A Web API body: form-encoded (the WebClient's way, with JSON-encoded objects) or JSON. */
function parseBody(raw: Buffer, contentType: string): Record<string, any> {
  const text = raw.toString("utf8");
  if (!text) return {};
  if (contentType.includes("application/json")) return JSON.parse(text) as Record<string, any>;
  const form = parseQuery(text) as Record<string, string>;
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(form)) {
    out[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

const tryJson = (value: string) => {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

/** The bytes of the first file part of a multipart/form-data body. */
function multipartFile(raw: Buffer, contentType: string): Buffer | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const headerStart = at + delimiter.length + 2;
    const headerEnd = raw.indexOf("\r\n\r\n", headerStart);
    if (headerEnd < 0) return undefined;
    const next = raw.indexOf(delimiter, headerEnd);
    if (next < 0) return undefined;
    const headers = raw.subarray(headerStart, headerEnd).toString("utf8");
    if (/filename=/.test(headers)) return raw.subarray(headerEnd + 4, next - 2);
    at = next;
  }
  return undefined;
}

/** Signs a request body as Slack does (v0, HMAC-SHA256 of "v0:ts:body"). */
export function slackHeaders(
  body: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature };
}

/** POSTs to the bot as Slack would; resolves with the status, the body and how long the bot took to answer (the ack). */
export async function postToBot(
  url: string,
  body: string,
  contentType: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string; ackMs: number }> {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "content-type": contentType, ...headers }, body });
  const text = await response.text();
  return { status: response.status, text, ackMs: performance.now() - started };
}
