/**
 * An Answer's links in a Discord message. A link button is the natural form, but Discord refuses
 * a button URL over 512 characters (and with it the whole message), and a Neuroglancer link, which
 * carries its viewer state in the URL, is 800 to 2,500 characters. So a link that fits is a
 * button; any other is an embed titled "View in Neuroglancer" whose title (up to Discord's 2,048
 * characters for an embed URL) or label (a masked link) opens it.
 */
import { ButtonBuilder, ButtonStyle, EmbedBuilder } from "discord.js";
import type { AnswerLink } from "../../src/answers/answer.js";

/** Discord's limits: a button's URL and label, an embed's URL and title. */
export const BUTTON_URL_CHARS = 512;
const BUTTON_LABEL_CHARS = 80;
const EMBED_URL_CHARS = 2048;
const LINK_COLOUR = 0x009e73;
const TITLE = "View in Neuroglancer";

export interface LinkParts {
  buttons: ButtonBuilder[];
  embeds: EmbedBuilder[];
  /** Characters the embeds add to the message's 6,000 across all embeds. */
  embedChars: number;
}

export function linkParts(links: AnswerLink[] | undefined): LinkParts {
  const parts: LinkParts = { buttons: [], embeds: [], embedChars: 0 };
  for (const link of links ?? []) {
    if (link.url.length <= BUTTON_URL_CHARS) {
      const label = link.label.length <= BUTTON_LABEL_CHARS ? link.label : TITLE;
      parts.buttons.push(new ButtonBuilder().setStyle(ButtonStyle.Link).setLabel(label).setURL(link.url));
      continue;
    }
    const embed = new EmbedBuilder().setColor(LINK_COLOUR).setTitle(TITLE);
    if (link.url.length <= EMBED_URL_CHARS) embed.setURL(link.url).setDescription(link.label);
    else embed.setDescription(`[${link.label.replace(/[[\]]/g, "")}](${maskable(link.url)})`);
    parts.embeds.push(embed);
    parts.embedChars += TITLE.length + (embed.data.description?.length ?? 0);
  }
  return parts;
}

/**
 * A URL that cannot end a masked link early: parentheses percent-encoded, as a browser reads
 * them the same (encodeURIComponent leaves them as they are).
 */
const maskable = (url: string) => url.replace(/\(/g, "%28").replace(/\)/g, "%29");
