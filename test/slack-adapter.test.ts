import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../src/answers/answer.js";
import { ConnectomeChat } from "../src/answers/chat.js";
import type { Conversation } from "../src/answers/conversation.js";
import { createSlackBot, type SlackBot } from "../adapters/slack/app.js";
import { readSlackConfig } from "../adapters/slack/config.js";
import { slackLogger } from "../adapters/slack/logger.js";
import { WORKING_REACTION } from "../adapters/slack/responder.js";
import { buildTestStore } from "./support/store.js";
import { gold, loadRawExports } from "./support/raw-tables.js";
import { decodeLink, segmentationLayer } from "./support/neuroglancer-url.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { DEFAULT_VOCABULARY } from "../src/answers/chat.js";
import { BOT_USER_ID, postToBot, slackHeaders, startSlackStandIn, type ApiCall, type SlackStandIn } from "./support/slack-stand-in.js";

/**
 * The Slack adapter end to end in one process: the real Bolt app in HTTP mode on loopback receives
 * requests signed as Slack signs them; its Web API calls go to a stand-in Slack through
 * SLACK_API_URL. Gold numbers come from the raw exports with plain SQL.
 */
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const BOT_TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx";
const TEAM = "T0LAB";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let slack: SlackStandIn;
let chat: ConnectomeChat;
let raw: Database.Database;
let bot: SlackBot;
let eventsUrl: string;
const logLines: string[] = [];
/** Every answer the core gave, with the question and conversation it was asked in. */
const answered: { question: string; conversation: Conversation; answer: Answer }[] = [];

const BC_COUNT = () => gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'BC'") as number;
const typeToType = (pre: string, post: string) =>
  gold(raw, "SELECT count(*) FROM syn JOIN root_type a ON pre_pt_root_id = a.pt_root_id JOIN root_type b ON post_pt_root_id = b.pt_root_id WHERE a.cell_type = ? AND b.cell_type = ?", pre, post) as number;

let tsSeq = 0;
const nextTs = () => `1710000${String(++tsSeq).padStart(3, "0")}.000${String(tsSeq).padStart(3, "0")}`;
let eventSeq = 0;

/** Everything the bot sent with this text in it (message text and blocks). */
const messageText = (call: ApiCall) => `${call.body.text ?? ""}\n${JSON.stringify(call.body.blocks ?? [])}`;

async function sendEvent(event: Record<string, unknown>, options: { secret?: string; timestamp?: number; eventId?: string } = {}) {
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
  return postToBot(eventsUrl, body, "application/json", slackHeaders(body, options.secret ?? SECRET, options.timestamp));
}

async function mention(text: string, options: { channel?: string; threadTs?: string; user?: string } = {}) {
  const ts = nextTs();
  const event = { type: "app_mention", user: options.user ?? "U0ALICE", text: `<@${BOT_USER_ID}> ${text}`, ts, channel: options.channel ?? "C0LAB", event_ts: ts, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) };
  const response = await sendEvent(event);
  return { ...response, ts, threadTs: options.threadTs ?? ts, channel: event.channel };
}

async function directMessage(text: string, options: { user?: string; channel?: string; threadTs?: string } = {}) {
  const ts = nextTs();
  const event = { type: "message", channel_type: "im", user: options.user ?? "U0BOB", text, ts, channel: options.channel ?? "D0BOB", event_ts: ts, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) };
  const response = await sendEvent(event);
  return { ...response, ts, channel: event.channel };
}

async function slashCommand(text: string, options: { channel?: string; user?: string; url?: string; secret?: string } = {}) {
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
  return postToBot(options.url ?? eventsUrl, body, "application/x-www-form-urlencoded", slackHeaders(body, options.secret ?? SECRET));
}

/** The bot's reply in a thread whose text mentions `match`. */
const replyIn = (channel: string, threadTs: string | undefined, match: RegExp | string) =>
  slack.waitFor("chat.postMessage", (c) => c.body.channel === channel && c.body.thread_ts === threadTs && (typeof match === "string" ? messageText(c).includes(match) : match.test(messageText(c))));

