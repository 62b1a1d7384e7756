import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackBot } from "../adapters/slack/app.js";
import { BOT_USER_ID, postToBot, slackHeaders, type SlackStandIn } from "./support/slack-stand-in.js";
import {
  SECRET,
  TEAM,
  closeSlackFixture,
  mention,
  nextTs,
  replyIn,
  sendEvent,
  slackFixture,
  slashCommand,
  startBot,
  type SlackFixture,
} from "./support/slack-fixture.js";

/**
 * What the Slack adapter does with requests that are not plain questions (support/slack-fixture.ts):
 * forged, stale, redelivered, malformed or slow ones, failing Web API calls and uploads, and its
 * channel and rate limits.
 */
let slack: SlackStandIn;
let eventsUrl: string;
let logLines: string[];
let answered: SlackFixture["answered"];

beforeAll(async () => {
  ({ slack, eventsUrl, logLines, answered } = await slackFixture());
});

afterAll(async () => {
  await closeSlackFixture();
});

describe("Slack adapter over HTTP (signed requests, stand-in Web API)", () => {
  it("rejects forged and stale requests with 401, and answers neither", async () => {
    const callsBefore = slack.calls.length;
    const answersBefore = answered.length;
    const forged = await sendEvent(
      {
        type: "app_mention",
        user: "U0MALLORY",
        text: `<@${BOT_USER_ID}> How many basket cells are there?`,
        ts: nextTs(),
        channel: "C0LAB",
      },
      { secret: "not-the-signing-secret" },
    );
    expect(forged.status).toBe(401);
    const stale = await sendEvent(
      {
        type: "app_mention",
        user: "U0MALLORY",
        text: `<@${BOT_USER_ID}> How many basket cells are there?`,
        ts: nextTs(),
        channel: "C0LAB",
      },
      { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 },
    );
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
    const body = JSON.stringify({
      token: "legacy",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
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
    const sorry = await slack.waitFor(
      "respond",
      (c) => c.body.response_type === "ephemeral" && /could not answer that here/.test(c.body.text),
    );
    expect(sorry).toBeDefined();
    await expect.poll(() => logLines.some((l) => /ERROR .*answering a slash command failed/.test(l))).toBe(true);
  });

  it("answers an event redelivered by Slack only once", async () => {
    const ts = nextTs();
    const event = {
      type: "app_mention",
      user: "U0ALICE",
      text: `<@${BOT_USER_ID}> How many basket cells are there?`,
      ts,
      channel: "C0ONCE",
    };
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
    expect(
      slack.calls.filter((c) => c.method === "chat.postMessage" && c.body.failedWith).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it("keeps the answer when its files cannot be uploaded, and says so in the thread", async () => {
    slack.fail("files.getUploadURLExternal", { error: "missing_scope" });
    const ask = await mention("How many cells of each cell type are there?", { channel: "C0NOFILES" });
    await replyIn("C0NOFILES", ask.ts, /per cell type/);
    const note = await replyIn(
      "C0NOFILES",
      ask.ts,
      /I could not attach the CSV of the whole table here: missing_scope/,
    );
    expect(note).toBeDefined();
    expect(slack.callsOf("files.completeUploadExternal", (c) => c.body.channel_id === "C0NOFILES")).toHaveLength(0);
  });
});

describe("Slack adapter limits", () => {
  let limited: { bot: SlackBot; url: string };

  beforeAll(async () => {
    limited = await startBot({
      CONNECTOME_CHAT_RATE_LIMIT: "2",
      SLACK_CHANNELS: "C0ALLOWED,D0ALLOWED",
      SLACK_TEAMS: TEAM,
    });
  });

  afterAll(async () => {
    await limited?.bot.stop();
  });

  it("answers only in allowed channels: a mention elsewhere is ignored, a command elsewhere is told why", async () => {
    const ts = nextTs();
    const body = JSON.stringify({
      team_id: TEAM,
      type: "event_callback",
      event_id: "EvLIMIT001",
      event: {
        type: "app_mention",
        user: "U0ALICE",
        text: `<@${BOT_USER_ID}> How many basket cells are there?`,
        ts,
        channel: "C0CLOSED",
      },
    });
    const ack = await postToBot(limited.url, body, "application/json", slackHeaders(body, SECRET));
    expect(ack.status).toBe(200);
    const command = await slashCommand("How many basket cells are there?", { channel: "C0CLOSED", url: limited.url });
    expect(JSON.parse(command.text).text).toMatch(/not enabled in this channel/);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.callsOf("chat.postMessage", (c) => c.body.channel === "C0CLOSED")).toHaveLength(0);
  });

  it("limits questions per user per minute, with a polite message", async () => {
    const first = await slashCommand("How many basket cells are there?", {
      channel: "C0ALLOWED",
      user: "U0FRANK",
      url: limited.url,
    });
    const second = await slashCommand("How many basket cells are there?", {
      channel: "C0ALLOWED",
      user: "U0FRANK",
      url: limited.url,
    });
    const third = await slashCommand("How many basket cells are there?", {
      channel: "C0ALLOWED",
      user: "U0FRANK",
      url: limited.url,
    });
    expect(JSON.parse(first.text).text).toMatch(/^Working on it/);
    expect(JSON.parse(second.text).text).toMatch(/^Working on it/);
    expect(JSON.parse(third.text).text).toMatch(/You've asked 2 questions in the last minute.*try again in \d+ s/);
    // Someone else is not held back by Frank's questions.
    const other = await slashCommand("How many basket cells are there?", {
      channel: "C0ALLOWED",
      user: "U0GRACE",
      url: limited.url,
    });
    expect(JSON.parse(other.text).text).toMatch(/^Working on it/);
    // In a mention, the limit is told to the asker only (ephemeral).
    const ts = nextTs();
    const body = JSON.stringify({
      team_id: TEAM,
      type: "event_callback",
      event_id: "EvLIMIT002",
      event: {
        type: "app_mention",
        user: "U0FRANK",
        text: `<@${BOT_USER_ID}> How many basket cells are there?`,
        ts,
        channel: "C0ALLOWED",
      },
    });
    await postToBot(limited.url, body, "application/json", slackHeaders(body, SECRET));
    const told = await slack.waitFor(
      "chat.postEphemeral",
      (c) => c.body.user === "U0FRANK" && /questions in the last minute/.test(c.body.text),
    );
    expect(told.body.thread_ts).toBe(ts);
  });
});
