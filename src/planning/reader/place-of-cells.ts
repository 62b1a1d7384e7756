import type { Side } from "../plan.js";
import { is } from "./atoms.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";
import { oneRootPop } from "./flow-partners.js";

/**
 * "output synapses made by basket cells in each visual area": a place grouping said right after cells
 * ("… in each area") is of those cells. A place grouping of a flow from or onto cells of a kind (not one
 * neuron) said anywhere else ("BC outputs per area") may be of either side: asked back.
 */
export function placeOfCells(c: Clause, p: Clause["pops"][number]): Side | undefined {
  if (p.pop.head !== "area" && p.pop.head !== "layer") return undefined;
  const before = c.pops.find((o) => o.i === p.i - 2 && is(c.atoms[p.i - 1], "rel", "r", "in"));
  if (before && (before.role === "pre" || before.role === "post")) return before.role;
  const sided = c.pops.filter((o) => o !== p && (o.role === "pre" || o.role === "post"));
  if (sided.length !== 1 || oneRootPop(sided[0]!) || !sided[0]!.pop.filters.length) return undefined;
  const cells = sided[0]!.atom.items.map((i) => i.text).join(" ");
  const place = p.pop.head;
  throw new Unreadable(
    `Per ${place} of the ${cells} themselves, or of their partners? Say "${cells} in each ${place}" or ` +
      `"per presynaptic ${place}" / "per postsynaptic ${place}".`,
  );
}
