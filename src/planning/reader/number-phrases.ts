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
const HALF = /\b(above|below|over|under|than|exceeds?|at least|at most)\s+(?:(?:one|a)\s+)?half\b/gi;
// "gOSI > 1/3", "above 2/3": a fraction after a bound is its number (not "L2/3", which no bound comes before).
const SLASHED = /(>=?|<=?|≥|≤|\b(?:above|below|over|under|than|at least|at most))\s*(\d)\s*\/\s*(\d{1,2})(?![\d/])/gi;
// "global orientation selectivity index (gOSI)": the name and its abbreviation, said once.
const NAMED_TWICE = /\b(?:global\s+)?(orientation|direction)\s+selectivity\s+index\s*\((g?[od]si)\)/gi;

// "whose distinct postsynaptic partners number under twenty": "with under twenty distinct … partners".
const COUNTED =
  String.raw`(?:distinct\s+|unique\s+|different\s+)?` +
  String.raw`(?:(?:postsynaptic|presynaptic|input|output|outgoing|incoming)\s+)?` +
  String.raw`(?:partners|synapses|inputs|outputs|targets|sources|syn)`;
const WHOSE_COUNT = new RegExp(
  String.raw`\bwhose\s+(${COUNTED})\s+(?:number|count|total|totals|amount to|come to|add up to|are|is)\s+` +
    String.raw`(under|below|over|above|more than|fewer than|less than|at least|at most)\s+(\d[\d,.]*|[a-z]+)\b`,
  "gi",
);

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
    .replace(SLASHED, (all: string, bound: string, n: string, d: string) =>
      Number(d) > 0 ? `${bound} ${Number(n) / Number(d)}` : all,
    )
    .replace(/\bexceeds?\s+(?=\d)/gi, "over ")
    .replace(NAMED_TWICE, "$2")
    .replace(WHOSE_COUNT, (_, counted: string, bound: string, n: string) => `with ${bound} ${n} ${counted}`);
  return text === p.text ? p : { ...p, text };
}
