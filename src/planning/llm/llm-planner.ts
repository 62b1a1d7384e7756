import type { Planner } from "../../answers/chat.js";
import { SqlRefused } from "../../querying/sql-guard.js";
import { QueryPlan, type PlannerResult } from "../plan.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";
import { judgeOffline, planIds, planTypes, unusedNumbers, type Verdict } from "./confidence.js";
import type { ExampleIndex } from "./examples.js";
import { ModelReplyShape, type PromptBuilder, type PromptMessage } from "./prompt.js";
import type { ModelReply, PlanModel } from "./providers.js";
import { checkModelSql } from "./sql-check.js";

type PlanResult = Awaited<ReturnType<Planner["plan"]>>;
type Tokens = { input?: number; output?: number };

export interface LlmPlannerOptions {
  /** The offline planner (asked first; its safety checks refuse before any model sees a question). */
  offline: { plan(question: string, lastPlan?: QueryPlan): Promise<PlannerResult> };
  vocabulary: Vocabulary;
  model: PlanModel;
  prompt: PromptBuilder;
  examples: ExampleIndex;
  /** Examples per prompt. */
  k: number;
  timeoutMs: number;
  /** One line per question (default: stderr). Never given keys, questions or table rows. */
  log?: (line: string) => void;
}

/** Why a model call did not give a usable plan, in a few words for the answer's note. */
class ModelFailure extends Error {}
class TimeLimit extends Error {}

/**
 * The offline planner first, a language model for what it cannot read (see confidence.ts for the
 * rule), and the offline result (or a question back) whenever the model fails: a time-out, an HTTP
 * error, a refusal, or a reply that is not a valid plan. A model's plan is held to the same zod
 * schema as any plan, then to the vocabulary (cell types and m-types that exist), to the question
 * (every id it names was written in the question or the conversation), and a free-form SQL plan to
 * the SQL gate (sql-check.ts). The answer says in one line (`note`) when the model planned it, and
 * when it was asked but did not.
 */
export class LlmPlanner implements Planner {
  readonly name: string;
  private readonly log: (line: string) => void;

