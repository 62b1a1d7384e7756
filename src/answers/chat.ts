import { resolve } from "node:path";
import { QueryPlan } from "../planning/plan.js";
import { OfflineReader } from "../planning/reader/reader.js";
import { Vocabulary } from "../planning/vocabulary/vocabulary.js";
import { readCatalog, type StoreCatalog } from "../querying/catalog.js";
import {
  compilePlan,
  MissingDataError,
  UnknownValueError,
  type CompileContext,
  type CompiledQuery,
} from "../querying/compile/index.js";
import { QueryExecutor, QueryTimeoutError } from "../querying/executor.js";
import { claimStatements, claimVerdict, saidOfRoot, typeClaims } from "./root-type-claims.js";
import { typeNamesInOrder } from "../querying/compile/order.js";
import { SqlRefused } from "../querying/sql-guard.js";
import { checkStoreForReading, fileIdentity } from "../store/store-file.js";
import type { Answer, AnswerStatus } from "./answer.js";
import { newConversation, type Conversation } from "./conversation.js";
import { loadGeometry } from "./geometry.js";
import { renderAnswerChart } from "./chart.js";
import { loadNeuroglancerConfig, NeuroglancerLinks, type NeuroglancerConfig } from "./neuroglancer/links.js";
import { idChecks } from "./id-checks.js";
import { CHOICE_EXPIRED } from "./choices.js";
import { Offers } from "./offers.js";
import { notInTablesMessage } from "./not-in-tables.js";
import { isOffTopicRefusal } from "../planning/offline/safety.js";
import { DEFAULT_VOCABULARY, type ChatOptions, type Planner } from "./chat-options.js";
import { directReply } from "./direct-replies.js";

// The options and the planner's shape live in chat-options.ts; they are exported from here too, where
// adapters and the planners (src/planning) have always found them.
export { DEFAULT_VOCABULARY, type ChatOptions, type Planner } from "./chat-options.js";

/**
 * The core every adapter calls: a question (and its thread's conversation) in, an Answer out.
 * It knows nothing of Slack, Discord or terminals.
 */
export class ConnectomeChat {
  private constructor(
    /** The store file the catalog was read from (see fileIdentity). */
    private store: string | undefined,
    private readonly ctx: CompileContext,
    private readonly executor: QueryExecutor,
    private readonly planner: Planner,
    private readonly plotDir: string,
    private readonly neuroglancer: NeuroglancerConfig,
    private readonly offers: Offers,
  ) {
    this.links = new NeuroglancerLinks(neuroglancer, ctx.catalog, executor);
  }

  /** Links into Neuroglancer for the cells of an answer (rebuilt when the store is swapped: its version may change). */
  private links: NeuroglancerLinks;

  static async open(options: ChatOptions): Promise<ConnectomeChat> {
    checkStoreForReading(options.dbPath);
    const store = fileIdentity(options.dbPath);
    const catalog = readCatalog(options.dbPath);
    const vocabulary = Vocabulary.load(options.vocabularyPath ?? DEFAULT_VOCABULARY);
    const offline = new OfflineReader(vocabulary);
    const offlinePlanner: Planner = { name: "offline", plan: (q, last) => offline.plan(q, last) };
    const planner = options.planner ? options.planner(offline, vocabulary) : offlinePlanner;
    const neuroglancer = options.neuroglancer ?? loadNeuroglancerConfig({ env: process.env });
    const executor =
      options.executor ??
      new QueryExecutor({
        dbPath: options.dbPath,
        workers: options.workers ?? 2,
        timeoutMs: options.timeoutMs,
        rowCap: options.rowCap,
      });
    const ctx: CompileContext = { catalog, vocabulary, geometry: loadGeometry() };
    // Offers are checked with the offline reader whatever the planner: what is offered must read without a model.
    const offers = new Offers(offline, ctx, executor, options.offers);
    return new ConnectomeChat(store, ctx, executor, planner, resolve(options.plotDir ?? "plots"), neuroglancer, offers);
  }

  /** What the store holds. */
  get catalog(): StoreCatalog {
    return this.ctx.catalog;
  }

