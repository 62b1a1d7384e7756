import type { Prepared } from "./prepare.js";

/*
 * "I'm looking at the near-projecting L5 neurons; what fraction of them have …?", "I'm focusing on the 5P-NP cells.
 * How many of them are coregistered?": cells the asker says they are looking at, then a question that points back at
 * them ("them", "they", "their", "those"). Said as the reader reads a topic, "For the 5P-NP cells: what fraction of
 * them …". Not without a pointer: "I'm looking at the L5 cells. How many BCs are there?" leaves the lead to the reader.
 */
const LOOKING_AT = new RegExp(
  String.raw`^\s*(?:(?:hi|hey|hello)[,!.]?\s+)?(?:I'm|I\s+am|we're|we\s+are)\s+(?:looking\s+at|focusing\s+on|` +
    String.raw`interested\s+in|working\s+on|studying)\s+(the\s+[^.;:?!]{2,60}?)\s*[.;:]\s+(?=\S)`,
  "i",
);
const POINTER = /\b(?:them|they|their|those|these)\b/i;

export function lookingAt(p: Prepared): Prepared {
  const m = LOOKING_AT.exec(p.text);
  if (!m) return p;
  const rest = p.text.slice(m[0].length);
  if (!POINTER.test(rest)) return p;
  return { ...p, text: `For ${m[1]!}: ${rest}` };
}
