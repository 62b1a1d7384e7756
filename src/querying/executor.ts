import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { QueryRequest, QueryResponse, SqlParam, StatementResult } from "./protocol.js";

/** The worker's compiled script; from TypeScript sources (under vitest), the build in dist/. */
function workerScript(): URL {
  const beside = new URL("./query-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL(beside.href.replace(/\/src\/querying\/query-worker\.js$/, "/dist/src/querying/query-worker.js"));
}

export class QueryTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`the query took longer than ${(limitMs / 1000).toFixed(limitMs < 1000 ? 1 : 0)} s and was stopped`);
    this.name = "QueryTimeoutError";
  }
}

export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QueryError";
  }
}

export interface ExecutorOptions {
  dbPath: string;
  /** Worker threads, each with its own read-only connection. */
  workers?: number;
  timeoutMs?: number;
  rowCap?: number;
}

export interface Statement {
  sql: string;
  params?: SqlParam[];
  rowCap?: number;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Pending {
  request: QueryRequest;
  timeoutMs: number;
  resolve: (value: { results: StatementResult[]; ms: number }) => void;
  reject: (error: Error) => void;
}

/**
 * Runs read-only SQL on a small pool of worker threads. Each request has a time limit: a worker
 * still busy at the limit is terminated (SQLite's work with it) and replaced, and the caller gets a
 * QueryTimeoutError, while other requests keep being answered by the other workers.
 */
export class QueryExecutor {
  readonly dbPath: string;
  readonly timeoutMs: number;
  readonly rowCap: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: ExecutorOptions) {
    this.dbPath = options.dbPath;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.rowCap = options.rowCap ?? 10_000;
    const n = Math.max(1, options.workers ?? 2);
    for (let i = 0; i < n; i++) this.slots.push({ worker: this.spawn(), busy: false });
  }

  private spawn(): Worker {
    // execArgv: [] so that flags of the parent process (a test runner's, say) don't reach the worker.
    const worker = new Worker(workerScript(), { workerData: { dbPath: this.dbPath }, execArgv: [] });
    // An idle worker's failure must never crash the bot: it is noted, and the next request replaces it.
    worker.on("error", () => {});
    worker.unref();
    return worker;
  }

  /** Runs the statements in order on one worker; resolves with one result per statement. */
  run(statements: Statement[], options: { timeoutMs?: number } = {}): Promise<{ results: StatementResult[]; ms: number }> {
    if (this.closed) return Promise.reject(new QueryError("the executor is closed"));
    const request: QueryRequest = {
      id: this.nextId++,
      statements: statements.map((s) => ({ sql: s.sql, params: s.params ?? [], rowCap: s.rowCap ?? this.rowCap })),
    };
    return new Promise((resolve, reject) => {
      this.queue.push({ request, timeoutMs: options.timeoutMs ?? this.timeoutMs, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const job = this.queue.shift();
      if (!job) return;
      this.dispatch(slot, job);
    }
  }

  private dispatch(slot: Slot, job: Pending): void {
    slot.busy = true;
    const worker = slot.worker;
    worker.ref();
    let settled = false;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      worker.unref();
      slot.busy = false;
      this.pump();
    };
    const onMessage = (response: QueryResponse) => {
      if (response.id !== job.request.id || settled) return;
      finish();
      if (response.ok) job.resolve({ results: response.results, ms: response.ms });
      else job.reject(new QueryError(response.error));
    };
    const replace = () => {
      if (!this.closed) slot.worker = this.spawn();
    };
    const onError = (error: Error) => {
      if (settled) return;
      finish();
      replace();
      job.reject(new QueryError(`the query worker failed: ${error.message}`));
    };
    const onExit = () => {
      if (settled) return;
      finish();
      replace();
      job.reject(new QueryError("the query worker stopped unexpectedly"));
    };
    const timer = setTimeout(() => {
      if (settled) return;
      finish();
      void worker.terminate();
      replace();
      job.reject(new QueryTimeoutError(job.timeoutMs));
    }, job.timeoutMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(job.request);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new QueryError("the executor is closed"));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
