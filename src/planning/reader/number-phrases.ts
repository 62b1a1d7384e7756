import type { Prepared } from "./prepare.js";
import { NUMBER_WORDS } from "./spelled-numbers.js";

// (The words themselves are spelled-numbers.ts's; "a hundred" is one hundred.)
const word = (w: string) => (w.toLowerCase() === "a" ? 1 : NUMBER_WORDS[w.toLowerCase()]!);
const UNIT = "one|two|three|four|five|six|seven|eight|nine";
const TEN = "ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
// "five hundred", "eight hundred fifty", "two thousand", "a hundred and twenty".
const COMPOUND = new RegExp(
  String.raw`\b(${UNIT}|a)\s+(hundred|thousand)(?:\s+(?:and\s+)?(${TEN})(?:[\s-](${UNIT}))?)?\b`,
  "gi",
);
// "above one half", "greater than a half".
const HALF = /\b(above|below|over|under|than|exceeds?|at least|at most)\s+(?:one|a)\s+half\b/gi;
// "global orientation selectivity index (gOSI)": the name and its abbreviation, said once.
const NAMED_TWICE = /\b(?:global\s+)?(orientation|direction)\s+selectivity\s+index\s*\((g?[od]si)\)/gi;

/**
 * Numbers said in words that the reader reads one word at a time ("over five hundred" had read 5),
 * as digits; "exceeds 100" as "over 100"; a name followed by its abbreviation in brackets, once.
 */
export function numberPhrases(p: Prepared): Prepared {
  const text = p.text
    .replace(COMPOUND, (_, unit: string, scale: string, ten?: string, one?: string) => {
      const base = word(unit) * (scale.toLowerCase() === "hundred" ? 100 : 1000);
      return String(base + (ten ? word(ten) : 0) + (one ? word(one) : 0));
    })
    .replace(HALF, "$1 0.5")
    .replace(/\bexceeds?\s+(?=\d)/gi, "over ")
    .replace(NAMED_TWICE, "$2");
  return text === p.text ? p : { ...p, text };
}
