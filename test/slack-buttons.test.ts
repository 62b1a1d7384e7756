import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VOCABULARY } from "../src/answers/chat.js";
import { OfflineReader } from "../src/planning/reader/reader.js";
import { Vocabulary } from "../src/planning/vocabulary/vocabulary.js";
import { postToBot, slackHeaders, type ApiCall, type SlackStandIn } from "./support/slack-stand-in.js";
import {
  BC_COUNT,
  SECRET,
  TEAM,
  closeSlackFixture,
  mention,
  messageText,
  nextEventSeq,
  nextTs,
  replyIn,
  slackFixture,
  tsOf,
  typeToType,
  type SlackFixture,
} from "./support/slack-fixture.js";

/**
 * Next questions and readings offered as Slack buttons (support/slack-fixture.ts): what is offered,
 * what a click asks and in which thread, and what is refused.
 */
let slack: SlackStandIn;
let eventsUrl: string;
let answered: SlackFixture["answered"];

beforeAll(async () => {
  ({ slack, eventsUrl, answered } = await slackFixture());
});

afterAll(async () => {
  await closeSlackFixture();
});

describe("Slack: questions offered as buttons", () => {
  type Button = { type: string; action_id: string; value: string; text: { text: string } };
  const choiceButtons = (call: ApiCall) =>
    (call.body.blocks as { type: string; elements?: Button[] }[])
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.action_id.startsWith("connectome_choice_"));
  const reader = new OfflineReader(Vocabulary.load(DEFAULT_VOCABULARY));

  /** Clicks a button of a bot message in a thread, as Slack sends the block_actions payload. */
  async function click(reply: ApiCall, button: Button, options: { user?: string; channel: string; threadTs: string }) {
    const replyTs = await tsOf(reply);
    const payload = {
      type: "block_actions",
      user: { id: options.user ?? "U0ERIN", username: "erin", team_id: TEAM },
      api_app_id: "A0CONNECTOME",
      token: "legacy-verification-token",
      container: {
        type: "message",
        message_ts: replyTs,
        channel_id: options.channel,
        is_ephemeral: false,
        thread_ts: options.threadTs,
      },
      trigger_id: "123.456.choice",
      team: { id: TEAM, domain: "lab" },
      channel: { id: options.channel, name: "lab" },
      message: { type: "message", ts: replyTs, thread_ts: options.threadTs, text: reply.body.text, bot_id: "BBOT0001" },
      response_url: slack.responseUrl(`choice${nextEventSeq()}`),
      actions: [
        {
          type: "button",
          action_id: button.action_id,
          block_id: "c1",
          value: button.value,
          action_ts: "1.3",
          text: button.text,
        },
      ],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return postToBot(eventsUrl, body, "application/x-www-form-urlencoded", slackHeaders(body, SECRET));
  }

  it("after an answer, shows the next questions as buttons, each a question the reader reads as a plan", async () => {
    const ask = await mention("How many basket cells are there?", { channel: "C0NEXT" });
    const reply = await replyIn("C0NEXT", ask.ts, /basket cells/);
    const buttons = choiceButtons(reply);
    expect(buttons.map((b) => b.text.text)).toEqual([
      "where are the BC cells?",
      "how many synapses do BC cells make?",
      "how many BC cells are there per layer?",
    ]);
    expect(messageText(reply)).toContain("Next questions (click to ask in this thread):");
    const conversation = answered.find(
      (a) => a.question === "How many basket cells are there?" && a.answer.choices?.[0]?.id === buttons[0]!.value,
    )!.conversation;
    for (const b of buttons) {
      expect(b.value).toMatch(/^[A-Za-z0-9_-]{12}$/);
      expect((await reader.plan(b.text.text, conversation.lastPlan)).type).toBe("plan");
    }
  });

  it("clicking a next question, by anyone in the thread, posts its answer in the same thread", async () => {
    const ask = await mention("How many synapses go from basket cells to 23P cells?", { channel: "C0NEXT" });
    const reply = await replyIn("C0NEXT", ask.ts, /basket cells/);
    const reverse = choiceButtons(reply).find(
      (b) => b.text.text === "how many synapses go from 23P cells to BC cells?",
    )!;
    const ack = await click(reply, reverse, { channel: "C0NEXT", threadTs: ask.ts, user: "U0FRANK" });
    expect(ack.status).toBe(200);
    expect(ack.ackMs).toBeLessThan(1000);
    const n = typeToType("23P", "BC").toLocaleString("en-US");
    const answer = await replyIn("C0NEXT", ask.ts, `onto basket cells (BC): ${n}.`);
    expect(answer.body.text.split("\n")[0]).toBe(
      `Number of synapses from layer 2/3 pyramidal cells (23P) onto basket cells (BC): ${n}.`,
    );
    expect(messageText(answer)).toContain("<@U0FRANK> asked: how many synapses go from 23P cells to BC cells?");
    // The answer is in the thread's conversation: a typed follow-up reads it.
    await mention("and onto 4P?", { channel: "C0NEXT", threadTs: ask.ts });
    await replyIn(
      "C0NEXT",
      ask.ts,
      `from layer 2/3 pyramidal cells (23P) onto layer 4 pyramidal cells (4P): ` +
        `${typeToType("23P", "4P").toLocaleString("en-US")}.`,
    );
  });

  it(
    "a question asked back offers its readings as buttons; " + "clicking one answers that reading in the thread",
    async () => {
      const ask = await mention("how many bp cells are there?", { channel: "C0NEXT" });
      const reply = await replyIn("C0NEXT", ask.ts, /could mean BC or BPC/);
      expect(messageText(reply)).toContain("Did you mean one of these? Click to ask it:");
      const buttons = choiceButtons(reply);
      expect(buttons.map((b) => b.text.text)).toEqual([
        "how many BC cells are there?",
        "how many BPC cells are there?",
      ]);
      for (const b of buttons) expect((await reader.plan(b.text.text)).type).toBe("plan");
      await click(reply, buttons[0]!, { channel: "C0NEXT", threadTs: ask.ts });
      const answer = await replyIn(
        "C0NEXT",
        ask.ts,
        `Number of basket cells (BC): ${BC_COUNT().toLocaleString("en-US")}.`,
      );
      expect(messageText(answer)).toContain("<@U0ERIN> asked: how many BC cells are there?");
    },
  );

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
    await click(
      reply,
      { ...button, value: "forgedforged" },
      { channel: "C0NEXT", threadTs: first.ts, user: "U0HEIDI" },
    );
    const forged = await slack.waitFor("chat.postEphemeral", (c) => c.body.user === "U0HEIDI");
    expect(forged.body.text).toBe("That choice has expired; please ask again.");
    // A value that is not a choice id at all is dropped before the core sees it.
    await click(reply, { ...button, value: "<script>" }, { channel: "C0NEXT", threadTs: first.ts, user: "U0IVAN" });
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.callsOf("chat.postEphemeral", (c) => c.body.user === "U0IVAN")).toHaveLength(0);
    expect(slack.callsOf("chat.postMessage").length).toBe(postsBefore);
  });
});
