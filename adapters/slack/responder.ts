/**
 * Answers a question in Slack: shows that work is under way, asks the core, and posts the reply in
 * the question's thread with its files (chart, whole table as CSV). It holds one conversation per
 * thread and the SQL behind recent answers for the "Show SQL" button. All answering is the core's;
 * this only moves a question in and an Answer out.
 */
import { randomUUID } from "node:crypto";
import type { Logger, RespondFn, webApi } from "@slack/bolt";
import type { Answer } from "../../src/answers/answer.js";
import type { ConnectomeChat } from "../../src/answers/chat.js";
import { ConversationStore, DEFAULT_THREADS_KEPT } from "../common/conversations.js";
import { LruMap } from "../common/lru.js";
import { RateLimiter, rateLimitMessage } from "../common/rate-limit.js";
import {
  answerToSlack,
  plainMessage,
  sqlToSlack,
  type AnswerRenderOptions,
  type AttachedFile,
  type SlackMessage,
} from "./blocks.js";
import { conversationKeyOf, type Place, type Question, type SlashQuestion } from "./events.js";
import { escapeMrkdwn } from "./text.js";

type WebClient = webApi.WebClient;

/** The reaction on a question while it is being answered. */
export const WORKING_REACTION = "hourglass_flowing_sand";

/** Errors that mean the bot cannot post in a channel (not invited, or a DM with someone else). */
const CANNOT_POST = new Set([
  "not_in_channel",
  "channel_not_found",
  "is_archived",
  "restricted_action",
  "cannot_dm_bot",
]);

export interface SqlEntry {
  sql: string;
  params?: (string | number)[];
  interpretation?: string;
}

export interface ResponderOptions {
  chat: Pick<ConnectomeChat, "answer" | "choose">;
  logger: Logger;
  /** Questions per user per minute (0: no limit). */
  rateLimitPerMinute: number;
  maxRows?: number;
  threadsKept?: number;
  now?: () => number;
}

/** The platform error code of a Web API failure (e.g. "not_in_channel"), when it has one. */
export const slackErrorCode = (error: unknown) =>
  (error as { data?: { error?: unknown } })?.data?.error as string | undefined;

export class SlackResponder {
  readonly conversations: ConversationStore;
  private readonly sqlByAnswer: LruMap<string, SqlEntry>;
  private readonly limiter: RateLimiter;

  constructor(private readonly options: ResponderOptions) {
    this.conversations = new ConversationStore(options.threadsKept ?? DEFAULT_THREADS_KEPT);
    this.sqlByAnswer = new LruMap(options.threadsKept ?? DEFAULT_THREADS_KEPT);
    this.limiter = new RateLimiter({ limit: options.rateLimitPerMinute, now: options.now });
  }

  /** Counts the question against its asker's limit; the polite refusal when over it. */
  refusalForRate(place: Place): string | undefined {
    const decision = this.limiter.take(`${place.team ?? "-"}:${place.user}`);
    return decision.allowed ? undefined : rateLimitMessage(this.options.rateLimitPerMinute, decision.retryAfterMs);
  }

  /** Tells only the asker (ephemeral in channels; a DM is theirs alone anyway). */
  async tellAsker(client: WebClient, place: Place, text: string): Promise<void> {
    const message = plainMessage(text);
    if (place.isDirectMessage)
      await client.chat.postMessage({ channel: place.channel, thread_ts: place.threadTs, ...message });
    else
      await client.chat.postEphemeral({
        channel: place.channel,
        user: place.user,
        thread_ts: place.threadTs,
        ...message,
      });
  }

  /** A mention or DM: react on the question, answer, reply in its thread, take the reaction back. */
  async answerInPlace(client: WebClient, question: Question): Promise<void> {
    const { place } = question;
    const reacted = place.messageTs ? await this.react(client, "add", place) : false;
    try {
      const answer = await this.options.chat.answer(question.text, this.conversations.get(conversationKeyOf(place)));
      await this.deliver(client, place, answer, question.text);
    } catch (error) {
      this.options.logger.error(`answering in ${place.channel} failed:`, error);
      await this.postQuietly(
        client,
        place,
        plainMessage("Sorry, I could not send that answer here. Please try again in a moment."),
      );
    } finally {
      if (reacted) await this.react(client, "remove", place);
    }
  }

  /**
   * `/connectome <question>`: the question is posted in the channel by the bot (so that it has a
   * thread everyone can follow up in), and answered in that thread. Where the bot may not post (not
   * invited), the answer goes back through the command's response_url instead, without files.
   */
  async answerSlashCommand(client: WebClient, question: SlashQuestion, respond: RespondFn): Promise<void> {
    const { place } = question;
    let parentTs: string | undefined;
    try {
      const parent = await client.chat.postMessage({
        channel: place.channel,
        text: `<@${place.user}> asked: ${escapeMrkdwn(question.text)}`,
      });
      parentTs = parent.ts;
    } catch (error) {
      if (!CANNOT_POST.has(slackErrorCode(error) ?? "")) throw error;
      this.options.logger.info(
        `cannot post in ${place.channel} (${slackErrorCode(error)}); answering through the command's response_url`,
      );
    }
    if (parentTs)
      return this.answerInPlace(client, {
        text: question.text,
        place: { ...place, threadTs: parentTs, messageTs: parentTs },
      });

    const answer = await this.options.chat.answer(question.text, this.conversations.get(conversationKeyOf(place)));
    // No choice buttons here: a click would be answered by posting in a channel the bot cannot post in.
    const rendered = this.render({ ...answer, choices: [] }, question.text);
    const note = rendered.files.length
      ? [
          {
            type: "context" as const,
            elements: [
              {
                type: "mrkdwn" as const,
                text: "Invite me to this channel (`/invite @connectome-chat`) to get charts, CSV files and a thread for follow-ups.",
              },
            ],
          },
        ]
      : [];
    await respond({
      response_type: "in_channel",
      text: `<@${place.user}> asked: ${question.text}\n${rendered.message.text}`,
      blocks: [...rendered.message.blocks, ...note],
    });
  }

