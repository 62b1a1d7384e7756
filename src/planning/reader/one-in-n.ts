import { keptWhole } from "./percent-more.js";
import type { Prepared } from "./prepare.js";

/*
 * "One in how many neurons is a Martinotti cell?", "Counting every neuron in V1, one in how many of them is a BC?":
 * the whole counted over the part, said as the reader reads it, "ratio of neurons to Martinotti cells". It had been
 * read as a count of the cells that are both (the part alone), a number that looks like an answer.
 */
const ONE_IN = String.raw`\b(?:one|1)\s+(?:in|out\s+of)\s+(?:every\s+)?how\s+many`;
const PART = String.raw`\s+(?:is|are)\s+(?:an?\s+)?([^?,;:.()]+?)\s*([?.!]|(?=\()|$)`;
/** Any "one in how many", also with a noun: "one synapse in every how many". */
const ONE_IN_ANY = /\b(?:one|1)(?:\s+[a-z]+)?\s+(?:in|out\s+of)\s+(?:every\s+)?how\s+many\b/gi;
/** "one in how many neurons is a MC": the whole said after "how many". */
const WHOLE_AFTER = new RegExp(String.raw`${ONE_IN}\s+(?!of\s+(?:them|those|these)\b)([^?,;:.]+?)${PART}`, "i");
/** "Counting every neuron, one in how many of them is a MC": the whole said first, pointed back at. */
const WHOLE_FIRST = new RegExp(
  String.raw`^\s*(?:counting|among|of|out\s+of|across|taking|considering|if\s+you\s+count)\s+` +
    String.raw`(?:every|all(?:\s+of)?(?:\s+the)?|each|the)?\s*([^,;:]+?)\s*[,;:]\s*` +
    String.raw`${ONE_IN}(?:\s+of\s+(?:them|those|these))?${PART}`,
  "i",
);

export function oneInN(p: Prepared): Prepared {
  const first = WHOLE_FIRST.exec(p.text);
  if (first) {
    const rest = p.text.slice(first.index + first[0].length);
    return { ...p, text: `ratio of ${first[1]!} to ${first[2]!}${first[3] || "?"}${rest}` };
  }
  const after = WHOLE_AFTER.exec(p.text);
  // ("One in how many of the synapses onto 5P-ET cells comes from a MC?": a form not read here is kept whole, so it
  // is asked back; read word by word it had been a count of the part.)
  if (!after) return { ...p, text: keptWhole(p.text, ONE_IN_ANY) };
  const [lead, rest] = [p.text.slice(0, after.index), p.text.slice(after.index + after[0].length)];
  return { ...p, text: `${lead}ratio of ${after[1]!} to ${after[2]!}${after[3] || "?"}${rest}` };
}
