/**
 * An Answer as a Discord message: an embed with the answer and how it was read, the table as a
 * code block within Discord's 2,000-character message limit (the whole table attached as CSV when
 * cut), the chart as a PNG attachment shown in the embed, the answer's links (link-parts.ts), a
 * "Show SQL" button and the questions it offers (choice-parts.ts).
 */
import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from "discord.js";
import type { Answer } from "../../src/answers/answer.js";
import { fileNameFor, tableForChat } from "../common/chat-table.js";
import { choiceRow } from "./choice-parts.js";
import { linkParts } from "./link-parts.js";

export const SHOW_SQL_BUTTON = "connectome-chat:show-sql";

/** Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
const MESSAGE_CHARS = 2000;
const EMBED_DESCRIPTION_CHARS = 4096;
const EMBED_FOOTER_CHARS = 2048;
const EMBED_TITLE_CHARS = 256;
const EMBEDS_TOTAL_CHARS = 6000;

const COLOURS: Record<Answer["status"], number> = {
  answered: 0x0072b2,
  clarify: 0xe69f00,
  refused: 0x999999,
  error: 0xd55e00,
};

export interface DiscordReply {
  content?: string;
  embeds: EmbedBuilder[];
  files: AttachmentBuilder[];
  components: ActionRowBuilder<ButtonBuilder>[];
}

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export interface ReplyOptions {
  maxRows: number;
  question: string;
  /** The question of a clicked choice, shown as the embed's title (the click itself shows no question). */
  picked?: string;
}

export function answerToReply(answer: Answer, options: ReplyOptions): DiscordReply {
  const reading = answer.interpretation;
  // The answer first; the line on how it was read goes to the footer.
  const body = reading && answer.text.endsWith(reading) ? answer.text.slice(0, -reading.length).trimEnd() : answer.text;
  const links = linkParts(answer.links);
  const footer = reading ? cut(reading, EMBED_FOOTER_CHARS) : undefined;
  // All embeds of a message share 6,000 characters: the links' embeds come out of the answer's.
  const title = options.picked ? cut(`Asked: ${options.picked}`, EMBED_TITLE_CHARS) : undefined;
  const used = links.embedChars + (footer?.length ?? 0) + (title?.length ?? 0);
  const room = Math.min(EMBED_DESCRIPTION_CHARS, EMBEDS_TOTAL_CHARS - used);
  const embed = new EmbedBuilder().setColor(COLOURS[answer.status]).setDescription(cut(body || answer.text, room));
  if (title) embed.setTitle(title);
  if (footer) embed.setFooter({ text: footer });
  const files: AttachmentBuilder[] = [];
  let content: string | undefined;

  if (answer.table && answer.table.rows.length && answer.status === "answered") {
    const note = (shown: number, total: number) =>
      `showing ${shown} of ${total.toLocaleString("en-US")} rows; the whole table is attached as CSV`;
    // Room for the code fences and the note line.
    const fitted = tableForChat(answer.table, {
      maxRows: options.maxRows,
      maxChars: MESSAGE_CHARS - 8 - note(0, 0).length - 20,
    });
    if (fitted.text) content = `\`\`\`\n${fitted.text}\n\`\`\``;
    if (fitted.csv) {
      content = `${content ?? ""}\n${note(fitted.shownRows, fitted.totalRows)}`.trim();
      files.push(
        new AttachmentBuilder(Buffer.from(fitted.csv, "utf8"), {
          name: fileNameFor(reading ?? options.question, "csv"),
        }),
      );
    }
  }
  if (answer.chart) {
    files.push(new AttachmentBuilder(answer.chart.file, { name: "chart.png" }));
    embed.setImage("attachment://chart.png");
  }
  const showSql = new ButtonBuilder().setCustomId(SHOW_SQL_BUTTON).setLabel("Show SQL").setStyle(ButtonStyle.Secondary);
  const buttons = [...links.buttons, ...(answer.sql ? [showSql] : [])];
  // The questions offered go in a row of their own, below the links and "Show SQL".
  const first = buttons.length ? [new ActionRowBuilder<ButtonBuilder>().addComponents(...buttons)] : [];
  const components = [...first, ...choiceRow(answer.choices)];
  return { ...(content ? { content } : {}), embeds: [embed, ...links.embeds], files, components };
}

/** The SQL of an answer, as a code block that fits one message. */
export function sqlMessage(sql: string, params: unknown[] | undefined): string {
  const text = `${sql}${params?.length ? `\n-- parameters: ${JSON.stringify(params)}` : ""}`;
  return `\`\`\`sql\n${cut(text, MESSAGE_CHARS - 12)}\n\`\`\``;
}
