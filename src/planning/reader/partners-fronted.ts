import type { Query } from "../plan.js";
import { as, is } from "./atoms.js";
import type { Clause } from "./clause.js";
import { FLOW_NOUN_NAMES, PARTNER_HEADS } from "./shape.js";

/**
 * "postsynaptic partners that are neurons: how many does 8646… have?": partners named before a bare "how many" are
 * what is counted, each once, as in "how many postsynaptic partners …". It had counted the synapses onto them.
 * Only with nothing else counted: no synapse, connection, input or output named, no grouping.
 */
export function partnersFronted(c: Clause, q: Query): void {
  if (q.source !== "synapses" || q.measure.fn !== "count" || q.groupBy.length || q.compare) return;
  const count = c.atoms.findIndex((a) => is(a, "count"));
  if (count < 0 || c.atoms.some((a) => FLOW_NOUN_NAMES.has(String(as(a, "noun")?.n ?? "")))) return;
  const partners = c.pops.filter((p) => p.i < count && PARTNER_HEADS.has(p.pop.head ?? ""));
  const side = partners[0]?.role;
  if (partners.length !== 1 || (side !== "pre" && side !== "post")) return;
  // (The count is of the cells after it only when it names none: "how many does 8646… have".)
  if (c.pops.some((p) => p.i === count + 1 && PARTNER_HEADS.has(p.pop.head ?? ""))) return;
  q.measure = { fn: "distinct", side };
}
