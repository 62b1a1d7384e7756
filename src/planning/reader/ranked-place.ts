import type { Prepared } from "./prepare.js";

/*
 * "which area ranks third by BC count", "which type comes second in cell count", "… is in third place for …",
 * "who comes in at number two?", "ranks highest by …": a place in an order said with a verb of ranking is a
 * superlative with that place, said the way the reader knows it ("is the third-highest by …"). The ordinal alone
 * had been an unknown word. "Which types come out 1st, 2nd and 3rd?" asks for the top three.
 */
const ORDINAL = String.raw`second|third|fourth|fifth|2nd|3rd|4th|5th|first|top|highest|last|lowest`;
const COUNTED = String.raw`(?:number|no\.?|#)\s*(two|three|four|five|2|3|4|5|one|1)`;
const PLACED = new RegExp(
  String.raw`\b(who\s+)?(?:ranks?|ranked|comes?(?:\s+in)?|came(?:\s+in)?|is|places?|placed|finish(?:es)?|lands?|sits?)\s+` +
    String.raw`(?:in\s+)?(?:at\s+)?(?:the\s+)?(?:(${ORDINAL})(?:\s+place)?|${COUNTED})` +
    String.raw`(?=\s+(?:by|in|for|on|when|with|among|of)\b|\s*[?.!]*\s*$)`,
  "gi",
);
const FIRST_TO_NTH = new RegExp(
  String.raw`\b(?:come\s+out\s+|come\s+|are\s+|rank\s+|ranked\s+)?(?:1st|first)\s*,\s*(?:2nd|second)\s*,?\s*` +
    String.raw`(?:and\s+)?(?:3rd|third)(\s*,?\s*(?:and\s+)?(?:4th|fourth))?`,
  "gi",
);

/** Places said as numbers or digit ordinals, said as the word the reader joins ("ranks 2nd": "second-highest"). */
const WORDS: Record<string, string> = {
  ...{ one: "first", 1: "first", two: "second", 2: "second", three: "third", 3: "third" },
  ...{ four: "fourth", 4: "fourth", five: "fifth", 5: "fifth" },
  ...{ "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth" },
};

function placeSaid(word: string): string {
  const w = WORDS[word.toLowerCase()] ?? word.toLowerCase();
  if (/^(first|top|highest)$/.test(w)) return "highest";
  if (/^(last|lowest)$/.test(w)) return "lowest";
  return `${w}-highest`;
}

export function rankedPlace(p: Prepared): Prepared {
  const text = p.text
    // ("who comes in at number two": which one, of the ones ranked.)
    .replace(PLACED, (_all, who: string | undefined, word: string | undefined, counted: string | undefined) => {
      return `${who ? "which one " : ""}is the ${placeSaid(word ?? counted!)}`;
    })
    .replace(FIRST_TO_NTH, (_all, fourth: string | undefined) => `are the top ${fourth ? 4 : 3}`);
  return text === p.text ? p : { ...p, text };
}
