import type { Prepared } from "./prepare.js";

/*
 * "outgoing connections of 8646…", "# input conns onto BCs", "how many outgoing connections does 8646… have":
 * connections said with the side of the cell that owns them are the connections from it, or onto it. (The
 * side word had been read as a second noun, "outputs", and the question asked back.)
 */
const OUT = String.raw`(?:outgoing|output|efferent|downstream)`;
const IN = String.raw`(?:incoming|input|afferent|upstream)`;
const CONNECTIONS = String.raw`(connections?|conns?)`;
/** The owner of a "does … have" question: one root or a few words naming cells, never a clause. */
const OWNER = String.raw`(\d{15,20}|(?:[\w/-]+\s+){0,3}?[\w/-]+)`;

const SIDED: [RegExp, string][] = [
  [new RegExp(String.raw`\b${OUT}\s+${CONNECTIONS}\s+(?:of|for|from)\s+`, "gi"), "$1 from "],
  [new RegExp(String.raw`\b${IN}\s+${CONNECTIONS}\s+(?:of|for|onto|into|to)\s+`, "gi"), "$1 onto "],
  [
    new RegExp(
      String.raw`\bhow\s+many\s+${OUT}\s+${CONNECTIONS}\s+(?:does|do)\s+${OWNER}\s+(?:have|make|form)\b`,
      "gi",
    ),
    "how many $1 from $2",
  ],
  [
    new RegExp(
      String.raw`\bhow\s+many\s+${IN}\s+${CONNECTIONS}\s+(?:does|do)\s+${OWNER}\s+(?:have|get|receive)\b`,
      "gi",
    ),
    "how many $1 onto $2",
  ],
];

export function sidedConnections(p: Prepared): Prepared {
  let text = p.text;
  for (const [pattern, replacement] of SIDED) text = text.replace(pattern, replacement);
  return text === p.text ? p : { ...p, text };
}
