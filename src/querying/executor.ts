import { fileURLToPath } from "node:url";
import { fork, type ChildProcess } from "node:child_process";
import { compiledScript } from "../compiled-script.js";
import { fileIdentity } from "../store/store-file.js";
import type { QueryRequest, QueryResponse, SqlParam, StatementResult } from "./protocol.js";

const workerScript = () => compiledScript(import.meta.url, "./query-worker.js");

export class QueryTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    // Enough decimals that a short limit never reads as "0.0 s".
    const digits = limitMs < 100 ? 2 : limitMs < 1000 ? 1 : 0;
    super(`the query took longer than ${(limitMs / 1000).toFixed(digits)} s and was stopped`);
    this.name = "QueryTimeoutError";
  }
}

export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QueryError";
  }
}

/** A statement SQLite reads as a write, or (for a typed query) one that returns no rows: never run. */
export class QueryRefused extends QueryError {
  constructor(message: string) {
    super(message);
    this.name = "QueryRefused";
  }
}

export interface ExecutorOptions {
  dbPath: string;
  /** Query processes, each with its own read-only connection. */
  workers?: number;

  timeoutMs?: number;
  rowCap?: number;
}

export interface Statement {
  sql: string;
  params?: SqlParam[];
  rowCap?: number;
  /** One statement that returns rows, or it is refused (a query typed by a person). */
  queryOnly?: boolean;
  /** Also write every row to this new file, as CSV (the rows returned stay capped). */
  csvFile?: string;
}

/** A query process, behind the small interface the pool needs. */
interface QueryWorker {
  send(request: QueryRequest): void;
  on(event: "message", listener: (response: QueryResponse) => void): void;
  off(event: "message", listener: (response: QueryResponse) => void): void;
  onExit(listener: () => void): () => void;
  alive(): boolean;
  stop(): void;
  idle(): void;
  busy(): void;
}

interface Slot {
  worker: QueryWorker;
  busy: boolean;
  /** The store file the worker opened (see fileIdentity). */
  store: string | undefined;
}

interface Pending {
  request: QueryRequest;
  timeoutMs: number;
  resolve: (value: { results: StatementResult[]; ms: number }) => void;
  reject: (error: Error) => void;
}

/**
 * Runs read-only SQL on a small pool of query processes, off the main thread. Each request has a
 * time limit: a process still busy at the limit is killed (and SQLite's work with it) and
 * replaced, and the caller gets a QueryTimeoutError, while other requests keep being answered by
 * the other processes. (Worker threads were tried first: terminating a thread does not stop a
 * running SQLite statement, which went on using a core, and kept the program from exiting, until
 * it finished.)
 *
 * An import never writes the store in place: it renames a new file over it. A worker keeps reading
 * the file it opened until then, and is replaced by one on the new file before its next request.
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
    for (let i = 0; i < n; i++) this.slots.push(this.spawn({ busy: false }));
  }

  /** Starts a worker in the slot, on the store file now at the path. */
  private spawn<T extends Partial<Slot>>(slot: T): T & Slot {
    // Taken before the worker opens the file: a swap in between only means one more restart.
    slot.store = fileIdentity(this.dbPath);
    slot.worker = processWorker(this.dbPath);
    slot.worker.idle();
    return slot as T & Slot;
  }

  /** Runs the statements in order on one worker; resolves with one result per statement. */
  run(
    statements: Statement[],
    options: { timeoutMs?: number } = {},
  ): Promise<{ results: StatementResult[]; ms: number }> {
    if (this.closed) return Promise.reject(new QueryError("the executor is closed"));
    const request: QueryRequest = {
      id: this.nextId++,
      statements: statements.map((s) => ({
        sql: s.sql,
        params: s.params ?? [],
        rowCap: s.rowCap ?? this.rowCap,
        ...(s.queryOnly ? { queryOnly: true } : {}),
        ...(s.csvFile ? { csvFile: s.csvFile } : {}),
      })),
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
    const replaced = slot.store !== fileIdentity(this.dbPath);
    if (replaced) slot.worker.stop();
    if (replaced || !slot.worker.alive()) this.spawn(slot);
    const worker = slot.worker;
    worker.busy();
    let settled = false;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      removeExit();
      worker.idle();
      slot.busy = false;
      this.pump();
    };
    const replace = () => {
      if (!this.closed) this.spawn(slot);
    };
    const onMessage = (response: QueryResponse) => {
      if (response.id !== job.request.id || settled) return;
      finish();
      if (response.ok) job.resolve({ results: response.results, ms: response.ms });
      else job.reject(response.refused ? new QueryRefused(response.error) : new QueryError(response.error));
    };
    const removeExit = worker.onExit(() => {
      if (settled) return;
      finish();
      replace();
      job.reject(new QueryError("the query worker stopped unexpectedly"));
    });
    const timer = setTimeout(() => {
      if (settled) return;
      finish();
      worker.stop();
      replace();
      job.reject(new QueryTimeoutError(job.timeoutMs));
    }, job.timeoutMs);
    worker.on("message", onMessage);
    worker.send(job.request);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new QueryError("the executor is closed"));
    for (const slot of this.slots) slot.worker.stop();
  }
}

/** A child process: stopping it kills it, and any SQLite work in it, at once. */
function processWorker(dbPath: string): QueryWorker {
  // execArgv: [] so that flags of the parent process (a test runner's, say) don't reach the worker.
  const child: ChildProcess = fork(fileURLToPath(workerScript()), [dbPath], {
    execArgv: [],
    serialization: "advanced",
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  // A worker's failure must never crash the bot: the next request replaces it.
  child.on("error", () => {});
  const channel = () => child.channel as { ref?: () => void; unref?: () => void } | undefined;
  return {
    send: (request) => void child.send(request),
    on: (event, listener) => void child.on(event, listener),
    off: (event, listener) => void child.off(event, listener),
    onExit(listener) {
      child.on("exit", listener);
      child.on("error", listener);
      return () => {
        child.off("exit", listener);
        child.off("error", listener);
      };
    },
    alive: () => child.exitCode === null && child.signalCode === null && child.connected,
    stop: () => void child.kill("SIGKILL"),
    // An idle worker does not keep the program alive; a busy one does.
    idle: () => {
      child.unref();
      channel()?.unref?.();
    },
    busy: () => {
      child.ref();
      channel()?.ref?.();
    },
  };
}
