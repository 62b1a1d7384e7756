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

/**
 * "… ascending, and tell me the three with the smallest nuclei", "the 5 with the most inputs": the rows at one end,
 * said as "the bottom 3 with …" or "the top 5 with …", the measure kept ("the 2 with the largest nuclei").
 */
/** A number of rows, as typed. */
const ROWS = String.raw`two|three|four|five|six|seven|eight|nine|ten|\d{1,2}`;
const LOW = "smallest|fewest|lowest|least|shallowest";
const LOW_END = new RegExp(`^(?:${LOW})$`, "i");
const N_WITH_THE = new RegExp(
  String.raw`\bthe\s+(${ROWS})\s+(?:ones\s+|types\s+|cells\s+)?` +
    String.raw`(?=with\s+the\s+(${LOW}|largest|biggest|most|highest|greatest|deepest|strongest)\b)`,
  "gi",
);

const ENDS = "(?:most|least|fewest|largest|biggest|smallest|highest|lowest|strongest)";
/** "show me the three targets receiving the most synapses": the number of rows, before a ranking said after. */
const THE_N_RANKED = new RegExp(
  String.raw`\b((?:give|show|list|name|tell)\s+(?:me\s+|us\s+)?)the\s+(${ROWS})\s+` +
    String.raw`(?=[a-z][\w-]*\s+[^?.!]*\b${ENDS}\b)`,
  "gi",
);

export function giveMeN(p: Prepared): Prepared {
  const text = p.text
    .replace(GIVE_N, "top $1")
    .replace(N_IS_ENOUGH, "top $1.")
    .replace(N_WITH_THE, (_all, n: string, end: string) => (LOW_END.test(end) ? `the bottom ${n} ` : `the top ${n} `))
    .replace(THE_N_RANKED, "$1 the top $2 ");
  return text === p.text ? p : { ...p, text };
}
