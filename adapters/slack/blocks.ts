/**
 * An Answer as a Slack message: the answer in Block Kit sections (each within Slack's 3,000
 * characters), the table as an aligned monospace block cut to a readable number of rows, the line
 * on how the question was read, a "View in Neuroglancer" button for the cells it names, a "Show
 * SQL" button, and the questions it offers as buttons (choice-blocks.ts). Files that go with it
 * (the whole table as CSV when cut, the chart) are described here and uploaded by the responder.
 */
import type { types } from "@slack/bolt";
import type { Answer } from "../../src/answers/answer.js";
import { isHelp, isShowSql } from "../../src/answers/help.js";
import { fileNameFor, tableForChat } from "../common/chat-table.js";
import { choiceBlocks } from "./choice-blocks.js";
import { linkBlocks } from "./link-blocks.js";
import { escapeMrkdwn, splitText } from "./text.js";

type Block = types.KnownBlock;

/** Slack's limit on a section block's text. */
export const SECTION_LIMIT = 3000;
/** Slack's limit on a message's top-level (notification) text that we keep to. */
const FALLBACK_LIMIT = 3000;
/** Blocks in one message at most (Slack allows 50). */
const MAX_BLOCKS = 50;
export const SHOW_SQL_ACTION = "connectome_show_sql";
export const DEFAULT_TABLE_ROWS = 15;

export interface SlackMessage {
  /** Notification and screen-reader text; also what clients without blocks show. */
  text: string;
  blocks: Block[];
}

export interface AttachedFile {
  /** A file on disk (the chart PNG) or text content (the CSV). */
  file?: string;
  content?: string;
  filename: string;
  title: string;
  altText?: string;
}

export interface SlackAnswer {
  message: SlackMessage;
  files: AttachedFile[];
}

const CODE_FENCE = 8; // "```\n" + "\n```"
const section = (mrkdwn: string): Block => ({ type: "section", text: { type: "mrkdwn", text: mrkdwn } });
const context = (mrkdwn: string): Block => ({ type: "context", elements: [{ type: "mrkdwn", text: mrkdwn }] });

/** Sections for text, split to fit; the given raw `code` runs of it become code blocks. */
function textSections(text: string, code?: string): Block[] {
  const blocks: Block[] = [];
  const plain = (part: string) => {
    if (part.trim())
      for (const piece of splitText(part.trim(), SECTION_LIMIT, (p) => escapeMrkdwn(p).length))
        blocks.push(section(escapeMrkdwn(piece)));
  };
  const at = code ? text.indexOf(code) : -1;
  if (at < 0 || !code) {
    plain(text);
    return blocks;
  }
  plain(text.slice(0, at));
  blocks.push(...codeSections(code));
  plain(text.slice(at + code.length));
  return blocks;
}

/** Code as monospace sections, split to fit. */
export function codeSections(code: string): Block[] {
  return splitText(code, SECTION_LIMIT - CODE_FENCE, (p) => escapeMrkdwn(p).length).map((piece) =>
    section(`\`\`\`\n${escapeMrkdwn(piece)}\n\`\`\``),
  );
}

/** The answer's text without its last line when that line is the reading (shown apart, smaller). */
function headlineOf(answer: Answer): string {
  const text = answer.text.trimEnd();
  if (answer.interpretation && text.endsWith(answer.interpretation))
    return text.slice(0, text.length - answer.interpretation.length).trimEnd();
  return text;
}

export interface AnswerRenderOptions {
  /** The question as asked: "help" and "show the SQL" are shown as text only. */
  question: string;
  /** The id the "Show SQL" button carries; no button without one. */
  answerId?: string;
  maxRows?: number;
  /** A clicked choice: who clicked (a Slack user id, checked) and the question it asked, shown above the answer. */
  picked?: { user: string; question: string };
}

