import type { Prepared } from "./prepare.js";
import { itemsOf } from "./words.js";

/** Dimensions of a name on either side of a hyphen: cell types, m-types, classes. */
const KINDS = new Set(["cell_type", "mtype", "class"]);

/** A word with a hyphen in it, and whatever stands after it ("BC-23P", "23P-23P,"). */
const HYPHENED = /(?<![\w/-])([A-Za-z0-9][\w/]*(?:-[\w/]+)+)(?![\w/-])/g;

/** The value a piece of text names when it is one cell-type, m-type or class name and nothing else. */
function kindName(text: string): string | undefined {
  const items = itemsOf(text);
  if (items.length !== 1) return undefined;
  const tag = items[0]!.tags.find((t) => t.t === "val" && KINDS.has(String(t.dim)));
  return tag ? JSON.stringify(tag) : undefined;
}

/**
 * "BC-23P synapses", "23P-23P conn", "5P-IT-23P pairs": two cell names joined by a hyphen are the cells
 * between them, both ways when they differ ("BC<->23P": one row each way), within one when they are the
 * same ("23P→23P"). Only when the whole word names nothing ("5P-IT" is one name) and exactly one cut of it
 * gives two names; anything else is left to the reader, which asks back about it.
 */
export function typePairs(p: Prepared): Prepared {
  const text = p.text.replace(HYPHENED, (word: string) => {
    if (itemsOf(word).some((i) => i.tags.length)) return word;
    const cuts: [string, string, boolean][] = [];
    for (let at = word.indexOf("-"); at > 0; at = word.indexOf("-", at + 1)) {
      const [a, b] = [word.slice(0, at), word.slice(at + 1)];
      const [na, nb] = [kindName(a), kindName(b)];
      if (na && nb) cuts.push([a, b, na === nb]);
    }
    if (cuts.length !== 1) return word;
    const [a, b, same] = cuts[0]!;
    return same ? `${a}→${b}` : `${a}<->${b}`;
  });
  return text === p.text ? p : { ...p, text };
}
