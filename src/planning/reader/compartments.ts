import type { Item } from "./items.js";

const SOMA = /^(the )?(soma|somata|somas|cell bod(y|ies))$/i;
const ONTO = /^(on|onto|to|at|upon|targeting|target)$/i;

/**
 * "n syn BC→23P onto soma only?", "BC synapses on somata": where on the cell a synapse lands (its
 * compartment) is not in the tables. "soma" is a cell noun elsewhere ("somata in layer 6b"), so
 * only after "onto"/"on"/"at" in a question about synapses is it left unread, for the reader to
 * ask about. (It had been read as "onto cells", the restriction dropped.)
 */
export function somaAsCompartment(items: Item[]): Item[] {
  const aboutSynapses = items.some((x) => x.tags.some((t) => t.t === "noun" && t.n === "synapse"));
  if (!aboutSynapses) return items;
  items.forEach((item, k) => {
    if (!SOMA.test(item.text)) return;
    const before = items.slice(0, k).filter((x) => !/^(the|a|an)$/i.test(x.text));
    if (ONTO.test(before[before.length - 1]?.text ?? "")) item.tags = [];
  });
  return items;
}
