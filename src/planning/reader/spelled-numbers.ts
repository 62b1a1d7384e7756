import { is, lower, type Atom } from "./atoms.js";

/** A count said in digits or as a word up to ten, in a pattern ("top three", "5 or more synapses"). */
export const SMALL_COUNT = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)`;

export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  hundred: 100,
};

/** Said with "a" before them: "at least a dozen synapses", "more than a hundred inputs". */
const WITH_A = new Set(["dozen", "hundred", "quarter", "half", "third", "fifth", "tenth"]);

/** "gOSI above a quarter": a fraction word is a number only after a comparison, with its "a". */
const FRACTIONS: Record<string, number> = { quarter: 0.25, half: 0.5, third: 1 / 3, fifth: 0.2, tenth: 0.1 };

/**
 * "top five", "which three": number words as numbers where a count is expected; also before what is
 * counted ("the three neurons that …", "five or more synapses"), except "one", which says one cell
 * ("the most outputs of one MC").
 */
export function spelledNumbers(atoms: Atom[]): Atom[] {
  const out: Atom[] = [];
  atoms.forEach((a, i) => {
    const article = WITH_A.has(lower(a)) && /^(a|one)$/.test(lower(atoms[i - 1]));
    const prev = article ? atoms[i - 2] : atoms[i - 1];
    const fraction = article && is(prev, "cmp") ? FRACTIONS[lower(a)] : undefined;
    const n = NUMBER_WORDS[lower(a)] ?? fraction;
    const next = atoms[i + 1];
    const counted =
      n !== 1 &&
      (is(next, "val") ||
        is(next, "noun") ||
        (is(next, "cmp") && /^(or|and)\b/.test(lower(next))) ||
        // ("the three postsynaptic types")
        ((is(next, "rel", "r", "upstream") || is(next, "rel", "r", "downstream")) && is(atoms[i + 2], "noun")));
    if (
      n !== undefined &&
      (is(prev, "top") || is(prev, "wh") || is(prev, "sup") || is(prev, "cmp") || counted) &&
      a.tag.t !== "num"
    ) {
      const items = article ? [...out.pop()!.items, ...a.items] : a.items;
      out.push({ ...a, items, tag: { t: "num", value: n, raw: lower(a) }, alt: [] });
    } else if (article && a.tag.t === "num") out.push({ ...a, items: [...out.pop()!.items, ...a.items] });
    else out.push(a);
  });
  return out;
}
