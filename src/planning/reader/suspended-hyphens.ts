import type { Prepared } from "./prepare.js";

/*
 * "Perisomatic-, distal-, sparsely- and inhibitory-targeting interneurons", "L2/3- and L4-projecting": words
 * that share the ending said once, at the last of them; each is said whole so the lexicon finds its name.
 */
const SUSPENDED = /((?:\b[\w/]+-\s*,?\s+)+)(and|or|&)\s+([\w/]+)-([a-z]+)\b/gi;

/** "fully vs partially extended", "partially or fully extended": an adverb said without its participle. */
const SHARED_PARTICIPLE =
  /\b(fully|partially|partly|completely)\s+(vs\.?|versus|and|or|\/)\s+(fully|partially|partly|completely)\s+(extended|proofread|traced)\b/gi;

export function suspendedHyphens(p: Prepared): Prepared {
  const text = p.text
    .replace(SHARED_PARTICIPLE, "$1 $4 $2 $3 $4")
    .replace(SUSPENDED, (_all, heads: string, and: string, last: string, ending: string) => {
      const words = heads
        .split(/-\s*,?\s+/)
        .map((w) => w.trim())
        .filter(Boolean);
      return `${words.map((w) => `${w}-${ending}`).join(", ")} ${and} ${last}-${ending}`;
    });
  return text === p.text ? p : { ...p, text };
}
