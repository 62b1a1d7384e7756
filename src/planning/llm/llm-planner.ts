import type { Planner } from "../../answers/chat.js";
import { canonicalPlan } from "../canonical-plan.js";
import { SqlRefused } from "../../querying/sql-guard.js";
import { QueryPlan, type PlannerResult } from "../plan.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";
import { judgeOffline, planIds, planTypes, type Verdict } from "./confidence.js";
import { planDoubt } from "./question-check.js";
import type { ExampleIndex } from "./examples.js";
import { describeFailure, issue, ModelFailure, replyOf, TimeLimit } from "./model-reply.js";
import { planShapeProblem } from "../plan-check.js";
import type { ModelReplyShape, PromptBuilder, PromptMessage } from "./prompt.js";
import type { ModelReply, PlanModel } from "./providers.js";
import { checkModelSql } from "./sql-check.js";

type PlanResult = Awaited<ReturnType<Planner["plan"]>>;
type Tokens = { input?: number; output?: number };
/** A reading of the question without the words the offline reader did not understand, and its plan. */
type Without = { text: string; plan: string };

export interface LlmPlannerOptions {
  /** The offline reader (asked first; its safety checks refuse before any model sees a question). */
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

/**
 * The offline reader first, a language model for what it cannot read (see confidence.ts for the
 * rule), and the offline result (or a question back) whenever the model fails: a time-out, an HTTP
 * error, a refusal, or a reply that is not a valid plan. A model's plan is held to the same zod
 * schema as any plan and to the forms each dimension takes (plan-check.ts), then to the vocabulary
 * (cell types and m-types that exist, names read as the vocabulary reads them), to the question
 * (every id it names was written in the question or the conversation, every number of the question
 * is used, its measure fits the question's form, and it is not the reading that leaves out the
 * words the reader did not understand), and a free-form SQL plan to the SQL gate (sql-check.ts).
 * The answer says in one line (`note`) when the model planned it, and when it was asked but did not.
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
    const without = await this.readingsWithout(verdict, lastPlan);

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
      const { plan, note } = this.accept(reply, question, lastPlan, verdict, without);
      const modelMs = ms(started);
      this.log(`connectome-chat planner: ${this.name} (${planLabel(plan)}), model ${modelMs} ms, ${fmtTokens(tokens)}`);
      return { type: "plan", plan, confidence: 0.7, planner: this.name, modelMs, ...(tokens ? { tokens } : {}), note };
    } catch (error) {
      failure = describeFailure(error, this.o.timeoutMs);
    }
    const modelMs = ms(started);
    const fallback = this.fallback(offline, verdict, failure);
    this.log(
      `connectome-chat planner: offline (${fallback.type}) after ${this.name} failed: ${failure}; ` +
        `model ${modelMs} ms, ${fmtTokens(tokens)}`,
    );
    return { ...fallback, planner: "offline", modelMs, ...(tokens ? { tokens } : {}) };
  }

  /**
   * The reader's plans of its own suggestions: the question without the words it did not
   * understand. A model plan equal to one of them took those words for nothing.
   */
  private async readingsWithout(verdict: Verdict, lastPlan?: QueryPlan): Promise<Without[]> {
    if (verdict.kind !== "unread") return [];
    const out: Without[] = [];
    for (const text of verdict.without) {
      const result = await this.o.offline.plan(text, lastPlan);
      if (result.type === "plan") out.push({ text, plan: canonicalPlan(result.plan) });
    }
    return out;
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
  private accept(
    reply: ModelReply,
    question: string,
    lastPlan: QueryPlan | undefined,
    verdict: Verdict,
    without: Without[],
  ): { plan: QueryPlan; note: string } {
    const r = replyOf(reply);
    const parsed = QueryPlan.safeParse(r.plan);
    if (!parsed.success) throw new ModelFailure(`the model's plan is not valid (${issue(parsed.error)})`);
    let plan = parsed.data;
    const shape = planShapeProblem(plan);
    if (shape) throw new ModelFailure(`the model's plan is not valid (${shape})`);
    const types = planTypes(plan);
    this.checkNames(types, r.names);
    // Against the question: ids come from the person, never from the model.
    const known = `${question} ${lastPlan ? JSON.stringify(lastPlan) : ""}`;
    const invented = planIds(plan).find((id) => !known.includes(id.replace(/^0+(?=\d)/, "")));
    if (invented) throw new ModelFailure(`the model's plan names the id ${invented}, which is not in the question`);
    // Free-form SQL passes the gate before anything else is asked of it: a write is refused as one.
    if (plan.kind === "sql") {
      if (verdict.kind === "names") {
        throw new ModelFailure("the model answered a question about a name with free-form SQL");
      }
      try {
        plan = { ...plan, sql: checkModelSql(plan.sql) };
      } catch (error) {
        if (error instanceof SqlRefused) throw new ModelFailure(`the model's SQL was refused: ${error.message}`);
        throw error;
      }
    }
    // The reader's own reading without the words it did not understand took them for nothing.
    const dropped = without.find((w) => w.plan === canonicalPlan(plan));
    if (dropped) {
      const reading = `the reading of "${dropped.text}"`;
      throw new ModelFailure(`the model's plan is ${reading}, which leaves out words of the question`);
    }
    // The form checks the offline reading gets, for every plan a model proposes.
    const doubt = planDoubt(question, plan, this.o.vocabulary);
    if (doubt) throw new ModelFailure(`the model's plan does not fit the question: ${doubt}`);

    if (plan.kind === "sql") {
      const note =
        `Planned by the language model (${this.name}) as free-form SQL, checked to be one read-only SELECT ` +
        "over the documented tables.";
      return { plan, note };
    }
    if (verdict.kind === "names") {
      return { plan, note: nameNote(verdict, r.names, [...types.cellTypes, ...types.mtypes], this.name) };
    }
    return { plan, note: `Planned by the language model (${this.name}).` };
  }

  /** Names that exist in the vocabulary, and a name it knows exactly read its way. */
  private checkNames(types: { cellTypes: string[]; mtypes: string[] }, names: ModelReplyShape["names"]): void {
    const vocab = this.o.vocabulary.file;
    const badType =
      types.cellTypes.find((t) => !vocab.cellTypes.some((e) => e.value === t)) ??
      types.mtypes.find((t) => !vocab.mtypes.some((e) => e.value === t));
    if (badType !== undefined) {
      throw new ModelFailure(`the model's plan names "${clip(badType)}", which is not in the vocabulary`);
    }
    for (const reading of names ?? []) {
      const term = this.o.vocabulary.exactMatch(reading.text);
      const allowed =
        term?.kind === "cell_type" || term?.kind === "mtype"
          ? [term.value]
          : term?.kind === "ambiguous"
            ? term.options
            : undefined;
      const wrong = allowed && reading.values.find((v) => !allowed.includes(v));
      if (wrong) {
        const vocabularyReading = allowed.join(" or ");
        const read = `the model read "${clip(reading.text)}" as ${clip(wrong)}`;
        throw new ModelFailure(`${read}, but the vocabulary reads it as ${vocabularyReading}`);
      }
    }
  }

  /**
   * What is said when the model gave nothing usable: the offline planner's own result, unless it
   * was a plan in doubt (it may have missed part of the question), which becomes a question back,
   * never a possibly wrong number.
   */
  private fallback(offline: PlannerResult, verdict: Verdict, failure: string): PlannerResult & { note: string } {
    const note = `The language model (${this.name}) was not used: ${failure}.`;
    if (offline.type === "plan" && verdict.kind === "doubt") {
      const message = `I'm not sure I read that right: ${verdict.reason}. Could you rephrase it?`;
      return { type: "clarify", message, suggestions: [], note };
    }
    return { ...offline, note: offline.type === "plan" ? `${note} Answered by the offline planner.` : note };
  }
}

/**
 * The unclear name must be resolved to vocabulary values among its candidates, and used; the note
 * says how it was read.
 */
function nameNote(
  verdict: Extract<Verdict, { kind: "names" }>,
  names: ModelReplyShape["names"],
  used: string[],
  model: string,
): string {
  const name = verdict.text.toLowerCase();
  const reading = names?.find((n) => n.text.toLowerCase().includes(name) || name.includes(n.text.toLowerCase()));
  if (!reading) throw new ModelFailure(`the model did not say how it read "${verdict.text}"`);
  const outside = reading.values.find((v) => !verdict.options.includes(v));
  if (outside) {
    const options = verdict.options.join(", ");
    throw new ModelFailure(`the model read "${verdict.text}" as ${clip(outside)}, which is not one of ${options}`);
  }
  if (!reading.values.every((v) => used.includes(v))) {
    throw new ModelFailure(`the model's plan does not use its reading of "${verdict.text}"`);
  }
  return `Read "${verdict.text}" as ${andList(reading.values)} (language model ${model}).`;
}

/** "cells count plan", "lookup plan", "sql plan": what kind of plan, for the log line. */
const planLabel = (plan: QueryPlan) =>
  plan.kind === "query" ? `${plan.source} ${plan.measure.fn} plan` : `${plan.kind} plan`;

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
const ms = (started: number) => Math.round(performance.now() - started);
const fmtTokens = (t?: Tokens) => (t ? `${t.input ?? "?"} tokens in, ${t.output ?? "?"} out` : "tokens unknown");
const andList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
