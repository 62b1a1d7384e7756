import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request that reached the stand-in Discord REST API. */
export interface DiscordCall {
  method: string;
  path: string;
  at: number;
  json?: unknown;
  /** multipart/form-data parts by field name (payload_json, files[0], ...). */
  parts: Map<string, { filename?: string; contentType?: string; data: Buffer }>;
}

/** The message object Discord returns for a sent or edited message. */
function message(id: string, channelId: string, authorId: string) {
  return {
    id,
    channel_id: channelId,
    type: 0,
    content: "",
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0,
    components: [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    author: {
      id: authorId,
      username: "connectome-chat",
      discriminator: "0",
      global_name: null,
      avatar: null,
      bot: true,
    },
  };
}

function parseMultipart(body: Buffer, contentType: string): DiscordCall["parts"] {
  const parts: DiscordCall["parts"] = new Map();
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return parts;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // after CRLF, before CRLF
    const split = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, split).toString("utf8");
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (name) {
      parts.set(name, {
        filename: /filename="([^"]*)"/.exec(headers)?.[1],
        contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1],
        data: part.subarray(split + 4),
      });
    }
    start = next;
  }
  return parts;
}

/**
 * A stand-in for Discord's REST API on loopback: it records every call and answers the ones the
 * bot makes (interaction callbacks, webhook edits, channel messages, typing, command registration).
 */
export class DiscordStandIn {
  readonly calls: DiscordCall[] = [];
  private server?: Server;
  private seq = 0;
  private waiters: { match: (c: DiscordCall) => boolean; resolve: (c: DiscordCall) => void }[] = [];

  constructor(private readonly botId: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  /** The first call (already made or still to come) that matches. */
  waitFor(match: (c: DiscordCall) => boolean, timeoutMs = 10_000): Promise<DiscordCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no such call reached the stand-in Discord API")), timeoutMs);
      this.waiters.push({ match, resolve: (c) => (clearTimeout(timer), resolve(c)) });
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: import("node:http").ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const type = req.headers["content-type"] ?? "";
    const path = (req.url ?? "").split("?")[0]!;
    const call: DiscordCall = {
      method: req.method ?? "",
      path,
      at: performance.now(),
      json: type.includes("application/json") && body.length ? JSON.parse(body.toString("utf8")) : undefined,
      parts: type.includes("multipart/form-data") ? parseMultipart(body, type) : new Map(),
    };
    if (call.parts.has("payload_json")) call.json = JSON.parse(call.parts.get("payload_json")!.data.toString("utf8"));
    this.calls.push(call);
    this.waiters = this.waiters.filter((w) => (w.match(call) ? (w.resolve(call), false) : true));

    const send = (status: number, payload?: unknown) => {
      res.writeHead(status, payload === undefined ? {} : { "content-type": "application/json" });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    let m: RegExpExecArray | null;
    if (/\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)) return send(204);
    if ((m = /\/webhooks\/[^/]+\/[^/]+\/messages\/(@|%40)original$/.exec(path)))
      return send(200, message(`reply-${++this.seq}`, "0", this.botId));
    if ((m = /\/channels\/([^/]+)\/typing$/.exec(path))) return send(204);
    if ((m = /\/channels\/([^/]+)\/messages$/.exec(path)))
      return send(200, message(`msg-${++this.seq}`, m[1]!, this.botId));
    if (/\/applications\/[^/]+(\/guilds\/[^/]+)?\/commands$/.test(path) && req.method === "PUT") return send(200, []);
    send(404, { message: "Unknown route", code: 0 });
  }
}
