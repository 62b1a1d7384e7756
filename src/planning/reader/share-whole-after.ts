import type { Filter } from "../plan.js";
import { is, text } from "./atoms.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";
import { isPlace } from "./dims.js";

type Said = Clause["pops"][number];

/** Words between a share and its whole: "% of all", "% of the total", "% of total". */
const wholeMarker = (c: Clause, at: number, to: number) => {
  const between = c.atoms.slice(at + 1, to);
  const of = (a: (typeof between)[number]) => is(a, "rel", "r", "of") || /^of(\s+all|\s+the)*$/i.test(text(a));
  return (
    between.length > 0 &&
    of(between[0]!) &&
    between.slice(1).every((a) => /^(all|the|total|every|of)$/i.test(text(a)) || is(a, "stat", "fn", "sum"))
  );
};

const keys = (fs: Filter[]) => new Set(fs.map((x) => JSON.stringify(x)));

/**
 * "BCs by layer (% of all inhibitory cells)", "coreg cells by area; % of total coreg": cells said first, then "% of
 * (all | the | total) Y" with nothing else. Y is the whole and the cells said first are the part; when Y names the
 * same cells, each group's share of them (a composition: the part is empty). They had been read the other way
 * round, as the share of the first cells that are Y: 100%, or a share of the wrong whole.
 * Undefined when the question is not of that shape.
 */
export function partSaidBeforeWhole(
  c: Clause,
  at: number,
  filtersOf: (pops: Said[]) => Filter[],
): Filter[] | undefined {
  const after = c.pops.filter((p) => p.i > at);
  const first = c.pops.filter((p) => p.i < at && !p.pop.each && !p.pop.wh && p.pop.filters.length > 0);
  if (after.length !== 1 || first.length !== 1 || !wholeMarker(c, at, after[0]!.i)) return undefined;
  const whole = filtersOf(after);
  const part = filtersOf(first);
  const inWhole = keys(whole);
  const extra = part.filter((x) => !inWhole.has(JSON.stringify(x)));
  if (!extra.length) return [];
  // ("23P cells in V1 (% of all neurons)": of all neurons, or of the neurons in V1?)
  if (extra.some(isPlace) && !whole.some(isPlace)) {
    const [x, y] = [text(first[0]!.atom), text(after[0]!.atom)];
    throw new Unreadable(
      `Which whole: all ${y}, or the ${y} in the same place as the ${x}? Say "${x} as a % of all ${y} in the ` +
        `volume" or "% of ${y} there that are …".`,
    );
  }
  return extra;
}
