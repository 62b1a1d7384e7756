import { PER_ROOT_COUNTS, type Filter, type Part, type QueryPlan } from "../plan.js";
import type { Item } from "./items.js";

/** The plan dimensions a kind of group can stand for ("layer" is a layer or a depth range). */
const KIND_DIMS: Record<string, string[]> = {
  type: ["cell_type", "typed", "class"],
  mtype: ["mtype"],
  class: ["class", "cell_type"],
  area: ["area"],
  layer: ["layer", "depth"],
};

const PARTNERS = new Set(["partner", "target", "source"]);

/**
 * A kind of group (or partners) the reader read ("m-types", "area", "layer") that the plan does not use: the
 * word was consumed and then lost ("most common m-types in area RL" had been grouped by area), so
 * the answer would be of another question. Returns the word, to ask back about it.
 */
export function droppedKind(items: Item[], plan: QueryPlan): string | undefined {
  if (plan.kind !== "query") return undefined;
  const dims = new Set<string>();
  const add = (fs: Filter[] = []) =>
    fs.forEach((f) => {
      dims.add(f.dim);
      const and = (f as { and?: { dim: string } }).and;
      if (and) dims.add(and.dim);
    });
  const addPart = (p?: Part) => p && [p.filter, p.pre, p.post].forEach((fs) => add(fs));
  [plan.filter, plan.pre, plan.post].forEach((fs) => add(fs));
  plan.compare?.forEach(addPart);
  plan.groupBy.forEach((g) => dims.add(g.dim));
  const m = plan.measure;
  if (m.fn === "kinds") dims.add(m.dim);
  if (m.fn === "fraction") addPart(m.part);
  if (m.fn === "ratio") [m.numerator, m.denominator].forEach(addPart);
  if ("of" in m) dims.add(m.of);
  const flow = plan.source === "synapses" || plan.source === "connections" || PER_ROOT_COUNTS.some((d) => dims.has(d));
  for (const item of items) {
    const tag = item.tags[0];
    // ("area breakdown of all synapses": a scope phrase that names synapses is no scope for cells.)
    const saysSynapses = /\b(synapses?|connections?)\b/i.test(item.text);
    if ((item.used || item.fn) && !item.tags.length && !flow && saysSynapses) return item.text;
    if (!item.used || item.tags.length !== 1 || tag?.t !== "noun") continue;
    const wanted = KIND_DIMS[String(tag.n)];
    if (wanted && !wanted.some((d) => dims.has(d))) return item.text;
    // ("how many presynaptic root ids have no nucleus": partners read, and no synapse in the plan.)
    if (PARTNERS.has(String(tag.n)) && !flow) return item.text;
  }
  return undefined;
}
