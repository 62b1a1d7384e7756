import type { Answer } from "../../answers/answer.js";
import { QueryExecutor } from "../../querying/executor.js";
import { checkStoreForReading, StoreFileError } from "../../store/store-file.js";
import { answerToJson, answerToText, shellQuote, suggestionLines } from "../answer-output.js";
import { errorJson } from "../json-errors.js";
import { prepareOutput, writeOutput } from "../output-file.js";
import { plannerFromEnvironment } from "../planner-choice.js";
import { checkPlotDir } from "../plot-dir.js";
import { CliError } from "../run.js";
import { ensureSampleStore } from "../sample-store.js";
import { tableToCsv } from "../../answers/table-format.js";

export interface AskOptions {
  db?: string;
  json?: boolean;
  sql?: boolean;
  plotDir: string;
  csv?: string;
  maxRows: number;
  timeout: number;
}

/** `ask --json` is read by scripts: whatever fails, they get one JSON object with status "error". */
export async function askCommand(question: string, opts: AskOptions): Promise<number> {
  if (!opts.json) return ask(question, opts);
  try {
    return await ask(question, opts);
  } catch (error) {
    process.stdout.write(errorJson((error as Error).message));
    return error instanceof CliError ? error.exitCode : 1;
  }
}

async function ask(question: string, opts: AskOptions): Promise<number> {
  const dbPath = opts.db ?? (await ensureSampleStore());
  try {
    checkStoreForReading(dbPath);
  } catch (error) {
    if (error instanceof StoreFileError) throw new CliError(error.message, 2);
    throw error;
  }
  checkPlotDir(opts.plotDir);
  // Refused before any work: an export never goes over the store or another database.
  const output = opts.csv ? prepareOutput("--csv", opts.csv, dbPath) : undefined;
  // The offline planner unless CONNECTOME_CHAT_LLM is set; a misconfigured model stops here, before any process starts.
  const planner = await plannerFromEnvironment();
  // Start the query process first: it boots while the planner and vocabulary load.
  const executor = new QueryExecutor({ dbPath, workers: 1, timeoutMs: opts.timeout });
  const { ConnectomeChat } = await import("../../answers/chat.js");
  // The next `ask` remembers nothing: suggestions are checked as questions asked on their own.
  const offers = { mode: "standalone" as const };
  const chat = await ConnectomeChat.open({ dbPath, plotDir: opts.plotDir, executor, planner, offers });
  try {
    const answer = await chat.answer(question);
    if (output && answer.table) saveCsv(answer, output);
    const command = `connectome-chat ask${opts.db ? ` --db ${shellWord(opts.db)}` : ""}`;
    const text = opts.json
      ? answerToJson(answer)
      : answerToText(answer, { maxRows: opts.maxRows, showSql: opts.sql }) + suggestionLines(answer, { command });
    process.stdout.write(`${text}\n`);
    return answer.status === "error" ? 1 : 0;
  } finally {
    await chat.close();
  }
}

function saveCsv(answer: Answer, output: ReturnType<typeof prepareOutput>): void {
  const table = answer.table!;
  writeOutput(output, tableToCsv(table));
  if (table.totalRows !== undefined && table.totalRows > table.rows.length) {
    const first = table.rows.length.toLocaleString("en-US");
    process.stderr.write(`connectome-chat: the CSV has only the first ${first} rows (the result was cut)\n`);
  }
}

/** A path as typed on a command line: as it is when it needs no quoting. */
const shellWord = (word: string) => (/^[\w./:@%+=,-]+$/.test(word) ? word : shellQuote(word));
