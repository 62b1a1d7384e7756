import type { Filter } from "../plan.js";
import { text } from "./atoms.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";

type Said = Clause["pops"][number];

/** "of all", "out of all", "out of": what introduces the whole of a share said again after its part. */
const WHOLE_AGAIN = /^(?:out\s+of(?:\s+all)?|of\s+all)$/i;

/**
 * "what percentage of the basket cells have their soma in L2/3 of all basket cells", "…? Out of all basket cells, I
 * mean.": cells said after the part with "of all" are the whole said again, not more of the part (they had been
 * read into the part, and the share became one of every cell). They are left out of the part when they are the
 * whole (the cells said before the verb); any other cells there are asked back.
 */
export function withoutWholeAgain(c: Clause, later: Said[], whole: Filter[]): Said[] {
  const again = later.filter((p) => WHOLE_AGAIN.test(text(c.atoms[p.i - 1])));
  if (!again.length) return later;
  const key = (f: Filter) => JSON.stringify(f);
  const held = new Set(whole.map(key));
  for (const p of again) {
    const said = text(p.atom);
    if (!p.pop.filters.length || p.pop.thresholds.length || !p.pop.filters.every((f) => held.has(key(f))))
      throw new Unreadable(
        `"${said}" is not the whole of the share I read; please say the share again with that whole.`,
      );
    c.usePop(p);
    c.atoms[p.i - 1]!.items.forEach((i) => (i.used = true));
  }
  return later.filter((p) => !again.includes(p));
}
