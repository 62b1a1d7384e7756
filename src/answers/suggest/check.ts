import type { QueryPlan } from "../../planning/plan.js";
import type { OfflineReader } from "../../planning/reader/reader.js";
import { compilePlan, type CompileContext, type CompiledQuery } from "../../querying/compile/index.js";
import type { QueryExecutor } from "../../querying/executor.js";
import { idChecks } from "../id-checks.js";

/**
 * Whether a question would be answered, were it asked next: the offline reader reads it (in the
 * conversation it would be asked in) as a plan, not a question back; the plan compiles; and its
 * SQL runs, quickly, to something other than nothing. Only questions that pass are ever offered, as
 * next questions or as readings of a question asked back.
 */

/** A check's query past this is dropped (never the answer's own 10 s: an offer must not slow a thread). */
export const CHECK_TIMEOUT_MS = 1500;
/** Rows a check reads of each statement: enough to tell empty from not. */
const CHECK_ROWS = 5;
/** Checks remembered per store. */
const CACHE_SIZE = 2000;

export interface CheckedQuestion {
  question: string;
  plan: QueryPlan;
}

export class QuestionChecker {
  constructor(
    private readonly reader: OfflineReader,
    private readonly ctx: CompileContext,
    private readonly executor: QueryExecutor,
  ) {}

  /** The plan the reader reads the question into, with `context` as the conversation's last plan. */
  async read(question: string, context: QueryPlan | undefined): Promise<QueryPlan | undefined> {
    const result = await this.reader.plan(question, context);
    return result.type === "plan" && result.plan.kind !== "sql" ? result.plan : undefined;
  }

  /** The plan compiled, or undefined when the compiler would ask back or refuse. */
  compile(plan: QueryPlan): CompiledQuery | undefined {
    try {
      return compilePlan(this.ctx, plan);
    } catch {
      return undefined;
    }
  }

  /**
   * What each check found, per store (a new catalog after an import swap starts afresh): the same
   * offer after the same kind of answer is checked once, not at every answer (a grouped median
   * over the synapse sizes costs ~190 ms on a 9M-synapse store). At most CACHE_SIZE, oldest dropped.
   */
  private readonly found = new WeakMap<object, Map<string, boolean>>();

  /** Runs a compiled plan (with the checks of the ids it names); true when every id is there and it finds something. */
  async runs(compiled: CompiledQuery): Promise<boolean> {
    const store = this.ctx.catalog;
    const seen = this.found.get(store) ?? new Map<string, boolean>();
    this.found.set(store, seen);
    // (Root ids are BigInt parameters, which JSON cannot write as they are.)
    const key = JSON.stringify(compiled.statements, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
    const known = seen.get(key);
    if (known !== undefined) return known;
    const result = await this.runOnce(compiled);
    if (seen.size >= CACHE_SIZE) seen.delete(seen.keys().next().value!);
    seen.set(key, result);
    return result;
  }

  private async runOnce(compiled: CompiledQuery): Promise<boolean> {
    const ids = idChecks(this.ctx.catalog, compiled);
    const statements = [...ids.statements, ...compiled.statements.map((s) => ({ ...s, rowCap: CHECK_ROWS }))];
    try {
      const timeoutMs = Math.min(CHECK_TIMEOUT_MS, this.executor.timeoutMs);
      const { results } = await this.executor.run(statements, { timeoutMs });
      if (ids.missing(results.slice(0, ids.statements.length)).length) return false;
      // "Non-empty": some value that is neither null nor zero (a count of 0 answers nothing worth offering).
      const something = (row: unknown[]) => row.some((v) => v !== null && v !== 0);
      return results.slice(ids.statements.length).some((r) => r.rows.some(something));
    } catch {
      return false;
    }
  }

  /**
   * The first of the phrasings that reads as a plan `accept` takes and compiles, then runs it; the
   * question and its plan when it passes. Reading and compiling take a millisecond or two each.
   */
  async first(
    phrasings: string[],
    context: QueryPlan | undefined,
    accept: (plan: QueryPlan) => boolean,
  ): Promise<CheckedQuestion | undefined> {
    for (const question of phrasings) {
      const plan = await this.read(question, context);
      if (!plan || !accept(plan)) continue;
      const compiled = this.compile(plan);
      if (!compiled) continue;
      return (await this.runs(compiled)) ? { question, plan } : undefined;
    }
    return undefined;
  }
}
