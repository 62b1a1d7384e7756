import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import type { Answer } from "../../src/answers/answer.js";
import { ConnectomeChat } from "../../src/answers/chat.js";
import type { Conversation } from "../../src/answers/conversation.js";
import { createSlackBot, type SlackBot } from "../../adapters/slack/app.js";
import { readSlackConfig } from "../../adapters/slack/config.js";
import { slackLogger } from "../../adapters/slack/logger.js";
import { buildTestStore } from "./store.js";
import { gold, loadRawExports } from "./raw-tables.js";
import {
  BOT_USER_ID,
  postToBot,
  slackHeaders,
  startSlackStandIn,
  type ApiCall,
  type SlackStandIn,
} from "./slack-stand-in.js";

/**
 * The Slack adapter end to end in one process, for the Slack tests: the real Bolt app in HTTP mode
 * on loopback receives requests signed as Slack signs them; its Web API calls go to a stand-in
 * Slack through SLACK_API_URL. Gold numbers come from the raw exports with plain SQL.
 */
export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx";
export const TEAM = "T0LAB";
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The bot over a test store, the stand-in Slack, and what the bot logged and answered. */
export interface SlackFixture {
  slack: SlackStandIn;
  chat: ConnectomeChat;
  raw: Database.Database;
  bot: SlackBot;
  eventsUrl: string;
  logLines: string[];
  /** Every answer the core gave, with the question and conversation it was asked in. */
  answered: { question: string; conversation: Conversation; answer: Answer }[];
}

// One fixture per test file (each runs in its own process): the helpers below use it.
let slack: SlackStandIn;
let chat: ConnectomeChat;
let raw: Database.Database;
let bot: SlackBot;
let eventsUrl: string;
const logLines: string[] = [];
const answered: SlackFixture["answered"] = [];

export const BC_COUNT = () => gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'BC'") as number;
export const typeToType = (pre: string, post: string) =>
  gold(
    raw,
    "SELECT count(*) FROM syn JOIN root_type a ON pre_pt_root_id = a.pt_root_id " +
      "JOIN root_type b ON post_pt_root_id = b.pt_root_id WHERE a.cell_type = ? AND b.cell_type = ?",
    pre,
    post,
  ) as number;

let tsSeq = 0;
export const nextTs = () => `1710000${String(++tsSeq).padStart(3, "0")}.000${String(tsSeq).padStart(3, "0")}`;
let eventSeq = 0;

/** The next number for an event id or a response URL. */
export const nextEventSeq = () => ++eventSeq;

/** Everything the bot sent with this text in it (message text and blocks). */
export const messageText = (call: ApiCall) => `${call.body.text ?? ""}\n${JSON.stringify(call.body.blocks ?? [])}`;

