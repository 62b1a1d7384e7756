import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectomeChat } from "../src/answers/chat.js";
import type { Conversation } from "../src/answers/conversation.js";
import { createSlackBot, type SlackBot } from "../adapters/slack/app.js";
import { readSlackConfig } from "../adapters/slack/config.js";
import { slackLogger } from "../adapters/slack/logger.js";
import { sendLargeBody } from "./support/large-body.js";
import { slackHeaders, startSlackStandIn, type ApiCall, type SlackStandIn } from "./support/slack-stand-in.js";
import { buildTestStore } from "./support/store.js";

/**
 * The Slack bot in HTTP mode against hostile requests (issue 15, items 10 to 13): the real Bolt
 * app on 127.0.0.1, its Web API calls going to a stand-in Slack.
 */
const SECRET = "3c0ffee1b10e8888abcd99yyyzzz85a5";
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
const BOT_TOKEN = "xoxb-1111111111-2222222222-GuArDgUaRdGuArDgUaRdGuAr";

let slack: SlackStandIn;
let chat: ConnectomeChat;
let bot: SlackBot;
let url: string;
const questions: string[] = [];
const logLines: string[] = [];

const signed = (body: string, contentType: string, timestamp?: number) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": contentType, ...slackHeaders(body, SECRET, timestamp) },
    body,
    signal: AbortSignal.timeout(3000),
  }).then(
    async (r) => ({ status: r.status, text: await r.text() }),
    (e: Error) => ({ status: 0, text: e.name }),
  );

function command(text: string, channel = "C0GUARD") {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T0LAB",
    team_domain: "lab",
    channel_id: channel,
    channel_name: "guard",
    user_id: "U0MALLORY",
    user_name: "mallory",
    command: "/connectome",
    text,
    api_app_id: "A0CONNECTOME",
    response_url: slack.responseUrl(`guard${Math.random()}`),
    trigger_id: "1.2.3",
  }).toString();
}

beforeAll(async () => {
  const store = await buildTestStore({ cells: 600, seed: 8 });
  chat = await ConnectomeChat.open({ dbPath: store.db, plotDir: mkdtempSync(join(tmpdir(), "cc-guard-plots-")) });
  slack = await startSlackStandIn();
  const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl };
  const config = readSlackConfig(env, "http");
  const logger = slackLogger([BOT_TOKEN, SECRET], "debug", (line) => logLines.push(line));
  const recording = {
    answer: (question: string, conversation?: Conversation) => {
      questions.push(question);
      return chat.answer(question, conversation);
    },
    choose: (id: unknown, conversation: Conversation) => chat.choose(id, conversation),
  };
  bot = await createSlackBot({ config, chat: recording, logger, retryConfig: { retries: 0 } });
  url = (await bot.start({ port: 0, host: "127.0.0.1" })).url!;
});

afterAll(async () => {
  await bot?.stop();
  await chat?.close();
  await slack?.close();
});

describe("Slack HTTP mode: what the bot refuses", () => {
  it("answers 413 to an unsigned body past the cap as soon as the cap is passed, before the rest is sent", async () => {
    const sent = await sendLargeBody(url, { bytes: 64 << 20, timeoutMs: 20_000 });
    expect(sent.status, JSON.stringify(sent)).toBe(413);
    expect(sent.sentAtResponse!).toBeLessThan(16 << 20);
  });

  it("answers 413 at once when Content-Length announces a body past the cap", async () => {
    const sent = await sendLargeBody(url, { bytes: 64 << 20, timeoutMs: 10_000, contentLength: true });
    expect(sent.status).toBe(413);
    expect(sent.sentAtResponse!).toBeLessThan(16 << 20);
  });

  it("rejects a signed request dated 10 minutes ahead, or 6 behind, with 401, and answers neither", async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now + 600, now - 360]) {
      const response = await signed(command("How many basket cells are there?"), FORM, timestamp);
      expect(response.status, String(timestamp - now)).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(questions).toHaveLength(0);
  });

  it("answers a signed JSON null, and a signed payload=null, with 400 at once", async () => {
    for (const [body, type] of [
      ["null", JSON_TYPE],
      ["payload=null", FORM],
      ["[1,2]", JSON_TYPE],
    ]) {
      const started = performance.now();
      const response = await signed(body!, type!);
      expect(response.status, body).toBe(400);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it("refuses a 100 kB /connectome before echoing it, quoting only a short beginning", async () => {
    const long = `How many basket cells are there? ${"x".repeat(100_000)}`;
    const response = await signed(command(long), FORM);
    expect(response.status).toBe(200);
    expect(response.text.length).toBeLessThan(600);
    const ack = JSON.parse(response.text) as { response_type: string; text: string };
    expect(ack).toMatchObject({ response_type: "ephemeral", text: expect.stringMatching(/too long/) });
    await new Promise((r) => setTimeout(r, 500));
    expect(slack.callsOf("chat.postMessage", (c) => /asked:/.test(String(c.body.text)))).toHaveLength(0);
    expect(questions).toHaveLength(0);
  });

  it("keeps answering a proper signed question after all of these", async () => {
    const response = await signed(command("How many basket cells are there?", "C0AFTER"), FORM);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).text).toMatch(/^Working on it/);
    const inAfter = (thread: unknown) => (c: ApiCall) => c.body.channel === "C0AFTER" && c.body.thread_ts === thread;
    const parent = await slack.waitFor("chat.postMessage", inAfter(undefined));
    await slack.waitFor("chat.postMessage", inAfter(parent.response!.ts));
    expect(logLines.join("\n")).not.toContain(SECRET);
  });
});
