import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDiscordConfig, type DiscordConfig } from "../adapters/discord/config.js";
import type { DiscordStandIn } from "./support/discord-stand-in.js";
import {
  APP,
  BOT,
  CHANNEL,
  GUILD,
  PNG_SIGNATURE,
  THREAD_A,
  THREAD_B,
  TOKEN,
  USER,
  askInteraction,
  closeDiscordFixture,
  discordFixture,
  dispatch,
  embedText,
  isCallback,
  isEdit,
  nextSeq,
  type DiscordFixture,
} from "./support/discord-fixture.js";
import { CLI } from "./support/store.js";
import { gold } from "./support/raw-tables.js";

/**
 * The Discord adapter with the real discord.js client (support/discord-fixture.ts): /ask, mentions,
 * settings and registration. Neuroglancer links and buttons are in discord-links-buttons.test.ts.
 */

let fixture: DiscordFixture | undefined;
let standIn: DiscordStandIn;
let raw: Database.Database;
let config: DiscordConfig;
let logLines: string[];
const run = promisify(execFile);

beforeAll(async () => {
  fixture = await discordFixture();
  ({ standIn, raw, config, logLines } = fixture);
}, 120_000);

afterAll(async () => {
  await closeDiscordFixture(fixture);
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
    const n = Number(
      gold(
        raw,
        "SELECT count(*) FROM syn JOIN root_type a ON a.pt_root_id = pre_pt_root_id " +
          "JOIN root_type b ON b.pt_root_id = post_pt_root_id WHERE a.cell_type = 'BC' AND b.cell_type = '4P'",
      ),
    );
    expect(embedText(edit)).toContain(n.toLocaleString("en-US"));
    const elsewhere = askInteraction("and onto 4P?", THREAD_B, CHANNEL);
    const other = await standIn.waitFor(isEdit(elsewhere.id));
    expect(embedText(other)).not.toContain(`onto layer 4 pyramidal cells (4P): ${n.toLocaleString("en-US")}`);
  });
});

describe("Discord: mentions", () => {
  it("answers a mention in a channel with a reply to it", async () => {
    const id = `8${String(nextSeq()).padStart(17, "0")}`;
    dispatch("MESSAGE_CREATE", {
      id,
      channel_id: CHANNEL,
      guild_id: GUILD,
      author: USER,
      member: { roles: [], joined_at: "2024-01-01T00:00:00.000Z", deaf: false, mute: false, flags: 0 },
      content: `<@${BOT}> How many Martinotti cells are there?`,
      mentions: [
        { id: BOT, username: "connectome-chat", discriminator: "0", bot: true, avatar: null, global_name: null },
      ],
      mention_roles: [],
      mention_everyone: false,
      attachments: [],
      embeds: [],
      pinned: false,
      tts: false,
      type: 0,
      flags: 0,
      components: [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    });
    const reply = await standIn.waitFor(
      (c) =>
        c.method === "POST" &&
        c.path.endsWith(`/channels/${CHANNEL}/messages`) &&
        (c.json as { message_reference?: { message_id: string } })?.message_reference?.message_id === id,
    );
    const mc = Number(gold(raw, "SELECT count(*) FROM ct WHERE cell_type = 'MC'"));
    expect(embedText(reply)).toContain(`Number of Martinotti cells (MC): ${mc.toLocaleString("en-US")}.`);
    // Nobody is pinged by an answer, not even the person asking.
    expect((reply.json as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("ignores messages that do not mention it, and its own", async () => {
    const before = standIn.calls.length;
    dispatch("MESSAGE_CREATE", {
      id: "899999999999999999",
      channel_id: CHANNEL,
      guild_id: GUILD,
      author: USER,
      content: "How many basket cells are there?",
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      attachments: [],
      embeds: [],
      pinned: false,
      tts: false,
      type: 0,
      flags: 0,
      components: [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
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
    const { stdout } = await run(
      process.execPath,
      [CLI, "discord", "register", "--guild", GUILD, "--settings-file", "/nonexistent"],
      {
        env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: config.apiUrl },
      },
    );
    expect(stdout).toMatch(/\/ask registered in server/);
    const put = await standIn.waitFor(
      (c) => c.method === "PUT" && c.path.endsWith(`/applications/${APP}/guilds/${GUILD}/commands`),
    );
    expect(put.json).toEqual([
      expect.objectContaining({
        name: "ask",
        options: [expect.objectContaining({ name: "question", type: 3, required: true })],
      }),
    ]);
  });
});
