import type { Answer, AnswerStatus } from "./answer.js";
import type { Conversation } from "./conversation.js";
import { HELP_TEXT, isHelp, isShowSql, isStoreQuestion } from "./help.js";
import { idRangeProblem } from "./id-range.js";
import { MAX_QUESTION_CHARS } from "./limits.js";
import { storeSummary } from "./store-summary.js";

/** A reply as the chat core gives it: its status, its text, and what else the answer carries. */
export type DirectReply = [status: AnswerStatus, text: string, extra?: Partial<Answer>];

/**
 * The replies that need no plan: an empty or overlong question, an id that cannot be a root id,
 * "help", a question about the store itself, and "show the SQL" of the conversation's last answer.
 * Undefined when the question has to be read into a plan. They are checked in this order.
 */
export function directReply(question: string, conversation: Conversation, dbPath: string): DirectReply | undefined {
  if (!question) return ["clarify", 'Ask me a question about the connectome, or type "help" for examples.'];
  if (question.length > MAX_QUESTION_CHARS) {
    const limit = MAX_QUESTION_CHARS.toLocaleString("en-US");
    return ["refused", `That question is too long (over ${limit} characters); ask one thing at a time.`];
  }
  const badId = idRangeProblem(question);
  if (badId) return ["clarify", badId];
  if (isHelp(question)) return ["answered", HELP_TEXT, { table: helpTable() }];
  if (isStoreQuestion(question)) return ["answered", ...storeSummary(dbPath)];
  if (isShowSql(question)) return lastSql(conversation);
  return undefined;
}

/** The help's example questions, one a row, so that adapters can show them as a list. */
function helpTable(): NonNullable<Answer["table"]> {
  const examples = HELP_TEXT.split("\n").filter((line) => line.startsWith("•"));
  return { columns: ["example"], rows: examples.map((line) => [line.slice(2)]) };
}

/** "Show the SQL": the last answer's statements and parameters, with its table and reading kept. */
function lastSql(conversation: Conversation): DirectReply {
  const last = conversation.lastAnswer;
  if (!last?.sql) return ["clarify", "There is no earlier answer in this conversation to show the SQL of."];
  const params = last.params?.length ? `\nparameters: ${JSON.stringify(last.params)}` : "";
  const extra = { sql: last.sql, params: last.params, table: last.table, interpretation: last.interpretation };
  return ["answered", `The SQL of the last answer:\n${last.sql}${params}`, extra];
}
