import { text } from "./atoms.js";
import type { Clause } from "./clause.js";
import { isPlace } from "./dims.js";
import { Unreadable } from "./filters.js";

/**
 * "NGC % in L1": the NGC among L1's cells, or the share of the NGC that sit in L1? A cell type said
 * before the share and one place after it with "in" reads both ways (the lab meant the second, and had
 * the first), so it is asked back, as "% NGC in L1" is. A class ("inhibitory % in V1") is V1's make-up.
 */
export function kindShareInPlace(c: Clause, before: Clause["pops"], after: Clause["pops"]): void {
  const [place] = after;
  const kind = before.length === 1 && before[0]!.pop.filters.every((f) => f.dim === "cell_type");
  if (!kind || after.length !== 1 || !place!.pop.filters.length || !place!.pop.filters.every(isPlace)) return;
  if (!/^(in|within)$/i.test(text(c.atoms[place!.i - 1])) && !/^(in|within)\b/i.test(text(place!.atom))) return;
  const [x, y] = [text(before[0]!.atom), text(place!.atom).replace(/^(in|within)\s+/i, "")];
  throw whichShare(x, y);
}

/** Asked back: the share of a place's cells that are of a kind, or the share of the kind in the place? */
export const whichShare = (x: string, y: string) =>
  new Unreadable(
    `Which share: of the cells in ${y}, how many are ${x}; or of the ${x}, how many are in ${y}? ` +
      `Say "% of cells in ${y} that are ${x}" or "% of ${x} that are in ${y}".`,
    [`% of cells in ${y} that are ${x}`, `% of ${x} that are in ${y}`],
  );
