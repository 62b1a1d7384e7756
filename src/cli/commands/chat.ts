import { createInterface } from "node:readline/promises";
import { ConnectomeChat } from "../../answers/chat.js";
import type { Answer, AnswerChoice } from "../../answers/answer.js";
import { answerToText, suggestionLines } from "../answer-output.js";
import { prepareOutput, writeOutput } from "../output-file.js";
import { plannerFromEnvironment } from "../planner-choice.js";
import { checkPlotDir } from "../plot-dir.js";
import { CliError } from "../run.js";
import { ensureSampleStore } from "../sample-store.js";
import { tableToCsv } from "../../answers/table-format.js";

export interface ChatCommandOptions {
  db?: string;
  plotDir: string;
  maxRows: number;
  timeout: number;
}

/** An interactive chat: one conversation, so follow-ups work; ↑/↓ recall earlier questions. */
export async function chatCommand(opts: ChatCommandOptions): Promise<number> {
  const dbPath = opts.db ?? (await ensureSampleStore());
  checkPlotDir(opts.plotDir);
  const planner = await plannerFromEnvironment();
  const chat = await ConnectomeChat.open({ dbPath, plotDir: opts.plotDir, timeoutMs: opts.timeout, planner });
  const conversation = chat.newConversation();
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    historySize: 200,
    terminal: process.stdin.isTTY,
  });
  const tables = [...chat.catalog.tables].filter((t) =>
    ["cell_type", "synapse", "connection", "nucleus", "proofreading", "coregistration"].includes(t),
  );
  const how =
    'Ask a question, "help" for examples, a number to ask a question offered, ' +
    '"/csv FILE" to save the last table, "/quit" to leave.';
  process.stdout.write(`connectome-chat on ${dbPath} (${tables.join(", ")}).\n${how}\n`);
  let last: Answer | undefined;
  /** The questions the last reply offered, in the order they were numbered. */
  let offered: AnswerChoice[] = [];
  const prompt = () => process.stdout.write("\n> ");
  try {
    prompt();
    // Lines are read as they come (typed, or piped in): none is lost while an answer is computed.
    for await (const line of rl) {
      const text = line.trim();
      if (!text) {
        prompt();
        continue;
      }
      // "/quit", and the plain words people type to leave a prompt.
      if (/^(\/(quit|exit|q)|quit|exit|bye)[.!]?$/i.test(text)) break;
      const csv = /^\/csv\s+(.+)$/.exec(text);
      if (csv) {
        if (!last?.table) process.stdout.write("There is no table to save yet.\n");
        else process.stdout.write(`${saveCsv(csv[1]!, last, dbPath)}\n`);
        prompt();
        continue;
      }
      // A number picks one of the questions the last reply offered (and only then: else it is a question).
      const picked = /^\d{1,2}$/.test(text) ? offered[Number(text) - 1] : undefined;
      if (!picked && offered.length && /^\d{1,2}$/.test(text)) {
        process.stdout.write(`Type a number from 1 to ${offered.length} to ask one of the questions offered.\n`);
        prompt();
        continue;
      }
      if (picked) process.stdout.write(`(asking: ${picked.question})\n`);
      const answer = picked ? await chat.choose(picked.id, conversation) : await chat.answer(text, conversation);
      if (answer.table) last = answer;
      offered = answer.choices ?? [];
      const offers = suggestionLines(answer, { numbered: true });
      process.stdout.write(`${answerToText(answer, { maxRows: opts.maxRows })}${offers}\n`);
      prompt();
    }
  } finally {
    rl.close();
    await chat.close();
  }
  return 0;
}

/** `/csv FILE`: never over the store or another database; a refusal is told and the chat goes on. */
function saveCsv(file: string, answer: Answer, dbPath: string): string {
  try {
    writeOutput(prepareOutput("/csv", file, dbPath), tableToCsv(answer.table!));
    return `Saved ${answer.table!.rows.length} rows to ${file}.`;
  } catch (error) {
    return error instanceof CliError ? error.message : `Could not save ${file}: ${(error as Error).message}`;
  }
}