async function startBot(env: Record<string, string>, maxRows?: number): Promise<{ bot: SlackBot; url: string }> {
  const config = readSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, ...env }, "http");
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
  const started = await createSlackBot({ config, chat: recording, logger, maxRows, retryConfig: { retries: 2, minTimeout: 50, maxTimeout: 100, factor: 1 } });
  const { url } = await started.start({ port: 0, host: "127.0.0.1" });
  return { bot: started, url: url! };
}

beforeAll(async () => {
  const store = await buildTestStore({ cells: 1500, seed: 21 });
  raw = loadRawExports(store.dir, ["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  chat = await ConnectomeChat.open({ dbPath: store.db, plotDir: mkdtempSync(join(tmpdir(), "cc-slack-plots-")) });
  slack = await startSlackStandIn();
  ({ bot, url: eventsUrl } = await startBot({ CONNECTOME_CHAT_RATE_LIMIT: "1000" }));
});

afterAll(async () => {
  await bot?.stop();
  await chat?.close();
  await slack?.close();
});

describe("Slack adapter over HTTP (signed requests, stand-in Web API)", () => {
  it("checks the bot token with auth.test at the stand-in given as SLACK_API_URL, sending it only as a bearer header", () => {
    const auth = slack.callsOf("auth.test");
    expect(auth.length).toBeGreaterThanOrEqual(1);
    expect(auth[0]!.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it("answers /connectome in a thread under the question, acked at once, with the right number", async () => {
    const before = performance.now();
    const ack = await slashCommand("How many basket cells are there?");
    expect(ack.status).toBe(200);
    expect(ack.ackMs).toBeLessThan(1000);
    expect(JSON.parse(ack.text)).toMatchObject({ response_type: "ephemeral", text: expect.stringMatching(/^Working on it/) });

    const parent = await slack.waitFor("chat.postMessage", (c) => c.body.channel === "C0LAB" && /<@U0CAROL> asked: How many basket cells are there\?/.test(c.body.text));
    expect(parent.body.thread_ts).toBeUndefined();
    const parentTs = await tsOf(parent);
    const reply = await replyIn("C0LAB", parentTs, /basket cells/);
    expect(reply.at - before).toBeLessThan(3000);
    expect(reply.body.text.split("\n")[0]).toBe(`Number of basket cells (BC): ${BC_COUNT().toLocaleString("en-US")}.`);
    // "Working on it" shows on the question while it is answered.
    expect(slack.callsOf("reactions.add", (c) => c.body.timestamp === parentTs && c.body.name === WORKING_REACTION)).toHaveLength(1);
    await slack.waitFor("reactions.remove", (c) => c.body.timestamp === parentTs);
  });

  it("answers a mention in its thread, with the table as an aligned monospace block and the whole table as CSV when cut", async () => {
    const ask = await mention("How many cells of each cell type are there?");
    expect(ask.status).toBe(200);
    expect(ask.ackMs).toBeLessThan(1000);
    const reply = await replyIn(ask.channel, ask.ts, /per cell type/);
    const blocks = reply.body.blocks as { type: string; text?: { text: string } }[];
    for (const block of blocks) if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    const tableBlock = blocks.find((b) => b.text?.text.startsWith("```"))!;
    const lines = tableBlock.text!.text.replace(/^```\n|\n```$/g, "").split("\n");
    expect(lines[0]).toMatch(/^cell_type\s+cells$/);
    const bc = lines.find((l) => l.startsWith("BC "))!;
    expect(bc).toMatch(new RegExp(`\\s${BC_COUNT()}$`));
    expect(bc.length).toBe(lines[0]!.length);
    const types = gold(raw, "SELECT count(DISTINCT cell_type) FROM ct") as number;
    expect(types).toBeGreaterThan(15);
    expect(lines.filter((l) => /^[A-Za-z0-9/_-]+\s+\d/.test(l))).toHaveLength(15);
    expect(lines.at(-1)).toMatch(/more rows? not shown/);
    expect(JSON.stringify(blocks)).toMatch(new RegExp(`Showing 15 of ${types} rows; the whole table is attached as CSV`));

    const complete = await slack.waitFor("files.completeUploadExternal", (c) => c.body.thread_ts === ask.ts);
    expect(complete.body.channel_id).toBe(ask.channel);
    const fileId = (complete.body.files as { id: string }[])[0]!.id;
    const csv = (await slack.waitFor("upload", (c) => c.fileId === fileId)).bytes!.toString("utf8").trim().split("\n");
    expect(csv[0]).toBe("cell_type,cells");
    expect(csv).toHaveLength(types + 1);
    expect(csv).toContain(`BC,${BC_COUNT()}`);
  });

  it("uploads the chart into the thread with files.uploadV2: the PNG bytes equal the chart file", async () => {
    const ask = await mention("plot the synapse size distribution");
    const reply = await replyIn(ask.channel, ask.ts, /synapse size/);
    expect(reply.body.text).toMatch(/Distribution of synapse size/);
    const answer = answered.find((a) => a.question === "plot the synapse size distribution")!.answer;
    expect(answer.chart).toBeDefined();

    const request = await slack.waitFor("files.getUploadURLExternal", (c) => /\.png$/.test(c.body.filename) && c.at >= reply.at);
    const complete = await slack.waitFor("files.completeUploadExternal", (c) => c.body.thread_ts === ask.ts);
    expect(complete.body.channel_id).toBe(ask.channel);
    const ids = (complete.body.files as { id: string }[]).map((f) => f.id);
    const upload = slack.calls.find((c) => c.method === "upload" && ids.includes(c.fileId!) && c.bytes!.subarray(0, 8).equals(PNG_SIGNATURE))!;
    expect(upload).toBeDefined();
    const png = readFileSync(answer.chart!.file);
    expect(upload.bytes!.equals(png)).toBe(true);
    expect(Number(request.body.length)).toBe(png.length);
    expect(upload.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it("keeps each thread's conversation: a follow-up reads its own thread, and another thread does not", async () => {
    const first = await mention("How many synapses go from basket cells to 23P cells?");
    await replyIn(first.channel, first.ts, `(23P): ${typeToType("BC", "23P").toLocaleString("en-US")}.`);
    const other = await mention("How many cells of each cell type are there?", { channel: "C0OTHER" });
    await replyIn(other.channel, other.ts, /per cell type/);

    const followUp = await mention("and onto 4P?", { threadTs: first.ts });
    const reply = await replyIn(first.channel, first.ts, /onto layer 4 pyramidal cells \(4P\)/);
    expect(reply.body.text.split("\n")[0]).toBe(`Number of synapses from basket cells (BC) onto layer 4 pyramidal cells (4P): ${typeToType("BC", "4P").toLocaleString("en-US")}.`);
    expect(followUp.threadTs).toBe(first.ts);

    // The same words in the other thread are not read as a follow-up of the first.
    await mention("and onto 4P?", { channel: "C0OTHER", threadTs: other.ts });
    const elsewhere = await replyIn("C0OTHER", other.ts, /\(4P\)/);
    expect(elsewhere.body.text).not.toMatch(/basket cells/);

    await mention("show the SQL", { channel: "C0OTHER", threadTs: other.ts });
    const sql = await replyIn("C0OTHER", other.ts, /The SQL of the last answer/);
    expect(messageText(sql)).toMatch(/```/);
    const conversations = new Set(answered.filter((a) => a.question === "and onto 4P?").map((a) => a.conversation));
    expect(conversations.size).toBe(2);
  });

  it("answers a direct message in the DM, and keeps DM follow-ups per user", async () => {
    const dm = await directMessage("How many synapses go from basket cells to 23P cells?");
    expect(dm.status).toBe(200);
    const reply = await replyIn(dm.channel, undefined, `(23P): ${typeToType("BC", "23P").toLocaleString("en-US")}.`);
    expect(reply.body.thread_ts).toBeUndefined();
    await directMessage("and onto 4P?");
    await replyIn(dm.channel, undefined, `basket cells (BC) onto layer 4 pyramidal cells (4P): ${typeToType("BC", "4P").toLocaleString("en-US")}.`);
    // Another user's DM has its own conversation: there, nothing came before, so the follow-up is asked back.
    await directMessage("and onto 4P?", { user: "U0DAVE", channel: "D0DAVE" });
    const dave = await replyIn("D0DAVE", undefined, /no earlier question/);
    expect(dave.body.text).not.toMatch(/basket cells/);
  });

  it("shows the SQL behind an answer when its \"Show SQL\" button is clicked, to the person who clicked", async () => {
    const ask = await mention("How many synapses go from basket cells to 23P cells?", { channel: "C0SQL" });
    const reply = await replyIn("C0SQL", ask.ts, /basket cells/);
    const actions = (reply.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === "actions")!;
    const button = actions.elements![0]!;
    expect(button.action_id).toBe("connectome_show_sql");
    const replyTs = await tsOf(reply);
    const payload = {
      type: "block_actions",
      user: { id: "U0ERIN", username: "erin", team_id: TEAM },
      api_app_id: "A0CONNECTOME",
      token: "legacy-verification-token",
      container: { type: "message", message_ts: replyTs, channel_id: "C0SQL", is_ephemeral: false, thread_ts: ask.ts },
      trigger_id: "123.456.abc",
      team: { id: TEAM, domain: "lab" },
      channel: { id: "C0SQL", name: "sql" },
      message: { type: "message", ts: replyTs, thread_ts: ask.ts, text: reply.body.text, bot_id: "BBOT0001" },
      response_url: slack.responseUrl("action1"),
      actions: [{ type: "button", action_id: button.action_id, block_id: "b1", value: button.value, action_ts: "1710000999.000001", text: { type: "plain_text", text: "Show SQL" } }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const ack = await postToBot(eventsUrl, body, "application/x-www-form-urlencoded", slackHeaders(body, SECRET));
    expect(ack.status).toBe(200);
    const shown = await slack.waitFor("chat.postEphemeral", (c) => c.body.channel === "C0SQL" && c.body.user === "U0ERIN");
    expect(shown.body.thread_ts).toBe(ask.ts);
    const sql = answered.find((a) => a.question === "How many synapses go from basket cells to 23P cells?")!.answer.sql!;
    expect(messageText(shown)).toContain(JSON.stringify(sql.split("\n")[0]).slice(1, 40));
    expect(messageText(shown)).toMatch(/How it was read/);
  });

  it("shows a \"View in Neuroglancer\" button for the cells an answer names, and acknowledges its click", async () => {
    const root = gold(raw, "SELECT pre_pt_root_id FROM syn GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1") as string;
    const ask = await mention(`What are the top 5 postsynaptic partners of ${root}?`, { channel: "C0NGL" });
    const reply = await replyIn("C0NGL", ask.ts, /top 5/);
    const blocks = reply.body.blocks as { type: string; block_id?: string; accessory?: Record<string, any> }[];
    const button = blocks.find((b) => b.accessory?.type === "button")!.accessory!;
    expect(button.text).toEqual({ type: "plain_text", text: "View in Neuroglancer" });
    const partners = raw
      .prepare("SELECT post_pt_root_id FROM syn WHERE pre_pt_root_id = ? GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5")
      .raw(true).all(BigInt(root)).map((r) => String((r as bigint[])[0]));
    const link = decodeLink(button.url);
    expect(segmentationLayer(link).segments).toEqual(partners);
    // This store records no materialization version: the dynamic segmentation, and the label says so.
    expect(segmentationLayer(link).source).toMatch(/^graphene:\/\//);
    expect(messageText(reply)).toMatch(/View the 5 cells in Neuroglancer \(dynamic segmentation: needs a CAVE login/);

    // Slack opens the URL itself, and sends the click to the app, which only acknowledges it.
    const replyTs = await tsOf(reply);
    const payload = {
      type: "block_actions",
      user: { id: "U0ERIN", username: "erin", team_id: TEAM },
      api_app_id: "A0CONNECTOME",
      token: "legacy-verification-token",
      container: { type: "message", message_ts: replyTs, channel_id: "C0NGL", is_ephemeral: false, thread_ts: ask.ts },
      trigger_id: "123.456.def",
      team: { id: TEAM, domain: "lab" },
      channel: { id: "C0NGL", name: "ngl" },
      message: { type: "message", ts: replyTs, thread_ts: ask.ts, text: reply.body.text, bot_id: "BBOT0001" },
      response_url: slack.responseUrl("action2"),
      actions: [{ type: "button", action_id: button.action_id, block_id: "b2", action_ts: "1.2", text: button.text }],
    };
    await slack.waitFor("reactions.remove", (c) => c.body.timestamp === ask.ts);
    const callsBefore = slack.calls.length;
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const ack = await postToBot(eventsUrl, body, "application/x-www-form-urlencoded", slackHeaders(body, SECRET));
    expect(ack.status).toBe(200);
    expect(ack.ackMs).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.length).toBe(callsBefore);
    expect(logLines.some((l) => /not acknowledged/.test(l))).toBe(false);
  });

  it("rejects forged and stale requests with 401, and answers neither", async () => {
    const callsBefore = slack.calls.length;
    const answersBefore = answered.length;
    const forged = await sendEvent({ type: "app_mention", user: "U0MALLORY", text: `<@${BOT_USER_ID}> How many basket cells are there?`, ts: nextTs(), channel: "C0LAB" }, { secret: "not-the-signing-secret" });
    expect(forged.status).toBe(401);
    const stale = await sendEvent({ type: "app_mention", user: "U0MALLORY", text: `<@${BOT_USER_ID}> How many basket cells are there?`, ts: nextTs(), channel: "C0LAB" }, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    const forgedCommand = await slashCommand("How many basket cells are there?", { secret: "not-the-signing-secret" });
    expect(forgedCommand.status).toBe(401);
    const unsigned = await postToBot(eventsUrl, "{}", "application/json", {});
    expect(unsigned.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.length).toBe(callsBefore);
    expect(answered.length).toBe(answersBefore);
  });

  it("answers Slack's URL verification challenge, when signed", async () => {
    const body = JSON.stringify({ token: "legacy", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" });
    const verified = await postToBot(eventsUrl, body, "application/json", slackHeaders(body, SECRET));
    expect(verified.status).toBe(200);
    expect(verified.text).toContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    const forged = await postToBot(eventsUrl, body, "application/json", slackHeaders(body, "wrong-secret"));
    expect(forged.status).toBe(401);
  });

  it("tells the asker when a /connectome answer cannot be sent", async () => {
    slack.fail("chat.postMessage", { error: "fatal_error" });
    const ack = await slashCommand("How many basket cells are there?", { channel: "C0BROKEN" });
    expect(ack.status).toBe(200);
    const sorry = await slack.waitFor("respond", (c) => c.body.response_type === "ephemeral" && /could not answer that here/.test(c.body.text));
    expect(sorry).toBeDefined();
    await expect.poll(() => logLines.some((l) => /ERROR .*answering a slash command failed/.test(l))).toBe(true);
  });

  it("answers an event redelivered by Slack only once", async () => {
    const ts = nextTs();
    const event = { type: "app_mention", user: "U0ALICE", text: `<@${BOT_USER_ID}> How many basket cells are there?`, ts, channel: "C0ONCE" };
    await sendEvent(event, { eventId: "EvSAME0001" });
    await sendEvent(event, { eventId: "EvSAME0001" });
    await replyIn("C0ONCE", ts, /basket cells/);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.callsOf("chat.postMessage", (c) => c.body.channel === "C0ONCE")).toHaveLength(1);
  });

  it("does not let a slow question hold up another", async () => {
    const slow = await mention("slow question", { channel: "C0SLOW" });
    expect(slow.ackMs).toBeLessThan(1000);
    const fast = await mention("How many basket cells are there?", { channel: "C0FAST" });
    const fastReply = await replyIn("C0FAST", fast.ts, /basket cells/);
    const slowReply = await replyIn("C0SLOW", slow.ts, /.*/);
    expect(fastReply.at).toBeLessThan(slowReply.at);
  });

  it("survives a malformed event and keeps answering", async () => {
    const bad = await sendEvent({ type: "app_mention", text: 42, channel: null });
    expect(bad.status).toBe(200);
    const ok = await mention("How many basket cells are there?", { channel: "C0AFTER" });
    await replyIn("C0AFTER", ok.ts, /basket cells/);
  });

  it("retries a Web API call that failed with a server error", async () => {
    slack.fail("chat.postMessage", { status: 500 });
    const ask = await mention("How many basket cells are there?", { channel: "C0RETRY" });
    const reply = await replyIn("C0RETRY", ask.ts, /basket cells/);
    expect(reply).toBeDefined();
    expect(slack.calls.filter((c) => c.method === "chat.postMessage" && c.body.failedWith).length).toBeGreaterThanOrEqual(1);
  });

  it("keeps the answer when its files cannot be uploaded, and says so in the thread", async () => {
    slack.fail("files.getUploadURLExternal", { error: "missing_scope" });
    const ask = await mention("How many cells of each cell type are there?", { channel: "C0NOFILES" });
    await replyIn("C0NOFILES", ask.ts, /per cell type/);
    const note = await replyIn("C0NOFILES", ask.ts, /I could not attach the CSV of the whole table here: missing_scope/);
    expect(note).toBeDefined();
    expect(slack.callsOf("files.completeUploadExternal", (c) => c.body.channel_id === "C0NOFILES")).toHaveLength(0);
  });

  it("answers \"help\" with example questions", async () => {
    const ask = await mention("help", { channel: "C0HELP" });
    const reply = await replyIn("C0HELP", ask.ts, /How many basket cells are there\?/);
    expect(messageText(reply)).toMatch(/Follow-ups work in the same thread/);
    const ack = await slashCommand("help", { channel: "C0HELP" });
    expect(ack.status).toBe(200);
    const privately = await slack.waitFor("respond", (c) => c.body.response_type === "ephemeral" && /How many basket cells/.test(c.body.text));
    expect(privately).toBeDefined();
  });

  it("never writes the bot token or the signing secret to its logs", () => {
    expect(logLines.length).toBeGreaterThan(10);
    const all = logLines.join("\n");
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SECRET);
  });
});

describe("Slack: questions offered as buttons", () => {
  type Button = { type: string; action_id: string; value: string; text: { text: string } };
  const choiceButtons = (call: ApiCall) =>
    (call.body.blocks as { type: string; elements?: Button[] }[])
      .filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []).filter((e) => e.action_id.startsWith("connectome_choice_"));
  const reader = new OfflineReader(Vocabulary.load(DEFAULT_VOCABULARY));

  /** Clicks a button of a bot message in a thread, as Slack sends the block_actions payload. */
  async function click(reply: ApiCall, button: Button, options: { user?: string; channel: string; threadTs: string }) {
    const replyTs = await tsOf(reply);
    const payload = {
      type: "block_actions",
      user: { id: options.user ?? "U0ERIN", username: "erin", team_id: TEAM },
      api_app_id: "A0CONNECTOME",
      token: "legacy-verification-token",
      container: { type: "message", message_ts: replyTs, channel_id: options.channel, is_ephemeral: false, thread_ts: options.threadTs },
      trigger_id: "123.456.choice",
      team: { id: TEAM, domain: "lab" },
      channel: { id: options.channel, name: "lab" },
      message: { type: "message", ts: replyTs, thread_ts: options.threadTs, text: reply.body.text, bot_id: "BBOT0001" },
      response_url: slack.responseUrl(`choice${++eventSeq}`),
      actions: [{ type: "button", action_id: button.action_id, block_id: "c1", value: button.value, action_ts: "1.3", text: button.text }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return postToBot(eventsUrl, body, "application/x-www-form-urlencoded", slackHeaders(body, SECRET));
  }

  it("after an answer, shows the next questions as buttons, each a question the reader reads as a plan", async () => {
    const ask = await mention("How many basket cells are there?", { channel: "C0NEXT" });
    const reply = await replyIn("C0NEXT", ask.ts, /basket cells/);
    const buttons = choiceButtons(reply);
    expect(buttons.map((b) => b.text.text)).toEqual(["where are the BC cells?", "how many synapses do BC cells make?", "how many BC cells are there per layer?"]);
    expect(messageText(reply)).toContain("Next questions (click to ask in this thread):");
    const conversation = answered.find((a) => a.question === "How many basket cells are there?" && a.answer.choices?.[0]?.id === buttons[0]!.value)!.conversation;
    for (const b of buttons) {
      expect(b.value).toMatch(/^[A-Za-z0-9_-]{12}$/);
      expect((await reader.plan(b.text.text, conversation.lastPlan)).type).toBe("plan");
    }
  });

  it("clicking a next question, by anyone in the thread, posts its answer in the same thread", async () => {
    const ask = await mention("How many synapses go from basket cells to 23P cells?", { channel: "C0NEXT" });
    const reply = await replyIn("C0NEXT", ask.ts, /basket cells/);
    const reverse = choiceButtons(reply).find((b) => b.text.text === "how many synapses go from 23P cells to BC cells?")!;
    const ack = await click(reply, reverse, { channel: "C0NEXT", threadTs: ask.ts, user: "U0FRANK" });
    expect(ack.status).toBe(200);
    expect(ack.ackMs).toBeLessThan(1000);
    const n = typeToType("23P", "BC").toLocaleString("en-US");
    const answer = await replyIn("C0NEXT", ask.ts, `onto basket cells (BC): ${n}.`);
    expect(answer.body.text.split("\n")[0]).toBe(`Number of synapses from layer 2/3 pyramidal cells (23P) onto basket cells (BC): ${n}.`);
    expect(messageText(answer)).toContain("<@U0FRANK> asked: how many synapses go from 23P cells to BC cells?");
    // The answer is in the thread's conversation: a typed follow-up reads it.
    await mention("and onto 4P?", { channel: "C0NEXT", threadTs: ask.ts });
    await replyIn("C0NEXT", ask.ts, `from layer 2/3 pyramidal cells (23P) onto layer 4 pyramidal cells (4P): ${typeToType("23P", "4P").toLocaleString("en-US")}.`);
  });

  it("a question asked back offers its readings as buttons; clicking one answers that reading in the thread", async () => {
    const ask = await mention("how many bp cells are there?", { channel: "C0NEXT" });
    const reply = await replyIn("C0NEXT", ask.ts, /could mean BC or BPC/);
    expect(messageText(reply)).toContain("Did you mean one of these? Click to ask it:");
    const buttons = choiceButtons(reply);
    expect(buttons.map((b) => b.text.text)).toEqual(["how many BC cells are there?", "how many BPC cells are there?"]);
    for (const b of buttons) expect((await reader.plan(b.text.text)).type).toBe("plan");
    await click(reply, buttons[0]!, { channel: "C0NEXT", threadTs: ask.ts });
    const answer = await replyIn("C0NEXT", ask.ts, `Number of basket cells (BC): ${BC_COUNT().toLocaleString("en-US")}.`);
    expect(messageText(answer)).toContain("<@U0ERIN> asked: how many BC cells are there?");
  });

  it("refuses a button from another thread, or a forged id, plainly and only to the person who clicked", async () => {
    const first = await mention("How many basket cells are there?", { channel: "C0NEXT" });
    const reply = await replyIn("C0NEXT", first.ts, /basket cells/);
    const button = choiceButtons(reply)[0]!;
    const other = nextTs();
    const postsBefore = slack.callsOf("chat.postMessage").length;
    // The same id clicked as if under a message of another thread: not that thread's choice.
    await click(reply, button, { channel: "C0NEXT", threadTs: other, user: "U0GRACE" });
    const told = await slack.waitFor("chat.postEphemeral", (c) => c.body.user === "U0GRACE");
    expect(told.body.text).toBe("That choice has expired; please ask again.");
    expect(told.body.thread_ts).toBe(other);
    await click(reply, { ...button, value: "forgedforged" }, { channel: "C0NEXT", threadTs: first.ts, user: "U0HEIDI" });
    const forged = await slack.waitFor("chat.postEphemeral", (c) => c.body.user === "U0HEIDI");
    expect(forged.body.text).toBe("That choice has expired; please ask again.");
    // A value that is not a choice id at all is dropped before the core sees it.
    await click(reply, { ...button, value: "<script>" }, { channel: "C0NEXT", threadTs: first.ts, user: "U0IVAN" });
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.callsOf("chat.postEphemeral", (c) => c.body.user === "U0IVAN")).toHaveLength(0);
    expect(slack.callsOf("chat.postMessage").length).toBe(postsBefore);
  });
});

describe("Slack adapter limits", () => {
  let limited: { bot: SlackBot; url: string };

  beforeAll(async () => {
    limited = await startBot({ CONNECTOME_CHAT_RATE_LIMIT: "2", SLACK_CHANNELS: "C0ALLOWED,D0ALLOWED", SLACK_TEAMS: TEAM });
  });

  afterAll(async () => {
    await limited?.bot.stop();
  });

  it("answers only in allowed channels: a mention elsewhere is ignored, a command elsewhere is told why", async () => {
    const ts = nextTs();
    const body = JSON.stringify({ team_id: TEAM, type: "event_callback", event_id: "EvLIMIT001", event: { type: "app_mention", user: "U0ALICE", text: `<@${BOT_USER_ID}> How many basket cells are there?`, ts, channel: "C0CLOSED" } });
    const ack = await postToBot(limited.url, body, "application/json", slackHeaders(body, SECRET));
    expect(ack.status).toBe(200);
    const command = await slashCommand("How many basket cells are there?", { channel: "C0CLOSED", url: limited.url });
    expect(JSON.parse(command.text).text).toMatch(/not enabled in this channel/);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.callsOf("chat.postMessage", (c) => c.body.channel === "C0CLOSED")).toHaveLength(0);
  });

  it("limits questions per user per minute, with a polite message", async () => {
    const first = await slashCommand("How many basket cells are there?", { channel: "C0ALLOWED", user: "U0FRANK", url: limited.url });
    const second = await slashCommand("How many basket cells are there?", { channel: "C0ALLOWED", user: "U0FRANK", url: limited.url });
    const third = await slashCommand("How many basket cells are there?", { channel: "C0ALLOWED", user: "U0FRANK", url: limited.url });
    expect(JSON.parse(first.text).text).toMatch(/^Working on it/);
    expect(JSON.parse(second.text).text).toMatch(/^Working on it/);
    expect(JSON.parse(third.text).text).toMatch(/You've asked 2 questions in the last minute.*try again in \d+ s/);
    // Someone else is not held back by Frank's questions.
    const other = await slashCommand("How many basket cells are there?", { channel: "C0ALLOWED", user: "U0GRACE", url: limited.url });
    expect(JSON.parse(other.text).text).toMatch(/^Working on it/);
    // In a mention, the limit is told to the asker only (ephemeral).
    const ts = nextTs();
    const body = JSON.stringify({ team_id: TEAM, type: "event_callback", event_id: "EvLIMIT002", event: { type: "app_mention", user: "U0FRANK", text: `<@${BOT_USER_ID}> How many basket cells are there?`, ts, channel: "C0ALLOWED" } });
    await postToBot(limited.url, body, "application/json", slackHeaders(body, SECRET));
    const told = await slack.waitFor("chat.postEphemeral", (c) => c.body.user === "U0FRANK" && /questions in the last minute/.test(c.body.text));
    expect(told.body.thread_ts).toBe(ts);
  });
});

/** The ts the stand-in gave a posted message. */
async function tsOf(call: ApiCall): Promise<string> {
  return call.response!.ts as string;
}
