/**
 * An Answer's links as Slack blocks: each link's label beside a "View in Neuroglancer" URL button.
 * A URL button opens the link in the browser itself; Slack still sends the app a block_actions
 * payload for the click, which app.ts acknowledges (OPEN_LINK_ACTION) and otherwise ignores.
 */
import type { types } from "@slack/bolt";
import type { AnswerLink } from "../../src/answers/answer.js";
import { escapeMrkdwn } from "./text.js";

/** The action id prefix of link buttons (each button's id must be unique within a message). */
export const OPEN_LINK_ACTION = "connectome_open_link";
/** Slack's limit on a button's URL. */
export const BUTTON_URL_LIMIT = 3000;

export function linkBlocks(links: AnswerLink[] | undefined): types.KnownBlock[] {
  return (links ?? []).map((link, i) => {
    const text = { type: "mrkdwn" as const, text: escapeMrkdwn(link.label) };
    // A longer URL would make Slack refuse the whole message: the label says why there is no button.
    if (link.url.length > BUTTON_URL_LIMIT) {
      const note = " (too long for a Slack button; `connectome-chat ask --json` prints it)";
      return { type: "section", text: { ...text, text: `${text.text}${note}` } };
    }
    return {
      type: "section",
      text,
      accessory: {
        type: "button",
        action_id: `${OPEN_LINK_ACTION}_${i}`,
        text: { type: "plain_text", text: "View in Neuroglancer" },
        url: link.url,
      },
    };
  });
}
