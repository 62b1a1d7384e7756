import { is, lower, type Atom } from "./atoms.js";

const NUMBER_WORDS: Record<string, number> = {
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
  twenty: 20,
};

/**
 * "top five", "which three": number words as numbers where a count is expected; also before what is
 * counted ("the three neurons that …", "five or more synapses"), except "one", which says one cell
 * ("the most outputs of one MC").
 */
export function spelledNumbers(atoms: Atom[]): Atom[] {
  return atoms.map((a, i) => {
    const n = NUMBER_WORDS[lower(a)];
    const prev = atoms[i - 1];
    const next = atoms[i + 1];
    const counted =
      n !== 1 && (is(next, "val") || is(next, "noun") || (is(next, "cmp") && /^(or|and)\b/.test(lower(next))));
    if (
      n !== undefined &&
      (is(prev, "top") || is(prev, "wh") || is(prev, "sup") || is(prev, "cmp") || counted) &&
      a.tag.t !== "num"
    ) {
      return { ...a, tag: { t: "num", value: n, raw: lower(a) }, alt: [] };
    }
    return a;
  });
}
