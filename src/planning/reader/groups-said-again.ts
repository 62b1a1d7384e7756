import type { Prepared } from "./prepare.js";

/** A grouping said: "by axon strategy", "per area", "broken down by type". */
const GROUPED = /\b(?:by|per|split|broken\s+down|break\s*down)\b/i;
/** The groups said again by a plain noun: "in each category", "per group", "for every bucket". */
const GROUP_NOUN = String.raw`(?:cate?g\w*|groups?|buckets?|bins?)\b`;
const AGAIN = new RegExp(String.raw`\b(?:in|per|for)\s+(?:each|every)\s+${GROUP_NOUN}|\bper\s+${GROUP_NOUN}`, "gi");

/**
 * "break down the proofread neurons by axon strategy? how many in each category": after a grouping, "each
 * category", "per group" are its groups again. ("category" had been read as the cell type, a second grouping,
 * and "group" asked back.)
 */
export function groupsSaidAgain(p: Prepared): Prepared {
  const grouped = GROUPED.exec(p.text);
  if (!grouped) return p;
  const head = p.text.slice(0, grouped.index + grouped[0].length);
  // (Not "top 3 per group": the ranking within each group of what? Left to the reader, which asks.)
  const rest = p.text
    .slice(head.length)
    .replace(AGAIN, (said, at: number, all: string) =>
      /\b(?:top|bottom|first|last)\s+\w+\s*$/i.test(all.slice(0, at)) ? said : "in each",
    );
  return head + rest === p.text ? p : { ...p, text: head + rest };
}
