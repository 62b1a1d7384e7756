/**
 * Slack's message text conventions: the question as a person typed it (without the bot's
 * mention, with Slack's escapes undone) and answer text escaped for mrkdwn.
 */

/** The question in a mention or message: mentions of users removed, links and escapes turned back into text. */
export function questionFromSlackText(text: string | undefined): string {
  return (text ?? "")
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " ")
    .replace(/<(?:mailto:|https?:\/\/)?[^>|]*\|([^>]*)>/g, "$1")
    .replace(/<((?:https?:\/\/|mailto:)[^>]*)>/g, "$1")
    .replace(/<[#!][^>|]*\|?([^>]*)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Text safe in mrkdwn: Slack only asks that &, < and > be escaped. */
export const escapeMrkdwn = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Splits text into pieces of at most `max` characters as measured by `measure` (e.g. the length
 * once escaped), at line breaks where possible and inside a line only when it is longer than that.
 */
export function splitText(
  text: string,
  max: number,
  measure: (piece: string) => number = (piece) => piece.length,
): string[] {
  const pieces: string[] = [];
  let current: string | undefined;
  const fits = (piece: string) => measure(piece) <= max;
  for (const line of text.split("\n")) {
    const joined = current === undefined ? line : `${current}\n${line}`;
    if (fits(joined)) {
      current = joined;
      continue;
    }
    if (current !== undefined) pieces.push(current);
    current = undefined;
    let rest = line;
    while (!fits(rest)) {
      let cut = Math.min(rest.length - 1, max);
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  pieces.push(current ?? "");
  return pieces;
}
