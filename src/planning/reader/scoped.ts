import { is, lower, type Atom } from "./atoms.js";
import { popOf, type Pop } from "./phrases.js";
import { isPop } from "./role-words.js";

/* What a place or a group named apart scopes: "among 4P cells … they make", "layer 5 of V1". */

/**
 * "Among 4P cells, what is the biggest synapse they make?": "among" names the cells a later "they"
 * stands for, whose verb gives their side (it had been read as synapses among 4P cells, 4P→4P).
 */
export function amongSubject(atoms: Atom[], rel: Atom, i: number): "pre" | "post" | undefined {
  if (!/^among(st)?$/i.test(lower(rel))) return undefined;
  // ("Among BC outputs, what is the top target type": the owner of the outputs, not BC→BC.)
  const owned = is(atoms[i + 1], "noun", "n", "output") ? "pre" : is(atoms[i + 1], "noun", "n", "input") ? "post" : "";
  // (Only when what is asked says its side: "Among BC outputs, what is the top cell?" may be the top BC.)
  const sided = atoms
    .slice(i + 2)
    .some((a) => isPop(a) && (popOf(a)!.side || /^(target|source)$/.test(popOf(a)!.head ?? "")));
  if (owned && sided) return owned;
  // ("among BCs, what percent of their output synapses are onto 23P cells?": the BCs own the outputs; it had
  // been BC→BC, and the share of those onto 23P cells, 0%.)
  const their = atoms.findIndex((a, j) => j > i && is(a, "anaphor") && /^(their|its)$/i.test(lower(a)));
  const theirs = atoms[their + 1];
  if (their >= 0 && is(theirs, "noun", "n", "output")) return "pre";
  if (their >= 0 && is(theirs, "noun", "n", "input")) return "post";
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
    const p = popOf(a);
    const q = popOf(b);
    if (!p || !q || !is(of, "rel", "r", "of") || lower(of) !== "of") continue;
    const layered = p.filters[p.filters.length - 1]?.dim === "layer" && !p.filters.some((f) => f.dim === "area");
    const area = q.filters.length > 0 && q.filters.every((f) => f.dim === "area" && !f.not) && !q.head && !q.wh;
    if (!layered || !area || q.thresholds.length) continue;
    const merged: Pop = { ...p, filters: [...p.filters, ...q.filters] };
    out.splice(i, 3, { tag: merged, alt: [], items: [a!, of!, b!].flatMap((x) => x.items) });
  }
  return out;
}

const GENERIC_HEADS = new Set([undefined, "cell", "neuron", "one"]);

/** A "which"/"who" asked of no cells in particular: the bare word, or "which cell", "which neuron". */
function genericWh(a: Atom | undefined): string | undefined {
  if (a?.tag.t === "wh") return /^(which|who)$/.test(String(a.tag.w)) ? String(a.tag.w) : undefined;
  const p = popOf(a);
  const classOnly = p?.filters.every((f) => f.dim === "class" && !f.not);
  if (!p?.wh || !classOnly || p.thresholds.length || p.alts || !GENERIC_HEADS.has(p.head)) return undefined;
  return p.wh;
}

/**
 * "which cell among L4 cells receives the most synapses", "who among the BCs makes the most",
 * "among BCs, which makes the most synapses": the cells asked about are chosen among the named
 * ones, the same cells, whose verb gives their side (it had been read as synapses among L4 cells,
 * L4→L4, and "receives" had lost its side).
 */
export function mergePartitive(atoms: Atom[]): Atom[] {
  const out = [...atoms];
  const verbAfter = (from: number) => out.slice(from).some((a) => is(a, "verb"));
  const among = (a: Atom | undefined) => /^(among|amongst)$/i.test(lower(a));
  const fnAt = (j: number) => out[j] && out[j]!.tag.t === "fn" && out[j]!.items.every((i) => i.fn);
  for (let i = 0; i < out.length; i++) {
    const wh = genericWh(out[i]);
    if (wh && among(out[i + 1])) {
      let j = i + 2;
      while (fnAt(j)) j++;
      const p = popOf(out[j]);
      if (!p || p.wh || !verbAfter(j + 1)) continue;
      const head = p.head ?? popOf(out[i])?.head;
      const filters = [...(popOf(out[i])?.filters ?? []), ...p.filters];
      const merged: Pop = { ...p, filters, wh, plural: false, ...(head ? { head } : {}) };
      out.splice(i, j + 1 - i, { tag: merged, alt: [], items: out.slice(i, j + 1).flatMap((x) => x.items) });
    } else if (
      (among(out[i]) || /^(of all|out of all|of)$/i.test(lower(out[i]))) &&
      i === 0 &&
      out.some((a) => is(a, "sup"))
    ) {
      // "among BCs, which makes …", "of all the PV cells, which single one has …": the place of the
      // "which" is taken by the named cells.
      let j = 1;
      while (fnAt(j)) j++;
      const p = popOf(out[j]);
      const comma = out[j + 1] && /^,$/.test(lower(out[j + 1]));
      const whAt = comma ? j + 2 : j + 1;
      const w = genericWh(out[whAt]);
      let end = whAt + 1;
      while (/^(single|one|cell|neuron)$/i.test(lower(out[end]))) end++;
      if (!p || p.wh || !w || !verbAfter(end)) continue;
      const merged: Pop = { ...p, wh: w, plural: false };
      const items = out.slice(0, end).flatMap((x) => x.items);
      out.splice(0, end, { tag: merged, alt: [], items });
    }
  }
  return out;
}
