import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { WORKING_REACTION } from "../adapters/slack/responder.js";
import { decodeLink, segmentationLayer } from "./support/neuroglancer-url.js";
import { gold } from "./support/raw-tables.js";
import { postToBot, slackHeaders, type SlackStandIn } from "./support/slack-stand-in.js";
import {
  BC_COUNT,
  BOT_TOKEN,
  PNG_SIGNATURE,
  SECRET,
  TEAM,
  closeSlackFixture,
  directMessage,
  mention,
  messageText,
  replyIn,
  slackFixture,
  slashCommand,
  tsOf,
  typeToType,
  type SlackFixture,
} from "./support/slack-fixture.js";

/**
 * The Slack adapter over HTTP (support/slack-fixture.ts): commands, mentions and direct messages
 * answered in threads, with tables, charts, SQL and Neuroglancer buttons, and logs without secrets.
 * Refused, redelivered and failing requests, and limits, are in slack-delivery.test.ts; buttons
 * offering questions in slack-buttons.test.ts.
 */
let slack: SlackStandIn;
let raw: Database.Database;
let eventsUrl: string;
let logLines: string[];
let answered: SlackFixture["answered"];

beforeAll(async () => {
  ({ slack, raw, eventsUrl, logLines, answered } = await slackFixture());
});

afterAll(async () => {
  await closeSlackFixture();
});

