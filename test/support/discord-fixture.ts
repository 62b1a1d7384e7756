import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import type { Client } from "discord.js";
import { ConnectomeChat } from "../../src/answers/chat.js";
import { RedactingLog, redactor } from "../../adapters/common/redact.js";
import { attachHandlers, createDiscordClient } from "../../adapters/discord/bot.js";
import { readDiscordConfig, type DiscordConfig } from "../../adapters/discord/config.js";
import { DiscordStandIn, type DiscordCall } from "./discord-stand-in.js";
import { buildTestStore } from "./store.js";
import { loadRawExports } from "./raw-tables.js";

/**
 * The Discord adapter with the real discord.js client, for the Discord tests: its REST calls go to
 * a stand-in Discord API on loopback (DISCORD_API_URL), and interactions and messages are delivered
 * through the client's own gateway packet handling, as the gateway would deliver them.
 */

export const TOKEN = "test.discord-bot.token";
export const APP = "111111111111111111";
export const BOT = "222222222222222222";
export const GUILD = "333333333333333333";
export const CHANNEL = "444444444444444444";
export const THREAD_A = "555555555555555551";
export const THREAD_B = "555555555555555552";
export const USER = {
  id: "666666666666666666",
  username: "scientist",
  discriminator: "0",
  global_name: null,
  avatar: null,
};
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface DiscordFixture {
  standIn: DiscordStandIn;
  client: Client;
  chat: ConnectomeChat;
  /** The raw exports the store was built from, for gold answers. */
  raw: Database.Database;
  config: DiscordConfig;
  /** The adapter's log lines. */
  logLines: string[];
}

// One client per test file (each runs in its own process); ids of interactions and messages count on.
let client: Client | undefined;
let seq = 0;

/** The next number for a gateway sequence or a snowflake id. */
export const nextSeq = () => ++seq;

/** Hands the client a gateway dispatch, as its WebSocket shard would. */
export function dispatch(t: string, d: unknown): void {
  const ws = client!.ws as unknown as { handlePacket(packet: unknown, shard: unknown): void };
  ws.handlePacket({ op: 0, t, d, s: ++seq }, { id: 0, checkReady() {} });
}

/** `/ask question` in a channel, or in a thread of `parentId`. */
export function askInteraction(question: string, channelId: string, parentId?: string) {
  const id = `9${String(++seq).padStart(17, "0")}`;
  const token = `interaction-token-${id}`;
  dispatch("INTERACTION_CREATE", {
    id,
    token,
    application_id: APP,
    type: 2,
    version: 1,
    guild_id: GUILD,
    channel_id: channelId,
    channel: { id: channelId, type: parentId ? 11 : 0, guild_id: GUILD, ...(parentId ? { parent_id: parentId } : {}) },
    member: {
      user: USER,
      roles: [],
      joined_at: "2024-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      permissions: "0",
      flags: 0,
    },
    data: { id: "777777777777777777", name: "ask", type: 1, options: [{ name: "question", type: 3, value: question }] },
    locale: "en-US",
    app_permissions: "0",
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
  });
  return { id, token, sentAt: performance.now() };
}

