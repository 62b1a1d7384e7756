import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import type { Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectomeChat } from "../src/answers/chat.js";
import { RedactingLog, redactor } from "../adapters/common/redact.js";
import { attachHandlers, createDiscordClient } from "../adapters/discord/bot.js";
import { readDiscordConfig, type DiscordConfig } from "../adapters/discord/config.js";
import { answerToReply } from "../adapters/discord/reply.js";
import { DiscordStandIn, type DiscordCall } from "./support/discord-stand-in.js";
import { CLI, buildTestStore } from "./support/store.js";
import { gold, loadRawExports } from "./support/raw-tables.js";
import { decodeLink, segmentationLayer } from "./support/neuroglancer-url.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { DEFAULT_VOCABULARY } from "../src/answers/chat.js";

/**
 * The Discord adapter with the real discord.js client: its REST calls go to a stand-in Discord API
 * on loopback (DISCORD_API_URL), and interactions and messages are delivered through the client's
 * own gateway packet handling, as the gateway would deliver them.
 */

const TOKEN = "test.discord-bot.token";
const APP = "111111111111111111";
const BOT = "222222222222222222";
const GUILD = "333333333333333333";
const CHANNEL = "444444444444444444";
const THREAD_A = "555555555555555551";
const THREAD_B = "555555555555555552";
const USER = { id: "666666666666666666", username: "scientist", discriminator: "0", global_name: null, avatar: null };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let standIn: DiscordStandIn;
let client: Client;
let chat: ConnectomeChat;
let raw: Database.Database;
let config: DiscordConfig;
let storeDb: string;
const logLines: string[] = [];
let seq = 0;
const run = promisify(execFile);

/** Hands the client a gateway dispatch, as its WebSocket shard would. */
function dispatch(t: string, d: unknown): void {
  (client.ws as unknown as { handlePacket(packet: unknown, shard: unknown): void }).handlePacket({ op: 0, t, d, s: ++seq }, { id: 0, checkReady() {} });
}

function askInteraction(question: string, channelId: string, parentId?: string) {
  const id = `9${String(++seq).padStart(17, "0")}`;
  const token = `interaction-token-${id}`;
  dispatch("INTERACTION_CREATE", {
    id, token, application_id: APP, type: 2, version: 1, guild_id: GUILD, channel_id: channelId,
    channel: { id: channelId, type: parentId ? 11 : 0, guild_id: GUILD, ...(parentId ? { parent_id: parentId } : {}) },
    member: { user: USER, roles: [], joined_at: "2024-01-01T00:00:00.000Z", deaf: false, mute: false, permissions: "0", flags: 0 },
    data: { id: "777777777777777777", name: "ask", type: 1, options: [{ name: "question", type: 3, value: question }] },
    locale: "en-US", app_permissions: "0", entitlements: [], authorizing_integration_owners: {}, context: 0,
  });
  return { id, token, sentAt: performance.now() };
}

const isCallback = (id: string) => (c: DiscordCall) => c.method === "POST" && c.path.endsWith(`/interactions/${id}/interaction-token-${id}/callback`);
const isEdit = (id: string) => (c: DiscordCall) => c.method === "PATCH" && /\/messages\/(@|%40)original$/.test(c.path) && c.path.includes(`/webhooks/${APP}/interaction-token-${id}/`);
const embedText = (c: DiscordCall) => {
  const body = c.json as { content?: string; embeds?: { description?: string; footer?: { text: string } }[] };
  return `${body.embeds?.map((e) => `${e.description ?? ""}\n${e.footer?.text ?? ""}`).join("\n") ?? ""}\n${body.content ?? ""}`;
};