  constructor(private readonly o: LlmPlannerOptions) {
    this.name = o.model.label;
    this.log = o.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  async plan(question: string, lastPlan?: QueryPlan): Promise<PlanResult> {
    const offline = await this.o.offline.plan(question, lastPlan);
    const verdict = judgeOffline(question, offline, this.o.vocabulary);
    if (verdict.kind === "final") {
      this.log(`connectome-chat planner: offline (${offline.type}); ${this.name} not asked`);
      return { ...offline, planner: "offline" };
    }

    let started = performance.now();
    let tokens: Tokens | undefined;
    let failure: string;
    try {
      // Loading the provider's package (once, ~0.3 s) is neither model time nor inside the time limit.
      await this.o.model.prepare?.();
      started = performance.now();
      const examples = await this.o.examples.nearest(question, this.o.k);
      const reply = await this.invoke(this.o.prompt.messages(question, examples, lastPlan));
      tokens = reply.tokens;
      const { plan, note } = this.accept(reply, question, lastPlan, verdict);
      const modelMs = ms(started);
      this.log(`connectome-chat planner: ${this.name} (${plan.kind} plan), model ${modelMs} ms, ${fmtTokens(tokens)}`);
      return { type: "plan", plan, confidence: 0.7, planner: this.name, modelMs, ...(tokens ? { tokens } : {}), note };
    } catch (error) {
      failure = describeFailure(error, this.o.timeoutMs);
    }
    const modelMs = ms(started);
    const fallback = this.fallback(offline, verdict, failure);
    this.log(`connectome-chat planner: offline (${fallback.type}) after ${this.name} failed: ${failure}; model ${modelMs} ms, ${fmtTokens(tokens)}`);
    return { ...fallback, planner: "offline", modelMs, ...(tokens ? { tokens } : {}) };
  }

  /** Calls the model within the time limit; the request is aborted at the limit. */
  private async invoke(messages: PromptMessage[]): Promise<ModelReply> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new TimeLimit());
        controller.abort();
      }, this.o.timeoutMs);
    });
    try {
      return await Promise.race([this.o.model.invoke(messages, controller.signal), limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The model's reply as a checked plan, or a ModelFailure saying why not. */
  private accept(reply: ModelReply, question: string, lastPlan: QueryPlan | undefined, verdict: Verdict): { plan: QueryPlan; note: string } {
    if (reply.refusal) throw new ModelFailure("the model refused");
    const json = withoutNulls(parseJson(reply));
    // A bare plan (small models often leave out the envelope) is read as {"plan": ...}.
    const envelope = json && typeof json === "object" && "kind" in json ? { plan: json } : json;
    const shape = ModelReplyShape.safeParse(envelope);
    if (!shape.success) throw new ModelFailure(`the model's reply is not a plan (${issue(shape.error)})`);
    const r = shape.data;
    // The model's own words are not passed on: only what the program checked reaches the person.
    if (r.plan === undefined) throw new ModelFailure(r.cannotAnswer !== undefined ? "the model said it cannot plan this question" : "the model's reply has no plan");
    const parsed = QueryPlan.safeParse(r.plan);
    if (!parsed.success) throw new ModelFailure(`the model's plan is not valid (${issue(parsed.error)})`);
    let plan = parsed.data;

    // Against the vocabulary: names that exist.
    const vocab = this.o.vocabulary.file;
    const { cellTypes, mtypes } = planTypes(plan);
    const badType = cellTypes.find((t) => !vocab.cellTypes.some((e) => e.value === t)) ?? mtypes.find((t) => !vocab.mtypes.some((e) => e.value === t));
    if (badType !== undefined) throw new ModelFailure(`the model's plan names "${clip(badType)}", which is not in the vocabulary`);
    // Against the vocabulary's own readings: a name it knows exactly must be read its way.
    for (const reading of r.names ?? []) {
      const term = this.o.vocabulary.exactMatch(reading.text);
      const allowed = term?.kind === "cell_type" || term?.kind === "mtype" ? [term.value] : term?.kind === "ambiguous" ? term.options : undefined;
      const wrong = allowed && reading.values.find((v) => !allowed.includes(v));
      if (wrong) throw new ModelFailure(`the model read "${clip(reading.text)}" as ${clip(wrong)}, but the vocabulary reads it as ${allowed.join(" or ")}`);
    }
    // Against the question: ids come from the person, never from the model.
    const known = `${question} ${lastPlan ? JSON.stringify(lastPlan) : ""}`;
    const invented = planIds(plan).find((id) => !known.includes(id.replace(/^0+(?=\d)/, "")));
    if (invented) throw new ModelFailure(`the model's plan names the id ${invented}, which is not in the question`);

    if (plan.kind === "sql") {
      if (verdict.kind === "names") throw new ModelFailure("the model answered a question about a name with free-form SQL");
      try {
        plan = { ...plan, sql: checkModelSql(plan.sql) };
      } catch (error) {
        if (error instanceof SqlRefused) throw new ModelFailure(`the model's SQL was refused: ${error.message}`);
        throw error;
      }
      return { plan, note: `Planned by the language model (${this.name}) as free-form SQL, checked to be one read-only SELECT over the documented tables.` };
    }

    if (verdict.kind === "names") {
      // The unclear name must be resolved to vocabulary values among its candidates, and used.
      const name = verdict.text.toLowerCase();
      const reading = r.names?.find((n) => n.text.toLowerCase().includes(name) || name.includes(n.text.toLowerCase()));
      if (!reading) throw new ModelFailure(`the model did not say how it read "${verdict.text}"`);
      const outside = reading.values.find((v) => !verdict.options.includes(v));
      if (outside) throw new ModelFailure(`the model read "${verdict.text}" as ${clip(outside)}, which is not one of ${verdict.options.join(", ")}`);
      const used = new Set([...cellTypes, ...mtypes]);
      if (!reading.values.every((v) => used.has(v))) throw new ModelFailure(`the model's plan does not use its reading of "${verdict.text}"`);
      return { plan, note: `Read "${verdict.text}" as ${andList(reading.values)} (language model ${this.name}).` };
    }
    // A model's plan that leaves a number of the question unused is no better than the offline one.
    const unused = unusedNumbers(question, plan);
    if (unused.length) throw new ModelFailure(`the model's plan leaves out ${unused.join(", ")}`);
    return { plan, note: `Planned by the language model (${this.name}).` };
  }

  /**
   * What is said when the model gave nothing usable: the offline planner's own result, unless it
   * was a plan in doubt (it may have missed part of the question), which becomes a question back,
   * never a possibly wrong number.
   */
  private fallback(offline: PlannerResult, verdict: Verdict, failure: string): PlannerResult & { note: string } {
    const note = `The language model (${this.name}) was not used: ${failure}.`;
    if (offline.type === "plan" && verdict.kind === "doubt") {
      return { type: "clarify", message: `I'm not sure I read that right: ${verdict.reason}. Could you rephrase it?`, suggestions: [], note };
    }
    return { ...offline, note: offline.type === "plan" ? `${note} Answered by the offline planner.` : note };
  }
}

/** The JSON of a reply: the tool call's arguments, or the text (code fences and chatter around it tolerated). */
function parseJson(reply: ModelReply): unknown {
  if (reply.toolArgs !== undefined) return typeof reply.toolArgs === "string" ? parseText(reply.toolArgs) : reply.toolArgs;
  return parseText(reply.text);
}

function parseText(text: string): unknown {
  const t = text.trim();
  const candidates = [t, /```(?:json)?\s*([\s\S]*?)```/.exec(t)?.[1], t.includes("{") ? t.slice(t.indexOf("{"), t.lastIndexOf("}") + 1) : undefined];
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
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, withoutNulls(x)]));
  return v;
}

type Issue = { path: PropertyKey[]; message: string; code?: string; errors?: Issue[][] };

/**
 * The first problem of a reply, in a few words. For the plan union, zod reports "invalid input"
 * with one list of issues per kind: the kind the reply named (no issue at `kind`) is the one that
 * says what is wrong.
 */
function issue(error: { issues: Issue[] }): string {
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
  const e = error as { name?: string; status?: number; status_code?: number; code?: string; cause?: { code?: string }; message?: string };
  if (e?.name === "AbortError" || e?.name === "TimeoutError") return `no reply within ${timeoutMs / 1000} s`;
  const status = e?.status ?? e?.status_code;
  if (typeof status === "number") {
    const hint = status === 401 || status === 403 ? " (check the API key)" : status === 404 ? " (check the model name and base URL)" : status === 429 ? " (rate limit or quota)" : "";
    return `the provider answered HTTP ${status}${hint}`;
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

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 240);
const ms = (started: number) => Math.round(performance.now() - started);
const fmtTokens = (t?: Tokens) => (t ? `${t.input ?? "?"} tokens in, ${t.output ?? "?"} out` : "tokens unknown");
const andList = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);
