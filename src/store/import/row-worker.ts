/**
 * The import's reading thread: reads one table's files, keeps the valid rows, converts them to
 * store values, and hands the rows over in packed batches. The importer's thread inserts (and
 * counts the synapse tallies), so reading (CSV parsing is most of it) and inserting overlap.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openTable } from "../readers/open.js";
import { TableReadError, type CellValue } from "../readers/types.js";
import { tableSpec } from "../tables.js";
import { isValidFlag, planColumns } from "./columns.js";
import { RowPacker } from "./packed-rows.js";
import { BATCHES_AHEAD, type ImporterMessage, type ReaderMessage, type ReadRequest } from "./row-worker-protocol.js";

const port = parentPort!;
const request = workerData as ReadRequest;

let ahead = 0;
let resume: (() => void) | undefined;
port.on("message", (message: ImporterMessage) => {
  if (message.type !== "consumed") return;
  if (message.buffers) RowPacker.recycle(message.buffers);
  ahead--;
  const go = resume;
  resume = undefined;
  go?.();
});

function send(message: ReaderMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

async function read(): Promise<void> {
  const spec = tableSpec(request.role);
  let invalidRows = 0;
  for (const file of request.files) {
    const source = await openTable(file);
    const plan = planColumns(spec, file, source.columns);
    send({ type: "header", file, storeColumns: plan.storeColumns, ignoredColumns: plan.ignoredColumns });
    const { validIndex } = plan;
    const packer = new RowPacker(plan.storeColumns.length);

    const flush = async () => {
      if (!packer.length) return;
      while (ahead >= BATCHES_AHEAD) await new Promise<void>((resolve) => (resume = resolve));
      const { packed, transfer } = packer.take();
      const progress = source.progress();
      ahead++;
      send({ type: "rows", file, packed, ...progress }, transfer);
    };

    let rowNumber = 0;
    const batches = source.batches ? source.batches() : batchRows(source.rows());
    for await (const batch of batches) {
      for (const row of batch) {
        rowNumber++;
        if (validIndex !== undefined && !isValidFlag(row[validIndex] ?? null)) {
          invalidRows++;
          continue;
        }
        const values = plan.convert(row, rowNumber);
        packer.add(values, rowNumber);
        if (packer.full) await flush();
      }
    }
    await flush();
  }
  send({ type: "done", invalidRows });
}

async function* batchRows(rows: AsyncIterable<CellValue[]>): AsyncIterable<CellValue[][]> {
  let batch: CellValue[][] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= 4096) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

read().catch((error: unknown) => {
  if (error instanceof TableReadError)
    send({
      type: "error",
      file: error.file,
      message: error.reason,
      row: error.row,
      column: error.column,
      readError: true,
    });
  else send({ type: "error", message: error instanceof Error ? error.message : String(error), readError: false });
});
