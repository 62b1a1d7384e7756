import type { Query, Side } from "../plan.js";
import { as, is } from "./atoms.js";
import type { Clause } from "./clause.js";
import { FLOW_NOUN_NAMES, PARTNER_HEADS } from "./shape.js";

/**
 * "which 3 neurons have the most postsynaptic partners": cells ranked by distinct partners on the other side, when
 * the partners are said with nothing of their own. Not "which three 23P cells receive the most input synapses, from
 * any presynaptic cell": the most of what is said right after "most", synapses; it had counted the partners.
 */
export function rankedByPartners(c: Clause, q: Query, grouping: Clause["pops"]): void {
  const partners = c.pops.find(
    (p) => PARTNER_HEADS.has(p.pop.head ?? "") && !p.pop.filters.length && !grouping.includes(p),
  );
  const ranked = q.groupBy.find((g) => g.dim === "root_id");
  if (!partners || !ranked || q.measure.fn !== "count" || !partners.role || partners.role === ranked.side) return;
  const mostSynapses = c.atoms.some(
    (a, i) =>
      is(a, "sup") &&
      Boolean((as(a, "sup") as { count?: boolean }).count) &&
      [...FLOW_NOUN_NAMES].some((n) => n !== "connection" && is(c.atoms[i + 1], "noun", "n", n)),
  );
  if (mostSynapses) return;
  q.measure = { fn: "distinct", side: partners.role as Side };
  c.usePop(partners);
}
