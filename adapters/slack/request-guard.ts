/**
 * A guard in front of Bolt's HTTPReceiver, for the requests it cannot be trusted with. Bolt 4.7
 * reads a request's whole body (raw-body, no limit) before checking its signature: an unsigned
 * 400 MB POST took the bot from 87 MB to 2 GB. It accepts a timestamp any distance in the future,
 * and a signed body of JSON `null` reaches `body.ssl_check` and leaves the request unanswered.
 * (Bolt 5.1 added a `bodyLimit` option; the other two are checked here either way.)
 *
 * Requests to the events path are read here, up to the cap, then checked: the timestamp within five
 * minutes either way, the signature (Bolt's own check), the body an object. Bolt then gets the body
 * already read: its receiver uses a `rawBody` it finds on the request instead of reading again.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import type { Logger } from "@slack/bolt";
import { z } from "zod";

/** Slack's own payloads are far below this (a message's text is at most 40,000 characters). */
export const MAX_BODY_BYTES = 1 << 20;
/** How far a request's timestamp may be from now, either way, as Slack asks apps to check. */
export const MAX_CLOCK_SKEW_S = 5 * 60;
/** After a 413, what still comes is dropped this long (so the sender reads the answer), then the connection is cut. */
const DRAIN_MS = 1000;

type SignedHeaders = { "x-slack-signature": string; "x-slack-request-timestamp": number };

export interface GuardOptions {
  signingSecret: string;
  path: string;
  logger: Logger;
  /** Bolt's verifySlackRequest: throws unless the signature is right (and the timestamp not too old). */
  verify: (options: { signingSecret: string; body: string; headers: SignedHeaders }) => void;
  maxBodyBytes?: number;
}

const Timestamp = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform(Number);
const Signature = z.string().min(1).max(200);
/** Every event, command and action Slack sends is an object; Bolt reads fields of it at once. */
const Payload = z.looseObject({});

function answer(res: ServerResponse, status: number, text: string, close = false): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...(close ? { connection: "close" } : {}) });
  res.end(`${text}\n`);
}

/** Answers 413 at once and stops keeping the body: what still comes is dropped, briefly, then the connection is cut. */
function tooLarge(req: IncomingMessage, res: ServerResponse, max: number): void {
  answer(res, 413, `request body over ${max} bytes`);
  req.removeAllListeners("data");
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), DRAIN_MS);
  timer.unref();
  req.socket.once("close", () => clearTimeout(timer));
}

/** The body, or undefined when it was too large (answered 413) or the sender went away. */
function readCapped(req: IncomingMessage, res: ServerResponse, max: number): Promise<Buffer | undefined> {
  if (Number(req.headers["content-length"]) > max) {
    tooLarge(req, res, max);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size < 0) return;
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      size = -1;
      chunks.length = 0;
      tooLarge(req, res, max);
      resolve(undefined);
    });
    req.on("end", () => resolve(size < 0 ? undefined : Buffer.concat(chunks)));
    req.on("error", () => resolve(undefined));
  });
}

/** The body as Bolt will parse it (HTTPModuleFunctions.parseHTTPRequestBody), or undefined when it will not parse. */
function parsed(text: string, contentType: string | undefined): unknown {
  try {
    if (contentType === "application/x-www-form-urlencoded") {
      const form = parseQuery(text);
      return typeof form.payload === "string" ? JSON.parse(form.payload) : form;
    }
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Why a read request may not go on to Bolt, as [status, reason], or undefined when it may. */
function refusal(req: IncomingMessage, text: string, options: GuardOptions): [number, string] | undefined {
  const contentType = req.headers["content-type"];
  // Slack's unsigned SSL check: Bolt answers it, and keeps nothing of the body but the flag.
  if (contentType === "application/x-www-form-urlencoded" && parseQuery(text).ssl_check === "1") return undefined;
  const timestamp = Timestamp.safeParse(req.headers["x-slack-request-timestamp"]);
  const signature = Signature.safeParse(req.headers["x-slack-signature"]);
  if (!timestamp.success || !signature.success) return [401, "unsigned request"];
  const skew = Math.abs(Date.now() / 1000 - timestamp.data);
  if (skew > MAX_CLOCK_SKEW_S) return [401, "timestamp more than 5 minutes from now"];
  try {
    options.verify({
      signingSecret: options.signingSecret,
      body: text,
      headers: { "x-slack-signature": signature.data, "x-slack-request-timestamp": timestamp.data },
    });
  } catch {
    return [401, "signature mismatch"];
  }
  const payload = Payload.safeParse(parsed(text, contentType));
  if (!payload.success) return [400, "signed body is not a Slack payload (an object)"];
  return undefined;
}

/** Wraps Bolt's request listener: the events path goes through the checks above, everything else straight on. */
export function guardSlackRequests(next: RequestListener, options: GuardOptions): RequestListener {
  const max = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return (req, res) => {
    let path: string | undefined;
    try {
      path = new URL(req.url ?? "/", "http://localhost").pathname;
    } catch {
      path = undefined;
    }
    // Bolt answers other paths and methods itself (its errors are thrown synchronously, to its handler).
    if (req.method !== "POST" || path !== options.path) return next(req, res);
    void readCapped(req, res, max).then((body) => {
      if (!body) {
        if (res.statusCode === 413) options.logger.warn(`refused a request to ${path}: body over ${max} bytes`);
        return;
      }
      const refused = refusal(req, body.toString("utf8"), options);
      if (refused) {
        options.logger.warn(`refused a request to ${path}: ${refused[1]}`);
        return answer(res, refused[0], refused[1]);
      }
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
      try {
        next(req, res);
      } catch (error) {
        options.logger.error(`could not hand a request to ${path} to Bolt:`, error);
        answer(res, 500, "internal error");
      }
    });
  };
}