beforeAll(async () => {
  const store = await buildTestStore({ cells: 1500, seed: 21 });
  storeDb = store.db;
  raw = loadRawExports(store.dir, ["aibs_metamodel_celltypes_v661", "synapses_pni_2"]);
  standIn = new DiscordStandIn(BOT);
  const api = await standIn.start();
  config = readDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: api, CONNECTOME_CHAT_RATE_LIMIT: "100" });
  chat = await ConnectomeChat.open({ dbPath: store.db, plotDir: mkdtempSync(join(tmpdir(), "cc-discord-plots-")) });
  client = createDiscordClient(config);
  client.token = TOKEN;
  client.rest.setToken(TOKEN);
  attachHandlers(client, { config, chat, log: new RedactingLog(redactor([TOKEN]), "debug", "discord", (l) => logLines.push(l)) });
  // The gateway's READY and GUILD_CREATE (a text channel and two threads in it), then ready.
  dispatch("READY", { v: 10, user: { id: BOT, username: "connectome-chat", discriminator: "0", bot: true, avatar: null, global_name: null }, guilds: [], session_id: "s", resume_gateway_url: "wss://x", application: { id: APP, flags: 0 } });
  (client.ws as unknown as { triggerClientReady(): void }).triggerClientReady();
  const thread = (id: string) => ({ id, type: 11, guild_id: GUILD, parent_id: CHANNEL, name: `thread ${id}`, owner_id: USER.id, thread_metadata: { archived: false, auto_archive_duration: 60, archive_timestamp: "2024-01-01T00:00:00.000Z", locked: false }, message_count: 0, member_count: 1 });
  dispatch("GUILD_CREATE", {
    id: GUILD, name: "lab", icon: null, owner_id: USER.id, roles: [], emojis: [], stickers: [], features: [], members: [], voice_states: [], presences: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
    channels: [{ id: CHANNEL, type: 0, guild_id: GUILD, name: "connectomics", position: 0, permission_overwrites: [] }],
    threads: [thread(THREAD_A), thread(THREAD_B)], member_count: 2, large: false, unavailable: false, joined_at: "2024-01-01T00:00:00.000Z",
  });
}, 120_000);

afterAll(async () => {
  if (process.env.DEBUG_DISCORD) console.log(logLines.join("\n"), standIn.calls.map((c) => `${c.method} ${c.path}`));
  await client?.destroy();
  await chat?.close();
  await standIn?.stop();
});

