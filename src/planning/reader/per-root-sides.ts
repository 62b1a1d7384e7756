import type { Quantity } from "../plan.js";
import { is } from "./atoms.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";

/*
 * A per-cell count ("mean output synapses per cell") and the cells on the other side of its synapses: said after
 * "onto" or "from" they are the partners; a grouping of them would answer another question, so it is asked back.
 */

/** The side a per-root count's partners are on: outputs go to postsynaptic partners. */
const partnersSide = (q: Quantity) => (/^out_/.test(q) ? "post" : /^in_/.test(q) ? "pre" : undefined);

/**
 * "avg output synapses per cell onto BC", "how many synapses does a cell get from BCs on average": the cells said after
 * "onto" (outputs) or "from" (inputs) are the partners, not the cells whose synapses are counted (they had been).
 */
export function saidAsPartners(c: Clause, p: Clause["pops"][number], perRoot: Quantity): boolean {
  const side = partnersSide(perRoot);
  const rel = c.atoms[p.i - 1];
  return (side === "post" && is(rel, "rel", "r", "to")) || (side === "pre" && is(rel, "rel", "r", "from"));
}

/** "mean synapses from BC per target cell type": a kind of the partners, not of the cells counted. */
export function groupedByPartners(p: Clause["pops"][number], dim: string, perRoot: Quantity): void {
  if (dim === "root_id" || partnersSide(perRoot) !== p.pop.side) return;
  throw new Unreadable(
    `I cannot split each cell's count by its partners' ${dim.replace("_", " ")} yet. I can give the totals, ` +
      `e.g. "synapses from BC per target cell type", or each cell's count onto one kind of partner.`,
  );
}