  /** Help (and an empty command) go only to the asker, through the command's response_url. */
  async answerPrivately(question: SlashQuestion, respond: RespondFn): Promise<void> {
    const answer = await this.options.chat.answer(
      question.text,
      this.conversations.get(conversationKeyOf(question.place)),
    );
    const { message } = this.render(answer, question.text);
    await respond({ response_type: "ephemeral", ...message });
  }

  /**
   * A clicked choice (a next question, or a reading of a question asked back): answered in the
   * thread of the message it was under, in that thread's conversation, below a line naming who
   * asked it. An expired or foreign id is told to the person who clicked, and only to them.
   */
  async answerChoice(client: WebClient, place: Place, id: string): Promise<void> {
    const answer = await this.options.chat.choose(id, this.conversations.get(conversationKeyOf(place)));
    if (!answer.question) return this.tellAsker(client, place, answer.text);
    await this.deliver(client, place, answer, answer.question, { user: place.user, question: answer.question });
  }

  /** The "Show SQL" button: the SQL and the reading of the answer it was under, to the person who clicked. */
  async showSql(client: WebClient, place: Place, answerId: string): Promise<void> {
    const entry = this.sqlByAnswer.get(answerId);
    const message: SlackMessage = entry
      ? sqlToSlack(entry)
      : plainMessage('I no longer have the SQL of that answer; ask "show the SQL" right after a question instead.');
    await client.chat.postEphemeral({
      channel: place.channel,
      user: place.user,
      thread_ts: place.threadTs,
      ...message,
    });
  }

  private render(answer: Answer, question: string, picked?: AnswerRenderOptions["picked"]) {
    const answerId = answer.sql ? randomUUID() : undefined;
    if (answerId)
      this.sqlByAnswer.set(answerId, {
        sql: answer.sql!,
        params: answer.params,
        interpretation: answer.interpretation,
      });
    return answerToSlack(answer, { question, answerId, maxRows: this.options.maxRows, ...(picked ? { picked } : {}) });
  }

  /**
   * The answer message in the thread, then its files in the same thread. A file that cannot be
   * uploaded (a missing files:write scope, say) leaves the answer standing, with a note saying so.
   */
  private async deliver(
    client: WebClient,
    place: Place,
    answer: Answer,
    question: string,
    picked?: AnswerRenderOptions["picked"],
  ): Promise<void> {
    const { message, files } = this.render(answer, question, picked);
    await client.chat.postMessage({
      channel: place.channel,
      thread_ts: place.threadTs,
      unfurl_links: false,
      unfurl_media: false,
      ...message,
    });
    this.options.logger.info(
      `answered in ${place.channel}: ${answer.status} in ${Math.round(answer.timings.totalMs)} ms${files.length ? `, ${files.length} file(s) to upload` : ""}`,
    );
    if (!files.length) return;
    try {
      await this.upload(client, place, files);
    } catch (error) {
      this.options.logger.error(
        `uploading ${files.map((f) => f.filename).join(", ")} to ${place.channel} failed:`,
        error,
      );
      const what = files.some((f) => f.file !== undefined)
        ? files.length > 1
          ? "the chart and the CSV"
          : "the chart"
        : "the CSV of the whole table";
      await this.postQuietly(
        client,
        place,
        plainMessage(`(I could not attach ${what} here${slackErrorCode(error) ? `: ${slackErrorCode(error)}` : ""}.)`),
      );
    }
  }

  private async upload(client: WebClient, place: Place, files: AttachedFile[]): Promise<void> {
    await client.files.uploadV2({
      channel_id: place.channel,
      ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
      file_uploads: files.map((f) => ({
        ...(f.file !== undefined ? { file: f.file } : { content: f.content ?? "" }),
        filename: f.filename,
        title: f.title,
        ...(f.altText ? { alt_text: f.altText } : {}),
      })),
    });
  }

  /** Reactions are a courtesy: failing to add or remove one is logged, never fatal. */
  private async react(client: WebClient, how: "add" | "remove", place: Place): Promise<boolean> {
    try {
      const args = { channel: place.channel, timestamp: place.messageTs!, name: WORKING_REACTION };
      if (how === "add") await client.reactions.add(args);
      else await client.reactions.remove(args);
      return true;
    } catch (error) {
      this.options.logger.warn(`could not ${how} the working reaction in ${place.channel}:`, error);
      return false;
    }
  }

  private async postQuietly(client: WebClient, place: Place, message: SlackMessage): Promise<void> {
    try {
      await client.chat.postMessage({ channel: place.channel, thread_ts: place.threadTs, ...message });
    } catch (error) {
      this.options.logger.error(`could not tell ${place.channel} that an answer failed:`, error);
    }
  }
}