describe("Discord: /ask", () => {
  it("defers at once, then edits the reply with the exact answer and its reading", async () => {
    const { id, sentAt } = askInteraction("How many basket cells are there?", CHANNEL);
    const deferral = await standIn.waitFor(isCallback(id));
    expect((deferral.json as { type: number }).type).toBe(5); // DeferredChannelMessageWithSource
    expect(deferral.at - sentAt).toBeLessThan(1000);
    const edit = await standIn.waitFor(isEdit(id));
    expect(edit.at).toBeGreaterThan(deferral.at);
    const expected = Number(gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'BC'"));
    expect(embedText(edit)).toContain(`Number of basket cells (BC): ${expected.toLocaleString("en-US")}.`);
    expect(embedText(edit)).toMatch(/Read as: number of basket cells/);
    expect(JSON.stringify(edit.json)).toContain("connectome-chat:show-sql");
  });

  it("sends tables as a code block within Discord's limits, with the whole table as CSV when cut", async () => {
    const { id } = askInteraction("How many cells of each cell type are there?", CHANNEL);
    const edit = await standIn.waitFor(isEdit(id));
    const content = (edit.json as { content: string }).content;
    expect(content.startsWith("```\n")).toBe(true);
    expect(content.length).toBeLessThanOrEqual(2000);
    const bc = Number(gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'BC'"));
    expect(content).toMatch(new RegExp(`BC\\s+${bc}\\b`));
    expect(content).toMatch(/showing 15 of 16 rows/);
    const csv = [...edit.parts.values()].find((p) => p.filename?.endsWith(".csv"));
    expect(csv?.data.toString("utf8").split("\n").filter(Boolean).length).toBe(17); // header and 16 types
  });

  it("attaches the chart as a PNG shown in the embed", async () => {
    const { id } = askInteraction("plot the synapse size distribution", CHANNEL);
    const edit = await standIn.waitFor(isEdit(id), 20_000);
    const png = [...edit.parts.values()].find((p) => p.filename === "chart.png");
    expect(png).toBeDefined();
    expect(png!.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png!.data.length).toBeGreaterThan(10_000);
    expect(JSON.stringify(edit.json)).toContain("attachment://chart.png");
  }, 30_000);

  it("keeps a thread's conversation for follow-ups, and threads apart", async () => {
    const first = askInteraction("How many synapses go from basket cells to 23P cells?", THREAD_A, CHANNEL);
    await standIn.waitFor(isEdit(first.id));
    const followUp = askInteraction("and onto 4P?", THREAD_A, CHANNEL);
    const edit = await standIn.waitFor(isEdit(followUp.id));
    const n = Number(gold(raw, "SELECT count(*) FROM syn JOIN root_type a ON a.pt_root_id = pre_pt_root_id JOIN root_type b ON b.pt_root_id = post_pt_root_id WHERE a.cell_type = 'BC' AND b.cell_type = '4P'"));
    expect(embedText(edit)).toContain(n.toLocaleString("en-US"));
    const elsewhere = askInteraction("and onto 4P?", THREAD_B, CHANNEL);
    const other = await standIn.waitFor(isEdit(elsewhere.id));
    expect(embedText(other)).not.toContain(`onto layer 4 pyramidal cells (4P): ${n.toLocaleString("en-US")}`);
  });
});

describe("Discord: Neuroglancer links", () => {
  type SentEmbed = { title?: string; url?: string; description?: string; footer?: { text: string } };
  const embedsOf = (c: DiscordCall) => (c.json as { embeds: SentEmbed[] }).embeds;
  const linkEmbed = (c: DiscordCall) => embedsOf(c).find((e) => e.title === "View in Neuroglancer");
  const charsOf = (e: SentEmbed) => [e.title, e.description, e.footer?.text].reduce((n, t) => n + (t?.length ?? 0), 0);
  const embedChars = (c: DiscordCall) => embedsOf(c).reduce((n, e) => n + charsOf(e), 0);

  it("a top-5 partner list: an embed whose title opens the five partners, beside the Show SQL button", async () => {
    const root = gold(raw, "SELECT pre_pt_root_id FROM syn GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1") as string;
    const { id } = askInteraction(`What are the top 5 postsynaptic partners of ${root}?`, CHANNEL);
    const edit = await standIn.waitFor(isEdit(id));
    const embed = linkEmbed(edit)!;
    expect(embed.description).toMatch(/^View the 5 cells in Neuroglancer \(dynamic segmentation: needs a CAVE login/);
    const partners = raw
      .prepare("SELECT post_pt_root_id FROM syn WHERE pre_pt_root_id = ? GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5")
      .raw(true).all(BigInt(root)).map((r) => String((r as bigint[])[0]));
    expect(segmentationLayer(decodeLink(embed.url!)).segments).toEqual(partners);
    expect(JSON.stringify(edit.json)).toContain("connectome-chat:show-sql");
  });

  it("the first 50 of a type's cells: a URL past an embed's 2,048 characters is a masked link, within 6,000 for all", async () => {
    const { id } = askInteraction("list the 23P cells", CHANNEL);
    const edit = await standIn.waitFor(isEdit(id));
    const embed = linkEmbed(edit)!;
    expect(embed.url).toBeUndefined();
    const maskedLink = /^\[View the first 50 of \d+ cells in Neuroglancer[^\]]*\]\((https:\S+)\)$/;
    const masked = maskedLink.exec(embed.description!)!;
    expect(masked[1]!.length).toBeGreaterThan(2048);
    expect(segmentationLayer(decodeLink(masked[1]!)).segments).toHaveLength(50);
    expect(embedChars(edit)).toBeLessThanOrEqual(6000);
  });

  it("a link short enough for Discord's 512 characters is a link button", () => {
    const url = "https://spelunker.cave-explorer.org/#!%7B%22layout%22%3A%22xy-3d%22%7D";
    const timings = { planMs: 1, queryMs: 1, totalMs: 2 };
    const answer = { status: "answered" as const, text: "x", links: [{ label: "View the cell", url }], timings };
    const reply = answerToReply(answer, { maxRows: 15, question: "q" });
    const [row] = reply.components.map((c) => c.toJSON());
    expect(row!.components).toEqual([expect.objectContaining({ type: 2, style: 5, label: "View the cell", url })]);
    expect(reply.embeds).toHaveLength(1);
  });
});

describe("Discord: questions offered as buttons", () => {
  type Row = { type: number; components: { type: number; style: number; label: string; custom_id?: string }[] };
  const choiceButtons = (c: DiscordCall) =>
    ((c.json as { components?: Row[] }).components ?? []).flatMap((r) => r.components).filter((b) => b.custom_id?.startsWith("connectome-chat:choice:"));
  const reader = new OfflineReader(Vocabulary.load(DEFAULT_VOCABULARY));
  const OTHER_USER = { id: "676767676767676767", username: "colleague", discriminator: "0", global_name: null, avatar: null };

  /** A click on a button of a bot message, delivered as the gateway delivers a component interaction. */
  function clickInteraction(customId: string, channelId: string, options: { parentId?: string; user?: typeof USER } = {}) {
    const id = `7${String(++seq).padStart(17, "0")}`;
    const message = {
      id: `reply-${seq}`, channel_id: channelId, type: 0, content: "", tts: false, mention_everyone: false, mentions: [], mention_roles: [],
      attachments: [], embeds: [], pinned: false, flags: 0, components: [], timestamp: new Date().toISOString(), edited_timestamp: null,
      author: { id: BOT, username: "connectome-chat", discriminator: "0", global_name: null, avatar: null, bot: true },
    };
    dispatch("INTERACTION_CREATE", {
      id, token: `interaction-token-${id}`, application_id: APP, type: 3, version: 1, guild_id: GUILD, channel_id: channelId,
      channel: { id: channelId, type: options.parentId ? 11 : 0, guild_id: GUILD, ...(options.parentId ? { parent_id: options.parentId } : {}) },
      member: { user: options.user ?? USER, roles: [], joined_at: "2024-01-01T00:00:00.000Z", deaf: false, mute: false, permissions: "0", flags: 0 },
      message, data: { custom_id: customId, component_type: 2 },
      locale: "en-US", app_permissions: "0", entitlements: [], authorizing_integration_owners: {}, context: 0,
    });
    return { id };
  }

  it("an answer in a thread carries its next questions as buttons; a click by anyone there posts the answer in the thread", async () => {
    const ask = askInteraction("How many synapses go from basket cells to 23P cells?", THREAD_A, CHANNEL);
    const edit = await standIn.waitFor(isEdit(ask.id));
    const buttons = choiceButtons(edit);
    expect(buttons.map((b) => b.label)).toEqual([
      "how many synapses go from 23P cells to BC cells?", "what is the connection probability from BC to 23P?",
      "show a heatmap of synapse counts between cell types",
    ]);
    for (const b of buttons) {
      expect(b.custom_id!.length).toBeLessThanOrEqual(100);
      expect((await reader.plan(b.label)).type).toBe("plan");
    }
    const click = clickInteraction(buttons[0]!.custom_id!, THREAD_A, { parentId: CHANNEL, user: OTHER_USER });
    const deferral = await standIn.waitFor(isCallback(click.id));
    expect((deferral.json as { type: number; data?: { flags?: number } }).type).toBe(5);
    const answer = await standIn.waitFor(isEdit(click.id));
    const n = Number(gold(raw, "SELECT count(*) FROM syn JOIN root_type a ON a.pt_root_id = pre_pt_root_id JOIN root_type b ON b.pt_root_id = post_pt_root_id WHERE a.cell_type = '23P' AND b.cell_type = 'BC'"));
    expect(embedText(answer)).toContain(`Number of synapses from layer 2/3 pyramidal cells (23P) onto basket cells (BC): ${n.toLocaleString("en-US")}.`);
    expect((answer.json as { embeds: { title?: string }[] }).embeds[0]!.title).toBe("Asked: how many synapses go from 23P cells to BC cells?");
  });

  it("a question asked back offers its readings as buttons; clicking one answers that reading", async () => {
    const ask = askInteraction("how many bp cells are there?", CHANNEL);
    const edit = await standIn.waitFor(isEdit(ask.id));
    const buttons = choiceButtons(edit);
    expect(buttons.map((b) => b.label)).toEqual(["how many BC cells are there?", "how many BPC cells are there?"]);
    const click = clickInteraction(buttons[1]!.custom_id!, CHANNEL);
    const answer = await standIn.waitFor(isEdit(click.id));
    const bpc = Number(gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'BPC'"));
    expect(embedText(answer)).toContain(`Number of bipolar cells (BPC): ${bpc.toLocaleString("en-US")}.`);
  });

  it("outside a thread a conversation is the asker's: someone else's click, or a forged id, is refused only to them", async () => {
    const ask = askInteraction("How many basket cells are there?", CHANNEL);
    const buttons = choiceButtons(await standIn.waitFor(isEdit(ask.id)));
    for (const customId of [buttons[0]!.custom_id!, "connectome-chat:choice:forgedforged", "connectome-chat:choice:../../x"]) {
      const click = clickInteraction(customId, CHANNEL, { user: customId === buttons[0]!.custom_id ? OTHER_USER : USER });
      const reply = await standIn.waitFor(isCallback(click.id));
      expect(reply.json).toMatchObject({ type: 4, data: { content: "That choice has expired; please ask again.", flags: 64 } });
    }
  });
});

describe("Discord: mentions", () => {
  it("answers a mention in a channel with a reply to it", async () => {
    const id = `8${String(++seq).padStart(17, "0")}`;
    dispatch("MESSAGE_CREATE", {
      id, channel_id: CHANNEL, guild_id: GUILD, author: USER, member: { roles: [], joined_at: "2024-01-01T00:00:00.000Z", deaf: false, mute: false, flags: 0 },
      content: `<@${BOT}> How many Martinotti cells are there?`, mentions: [{ id: BOT, username: "connectome-chat", discriminator: "0", bot: true, avatar: null, global_name: null }],
      mention_roles: [], mention_everyone: false, attachments: [], embeds: [], pinned: false, tts: false, type: 0, flags: 0, components: [], timestamp: new Date().toISOString(), edited_timestamp: null,
    });
    const reply = await standIn.waitFor((c) => c.method === "POST" && c.path.endsWith(`/channels/${CHANNEL}/messages`) && (c.json as { message_reference?: { message_id: string } })?.message_reference?.message_id === id);
    const mc = Number(gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'MC'"));
    expect(embedText(reply)).toContain(`Number of Martinotti cells (MC): ${mc.toLocaleString("en-US")}.`);
    // Nobody is pinged by an answer, not even the person asking.
    expect((reply.json as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("ignores messages that do not mention it, and its own", async () => {
    const before = standIn.calls.length;
    dispatch("MESSAGE_CREATE", {
      id: "899999999999999999", channel_id: CHANNEL, guild_id: GUILD, author: USER, content: "How many basket cells are there?", mentions: [],
      mention_roles: [], mention_everyone: false, attachments: [], embeds: [], pinned: false, tts: false, type: 0, flags: 0, components: [], timestamp: new Date().toISOString(), edited_timestamp: null,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(standIn.calls.length).toBe(before);
  });
});

describe("Discord: settings and registration", () => {
  it("names what is missing without echoing values", () => {
    expect(() => readDiscordConfig({ DISCORD_TOKEN: TOKEN })).toThrow(/DISCORD_APPLICATION_ID is not set/);
    try {
      readDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: "not-a-number" });
    } catch (error) {
      expect((error as Error).message).not.toContain("not-a-number");
      expect((error as Error).message).not.toContain(TOKEN);
    }
  });

  it("never logs the token", () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join("\n")).not.toContain(TOKEN);
  });

  it("registers /ask in a server through `connectome-chat discord register --guild`", async () => {
    // Asynchronously: the stand-in server runs in this process and must answer while the CLI waits.
    const { stdout } = await run(process.execPath, [CLI, "discord", "register", "--guild", GUILD, "--settings-file", "/nonexistent"], {
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: config.apiUrl },
    });
    expect(stdout).toMatch(/\/ask registered in server/);
    const put = await standIn.waitFor((c) => c.method === "PUT" && c.path.endsWith(`/applications/${APP}/guilds/${GUILD}/commands`));
    expect(put.json).toEqual([expect.objectContaining({ name: "ask", options: [expect.objectContaining({ name: "question", type: 3, required: true })] })]);
  });
});
