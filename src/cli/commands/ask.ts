import { writeFile } from "node:fs/promises";
import { ConnectomeChat } from "../../answers/chat.js";
import { answerToJson, answerToText } from "../answer-output.js";
import { ensureSampleStore } from "../sample-store.js";
import { tableToCsv } from "../table-format.js";

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
  const chat = await ConnectomeChat.open({ dbPath, plotDir: opts.plotDir, timeoutMs: opts.timeout, workers: 1 });
  try {
    const answer = await chat.answer(question);
    if (opts.csv && answer.table) await writeFile(opts.csv, tableToCsv(answer.table));
    process.stdout.write(`${opts.json ? answerToJson(answer) : answerToText(answer, { maxRows: opts.maxRows, showSql: opts.sql })}\n`);
    return answer.status === "answered" ? 0 : answer.status === "error" ? 1 : 0;
  } finally {
    await chat.close();
  }
}
