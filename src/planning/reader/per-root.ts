import type { Quantity } from "../plan.js";
import { as, is } from "./atoms.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";

/**
 * "How many synapses does the average 23P cell receive?", "mean outputs per BC", "median number of
 * input partners per neuron": a per-neuron count, averaged over one population. Returns which count,
 * or undefined when the question is not of that form.
 */
export function perRootQuantity(c: Clause): Quantity | undefined {
  // ("the biggest synapses on average" is a size.)
  const sizeSup = c.atoms.some((a, i) => is(a, "sup") && !as(a, "sup")!.count && is(c.atoms[i + 1], "noun", "n", "synapse"));
  const averaged = (c.has("per_cell") || (c.has("stat") && !c.has("qty"))) && !sizeSup;
  if (!averaged || c.has("fraction") || c.has("ratio") || c.has("probability") || c.has("per_connection")) return undefined;
  const nouns = ["synapse", "input", "output", "partner", "target", "source"].filter((n) => c.has("noun", "n", n));
  if (!nouns.length && !c.has("count")) return undefined;
  if (!nouns.length) return undefined;
  // One population only: "synapses per 23P cell from BC" is a flow between two, not a per-cell count.
  const sides = new Set(c.pops.map((p) => p.role).filter(Boolean));
  if (sides.size > 1 || c.pops.length > 2) return undefined;
  const inWords = nouns.includes("input") || nouns.includes("source") || c.has("verb", "v", "in");
  const outWords = nouns.includes("output") || nouns.includes("target") || c.has("verb", "v", "out");
  if (inWords === outWords) {
    throw new Unreadable("Input or output synapses per neuron? For example \"how many input synapses does the average 23P cell receive?\"");
  }
  const partners = nouns.some((n) => n === "partner" || n === "target" || n === "source");
  for (const p of c.pops) p.role = undefined;
  return inWords ? (partners ? "in_partners" : "in_synapses") : partners ? "out_partners" : "out_synapses";
}
