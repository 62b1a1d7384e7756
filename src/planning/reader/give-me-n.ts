import type { Prepared } from "./prepare.js";

/*
 * "Which PV cells are the most heavily innervated? give me three, ranked by …", "list 5, sorted by …": a number of
 * rows asked for by a verb of giving, with nothing after it, is the top k.
 */
const GIVE_N = new RegExp(
  String.raw`\b(?:give|show|list|name)\s+(?:me\s+|us\s+)?(?:the\s+)?` +
    String.raw`(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})` +
    String.raw`(?=\s*(?:[,.;:!?]|$)|\s+(?:ranked|sorted|ordered|please|pls)\b)`,
  "gi",
);

/** "… which basket cells come out on top? Three is enough.": how many rows are wanted, said after the question. */
const N_IS_ENOUGH =
  /(?<=[?.!]\s*)(?:just\s+)?(two|three|four|five|ten|\d{1,2})\s+(?:is|are|will\s+do|would\s+do)\s+(?:enough|fine|plenty)\s*[.!]*\s*$/i;

export function giveMeN(p: Prepared): Prepared {
  const text = p.text.replace(GIVE_N, "top $1").replace(N_IS_ENOUGH, "top $1.");
  return text === p.text ? p : { ...p, text };
}
