/**
 * What the adapter reads from Slack's payloads, checked with zod: an event that lacks a field we
 * need is logged and ignored instead of failing half-way through. Each trigger becomes a Question:
 * the words asked and the Place to answer in.
 */
import { z } from "zod";
import { CHOICE_ID } from "../../src/answers/choices.js";
import { threadKey } from "../common/conversations.js";
import { questionFromSlackText } from "./text.js";

/** Where a question was asked and where its answer goes. */
export interface Place {
  team?: string;
  channel: string;
  user: string;
  /** The thread the answer goes in; undefined for a top-level reply in a direct message. */
  threadTs?: string;
  /** The message that holds the question, for the "working on it" reaction. */
  messageTs?: string;
  isDirectMessage: boolean;
}

export interface Question {
  text: string;
  place: Place;
}

/**
 * The conversation a question belongs to: one per thread (workspace, channel, thread), and in a
 * direct message also per user. The top level of a DM is one conversation of its own.
 */
export const conversationKeyOf = (place: Place) =>
  threadKey(place.team, place.channel, place.threadTs ?? "top", place.isDirectMessage ? place.user : undefined);

const MentionEvent = z.object({
  type: z.literal("app_mention"),
  user: z.string().min(1),
  text: z.string(),
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  team: z.string().optional(),
});

const MessageEvent = z.object({
  type: z.literal("message"),
  channel_type: z.string(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  user: z.string().optional(),
  text: z.string().optional(),
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  team: z.string().optional(),
});

const SlashCommand = z.object({
  command: z.string(),
  text: z.string(),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  team_id: z.string().optional(),
  channel_name: z.string().optional(),
  response_url: z.string().optional(),
});

const ShowSqlAction = z.object({
  user: z.object({ id: z.string().min(1) }),
  team: z.object({ id: z.string() }).nullable().optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z
    .object({ channel_id: z.string().optional(), message_ts: z.string().optional(), thread_ts: z.string().optional() })
    .optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
});

/** The workspace of an event callback: the envelope's team_id, else the event's. */
const teamOfBody = (body: unknown, event: { team?: string }) => {
  const teamId = (body as { team_id?: unknown } | undefined)?.team_id;
  return typeof teamId === "string" ? teamId : event.team;
};

/** A mention in a channel: the answer goes in the mention's thread (a new one under the mention if it was top-level). */
export function questionFromMention(event: unknown, body: unknown): Question | undefined {
  const parsed = MentionEvent.safeParse(event);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  return {
    text: questionFromSlackText(e.text),
    place: {
      team: teamOfBody(body, e),
      channel: e.channel,
      user: e.user,
      threadTs: e.thread_ts ?? e.ts,
      messageTs: e.ts,
      isDirectMessage: false,
    },
  };
}

/**
 * A direct message to the bot. Edits, joins and bots' own messages carry a subtype or a bot_id and
 * are not questions. The answer goes in the DM itself, or in the thread if asked in one.
 */
export function questionFromDirectMessage(event: unknown, body: unknown): Question | undefined {
  const parsed = MessageEvent.safeParse(event);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  if (e.channel_type !== "im" || e.subtype !== undefined || e.bot_id !== undefined || !e.user) return undefined;
  return {
    text: questionFromSlackText(e.text),
    place: {
      team: teamOfBody(body, e),
      channel: e.channel,
      user: e.user,
      threadTs: e.thread_ts,
      messageTs: e.ts,
      isDirectMessage: true,
    },
  };
}

export type SlashQuestion = Question & { responseUrl?: string };

/** `/connectome <question>`; the thread is made later, under a message the bot posts with the question. */
export function questionFromSlashCommand(command: unknown): SlashQuestion | undefined {
  const parsed = SlashCommand.safeParse(command);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  return {
    text: questionFromSlackText(c.text),
    responseUrl: c.response_url,
    place: { team: c.team_id, channel: c.channel_id, user: c.user_id, isDirectMessage: c.channel_id.startsWith("D") },
  };
}

/** A "Show SQL" click: who clicked, and the thread of the answer it was under. */
export function placeOfAction(body: unknown): Place | undefined {
  const parsed = ShowSqlAction.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const channel = b.channel?.id ?? b.container?.channel_id;
  if (!channel) return undefined;
  const threadTs = b.message?.thread_ts ?? b.container?.thread_ts;
  return {
    team: b.team?.id ?? undefined,
    channel,
    user: b.user.id,
    threadTs,
    messageTs: b.message?.ts ?? b.container?.message_ts,
    isDirectMessage: channel.startsWith("D"),
  };
}

/** A choice button's click: the id it carries, and a user id that can be put in a mention. */
const ChoiceAction = z.object({
  user: z.object({ id: z.string().regex(/^[UW][A-Z0-9]{2,30}$/) }),
  actions: z.array(z.object({ type: z.literal("button"), value: z.string().regex(CHOICE_ID) })).length(1),
});

/**
 * A click on a choice button: where it was clicked (the thread of the message it was under) and
 * the choice id. Anything else in the payload is Slack's; the id is only looked up, never trusted.
 */
export function choiceOfAction(body: unknown): { place: Place; id: string } | undefined {
  const parsed = ChoiceAction.safeParse(body);
  const place = placeOfAction(body);
  if (!parsed.success || !place) return undefined;
  return { place, id: parsed.data.actions[0]!.value };
}
