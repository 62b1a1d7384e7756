import type { Prepared } from "./prepare.js";

/*
 * "which area ranks third by BC count", "which type comes second in cell count", "… is in third place for …",
 * "ranks highest by …": a place in an order said with a verb of ranking is a superlative with that place, said the
 * way the reader knows it ("is the third-highest by …"). The ordinal alone had been an unknown word.
 */
const PLACED = new RegExp(
  String.raw`\b(?:ranks?|ranked|comes?(?:\s+in)?|came(?:\s+in)?|is|places?|placed|finish(?:es)?|lands?|sits?)\s+` +
    String.raw`(?:in\s+)?(?:the\s+)?(second|third|fourth|fifth|2nd|3rd|4th|5th|first|top|highest|last|lowest)` +
    String.raw`(?:\s+place)?(?=\s+(?:by|in|for|on|when|with|among|of)\b|\s*[?.!]*\s*$)`,
  "gi",
);

function placeSaid(word: string): string {
  const w = word.toLowerCase();
  if (/^(first|top|highest)$/.test(w)) return "highest";
  if (/^(last|lowest)$/.test(w)) return "lowest";
  return `${w}-highest`;
}

export function rankedPlace(p: Prepared): Prepared {
  const text = p.text.replace(PLACED, (_all, word: string) => `is the ${placeSaid(word)}`);
  return text === p.text ? p : { ...p, text };
}