/** A click on a button of a bot message, delivered as the gateway delivers a component interaction. */
export function clickInteraction(
  customId: string,
  channelId: string,
  options: { parentId?: string; user?: typeof USER } = {},
) {
  const id = `7${String(++seq).padStart(17, "0")}`;
  const message = {
    id: `reply-${seq}`,
    channel_id: channelId,
    type: 0,
    content: "",
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0,
    components: [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    author: { id: BOT, username: "connectome-chat", discriminator: "0", global_name: null, avatar: null, bot: true },
  };
  dispatch("INTERACTION_CREATE", {
    id,
    token: `interaction-token-${id}`,
    application_id: APP,
    type: 3,
    version: 1,
    guild_id: GUILD,
    channel_id: channelId,
    channel: {
      id: channelId,
      type: options.parentId ? 11 : 0,
      guild_id: GUILD,
      ...(options.parentId ? { parent_id: options.parentId } : {}),
    },
    member: {
      user: options.user ?? USER,
      roles: [],
      joined_at: "2024-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      permissions: "0",
      flags: 0,
    },
    message,
    data: { custom_id: customId, component_type: 2 },
    locale: "en-US",
    app_permissions: "0",
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
  });
  return { id };
}

/** The reply to interaction `id`: its callback (a deferral, or a refusal), then the edit of its original message. */
export const isCallback = (id: string) => (c: DiscordCall) =>
  c.method === "POST" && c.path.endsWith(`/interactions/${id}/interaction-token-${id}/callback`);
export const isEdit = (id: string) => (c: DiscordCall) =>
  c.method === "PATCH" &&
  /\/messages\/(@|%40)original$/.test(c.path) &&
  c.path.includes(`/webhooks/${APP}/interaction-token-${id}/`);

/** What a person reads of a sent message: its embeds' descriptions and footers, then its content. */
export const embedText = (c: DiscordCall) => {
  const body = c.json as { content?: string; embeds?: { description?: string; footer?: { text: string } }[] };
  const embeds = body.embeds?.map((e) => `${e.description ?? ""}\n${e.footer?.text ?? ""}`).join("\n") ?? "";
  return `${embeds}\n${body.content ?? ""}`;
};

/**
 * A test store, the stand-in API, and a client logged in to a server with a text channel and two
 * threads in it, ready.
 */
export async function discordFixture(): Promise<DiscordFixture> {
  const logLines: string[] = [];
  const store = await buildTestStore({ cells: 1500, seed: 21 });
  const raw = loadRawExports(store.dir, ["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  const standIn = new DiscordStandIn(BOT);
  const api = await standIn.start();
  let chat: ConnectomeChat | undefined;
  try {
    const config = readDiscordConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP,
      DISCORD_API_URL: api,
      CONNECTOME_CHAT_RATE_LIMIT: "100",
    });
    chat = await ConnectomeChat.open({ dbPath: store.db, plotDir: mkdtempSync(join(tmpdir(), "cc-discord-plots-")) });
    client = createDiscordClient(config);
    client.token = TOKEN;
    client.rest.setToken(TOKEN);
    const log = new RedactingLog(redactor([TOKEN]), "debug", "discord", (l) => logLines.push(l));
    attachHandlers(client, { config, chat, log });
    joinServer();
    return { standIn, client, chat, raw, config, logLines };
  } catch (error) {
    // What started is stopped, as the test file's afterAll would have stopped it.
    await client?.destroy();
    await chat?.close();
    await standIn.stop();
    throw error;
  }
}

/** The gateway's READY and GUILD_CREATE (a text channel and two threads in it), then ready. */
function joinServer(): void {
  dispatch("READY", {
    v: 10,
    user: { id: BOT, username: "connectome-chat", discriminator: "0", bot: true, avatar: null, global_name: null },
    guilds: [],
    session_id: "s",
    resume_gateway_url: "wss://x",
    application: { id: APP, flags: 0 },
  });
  (client!.ws as unknown as { triggerClientReady(): void }).triggerClientReady();
  const thread = (id: string) => ({
    id,
    type: 11,
    guild_id: GUILD,
    parent_id: CHANNEL,
    name: `thread ${id}`,
    owner_id: USER.id,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 60,
      archive_timestamp: "2024-01-01T00:00:00.000Z",
      locked: false,
    },
    message_count: 0,
    member_count: 1,
  });
  dispatch("GUILD_CREATE", {
    id: GUILD,
    name: "lab",
    icon: null,
    owner_id: USER.id,
    roles: [],
    emojis: [],
    stickers: [],
    features: [],
    members: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    channels: [{ id: CHANNEL, type: 0, guild_id: GUILD, name: "connectomics", position: 0, permission_overwrites: [] }],
    threads: [thread(THREAD_A), thread(THREAD_B)],
    member_count: 2,
    large: false,
    unavailable: false,
    joined_at: "2024-01-01T00:00:00.000Z",
  });
}

/** Stops what discordFixture started (whatever of it started); DEBUG_DISCORD prints the log and the calls. */
export async function closeDiscordFixture(fixture: DiscordFixture | undefined): Promise<void> {
  if (process.env.DEBUG_DISCORD && fixture) {
    console.log(
      fixture.logLines.join("\n"),
      fixture.standIn.calls.map((c) => `${c.method} ${c.path}`),
    );
  }
  await fixture?.client?.destroy();
  await fixture?.chat?.close();
  await fixture?.standIn?.stop();
}
