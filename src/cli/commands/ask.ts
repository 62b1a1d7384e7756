import { writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { QueryExecutor } from "../../querying/executor.js";
import { answerToJson, answerToText } from "../answer-output.js";
import { plannerFromEnvironment } from "../planner-choice.js";
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

export async function askCommand(question: string, opts: AskOptions): Promise<number> {
  const dbPath = opts.db ?? (await ensureSampleStore());
  if (!existsSync(dbPath)) throw new Error(`${dbPath}: no such store; create it with connectome-chat import`);
  // The offline planner unless CONNECTOME_CHAT_LLM is set; a misconfigured model stops here, before any process starts.
  const planner = await plannerFromEnvironment();
  // Start the query process first: it boots while the planner and vocabulary load.
  const executor = new QueryExecutor({ dbPath, workers: 1, timeoutMs: opts.timeout });
  const { ConnectomeChat } = await import("../../answers/chat.js");
  const chat = await ConnectomeChat.open({ dbPath, plotDir: opts.plotDir, executor, planner });
  try {
    const answer = await chat.answer(question);
    if (opts.csv && answer.table) await writeFile(opts.csv, tableToCsv(answer.table));
    process.stdout.write(`${opts.json ? answerToJson(answer) : answerToText(answer, { maxRows: opts.maxRows, showSql: opts.sql })}\n`);
    return answer.status === "answered" ? 0 : answer.status === "error" ? 1 : 0;
  } finally {
    await chat.close();
  }
}