describe("Slack adapter over HTTP (signed requests, stand-in Web API)", () => {
  it(
    "checks the bot token with auth.test at the stand-in given as SLACK_API_URL, " +
      "sending it only as a bearer header",
    () => {
      const auth = slack.callsOf("auth.test");
      expect(auth.length).toBeGreaterThanOrEqual(1);
      expect(auth[0]!.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    },
  );

  it("answers /connectome in a thread under the question, acked at once, with the right number", async () => {
    const before = performance.now();
    const ack = await slashCommand("How many basket cells are there?");
    expect(ack.status).toBe(200);
    expect(ack.ackMs).toBeLessThan(1000);
    expect(JSON.parse(ack.text)).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringMatching(/^Working on it/),
    });

    const parent = await slack.waitFor(
      "chat.postMessage",
      (c) => c.body.channel === "C0LAB" && /<@U0CAROL> asked: How many basket cells are there\?/.test(c.body.text),
    );
    expect(parent.body.thread_ts).toBeUndefined();
    const parentTs = await tsOf(parent);
    const reply = await replyIn("C0LAB", parentTs, /basket cells/);
    expect(reply.at - before).toBeLessThan(3000);
    expect(reply.body.text.split("\n")[0]).toBe(`Number of basket cells (BC): ${BC_COUNT().toLocaleString("en-US")}.`);
    // "Working on it" shows on the question while it is answered.
    expect(
      slack.callsOf("reactions.add", (c) => c.body.timestamp === parentTs && c.body.name === WORKING_REACTION),
    ).toHaveLength(1);
    await slack.waitFor("reactions.remove", (c) => c.body.timestamp === parentTs);
  });

  it(
    "answers a mention in its thread, with the table as an " +
      "aligned monospace block and the whole table as CSV when cut",
    async () => {
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
      expect(JSON.stringify(blocks)).toMatch(
        new RegExp(`Showing 15 of ${types} rows; the whole table is attached as CSV`),
      );

      const complete = await slack.waitFor("files.completeUploadExternal", (c) => c.body.thread_ts === ask.ts);
      expect(complete.body.channel_id).toBe(ask.channel);
      const fileId = (complete.body.files as { id: string }[])[0]!.id;
      const csv = (await slack.waitFor("upload", (c) => c.fileId === fileId))
        .bytes!.toString("utf8")
        .trim()
        .split("\n");
      expect(csv[0]).toBe("cell_type,cells");
      expect(csv).toHaveLength(types + 1);
      expect(csv).toContain(`BC,${BC_COUNT()}`);
    },
  );

  it("uploads the chart into the thread with files.uploadV2: the PNG bytes equal the chart file", async () => {
    const ask = await mention("plot the synapse size distribution");
    const reply = await replyIn(ask.channel, ask.ts, /synapse size/);
    expect(reply.body.text).toMatch(/Distribution of synapse size/);
    const answer = answered.find((a) => a.question === "plot the synapse size distribution")!.answer;
    expect(answer.chart).toBeDefined();

    const request = await slack.waitFor(
      "files.getUploadURLExternal",
      (c) => /\.png$/.test(c.body.filename) && c.at >= reply.at,
    );
    const complete = await slack.waitFor("files.completeUploadExternal", (c) => c.body.thread_ts === ask.ts);
    expect(complete.body.channel_id).toBe(ask.channel);
    const ids = (complete.body.files as { id: string }[]).map((f) => f.id);
    const upload = slack.calls.find(
      (c) => c.method === "upload" && ids.includes(c.fileId!) && c.bytes!.subarray(0, 8).equals(PNG_SIGNATURE),
    )!;
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
    expect(reply.body.text.split("\n")[0]).toBe(
      `Number of synapses from basket cells (BC) onto layer 4 pyramidal cells (4P): ` +
        `${typeToType("BC", "4P").toLocaleString("en-US")}.`,
    );
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
    await replyIn(
      dm.channel,
      undefined,
      `basket cells (BC) onto layer 4 pyramidal cells (4P): ${typeToType("BC", "4P").toLocaleString("en-US")}.`,
    );
    // Another user's DM has its own conversation: there, nothing came before, so the follow-up is asked back.
    await directMessage("and onto 4P?", { user: "U0DAVE", channel: "D0DAVE" });
    const dave = await replyIn("D0DAVE", undefined, /no earlier question/);
    expect(dave.body.text).not.toMatch(/basket cells/);
  });

  it('shows the SQL behind an answer when its "Show SQL" button is clicked, to the person who clicked', async () => {
    const ask = await mention("How many synapses go from basket cells to 23P cells?", { channel: "C0SQL" });
    const reply = await replyIn("C0SQL", ask.ts, /basket cells/);
    const actions = (reply.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
      (b) => b.type === "actions",
    )!;
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
      actions: [
        {
          type: "button",
          action_id: button.action_id,
          block_id: "b1",
          value: button.value,
          action_ts: "1710000999.000001",
          text: { type: "plain_text", text: "Show SQL" },
        },
      ],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const ack = await postToBot(eventsUrl, body, "application/x-www-form-urlencoded", slackHeaders(body, SECRET));
    expect(ack.status).toBe(200);
    const shown = await slack.waitFor(
      "chat.postEphemeral",
      (c) => c.body.channel === "C0SQL" && c.body.user === "U0ERIN",
    );
    expect(shown.body.thread_ts).toBe(ask.ts);
    const sql = answered.find((a) => a.question === "How many synapses go from basket cells to 23P cells?")!.answer
      .sql!;
    expect(messageText(shown)).toContain(JSON.stringify(sql.split("\n")[0]).slice(1, 40));
    expect(messageText(shown)).toMatch(/How it was read/);
  });

  it('shows a "View in Neuroglancer" button for the cells an answer names, and acknowledges its click', async () => {
    const root = gold(raw, "SELECT pre_pt_root_id FROM syn GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1") as string;
    const ask = await mention(`What are the top 5 postsynaptic partners of ${root}?`, { channel: "C0NGL" });
    const reply = await replyIn("C0NGL", ask.ts, /top 5/);
    const blocks = reply.body.blocks as { type: string; block_id?: string; accessory?: Record<string, any> }[];
    const button = blocks.find((b) => b.accessory?.type === "button")!.accessory!;
    expect(button.text).toEqual({ type: "plain_text", text: "View in Neuroglancer" });
    const partners = raw
      .prepare("SELECT post_pt_root_id FROM syn WHERE pre_pt_root_id = ? GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5")
      .raw(true)
      .all(BigInt(root))
      .map((r) => String((r as bigint[])[0]));
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

  it('answers "help" with example questions', async () => {
    const ask = await mention("help", { channel: "C0HELP" });
    const reply = await replyIn("C0HELP", ask.ts, /How many basket cells are there\?/);
    expect(messageText(reply)).toMatch(/Follow-ups work in the same thread/);
    const ack = await slashCommand("help", { channel: "C0HELP" });
    expect(ack.status).toBe(200);
    const privately = await slack.waitFor(
      "respond",
      (c) => c.body.response_type === "ephemeral" && /How many basket cells/.test(c.body.text),
    );
    expect(privately).toBeDefined();
  });

  it("never writes the bot token or the signing secret to its logs", () => {
    expect(logLines.length).toBeGreaterThan(10);
    const all = logLines.join("\n");
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SECRET);
  });
});
