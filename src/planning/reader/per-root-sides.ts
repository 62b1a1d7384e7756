import type { Quantity } from "../plan.js";
import { is, text } from "./atoms.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";

/*
 * A per-cell count ("mean output synapses per cell") and the cells on the other side of its synapses: said as the
 * cells counted, or as a grouping of them, they would answer another question; so each is asked back.
 */

/** The side a per-root count's partners are on: outputs go to postsynaptic partners. */
const partnersSide = (q: Quantity) => (/^out_/.test(q) ? "post" : /^in_/.test(q) ? "pre" : undefined);

/** "avg output synapses per cell onto BC": the BCs receive them; they are not the cells whose outputs are counted. */
export function partnersNotCounted(c: Clause, p: Clause["pops"][number], perRoot: Quantity): void {
  const side = partnersSide(perRoot);
  const rel = c.atoms[p.i - 1];
  if ((side === "post" && is(rel, "rel", "r", "to")) || (side === "pre" && is(rel, "rel", "r", "from")))
    throw new Unreadable(
      `Are "${text(p.atom)}" the cells whose synapses are counted, or their partners? For example "mean output ` +
        `synapses per BC" or "synapses onto BC per presynaptic cell".`,
    );
}

/** "mean synapses from BC per target cell type": a kind of the partners, not of the cells counted. */
export function groupedByPartners(p: Clause["pops"][number], dim: string, perRoot: Quantity): void {
  if (dim === "root_id" || partnersSide(perRoot) !== p.pop.side) return;
  throw new Unreadable(
    `I cannot split each cell's count by its partners' ${dim.replace("_", " ")} yet. I can give the totals, ` +
      `e.g. "synapses from BC per target cell type", or each cell's count onto one kind of partner.`,
  );
}
