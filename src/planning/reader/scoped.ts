import { is, lower, type Atom } from "./atoms.js";
import type { Pop } from "./phrases.js";

/* What a place or a group named apart scopes: "among 4P cells … they make", "layer 5 of V1". */

/**
 * "Among 4P cells, what is the biggest synapse they make?": "among" names the cells a later "they"
 * stands for, whose verb gives their side (it had been read as synapses among 4P cells, 4P→4P).
 */
export function amongSubject(atoms: Atom[], rel: Atom, i: number): "pre" | "post" | undefined {
  if (!/^among(st)?$/i.test(lower(rel))) return undefined;
  const they = atoms.findIndex((a, j) => j > i && is(a, "anaphor") && /^they$/i.test(lower(a)));
  const verb = atoms[they + 1];
  if (they < 0 || !is(verb, "verb")) return undefined;
  return is(verb, "verb", "v", "out") ? "pre" : is(verb, "verb", "v", "in") ? "post" : undefined;
}

/**
 * "basket cells in layer 5 of V1": a visual area said with "of" after a layer is where that layer is,
 * the same cells (it had been read as other cells, presynaptic ones).
 */
export function mergePlaceOf(atoms: Atom[]): Atom[] {
  const out = [...atoms];
  for (let i = out.length - 3; i >= 0; i--) {
    const [a, of, b] = out.slice(i, i + 3);
    const p = a?.tag.t === "pop" ? (a.tag as Pop) : undefined;
    const q = b?.tag.t === "pop" ? (b.tag as Pop) : undefined;
    if (!p || !q || !is(of, "rel", "r", "of") || lower(of) !== "of") continue;
    const layered = p.filters[p.filters.length - 1]?.dim === "layer" && !p.filters.some((f) => f.dim === "area");
    const area = q.filters.length > 0 && q.filters.every((f) => f.dim === "area" && !f.not) && !q.head && !q.wh;
    if (!layered || !area || q.thresholds.length) continue;
    const merged: Pop = { ...p, filters: [...p.filters, ...q.filters] };
    out.splice(i, 3, { tag: merged, alt: [], items: [a!, of!, b!].flatMap((x) => x.items) });
  }
  return out;
}
