import { Worker } from "node:worker_threads";
import { compiledScript } from "../../compiled-script.js";
import { TableReadError } from "../readers/types.js";
import { packedBuffers, type PackedRows } from "./packed-rows.js";
import type { ImporterMessage, ReaderMessage, ReadRequest } from "./row-worker-protocol.js";

/** A table being read in its own thread: its messages in order, and the importer's side of the hand-over. */
export interface TableReading {
  /** header, rows…, then done; a failure in the thread is thrown from here, as the importer's own would be. */
  messages: AsyncIterable<Exclude<ReaderMessage, { type: "error" }>>;
  /** Tells the thread a `rows` batch is inserted, so that it may read further ahead; hands its buffers back. */
  consumed(packed?: PackedRows): void;
  /** Stops the thread (at the end, or when the import fails). */
  stop(): Promise<void>;
}

export function readInThread(request: ReadRequest): TableReading {
  // A bounded heap: the thread's live data is a few batches, but V8 let its heap and the file chunks
  // awaiting collection grow past 200 MB when not told otherwise (measured at 5M synapses).
  const resourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };
  const script = compiledScript(import.meta.url, "./row-worker.js");
  const worker = new Worker(script, { workerData: request, resourceLimits });
  const queue: ReaderMessage[] = [];
  let failure: Error | undefined;
  let finished = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  worker.on("message", (message: ReaderMessage) => {
    queue.push(message);
    notify();
  });
  worker.on("error", (error) => {
    failure ??= error;
    notify();
  });
  worker.on("exit", (code) => {
    if (!finished) failure ??= new Error(`the reading thread stopped (exit code ${code}) before the table was read`);
    notify();
  });

  async function* messages(): AsyncGenerator<Exclude<ReaderMessage, { type: "error" }>> {
    for (;;) {
      const next = queue.shift();
      if (next) {
        if (next.type === "error") {
          throw next.readError && next.file
            ? new TableReadError(next.file, next.message, next.row, next.column)
            : new Error(next.message);
        }
        if (next.type === "done") finished = true;
        yield next;
        if (finished) return;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  return {
    messages: messages(),
    consumed: (packed) => {
      const buffers = packed ? packedBuffers(packed) : undefined;
      worker.postMessage({ type: "consumed", buffers } satisfies ImporterMessage, buffers ?? []);
    },
    stop: async () => {
      finished = true;
      await worker.terminate();
    },
  };
}
