import type { Prepared } from "./prepare.js";

/*
 * "Perisomatic-, distal-, sparsely- and inhibitory-targeting interneurons", "L2/3- and L4-projecting": words
 * that share the ending said once, at the last of them; each is said whole so the lexicon finds its name.
 */
const SUSPENDED = /((?:\b[\w/]+-\s*,?\s+)+)(and|or|&)\s+([\w/]+)-([a-z]+)\b/gi;

export function suspendedHyphens(p: Prepared): Prepared {
  const text = p.text.replace(SUSPENDED, (_all, heads: string, and: string, last: string, ending: string) => {
    const words = heads
      .split(/-\s*,?\s+/)
      .map((w) => w.trim())
      .filter(Boolean);
    return `${words.map((w) => `${w}-${ending}`).join(", ")} ${and} ${last}-${ending}`;
  });
  return text === p.text ? p : { ...p, text };
}
