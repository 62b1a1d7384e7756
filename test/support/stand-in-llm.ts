import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in model server on 127.0.0.1 that speaks the three wire formats the LLM planner's
 * LangChain clients use — OpenAI chat completions (`POST /v1/chat/completions`, also what vLLM and
 * llama.cpp serve), Ollama (`POST /api/chat`, streamed as NDJSON) and Anthropic messages
 * (`POST /v1/messages`) — and answers each request with the reply the test scripted. It records
 * every request it received, so tests can check what left the process.
 */
export type ScriptedReply =
  /** The reply's text (a JSON plan, or junk). */
  | { text: string }
  /** A tool call whose arguments are this value. */
  | { toolArgs: unknown }
  /** OpenAI's refusal field, with no content. */
  | { refusal: string }
  /** An HTTP error status with a JSON error body. */
  | { status: number }
  /** Wait this long before answering with `then` (or until the client goes away). */
  | { delayMs: number; then: ScriptedReply };

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
  /** The raw body, to search for what must (not) have been sent. */
  raw: string;
  /** Set when the client closed the connection before the reply was sent. */
  aborted: boolean;
}

export const USAGE = { input: 1234, output: 56 };

export interface StandIn {
  /** http://127.0.0.1:PORT */
  url: string;
  requests: ReceivedRequest[];
  /** The reply to every following request (until set again). */
  reply(next: ScriptedReply): void;
  close(): Promise<void>;
}

export async function startStandIn(): Promise<StandIn> {
  const requests: ReceivedRequest[] = [];
  let scripted: ScriptedReply = { text: "" };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const received: ReceivedRequest = { path: req.url ?? "", headers: req.headers, body, raw, aborted: false };
      requests.push(received);
      res.on("close", () => {
        if (!res.writableFinished) received.aborted = true;
      });
      void answer(req, res, scripted);
    });
  });

  async function answer(req: IncomingMessage, res: ServerResponse, reply: ScriptedReply): Promise<void> {
    if ("delayMs" in reply) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reply.delayMs);
        res.on("close", () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (res.destroyed) return;
      return answer(req, res, reply.then);
    }
    if ("status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "stand-in server error", type: "server_error" } }));
      return;
    }
    const path = req.url ?? "";
    if (path.endsWith("/chat/completions")) return openAi(res, reply);
    if (path.endsWith("/api/chat")) return ollama(res, reply);
    if (path.endsWith("/v1/messages")) return anthropic(res, reply);
    res.writeHead(404).end();
  }

  function openAi(res: ServerResponse, reply: Exclude<ScriptedReply, { status: number } | { delayMs: number }>) {
    const message =
      "toolArgs" in reply
        ? {
            role: "assistant",
            content: null,
            refusal: null,
            tool_calls: [
              {
                id: "call_1",
                type: "function",
                function: { name: "query_plan", arguments: JSON.stringify(reply.toolArgs) },
              },
            ],
          }
        : "refusal" in reply
          ? { role: "assistant", content: null, refusal: reply.refusal }
          : { role: "assistant", content: reply.text, refusal: null };
    json(res, {
      id: "chatcmpl-standin",
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: "test-model",
      choices: [{ index: 0, message, finish_reason: "toolArgs" in reply ? "tool_calls" : "stop", logprobs: null }],
      usage: { prompt_tokens: USAGE.input, completion_tokens: USAGE.output, total_tokens: USAGE.input + USAGE.output },
    });
  }

  function ollama(res: ServerResponse, reply: Exclude<ScriptedReply, { status: number } | { delayMs: number }>) {
    const message =
      "toolArgs" in reply
        ? {
            role: "assistant",
            content: "",
            tool_calls: [{ function: { name: "query_plan", arguments: reply.toolArgs } }],
          }
        : { role: "assistant", content: "refusal" in reply ? "" : reply.text };
    const created_at = new Date().toISOString();
    res.writeHead(200, { "content-type": "application/x-ndjson" });
    // Streamed as Ollama streams: the message, then a last line with the token counts.
    res.write(`${JSON.stringify({ model: "test-model", created_at, message, done: false })}\n`);
    const last = {
      model: "test-model",
      created_at,
      message: { role: "assistant", content: "" },
      done: true,
      done_reason: "stop",
      prompt_eval_count: USAGE.input,
      eval_count: USAGE.output,
    };
    res.end(`${JSON.stringify(last)}\n`);
  }

  function anthropic(res: ServerResponse, reply: Exclude<ScriptedReply, { status: number } | { delayMs: number }>) {
    const content =
      "toolArgs" in reply
        ? [{ type: "tool_use", id: "toolu_1", name: "query_plan", input: reply.toolArgs }]
        : [{ type: "text", text: "refusal" in reply ? reply.refusal : reply.text }];
    json(res, {
      id: "msg_standin",
      type: "message",
      role: "assistant",
      model: "test-model",
      content,
      stop_reason: "toolArgs" in reply ? "tool_use" : "end_turn",
      stop_sequence: null,
      usage: { input_tokens: USAGE.input, output_tokens: USAGE.output },
    });
  }

  function json(res: ServerResponse, body: unknown) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply(next) {
      scripted = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The text of every message a request carried (OpenAI, Ollama and Anthropic shapes). */
export function messageTexts(request: ReceivedRequest): string[] {
  const out: string[] = [];
  const system = request.body.system;
  if (typeof system === "string") out.push(system);
  else if (Array.isArray(system)) for (const part of system as { text?: string }[]) if (part.text) out.push(part.text);
  for (const m of (request.body.messages ?? []) as { content: unknown }[]) {
    if (typeof m.content === "string") out.push(m.content);
    else if (Array.isArray(m.content)) {
      for (const part of m.content as { text?: string }[]) if (part.text) out.push(part.text);
    }
  }
  return out;
}
