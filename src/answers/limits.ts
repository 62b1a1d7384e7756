/** The longest question answered, in characters: longer text is refused before it is read (or echoed). */
export const MAX_QUESTION_CHARS = 2000;

/** How much of a refused question may be quoted back: enough to recognise it, never the whole of it. */
export const ECHO_CHARS = 80;

/** The first `ECHO_CHARS` characters of a question, marked as cut when they are not all of it. */
export const shortPrefix = (text: string, chars = ECHO_CHARS) =>
  text.length <= chars ? text : `${text.slice(0, chars)}…`;

/** The refusal of a question over the limit, quoting only its beginning. */
export const tooLongMessage = (text: string) =>
  `That question is too long (${text.length.toLocaleString("en-US")} characters; at most ` +
  `${MAX_QUESTION_CHARS.toLocaleString("en-US")}): “${shortPrefix(text)}”. Ask one thing at a time.`;
