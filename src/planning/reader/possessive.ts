import type { Prepared } from "./prepare.js";

// "the basket cells' output synapses", "BCs' inputs": a plural possessive before what the cells make or receive.
const PLURAL_OWNER = new RegExp(
  String.raw`\b([\w/-]+s)'\s+(?=(?:total\s+|own\s+)?(?:output|input|outgoing|incoming|synap|syn\b|targets?\b|` +
    String.raw`partners?\b|sources?\b|connections?\b))`,
  "gi",
);

/**
 * A plural possessive is said as a noun before a noun ("the basket cells' output synapses" is "the basket cell
 * output synapses"): the apostrophe had cut the synapses off from their cells, and the question was asked back.
 */
export function pluralPossessive(p: Prepared): Prepared {
  const text = p.text.replace(PLURAL_OWNER, "$1 ");
  return text === p.text ? p : { ...p, text };
}

/**
 * "coreg inputs to 8646… + their gOSI": a plus before a possessive adds a column, as "and their" does. (A plus
 * between names, "BC + MC", adds the populations up, and is left as typed.)
 */
export function plusTheir(p: Prepared): Prepared {
  const text = p.text.replace(/\s\+\s*(?=(?:their|its|his|her)\b)/gi, " and ");
  return text === p.text ? p : { ...p, text };
}
