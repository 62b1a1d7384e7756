import { is } from "./atoms.js";
import type { Clause } from "./clause.js";

/**
 * "avg output syn size per inhib type", "mean input synapse size by layer 5 type": with no side said of
 * anything, the one population owns the outputs (it is presynaptic) or the inputs (postsynaptic) named.
 * Never beside a population whose side is said ("BC outputs per target type" groups the other side).
 */
export function ownerOfInputsOrOutputs(c: Clause, skip: Set<number>): void {
  const owned = c.atoms.filter((a) => is(a, "noun", "n", "output") || is(a, "noun", "n", "input"));
  const unsided = c.pops.filter((p) => !p.role && !skip.has(p.i));
  if (owned.length !== 1 || unsided.length !== 1 || c.pops.some((p) => p.role)) return;
  unsided[0]!.role = is(owned[0], "noun", "n", "output") ? "pre" : "post";
}
