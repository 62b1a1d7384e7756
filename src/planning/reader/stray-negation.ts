import type { Filter, QueryPlan, Side } from "../plan.js";
import { Unreadable } from "./filters.js";

const DIMS = ["cell_type", "mtype"];

/** A "not W" beside "only V" of the same dimension, with no W in V: it excludes nothing where it stands. */
const strays = (filters: Filter[]): Filter[] =>
  filters.filter(
    (f) =>
      f.not &&
      DIMS.includes(f.dim) &&
      filters.some(
        (g) => !g.not && g.dim === f.dim && g.values && !(f.values ?? []).some((v) => g.values!.includes(v)),
      ),
  );

/**
 * "top 3 presynaptic types onto 5P-ET other than 23P": read beside the 5P-ET cells, "not 23P" excludes
 * nothing there, so it was meant of the other side, the types ranked. When that side is grouped by the
 * same dimension and names none of its own, the condition moves there; otherwise it is asked back,
 * never kept where it does nothing (the 23P cells had been ranked first).
 */
export function placeStrayNegations(plan: QueryPlan): void {
  if (plan.kind !== "query") return;
  if (strays(plan.filter).length) throw strayAsked(strays(plan.filter)[0]!);
  for (const side of ["pre", "post"] as Side[]) {
    const other: Side = side === "pre" ? "post" : "pre";
    for (const f of strays(plan[side])) {
      const grouped = plan.groupBy.some((g) => g.dim === f.dim && g.side === other);
      if (!grouped || plan[other].some((g) => g.dim === f.dim && !g.not)) throw strayAsked(f);
      plan[side] = plan[side].filter((g) => g !== f);
      plan[other].push(f);
    }
  }
}

const strayAsked = (f: Filter) =>
  new Unreadable(
    `Not ${(f.values ?? []).join(" or ")}: of which cells? The cells it stands beside are of another type already; ` +
      'say it of the cells it excludes, for example "types other than 23P".',
  );
