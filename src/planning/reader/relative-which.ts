import type { Prepared } from "./prepare.js";

const RELATIVE_WHICH = new RegExp(
  String.raw`\b(pairs?|connections?|synapses?|cells?|neurons?|roots?|partners?|ones|those|cases|rows)\s+` +
    String.raw`(?:in|for|by|on|between|among)\s+which\b`,
  "gi",
);

/** "… the source is a BC and the target a 23P": the "is" left out of the second role is said again. */
const GAPPED_ROLE =
  /\band\s+the\s+(targets?|sources?|(?:post|pre)(?:synaptic)?\s+(?:cell|side|partner|neuron))\s+(an?)\s+/gi;

/**
 * "the connected pairs in which a 5P-IT cell is the target", "synapses for which the presynaptic cell is a BC":
 * "which" after a noun and a preposition opens a relative clause ("where"); it asks no "which" (had been one row
 * per root). A second role said without its "is" gets it back.
 */
export function relativeWhich(p: Prepared): Prepared {
  const text = p.text.replace(RELATIVE_WHICH, "$1 where").replace(GAPPED_ROLE, "and the $1 is $2 ");
  return text === p.text ? p : { ...p, text };
}
