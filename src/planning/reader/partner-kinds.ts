import { is, lower, type Atom } from "./atoms.js";
import type { Pop } from "./phrases.js";
import { PARTNER_HEADS } from "./shape.js";

/** Heads of cells a partner may be said to be: "a fragment", "an MC", "inhibitory neurons". */
const CELL_HEADS = new Set(["", "cell", "neuron", "fragment"]);
/** Words between a partner and what it is: "that is a", "which are", "being an". */
const LINK = /^((that|which|who|is|are|being|a|an|the|its|their)\s*)+$/i;

const partnerNoun = (a: Atom | undefined) =>
  a?.tag.t === "pop" && PARTNER_HEADS.has(String((a.tag as Pop).head)) && !(a.tag as Pop).filters.length;
const kindOfCell = (a: Atom | undefined) => {
  const p = a?.tag.t === "pop" ? (a.tag as Pop) : undefined;
  return !!p && p.filters.length > 0 && CELL_HEADS.has(p.head ?? "") && !p.wh && !p.each && !p.counted;
};
const linking = (a: Atom) => (is(a, "glue") || a.items.every((i) => i.fn)) && LINK.test(lower(a));

/**
 * "synapses that have a presynaptic partner that is a fragment", "% of synapses with a fragment as
 * presynaptic partner": a partner noun and the kind it is said to be are one population, on the
 * partner's side (the kind had been left without a side, or put on the other).
 */
export function mergePartnerKinds(atoms: Atom[]): Atom[] {
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    // ("a fragment as presynaptic partner": the kind, then "as" and the partner.)
    const as = /^as$/i.test(lower(atoms[i + 1]));
    let j = as ? i + 2 : i + 1;
    while (atoms[j] && linking(atoms[j]!)) j++;
    const b = atoms[j];
    // ("a presynaptic partner that is a fragment": the partner, then what it is.)
    const partnerFirst = partnerNoun(a) && !as && j > i + 1 && kindOfCell(b);
    const kindFirst = kindOfCell(a) && as && partnerNoun(b);
    if (!b || !(partnerFirst || kindFirst)) continue;
    const [partner, kind] = partnerFirst ? [a, b] : [b, a];
    const p = partner.tag as Pop;
    const k = kind.tag as Pop;
    const merged: Pop = { ...p, filters: [...k.filters], thresholds: [...p.thresholds, ...k.thresholds] };
    // ("PV vs SST cells as targets of VIP cells": the kinds compared stay compared.)
    if (k.alts) Object.assign(merged, { alts: k.alts, ...(k.versus ? { versus: true } : {}) });
    const items = atoms.slice(i, j + 1).flatMap((x) => x.items);
    atoms = [...atoms.slice(0, i), { tag: merged, alt: [], items }, ...atoms.slice(j + 1)];
  }
  return atoms;
}