/** An Events API request, signed with `secret` (the right one unless given) at `timestamp`. */
export async function sendEvent(
  event: Record<string, unknown>,
  options: { secret?: string; timestamp?: number; eventId?: string } = {},
) {
  const body = JSON.stringify({
    token: "legacy-verification-token",
    team_id: TEAM,
    api_app_id: "A0CONNECTOME",
    type: "event_callback",
    event_id: options.eventId ?? `Ev${String(++eventSeq).padStart(8, "0")}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: BOT_USER_ID, is_bot: true }],
    event,
  });
  return postToBot(
    eventsUrl,
    body,
    "application/json",
    slackHeaders(body, options.secret ?? SECRET, options.timestamp),
  );
}

/** An @-mention of the bot in a channel (in a thread when `threadTs` is given). */
export async function mention(text: string, options: { channel?: string; threadTs?: string; user?: string } = {}) {
  const ts = nextTs();
  const event = {
    type: "app_mention",
    user: options.user ?? "U0ALICE",
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    channel: options.channel ?? "C0LAB",
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
  const response = await sendEvent(event);
  return { ...response, ts, threadTs: options.threadTs ?? ts, channel: event.channel };
}

/** A direct message to the bot. */
export async function directMessage(
  text: string,
  options: { user?: string; channel?: string; threadTs?: string } = {},
) {
  const ts = nextTs();
  const event = {
    type: "message",
    channel_type: "im",
    user: options.user ?? "U0BOB",
    text,
    ts,
    channel: options.channel ?? "D0BOB",
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
  const response = await sendEvent(event);
  return { ...response, ts, channel: event.channel };
}

/** `/connectome text`, posted to the bot's URL (or `url`), signed with `secret` unless given. */
export async function slashCommand(
  text: string,
  options: { channel?: string; user?: string; url?: string; secret?: string } = {},
) {
  const body = new URLSearchParams({
    token: "legacy-verification-token",
    team_id: TEAM,
    team_domain: "lab",
    channel_id: options.channel ?? "C0LAB",
    channel_name: "connectomics",
    user_id: options.user ?? "U0CAROL",
    user_name: "carol",
    command: "/connectome",
    text,
    api_app_id: "A0CONNECTOME",
    response_url: slack.responseUrl(`cmd${++eventSeq}`),
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
  }).toString();
  return postToBot(
    options.url ?? eventsUrl,
    body,
    "application/x-www-form-urlencoded",
    slackHeaders(body, options.secret ?? SECRET),
  );
}

/** The bot's reply in a thread whose text mentions `match`. */
export const replyIn = (channel: string, threadTs: string | undefined, match: RegExp | string) =>
  slack.waitFor(
    "chat.postMessage",
    (c) =>
      c.body.channel === channel &&
      c.body.thread_ts === threadTs &&
      (typeof match === "string" ? messageText(c).includes(match) : match.test(messageText(c))),
  );

/**
 * A bot with settings `env`, on a port of its own, answering with the fixture's chat; its answers
 * and log lines are recorded in the fixture.
 */
export async function startBot(env: Record<string, string>, maxRows?: number): Promise<{ bot: SlackBot; url: string }> {
  const config = readSlackConfig(
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, ...env },
    "http",
  );
  const logger = slackLogger([BOT_TOKEN, SECRET], "debug", (line) => logLines.push(line));
  const recording = {
    answer: async (question: string, conversation?: Conversation) => {
      // A question that takes long, as a heavy query would, to show it holds up no other.
      if (question === "slow question") await new Promise((r) => setTimeout(r, 1500));
      const answer = await chat.answer(question, conversation);
      answered.push({ question, conversation: conversation!, answer });
      return answer;
    },
    choose: async (id: unknown, conversation: Conversation) => {
      const answer = await chat.choose(id, conversation);
      answered.push({ question: answer.question ?? "(refused choice)", conversation, answer });
      return answer;
    },
  };
  const started = await createSlackBot({
    config,
    chat: recording,
    logger,
    maxRows,
    retryConfig: { retries: 2, minTimeout: 50, maxTimeout: 100, factor: 1 },
  });
  const { url } = await started.start({ port: 0, host: "127.0.0.1" });
  return { bot: started, url: url! };
}

/** A test store and its chat, the stand-in Slack, and a bot on loopback answering with them. */
export async function slackFixture(): Promise<SlackFixture> {
  const store = await buildTestStore({ cells: 1500, seed: 21 });
  raw = loadRawExports(store.dir, ["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  chat = await ConnectomeChat.open({ dbPath: store.db, plotDir: mkdtempSync(join(tmpdir(), "cc-slack-plots-")) });
  slack = await startSlackStandIn();
  ({ bot, url: eventsUrl } = await startBot({ CONNECTOME_CHAT_RATE_LIMIT: "1000" }));
  return { slack, chat, raw, bot, eventsUrl, logLines, answered };
}

/** Stops what slackFixture started (whatever of it started). */
export async function closeSlackFixture(): Promise<void> {
  await bot?.stop();
  await chat?.close();
  await slack?.close();
}

/** The ts the stand-in gave a posted message. */
export async function tsOf(call: ApiCall): Promise<string> {
  return call.response!.ts as string;
}
