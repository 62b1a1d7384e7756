import { is, lower } from "./atoms.js";
import type { Clause } from "./clause.js";
import { isGroupPop, oneRootPop } from "./flow-partners.js";
import { placeOfCells } from "./place-of-cells.js";
import { groupDim, groups } from "./shape.js";

type ClausePop = Clause["pops"][number];
const sideOf = (p: ClausePop) => (p.role === "pre" || p.role === "post" ? p.role : undefined);

/**
 * A grouping population with no side ("per type", "which area") takes a side: its own, the place of the
 * cells it is said of, the side of the values listed for it, or the side no other population names.
 */
export function sideOfGroupings(c: Clause): void {
  const grouper = (p: ClausePop) => groups(p.pop) || (isGroupPop(p) && !p.pop.filters.length);
  const named = new Set(c.pops.filter((p) => sideOf(p) && !grouper(p)).map((p) => p.role));
  for (const p of c.pops) {
    if (p.role || !grouper(p)) continue;
    const place = p.pop.side ? undefined : placeOfCells(c, p);
    // ("E/I input ratio per type: 5P-IT, 5P-ET, 5P-NP": a kind whose values are listed is of the list's side.)
    const dim = groupDim(p.pop);
    // ("BC, MC, BPC and NGC: median size of their outputs, one number per type": the list labels the question.)
    const labelled = (o: ClausePop) => o.i < p.i && c.atoms.slice(o.i + 1, p.i).some((x) => lower(x) === ":");
    const listed = c.pops.find(
      (o) =>
        (o.i > p.i || labelled(o)) &&
        (o.pop.alts?.length ?? 0) > 1 &&
        sideOf(o) &&
        o.pop.alts!.every((a) => a.filters[0]?.dim === dim),
    );
    // ("# conn inh type → 4P, per type": a kind said again, with no side, is the kind already grouped by.)
    // ("syn from inhibitory types onto 4P per type": the kind named with a side, "inhibitory types".)
    const again = c.pops.find(
      (o) => o !== p && sideOf(o) && !!dim && (grouper(o) || !!o.pop.head) && groupDim(o.pop) === dim,
    );
    // ("the synapses onto interneurons by inhibitory type": a kind said of cells named on one side is theirs.)
    const holds = (o: ClausePop, f: object) => o.pop.filters.some((g) => JSON.stringify(g) === JSON.stringify(f));
    const ofCells = p.pop.filters.length
      ? c.pops.filter((o) => o !== p && sideOf(o) && !grouper(o) && p.pop.filters.every((f) => holds(o, f)))
      : [];
    const owner = ownerOf(c, p);
    if (p.pop.side) p.role = p.pop.side;
    else if (owner) p.role = owner;
    else if (again && !p.pop.filters.length) p.role = again.role;
    else if (ofCells.length === 1) p.role = ofCells[0]!.role;
    else if (place) p.role = place;
    else if (listed) p.role = listed.role;
    else if (named.size === 1) p.role = named.has("pre") ? "post" : "pre";
    else if (named.size === 2) {
      // "martinotti inputs of 8646… - which roots?": the side that is not one named neuron.
      const single = c.pops.filter((x) => x !== p && oneRootPop(x));
      if (single.length === 1) p.role = single[0]!.role === "pre" ? "post" : "pre";
    }
  }
}

/**
 * "BC outputs by area of the BC", "by the BCs' area": a grouping said of cells named on one side is of
 * that side. (Only when every other mention of those cells agrees: in "BC→23P syn by the 23P cells'
 * layer" the possessive had put the 23P cells on the wrong side, and the question stays asked back.)
 */
function ownerOf(c: Clause, p: ClausePop): "pre" | "post" | undefined {
  const fnOnly = (from: number, to: number) => c.atoms.slice(from, to).every((x) => is(x, "fn"));
  const owner = c.pops.find((o) => {
    if (!sideOf(o) || !o.pop.filters.length) return false;
    if (o.i > p.i) return is(c.atoms[p.i + 1], "rel", "r", "of") && fnOnly(p.i + 2, o.i);
    return o.i === p.i - 2 && ["'", "'s", "s'"].includes(lower(c.atoms[o.i + 1]));
  });
  if (!owner) return undefined;
  const same = JSON.stringify(owner.pop.filters);
  const others = c.pops.filter((o) => o !== owner && sideOf(o) && JSON.stringify(o.pop.filters) === same);
  return others.every((o) => o.role === owner.role) ? sideOf(owner) : undefined;
}
