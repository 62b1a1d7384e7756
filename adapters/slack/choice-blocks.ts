/**
 * An Answer's choices as Slack blocks: a line saying what they are ("Next questions" after an
 * answer, "Did you mean" after a question back) and one button per question. A button carries only
 * the choice's short id (its value); app.ts routes the click to the core's `choose`, which asks the
 * question in the thread's conversation.
 */
import type { types } from "@slack/bolt";
import type { AnswerChoice } from "../../src/answers/answer.js";
import { escapeMrkdwn } from "./text.js";

/** The action id prefix of choice buttons (each button's id must be unique within a message). */
export const CHOICE_ACTION = "connectome_choice";
/** Slack's limit on a button's text. */
const BUTTON_TEXT = 75;

const cut = (text: string) => (text.length <= BUTTON_TEXT ? text : `${text.slice(0, BUTTON_TEXT - 1)}…`);

export function choiceBlocks(choices: AnswerChoice[] | undefined): types.KnownBlock[] {
  if (!choices?.length) return [];
  const readings = choices.every((c) => c.kind === "reading");
  const lead = readings
    ? "Did you mean one of these? Click to ask it:"
    : "Next questions (click to ask in this thread):";
  return [
    { type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(lead) }] },
    {
      type: "actions",
      elements: choices.slice(0, 25).map((choice, i) => ({
        type: "button" as const,
        action_id: `${CHOICE_ACTION}_${i}`,
        value: choice.id,
        // The whole question is the button's text when it fits; a long root id question is cut at its end.
        text: { type: "plain_text" as const, text: cut(choice.question) },
      })),
    },
  ];
}
