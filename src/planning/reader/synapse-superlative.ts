import { is, lower, type Atom } from "./atoms.js";
import type { Pop } from "./phrases.js";

/**
 * "the biggest BC→23P synapse", "the 5 largest 23P->23P synapses": the superlative is said of the
 * synapses the arrow names, not of the presynaptic cells it was read into (which had ranked the BCs by
 * their synapse count, a number that looks right and is not). The superlative words are taken out of
 * the first population and set right before "synapse", where the measure reader reads a synapse's size
 * ("the biggest synapse from BC onto 23P"); a top-k of single synapses is then asked back.
 */
export function splitSynapseSuperlative(atoms: Atom[]): Atom[] {
  const out = [...atoms];
  for (let i = 0; i + 3 < out.length; i++) {
    const first = out[i]!;
    const pop = first.tag.t === "pop" ? (first.tag as Pop) : undefined;
    if (!pop || (!pop.sup && !pop.topk) || pop.sup?.q || pop.topk?.q) continue;
    if (!is(out[i + 1], "rel", "r", "to") || out[i + 2]?.tag.t !== "pop") continue;
    const noun = out[i + 3]!;
    // ("… synapse", "… synapses", "… synapse size")
    if (!(is(noun, "noun", "n", "synapse") || is(noun, "qty", "q", "size")) || !/^syn/i.test(lower(noun))) continue;
    // The superlative's own words lead the phrase: "5 largest", "biggest".
    const lead = first.items.findIndex((x) => !x.tags.some((t) => ["sup", "num", "topk"].includes(t.t)));
    if (lead <= 0) continue;
    const said = first.items.slice(0, lead);
    if (!said.some((x) => x.tags.some((t) => t.t === "sup"))) continue;
    const { sup, topk, ...rest } = pop;
    const tag = topk ? { t: "topk", k: topk.k, dir: topk.dir } : { t: "sup", dir: sup!.dir };
    out[i] = { tag: rest, alt: [], items: first.items.slice(lead) };
    out.splice(i + 3, 0, { tag, alt: [], items: said });
  }
  return out;
}
