import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// ws is the WebSocket library @slack/socket-mode itself uses; here it plays Slack's Socket Mode server.
import { WebSocketServer, type WebSocket } from "ws";
import { ConnectomeChat } from "../src/answers/chat.js";
import { createSlackBot, type SlackBot } from "../adapters/slack/app.js";
import { readSlackConfig } from "../adapters/slack/config.js";
import { slackLogger } from "../adapters/slack/logger.js";
import { buildTestStore } from "./support/store.js";
import { gold, loadRawExports } from "./support/raw-tables.js";
import { BOT_USER_ID, startSlackStandIn, type SlackStandIn } from "./support/slack-stand-in.js";

/**
 * Socket Mode, the default: the bot opens a connection with its app-level token
 * (apps.connections.open at SLACK_API_URL), receives events and commands as envelopes over the
 * WebSocket, acknowledges each envelope at once, and answers through the Web API.
 */
const APP_TOKEN = "xapp-1-A0CONNECTOME-1234567890-abcdef0123456789abcdef0123456789";
const BOT_TOKEN = "xoxb-4444444444-5555555555-SocketModeTokenValue0001";

let slack: SlackStandIn;
let chat: ConnectomeChat;
let raw: Database.Database;
let bot: SlackBot;
let wss: WebSocketServer;
let socket: WebSocket;
const received: Record<string, any>[] = [];
const logLines: string[] = [];

/** Sends an envelope and resolves with the bot's ack of it, and how long that took. */
function sendEnvelope(envelope: Record<string, unknown>): Promise<{ ack: Record<string, any>; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${String(envelope.envelope_id)}`)), 5000);
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString("utf8")) as Record<string, any>;
      if (message.envelope_id !== envelope.envelope_id) return;
      clearTimeout(timer);
      socket.off("message", onMessage);
      resolve({ ack: message, ms: performance.now() - started });
    };
    socket.on("message", onMessage);
    socket.send(JSON.stringify(envelope));
  });
}

beforeAll(async () => {
  const store = await buildTestStore({ cells: 1500, seed: 21 });
  raw = loadRawExports(store.dir, ["aibs_metamodel_celltypes_v661"]);
  chat = await ConnectomeChat.open({ dbPath: store.db, plotDir: mkdtempSync(join(tmpdir(), "cc-slack-socket-")) });
  slack = await startSlackStandIn();
  wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  slack.socketUrl = `ws://127.0.0.1:${(wss.address() as { port: number }).port}/link/?ticket=stand-in`;
  const connected = new Promise<void>((resolve) =>
    wss.once("connection", (ws) => {
      socket = ws;
      ws.on("message", (data: Buffer) => received.push(JSON.parse(data.toString("utf8")) as Record<string, any>));
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "stand-in" },
          connection_info: { app_id: "A0CONNECTOME" },
        }),
      );
      resolve();
    }),
  );
  const config = readSlackConfig(
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl },
    "socket",
  );
  bot = await createSlackBot({
    config,
    chat,
    logger: slackLogger([BOT_TOKEN, APP_TOKEN], "debug", (l) => logLines.push(l)),
  });
  await bot.start();
  await connected;
});

afterAll(async () => {
  await bot?.stop();
  await chat?.close();
  await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
  await slack?.close();
});

describe("Slack adapter in Socket Mode", () => {
  it("opens its connection with the app-level token at SLACK_API_URL", () => {
    const open = slack.callsOf("apps.connections.open");
    expect(open).toHaveLength(1);
    expect(open[0]!.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it("acks a mention envelope at once and answers in its thread", async () => {
    const ts = "1720000001.000100";
    const { ack, ms } = await sendEnvelope({
      envelope_id: "env-mention-1",
      type: "events_api",
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: "",
      payload: {
        team_id: "T0LAB",
        api_app_id: "A0CONNECTOME",
        type: "event_callback",
        event_id: "EvSOCKET001",
        event_time: Math.floor(Date.now() / 1000),
        event: {
          type: "app_mention",
          user: "U0ALICE",
          text: `<@${BOT_USER_ID}> How many basket cells are there?`,
          ts,
          channel: "C0LAB",
          event_ts: ts,
        },
      },
    });
    expect(ack.envelope_id).toBe("env-mention-1");
    expect(ms).toBeLessThan(1000);
    const reply = await slack.waitFor("chat.postMessage", (c) => c.body.thread_ts === ts);
    const bc = gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'BC'") as number;
    expect(reply.body.text.split("\n")[0]).toBe(`Number of basket cells (BC): ${bc.toLocaleString("en-US")}.`);
    expect(reply.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('acks /connectome with a "working on it" payload, then answers in a thread under the question', async () => {
    const { ack, ms } = await sendEnvelope({
      envelope_id: "env-command-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        token: "legacy",
        team_id: "T0LAB",
        team_domain: "lab",
        channel_id: "C0SOCKET",
        channel_name: "socket",
        user_id: "U0CAROL",
        user_name: "carol",
        command: "/connectome",
        text: "How many synapses go from basket cells to 23P cells?",
        api_app_id: "A0CONNECTOME",
        response_url: slack.responseUrl("socket-cmd"),
        trigger_id: "1.2.3",
      },
    });
    expect(ms).toBeLessThan(1000);
    expect(ack.payload).toMatchObject({ response_type: "ephemeral", text: expect.stringMatching(/^Working on it/) });
    const parent = await slack.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "C0SOCKET" && c.body.thread_ts === undefined,
    );
    const reply = await slack.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "C0SOCKET" && c.body.thread_ts === parent.response!.ts,
    );
    expect(reply.body.text).toMatch(/basket cells \(BC\) onto layer 2\/3 pyramidal cells \(23P\)/);
  });

  it("acks and drops an envelope it cannot process, and stays connected", async () => {
    const { ack } = await sendEnvelope({
      envelope_id: "env-bad-1",
      type: "events_api",
      accepts_response_payload: false,
      payload: { type: "event_callback", team_id: "T0LAB", event: { type: "app_mention", channel: null } },
    });
    expect(ack.envelope_id).toBe("env-bad-1");
    const ts = "1720000002.000100";
    await sendEnvelope({
      envelope_id: "env-mention-2",
      type: "events_api",
      accepts_response_payload: false,
      payload: {
        team_id: "T0LAB",
        type: "event_callback",
        event_id: "EvSOCKET002",
        event: { type: "app_mention", user: "U0ALICE", text: `<@${BOT_USER_ID}> help`, ts, channel: "C0LAB" },
      },
    });
    await slack.waitFor("chat.postMessage", (c) => c.body.thread_ts === ts);
  });

  it("keeps both tokens out of its logs", () => {
    const all = logLines.join("\n");
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(APP_TOKEN);
    expect(all).not.toContain(BOT_TOKEN);
  });
});
