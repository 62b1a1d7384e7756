import type { Quantity, Query } from "../plan.js";
import { is, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { popFilters } from "./filters.js";
import { groupDim, KIND_HEADS, orderOf } from "./shape.js";

type ClausePop = Clause["pops"][number];

/**
 * "which excitatory types receive the most BC synapses per cell": each cell's synapses from (or onto) the
 * cells named, a cell with none counting 0, averaged within each kind of the cells that receive (or make)
 * them, ranked. It had been asked back, "per cell" left unread. One kind grouping, one population on the
 * other side, synapses said, and "per cell" said with no cells of its own.
 */
export function perCellOfKind(c: Clause, perRoot?: Quantity): Query | undefined {
  const perCell = c.find("per_cell");
  const synapses = ["synapse", "input", "output"].some((n) => c.has("noun", "n", n));
  if (!perCell || !synapses || c.has("distinct") || c.has("noun", "n", "connection") || c.has("per_connection"))
    return undefined;
  const kind = c.pops.find((p) => KIND_HEADS.has(p.pop.head ?? "") && (p.pop.wh || p.pop.each || p.pop.topk));
  const dim = kind && groupDim(kind.pop);
  const others = c.pops.filter((p) => p !== kind);
  const other: ClausePop | undefined = others[0];
  if (!kind || !dim || !["cell_type", "mtype"].includes(dim) || others.length !== 1 || !other?.pop.filters.length)
    return undefined;
  // ("top 3 cell types by BC synapses received per cell": read as a count per cell, the cells named before the
  // synapses are on the other side of what each cell receives; they had been taken as the cells ranked.)
  const before = is(c.atoms[other.i + 1], "noun", "n", "synapse") || is(c.atoms[other.i + 1], "noun", "n", "input");
  const role =
    other.role === "pre" || other.role === "post"
      ? other.role
      : before && perRoot === "in_synapses"
        ? "pre"
        : before && perRoot === "out_synapses"
          ? "post"
          : undefined;
  if (!role) return undefined;
  for (const p of [kind, other]) c.usePop(p);
  use(perCell, c.find("count"), c.find("stat", "fn", "mean"));
  for (const n of ["synapse", "input", "output"]) use(c.find("noun", "n", n));
  const q: Query = {
    kind: "query",
    source: "roots",
    filter: popFilters(kind.pop, c.classOf),
    pre: [],
    post: [],
    measure: { fn: "mean", of: role === "pre" ? "in_synapses" : "out_synapses" },
    groupBy: [{ dim }],
    partners: popFilters(other.pop, c.classOf),
  };
  if (!q.filter.length) q.filter.push({ dim: "typed", is: true });
  Object.assign(q, orderOf(c, kind.pop));
  return q;
}
