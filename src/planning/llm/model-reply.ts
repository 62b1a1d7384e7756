import { ModelReplyShape } from "./prompt.js";
import type { ModelReply } from "./providers.js";

/**
 * A model's reply, read: its JSON (from a tool call or from text with chatter around it), the
 * envelope around the plan, and why a call failed, in a few words for the answer's note. The
 * model's own words never reach the person: only what the program found.
 */

/** Why a model call did not give a usable plan, in a few words for the answer's note. */
export class ModelFailure extends Error {}
export class TimeLimit extends Error {}

/** The reply's envelope: a plan (still to be checked), how names were read, or a ModelFailure. */
export function replyOf(reply: ModelReply): ModelReplyShape {
  if (reply.refusal) throw new ModelFailure("the model refused");
  const json = withoutNulls(parseJson(reply));
  // A bare plan (small models often leave out the envelope) is read as {"plan": ...}.
  const envelope = json && typeof json === "object" && "kind" in json ? { plan: json } : json;
  const shape = ModelReplyShape.safeParse(envelope);
  if (!shape.success) throw new ModelFailure(`the model's reply is not a plan (${issue(shape.error)})`);
  // The model's own words are not passed on: only what the program checked reaches the person.
  if (shape.data.plan === undefined) {
    const declined = shape.data.cannotAnswer !== undefined;
    throw new ModelFailure(declined ? "the model said it cannot plan this question" : "the model's reply has no plan");
  }
  return shape.data;
}

/** The JSON of a reply: the tool call's arguments, or the text (code fences and chatter around it tolerated). */
function parseJson(reply: ModelReply): unknown {
  if (reply.toolArgs === undefined) return parseText(reply.text);
  return typeof reply.toolArgs === "string" ? parseText(reply.toolArgs) : reply.toolArgs;
}

function parseText(text: string): unknown {
  const t = text.trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(t)?.[1];
  const braced = t.includes("{") ? t.slice(t.indexOf("{"), t.lastIndexOf("}") + 1) : undefined;
  const candidates = [t, fenced, braced];
  for (const c of candidates) {
    if (!c) continue;
    try {
      return JSON.parse(c);
    } catch {
      // the next candidate
    }
  }
  throw new ModelFailure(t ? "the model's reply is not JSON" : "the model's reply is empty");
}

/** Models often write null for "not set": drop those keys (a null means absent, nothing else). */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (!v || typeof v !== "object") return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== null)
      .map(([k, x]) => [k, withoutNulls(x)]),
  );
}

type Issue = { path: PropertyKey[]; message: string; code?: string; errors?: Issue[][] };

/**
 * The first problem of a reply, in a few words. For the plan union, zod reports "invalid input"
 * with one list of issues per kind: the kind the reply named (no issue at `kind`) is the one that
 * says what is wrong.
 */
export function issue(error: { issues: Issue[] }): string {
  let first = error.issues[0];
  let prefix: PropertyKey[] = [];
  while (first?.code === "invalid_union" && first.errors?.length) {
    const branch = first.errors.find((b) => !b.some((i) => i.path[0] === "kind")) ?? first.errors[0]!;
    prefix = [...prefix, ...first.path];
    first = branch[0];
  }
  if (!first) return "unknown problem";
  const path = [...prefix, ...first.path];
  return `${path.length ? `${path.map(String).join(".")}: ` : ""}${first.message}`.slice(0, 160);
}

/** A failure in a few words; never the provider's message text (it may quote a key or the prompt). */
export function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof ModelFailure) return oneLine(error.message);
  if (error instanceof TimeLimit) return `no reply within ${timeoutMs / 1000} s`;
  const e = error as {
    name?: string;
    status?: number;
    status_code?: number;
    code?: string;
    cause?: { code?: string };
    message?: string;
  };
  if (e?.name === "AbortError" || e?.name === "TimeoutError") return `no reply within ${timeoutMs / 1000} s`;
  const status = e?.status ?? e?.status_code;
  if (typeof status === "number") {
    return `the provider answered HTTP ${status}${HTTP_HINTS[status] ?? ""}`;
  }
  // The OpenAI client parses a json_schema reply itself: junk text fails there, as a SyntaxError.
  if (error instanceof SyntaxError) return "the model's reply is not JSON";
  if (e?.name === "LengthFinishReasonError") return "the reply was cut off at the token limit";
  if (e?.name === "ContentFilterFinishReasonError") return "the provider's content filter stopped the reply";
  const code = e?.code ?? e?.cause?.code;
  if (code && /^E[A-Z]+$/.test(code)) return `could not reach the provider (${code})`;
  if (/fetch failed|connection error/i.test(e?.message ?? "")) return "could not reach the provider";
  return `the request failed (${e?.name ?? "error"})`;
}

const HTTP_HINTS: Record<number, string> = {
  401: " (check the API key)",
  403: " (check the API key)",
  404: " (check the model name and base URL)",
  429: " (rate limit or quota)",
};

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 240);