export function answerToSlack(answer: Answer, options: AnswerRenderOptions): SlackAnswer {
  const textOnly = isHelp(options.question) || isShowSql(options.question);
  const headline = headlineOf(answer);
  const blocks: Block[] = [];
  const files: AttachedFile[] = [];

  const lead = answer.status === "error" ? `:warning: ${headline}` : headline;
  blocks.push(...textSections(lead, textOnly ? answer.sql : undefined));

  const table = !textOnly && answer.table && answer.table.columns.length ? answer.table : undefined;
  if (table) {
    const cut = tableForChat(table, {
      maxRows: options.maxRows ?? DEFAULT_TABLE_ROWS,
      maxChars: SECTION_LIMIT - CODE_FENCE,
      measure: (t) => escapeMrkdwn(t).length,
    });
    if (cut.text !== undefined && !isOneNumberRepeated(table, headline))
      blocks.push(section(`\`\`\`\n${escapeMrkdwn(cut.text)}\n\`\`\``));
    if (cut.csv !== undefined) {
      const label = answer.interpretation ?? options.question;
      files.push({
        content: cut.csv,
        filename: fileNameFor(label, "csv"),
        title: `The whole table (${table.rows.length.toLocaleString("en-US")} rows)`,
      });
      blocks.push(
        context(
          `Showing ${cut.shownRows.toLocaleString("en-US")} of ${cut.totalRows.toLocaleString("en-US")} rows; the whole table is attached as CSV${cut.totalRows > table.rows.length ? ` (its first ${table.rows.length.toLocaleString("en-US")} rows: the result was cut at the row cap)` : ""}.`,
        ),
      );
    }
  }

  if (answer.interpretation && !textOnly) blocks.push(context(escapeMrkdwn(answer.interpretation)));
  if (!textOnly) blocks.push(...linkBlocks(answer.links));

  if (answer.chart) {
    files.push({
      file: answer.chart.file,
      filename: fileNameFor(answer.interpretation ?? options.question, "png"),
      title: `Chart: ${answer.interpretation?.replace(/^Read as:\s*/, "") ?? options.question}`.slice(0, 250),
      altText:
        `A ${answer.chart.kind} of ${answer.interpretation?.replace(/^Read as:\s*/, "") ?? options.question}`.slice(
          0,
          1000,
        ),
    });
  }

  if (options.answerId && answer.sql && !textOnly) {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: SHOW_SQL_ACTION,
          value: options.answerId,
          text: { type: "plain_text", text: "Show SQL" },
        },
      ],
    });
  }

  if (!textOnly) blocks.push(...choiceBlocks(answer.choices));
  const picked = options.picked;
  if (picked) blocks.unshift(context(`<@${picked.user}> asked: ${escapeMrkdwn(picked.question)}`));

  return { message: { text: fallbackText(headline), blocks: fitBlocks(blocks) }, files };
}

/** A one-cell table whose value is already the headline's number says nothing new. */
function isOneNumberRepeated(table: { rows: unknown[][] }, headline: string): boolean {
  const cell = table.rows.length === 1 && table.rows[0]!.length === 1 ? table.rows[0]![0] : undefined;
  if (typeof cell !== "number") return false;
  return headline.includes(cell.toLocaleString("en-US")) || headline.includes(String(cell));
}

/** The SQL (and the reading) behind an answer, for the "Show SQL" button. */
export function sqlToSlack(entry: {
  sql: string;
  params?: (string | number)[];
  interpretation?: string;
}): SlackMessage {
  const blocks: Block[] = [];
  if (entry.interpretation)
    blocks.push(section(escapeMrkdwn(`How it was read: ${entry.interpretation.replace(/^Read as:\s*/, "")}`)));
  blocks.push(...codeSections(entry.sql));
  if (entry.params?.length) blocks.push(context(escapeMrkdwn(`parameters: ${JSON.stringify(entry.params)}`)));
  return { text: fallbackText(`The SQL that ran:\n${entry.sql}`), blocks: fitBlocks(blocks) };
}

/** A short plain message (progress, limits, refusals) as one section. */
export function plainMessage(text: string): SlackMessage {
  return { text: fallbackText(text), blocks: textSections(text) };
}

function fallbackText(text: string): string {
  return text.length <= FALLBACK_LIMIT ? text : `${text.slice(0, FALLBACK_LIMIT - 1)}…`;
}

/** Keeps a message within Slack's block count; a cut message says so. */
function fitBlocks(blocks: Block[]): Block[] {
  if (blocks.length <= MAX_BLOCKS) return blocks;
  return [...blocks.slice(0, MAX_BLOCKS - 1), context("(The rest of this answer was too long for one Slack message.)")];
}
