import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerToReply } from "../adapters/discord/reply.js";
import { DEFAULT_VOCABULARY } from "../src/answers/chat.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import type { DiscordCall, DiscordStandIn } from "./support/discord-stand-in.js";
import {
  CHANNEL,
  THREAD_A,
  USER,
  askInteraction,
  clickInteraction,
  closeDiscordFixture,
  discordFixture,
  embedText,
  isCallback,
  isEdit,
  type DiscordFixture,
} from "./support/discord-fixture.js";
import { gold } from "./support/raw-tables.js";
import { decodeLink, segmentationLayer } from "./support/neuroglancer-url.js";

/**
 * What the Discord adapter adds to an answer (support/discord-fixture.ts): Neuroglancer links as
 * embeds or buttons, and next questions and readings offered as buttons.
 */

let fixture: DiscordFixture | undefined;
let standIn: DiscordStandIn;
let raw: Database.Database;

beforeAll(async () => {
  fixture = await discordFixture();
  ({ standIn, raw } = fixture);
}, 120_000);

afterAll(async () => {
  await closeDiscordFixture(fixture);
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
      .raw(true)
      .all(BigInt(root))
      .map((r) => String((r as bigint[])[0]));
    expect(segmentationLayer(decodeLink(embed.url!)).segments).toEqual(partners);
    expect(JSON.stringify(edit.json)).toContain("connectome-chat:show-sql");
  });

  it(
    "the first 50 of a type's cells: a URL past an embed's 2,048 characters is a masked " +
      "link, within 6,000 for all",
    async () => {
      const { id } = askInteraction("list the 23P cells", CHANNEL);
      const edit = await standIn.waitFor(isEdit(id));
      const embed = linkEmbed(edit)!;
      expect(embed.url).toBeUndefined();
      const maskedLink = /^\[View the first 50 of \d+ cells in Neuroglancer[^\]]*\]\((https:\S+)\)$/;
      const masked = maskedLink.exec(embed.description!)!;
      expect(masked[1]!.length).toBeGreaterThan(2048);
      expect(segmentationLayer(decodeLink(masked[1]!)).segments).toHaveLength(50);
      expect(embedChars(edit)).toBeLessThanOrEqual(6000);
    },
  );

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
    ((c.json as { components?: Row[] }).components ?? [])
      .flatMap((r) => r.components)
      .filter((b) => b.custom_id?.startsWith("connectome-chat:choice:"));
  const reader = new OfflineReader(Vocabulary.load(DEFAULT_VOCABULARY));
  const OTHER_USER = {
    id: "676767676767676767",
    username: "colleague",
    discriminator: "0",
    global_name: null,
    avatar: null,
  };

  it(
    "an answer in a thread carries its next questions as buttons; a click by anyone there " +
      "posts the answer in the thread",
    async () => {
      const ask = askInteraction("How many synapses go from basket cells to 23P cells?", THREAD_A, CHANNEL);
      const edit = await standIn.waitFor(isEdit(ask.id));
      const buttons = choiceButtons(edit);
      expect(buttons.map((b) => b.label)).toEqual([
        "how many synapses go from 23P cells to BC cells?",
        "what is the connection probability from BC to 23P?",
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
      const n = Number(
        gold(
          raw,
          "SELECT count(*) FROM syn JOIN root_type a ON a.pt_root_id = pre_pt_root_id " +
            "JOIN root_type b ON b.pt_root_id = post_pt_root_id WHERE a.cell_type = '23P' AND b.cell_type = 'BC'",
        ),
      );
      expect(embedText(answer)).toContain(
        `Number of synapses from layer 2/3 pyramidal cells (23P) onto basket cells (BC): ${n.toLocaleString("en-US")}.`,
      );
      expect((answer.json as { embeds: { title?: string }[] }).embeds[0]!.title).toBe(
        "Asked: how many synapses go from 23P cells to BC cells?",
      );
    },
  );

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

  it(
    "outside a thread a conversation is the asker's: someone else's click, or a forged id, " +
      "is refused only to them",
    async () => {
      const ask = askInteraction("How many basket cells are there?", CHANNEL);
      const buttons = choiceButtons(await standIn.waitFor(isEdit(ask.id)));
      for (const customId of [
        buttons[0]!.custom_id!,
        "connectome-chat:choice:forgedforged",
        "connectome-chat:choice:../../x",
      ]) {
        const click = clickInteraction(customId, CHANNEL, {
          user: customId === buttons[0]!.custom_id ? OTHER_USER : USER,
        });
        const reply = await standIn.waitFor(isCallback(click.id));
        expect(reply.json).toMatchObject({
          type: 4,
          data: { content: "That choice has expired; please ask again.", flags: 64 },
        });
      }
    },
  );
});
