import { as, is, lower, type Atom } from "./atoms.js";
import { FLOW_WORDS } from "./shape.js";

/** A number said as such (not an ordinal, "5th"), or undefined. */
export const num = (a: Atom | undefined) =>
  a && a.tag.t === "num" && !a.tag.ordinal ? Number(a.tag.value) : undefined;

/** The unit an atom names, or undefined. */
export const unitOf = (a: Atom | undefined) => (a && is(a, "unit") ? String(as(a, "unit")!.u) : undefined);

/** The quantity or noun a threshold is about, when it follows the number: "more than 100 inputs". */
export function nounAfter(atoms: Atom[], j: number): { end: number; what: { qty?: string; noun?: string } } {
  // "60 or more distinct partners"
  if (is(atoms[j], "distinct") && is(atoms[j + 1], "noun")) {
    const r = nounAfter(atoms, j + 1);
    return r.end > j + 1 ? r : { end: j, what: {} };
  }
  const a = atoms[j];
  if (is(a, "qty")) return { end: j + 1, what: { qty: String(as(a, "qty")!.q) } };
  if (is(a, "noun") && FLOW_WORDS.has(String(as(a, "noun")!.n))) {
    // "more than 5 synapses of size", not a noun phrase head: the noun is what is counted.
    return { end: j + 1, what: { noun: String(as(a, "noun")!.n) } };
  }
  // ("in more than one scan": the two-photon scans a cell is matched in; not sessions, which hold several scans.)
  if (is(a, "field", "f", "session") && /\bscans?$/i.test(lower(a))) return { end: j + 1, what: { noun: "scan" } };
  return { end: j, what: {} };
}