  /**
   * An import renames a new store over the one being served; from the next question on, the plan
   * is checked against what the new store holds (the query processes reopen it on their own).
   */
  private reopenIfSwapped(): void {
    const now = fileIdentity(this.ctx.catalog.dbPath);
    if (now === undefined || now === this.store) return;
    this.ctx.catalog = readCatalog(this.ctx.catalog.dbPath);
    this.store = now;
    this.links = new NeuroglancerLinks(this.neuroglancer, this.ctx.catalog, this.executor);
  }

  newConversation(): Conversation {
    return newConversation();
  }

  async answer(question: string, conversation: Conversation = newConversation()): Promise<Answer> {
    const started = performance.now();
    const timings = { planMs: 0, queryMs: 0, totalMs: 0 } as Answer["timings"];
    const done = (answer: Omit<Answer, "timings">): Answer => {
      timings.totalMs = Math.round((performance.now() - started) * 10) / 10;
      const full: Answer = { suggestions: [], ...answer, timings };
      conversation.turns++;
      if (full.status === "answered" && full.sql !== undefined) conversation.lastAnswer = full;
      return full;
    };
    const reply = (status: AnswerStatus, text: string, extra: Partial<Answer> = {}) => done({ status, text, ...extra });

    try {
      this.reopenIfSwapped();
      const trimmed = question.trim();
      const direct = directReply(trimmed, conversation, this.ctx.catalog.dbPath);
      if (direct) return reply(...direct);

      const planStarted = performance.now();
      const result = await this.planner.plan(trimmed, conversation.lastPlan);
      timings.planMs = Math.round((performance.now() - planStarted) * 10) / 10;
      const plannerInfo = {
        name: result.planner ?? this.planner.name,
        ...(result.modelMs !== undefined ? { modelMs: result.modelMs } : {}),
        ...(result.tokens ? { tokens: result.tokens } : {}),
      };
      const reading = result.type === "refuse" ? undefined : result.reading;
      const context = reading?.context?.length
        ? `\nTaken as context, not as part of the question: ${reading.context.map((c) => `"${c}"`).join("; ")}.`
        : "";
      let note = (result.note ? `\n${result.note}` : "") + context;
      // Data the store does not hold (calcium traces, stimuli, running) is named with where it lives,
      // in place of "I did not understand" or "outside the connectome"; the status stays as it was.
      if (result.type === "refuse") {
        const lacking = isOffTopicRefusal(result.reason) ? notInTablesMessage(trimmed) : undefined;
        return reply("refused", (lacking ?? result.reason) + note, { planner: plannerInfo });
      }
      if (result.type === "clarify") {
        const lacking = reading?.unaccounted.length ? notInTablesMessage(trimmed, reading.unaccounted) : undefined;
        const offered = lacking
          ? {}
          : await this.timed(timings, () => this.offers.forQuestionBack(trimmed, result, conversation));
        const extra = { ...offered, planner: plannerInfo, ...(reading ? { reading } : {}) };
        return reply("clarify", (lacking ?? result.message) + note, extra);
      }

      const parsed = QueryPlan.safeParse(result.plan);
      if (!parsed.success) {
        const invalid = parsed.error.issues[0]?.message;
        const text = `I read the question into a plan that is not valid (${invalid}); please rephrase.${note}`;
        return reply("error", text, { planner: plannerInfo });
      }
      let plan = parsed.data;
      // ("the BC 8646…: max input syn size": a type said of one named root is checked, not a condition on it.)
      const claims = typeClaims(plan);
      const said = claims.claims.every((c) => saidOfRoot(trimmed, c, this.ctx.vocabulary));
      const claimChecks = claims.claims.length && said ? claimStatements(this.catalog, claims.claims) : undefined;
      if (claimChecks) {
        const verdict = claimVerdict(claims.claims, (await this.executor.run(claimChecks)).results);
        if ("message" in verdict) return reply("clarify", verdict.message + note, { planner: plannerInfo });
        plan = claims.plan;
        note = `\n${verdict.note}${note}`;
      }

      let compiled: CompiledQuery;
      try {
        compiled = compilePlan(this.ctx, plan);
      } catch (error) {
        if (error instanceof UnknownValueError) {
          // The known names stay in the text: they are names, not readings that could be asked as they stand.
          const known = error.suggestions.length ? ` Known: ${error.suggestions.join(", ")}.` : "";
          return reply("clarify", error.message + known, { planner: plannerInfo });
        }
        if (error instanceof MissingDataError) return reply("error", error.message, { planner: plannerInfo });
        if (error instanceof SqlRefused)
          return reply("refused", `The proposed SQL was refused: ${error.message}`, { planner: plannerInfo });
        throw error;
      }

      const checks = idChecks(this.catalog, compiled);
      const queryStarted = performance.now();
      const { results } = await this.executor.run([...checks.statements, ...compiled.statements]);
      timings.queryMs = Math.round((performance.now() - queryStarted) * 10) / 10;
      const missing = checks.missing(results.slice(0, checks.statements.length));
      const sqlText = compiled.statements.map((s) => s.sql.replace(/\s+/g, " ").trim()).join(";\n");
      const params = compiled.statements
        .flatMap((s) => s.params)
        .map((p) => (typeof p === "bigint" ? p.toString() : p)) as (string | number)[];
      if (missing.length) {
        const version = this.catalog.materializationVersion;
        const thisVersion = version ? ` (this store is version ${version})` : "";
        const why = "root ids change when a cell is edited, so an id from another materialization may be gone";
        return reply("clarify", `${missing.join(" ")} Check the id: ${why}${thisVersion}.`, { planner: plannerInfo });
      }
      const presentation = compiled.present(results.slice(checks.statements.length));
      if (presentation.notFound)
        return reply("clarify", `${presentation.headline}\n${compiled.reading}`, {
          interpretation: compiled.reading,
          planner: plannerInfo,
        });
      conversation.lastPlan = plan;
      const answer: Omit<Answer, "timings"> = {
        status: "answered",
        text: `${presentation.headline}\n${compiled.reading}${note}`,
        interpretation: compiled.reading,
        table: presentation.table,
        sql: sqlText,
        params,
        planner: plannerInfo,
        ...(reading ? { reading } : {}),
      };
      answer.links = await this.links.forTable(presentation.table);
      const wantsChart = "chart" in plan && plan.chart !== undefined;
      if (presentation.chart && wantsChart && presentation.table.rows.length) {
        const chartStarted = performance.now();
        answer.chart = await renderAnswerChart(
          presentation,
          compiled.reading,
          this.plotDir,
          this.ctx.geometry,
          typeNamesInOrder(this.ctx),
        );
        timings.chartMs = Math.round((performance.now() - chartStarted) * 10) / 10;
      }
      Object.assign(answer, await this.timed(timings, () => this.offers.afterAnswer(plan, conversation)));
      return done(answer);
    } catch (error) {
      if (error instanceof QueryTimeoutError)
        return reply("error", `Sorry, ${error.message}. Try a narrower question (one cell type, or one neuron).`);
      return reply("error", `Something went wrong answering that: ${(error as Error).message}`);
    }
  }

  /**
   * A picked choice (a clicked button, a typed number): its question asked in the conversation it
   * was offered in, with the conversation's last plan as it was when the question was checked, so
   * that it reads as checked. An id that is not ours, has expired or belongs to another
   * conversation is refused, plainly.
   */
  async choose(id: unknown, conversation: Conversation): Promise<Answer> {
    const choice = this.offers.pick(id, conversation);
    const timings = { planMs: 0, queryMs: 0, totalMs: 0 };
    if (!choice) return { status: "refused", text: CHOICE_EXPIRED, suggestions: [], timings };
    conversation.lastPlan = choice.context;
    return { ...(await this.answer(choice.question, conversation)), question: choice.question };
  }

  /** The question a choice id would ask in this conversation; undefined when `choose` would refuse it. */
  choiceQuestion(id: unknown, conversation: Conversation): string | undefined {
    return this.offers.pick(id, conversation)?.question;
  }

  /** Runs an offer's checks, adding their time to the answer's timings. */
  private async timed<T>(timings: Answer["timings"], work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings.suggestMs = Math.round((performance.now() - started) * 10) / 10;
    }
  }

  async close(): Promise<void> {
    await this.executor.close();
  }
}
