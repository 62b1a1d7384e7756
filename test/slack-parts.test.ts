import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/project-root.js";
import type { Answer } from "../src/answers/answer.js";
import { ConfigError } from "../adapters/common/env.js";
import { answerToSlack, sqlToSlack, SECTION_LIMIT } from "../adapters/slack/blocks.js";
import { BUTTON_URL_LIMIT, OPEN_LINK_ACTION } from "../adapters/slack/link-blocks.js";
import { readSlackConfig } from "../adapters/slack/config.js";
import {
  conversationKeyOf,
  questionFromDirectMessage,
  questionFromMention,
  questionFromSlashCommand,
} from "../adapters/slack/events.js";
import { escapeMrkdwn, questionFromSlackText, splitText } from "../adapters/slack/text.js";

/**
 * The Slack adapter's pieces, one at a time: text in and out, blocks, events, settings, the app
 * manifest. The pieces shared with other adapters are in adapters-common.test.ts.
 */

const timings = { planMs: 1, queryMs: 1, totalMs: 2 };
const sectionTexts = (blocks: unknown[]) =>
  (blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === "section").map((b) => b.text!.text);

describe("adapters/slack pieces", () => {
  it("reads the question out of Slack's text", () => {
    expect(questionFromSlackText("<@U0BOT1> How many &lt;BC&gt; cells &amp; 23P?")).toBe("How many <BC> cells & 23P?");
    expect(questionFromSlackText("<@U0BOT1|bot>  top 5 partners of <https://example.org|this>")).toBe(
      "top 5 partners of this",
    );
    expect(questionFromSlackText(undefined)).toBe("");
  });

  it("splits text at lines to fit a limit, and inside a line only when it must", () => {
    expect(splitText("a\nb\nc", 3)).toEqual(["a\nb", "c"]);
    expect(splitText("abcdefgh", 3)).toEqual(["abc", "def", "gh"]);
    const escaped = splitText("&&&&&&", 10, (p) => escapeMrkdwn(p).length);
    for (const piece of escaped) expect(escapeMrkdwn(piece).length).toBeLessThanOrEqual(10);
    expect(escaped.join("")).toBe("&&&&&&");
  });

  it("keeps every section within Slack's 3,000 characters, escaped", () => {
    const long = Array.from({ length: 300 }, (_, i) => `line ${i} with <angle> & ampersand`).join("\n");
    const { message } = answerToSlack(
      { status: "answered", text: `${long}\nRead as: a long list.`, interpretation: "Read as: a long list.", timings },
      { question: "q" },
    );
    const texts = sectionTexts(message.blocks);
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(SECTION_LIMIT);
    expect(texts.join("\n")).toContain("&lt;angle&gt; &amp; ampersand");
    expect(message.text.length).toBeLessThanOrEqual(3000);
    const sql = sqlToSlack({ sql: `SELECT ${"x, ".repeat(2000)}1`, params: [1] });
    for (const text of sectionTexts(sql.blocks)) expect(text.length).toBeLessThanOrEqual(SECTION_LIMIT);
  });

  it("puts the reading apart, a Show SQL button when there is SQL, and the chart as a file", () => {
    const answer: Answer = {
      status: "answered",
      text: "Number of basket cells (BC): 67.\nRead as: number of basket cells (BC).",
      interpretation: "Read as: number of basket cells (BC).",
      table: { columns: ["cells"], rows: [[67]] },
      sql: "SELECT count(*) FROM cell_type WHERE cell_type = ?",
      params: ["BC"],
      chart: { kind: "bar", file: "/tmp/x.png", spec: {} },
      timings,
    };
    const { message, files } = answerToSlack(answer, { question: "How many basket cells are there?", answerId: "id1" });
    expect(message.text).toBe("Number of basket cells (BC): 67.");
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('"type":"context"');
    expect(json).toContain("Read as: number of basket cells (BC).");
    expect(json).toContain('"action_id":"connectome_show_sql","value":"id1"');
    // The one-number table repeats the headline, so it is not shown again.
    expect(json).not.toContain("```");
    expect(files).toEqual([expect.objectContaining({ file: "/tmp/x.png", filename: "number-of-basket-cells-bc.png" })]);
  });

  it('puts each link\'s label beside a "View in Neuroglancer" URL button, with no button for a URL too long', () => {
    const url = "https://spelunker.cave-explorer.org/#!%7B%22layout%22%3A%22xy-3d%22%7D";
    const answer: Answer = {
      status: "answered",
      text: "Top 5 partners.\nRead as: top 5.",
      interpretation: "Read as: top 5.",
      table: { columns: ["post_pt_root_id", "synapses"], rows: [["864691135000000001", 3]] },
      sql: "SELECT 1",
      links: [{ label: "View the 5 cells in Neuroglancer (segmentation v1300) <&>", url }],
      timings,
    };
    const blocks = answerToSlack(answer, { question: "q", answerId: "a1" }).message.blocks as Record<string, any>[];
    const link = blocks.find((b) => b.accessory?.url)!;
    expect(link.text.text).toBe("View the 5 cells in Neuroglancer (segmentation v1300) &lt;&amp;&gt;");
    const text = { type: "plain_text", text: "View in Neuroglancer" };
    expect(link.accessory).toEqual({ type: "button", action_id: `${OPEN_LINK_ACTION}_0`, text, url });
    // The link comes before the "Show SQL" button, which stays the message's last block.
    expect(blocks.indexOf(link)).toBeLessThan(blocks.findIndex((b) => b.type === "actions"));
    const long = { ...answer, links: [{ label: "View 50 cells", url: `${url}${"x".repeat(BUTTON_URL_LIMIT)}` }] };
    const cut = answerToSlack(long, { question: "q" }).message.blocks as Record<string, any>[];
    expect(cut.some((b) => b.accessory)).toBe(false);
    expect(JSON.stringify(cut)).toContain("View 50 cells (too long for a Slack button");
  });

  it('shows help and "show the SQL" as text, the SQL as code', () => {
    const sql = "SELECT 1";
    const { message } = answerToSlack(
      {
        status: "answered",
        text: `The SQL of the last answer:\n${sql}`,
        sql,
        table: { columns: ["a"], rows: [[1], [2]] },
        timings,
      },
      { question: "show the SQL", answerId: "x" },
    );
    expect(sectionTexts(message.blocks)).toEqual(["The SQL of the last answer:", "```\nSELECT 1\n```"]);
    expect(JSON.stringify(message.blocks)).not.toContain("actions");
  });

  it("keys conversations by workspace, channel and thread, and by user in DMs", () => {
    const inThread = questionFromMention(
      { type: "app_mention", user: "U1", text: "<@UB> hi", channel: "C1", ts: "2.0", thread_ts: "1.0" },
      { team_id: "T1" },
    )!;
    expect(inThread.place.threadTs).toBe("1.0");
    expect(conversationKeyOf(inThread.place)).toBe("T1:C1:1.0:-");
    const topLevel = questionFromMention(
      { type: "app_mention", user: "U1", text: "hi", channel: "C1", ts: "3.0" },
      { team_id: "T1" },
    )!;
    expect(topLevel.place.threadTs).toBe("3.0");
    const dm = questionFromDirectMessage(
      { type: "message", channel_type: "im", user: "U2", text: "hi", channel: "D1", ts: "4.0" },
      { team_id: "T1" },
    )!;
    expect(conversationKeyOf(dm.place)).toBe("T1:D1:top:U2");
    expect(
      questionFromDirectMessage(
        { type: "message", channel_type: "im", subtype: "message_changed", channel: "D1", ts: "5.0" },
        {},
      ),
    ).toBeUndefined();
    expect(
      questionFromDirectMessage(
        { type: "message", channel_type: "im", bot_id: "B1", user: "U2", text: "x", channel: "D1", ts: "5.0" },
        {},
      ),
    ).toBeUndefined();
    expect(
      questionFromDirectMessage(
        { type: "message", channel_type: "channel", user: "U2", text: "x", channel: "C1", ts: "5.0" },
        {},
      ),
    ).toBeUndefined();
    expect(questionFromMention({ type: "app_mention", text: 42 }, {})).toBeUndefined();
    expect(
      questionFromSlashCommand({ command: "/connectome", text: "hi", user_id: "U1", channel_id: "D9", team_id: "T1" })!
        .place.isDirectMessage,
    ).toBe(true);
  });

  it("needs the app token in Socket Mode and the signing secret in HTTP mode", () => {
    const base = { SLACK_BOT_TOKEN: "xoxb-1-2-3" };
    expect(() => readSlackConfig(base, "socket")).toThrow(ConfigError);
    expect(() => readSlackConfig(base, "socket")).toThrow(/SLACK_APP_TOKEN is not set/);
    expect(() => readSlackConfig(base, "http")).toThrow(/SLACK_SIGNING_SECRET is not set/);
    const socket = readSlackConfig(
      { ...base, SLACK_APP_TOKEN: "xapp-1-A-1-abc", SLACK_SIGNING_SECRET: "abc" },
      "socket",
    );
    expect(socket).toMatchObject({
      mode: "socket",
      appToken: "xapp-1-A-1-abc",
      signingSecret: undefined,
      rateLimitPerMinute: 10,
      teams: [],
      channels: [],
    });
    const http = readSlackConfig(
      { ...base, SLACK_SIGNING_SECRET: "abc123", SLACK_CHANNELS: "C1,C2", CONNECTOME_CHAT_RATE_LIMIT: "0" },
      "http",
    );
    expect(http).toMatchObject({
      mode: "http",
      signingSecret: "abc123",
      channels: ["C1", "C2"],
      rateLimitPerMinute: 0,
    });
  });

  it("ships a manifest granting what the adapter uses, in Socket Mode, with /connectome and interactivity", () => {
    const manifest = readFileSync(join(PROJECT_ROOT, "slack-app-manifest.yml"), "utf8");
    const listed = (section: string) => {
      const block = new RegExp(`\\n(\\s*)${section}:\\n((?:\\1\\s+(?:- .*|#.*)\\n)+)`).exec(manifest);
      return block ? [...block[2]!.matchAll(/- (\S+)/g)].map((m) => m[1]) : [];
    };
    // app_mention → app_mentions:read; DMs → im:history, im:read; chat.postMessage/postEphemeral → chat:write;
    // files.uploadV2 → files:write; reactions.add/remove → reactions:write; /connectome → commands.
    expect(listed("bot").sort()).toEqual([
      "app_mentions:read",
      "chat:write",
      "commands",
      "files:write",
      "im:history",
      "im:read",
      "reactions:write",
    ]);
    expect(listed("bot_events").sort()).toEqual(["app_mention", "message.im"]);
    expect(manifest).toMatch(/\n\s+- command: \/connectome\n/);
    expect(manifest).toMatch(/\n  interactivity:\n(?:\s+#.*\n)*\s+is_enabled: true\n/);
    expect(manifest).toMatch(/\n  socket_mode_enabled: true\n/);
  });

  it("documents every Slack variable the adapter reads in .env.example", () => {
    const example = readFileSync(join(PROJECT_ROOT, ".env.example"), "utf8");
    for (const name of [
      "SLACK_BOT_TOKEN",
      "SLACK_APP_TOKEN",
      "SLACK_SIGNING_SECRET",
      "SLACK_API_URL",
      "SLACK_TEAMS",
      "SLACK_CHANNELS",
      "CONNECTOME_CHAT_RATE_LIMIT",
      "CONNECTOME_CHAT_LOG_LEVEL",
    ]) {
      expect(example).toMatch(new RegExp(`^#? ?${name}=`, "m"));
    }
  });
});
