import type { Prepared } from "./prepare.js";
import { itemsOf } from "./words.js";

/** "BC plus MC", "excitatory + inhibitory": two names joined by a word of adding. */
const PLUS = /\b([\w/-]+)\s+(?:plus|\+)\s+([\w/-]+)\b/gi;
const names = (word: string) => itemsOf(word).some((i) => i.tags.some((t) => t.t === "val"));

/**
 * "mean volume of BC plus MC", "how many neurons (excitatory plus inhibitory)": names added up are one
 * population, said as the reader knows it ("BC and MC together"); "and" alone may ask for each of them.
 */
export function sums(p: Prepared): Prepared {
  const text = p.text.replace(PLUS, (all, a: string, b: string) =>
    names(a) && names(b) ? `${a} and ${b} together` : all,
  );
  return text === p.text ? p : { ...p, text };
}
