import type { Prepared } from "./prepare.js";

const SHARE = String.raw`(?:%|pct|percent(?:age)?|fraction|share|proportion)`;
const KINDS = String.raw`(?:(?:possible|ordered|potential|candidate|all|the)\s+)*`;
/** What makes a pair a connection: "are (actually) connected", "have at least one synapse". */
// (Not "connected in both directions", "to each other": a share of reciprocal pairs is another question.)
const CONNECTED =
  String.raw`(?:(?:are|is|were|that\s+are)\s+(?:actually\s+|really\s+|in\s+fact\s+)?connected|` +
  String.raw`(?:have|has|with)\s+(?:at\s+least\s+)?(?:one|1|a)\s+synapse)` +
  String.raw`(?!\s+(?:in\s+)?(?:both|each\s+other|to\s+each\s+other|reciproc|mutual|bidirection|either\s+way|back))`;
/** "what % of all ordered (23P, BC) pairs are connected", "fraction of possible 23P→BC pairs that are connected". */
const SHARE_OF_PAIRS = new RegExp(
  String.raw`\b(?:what\s+)?${SHARE}\s+of\s+${KINDS}(?:\(\s*([^,()]+?)\s*,\s*([^()]+?)\s*\)\s+)?` +
    String.raw`((?:[\w/-]+\s*(?:→|->)\s*[\w/-]+\s+)?)(?:(?:pre[\s/-]*post|cell|neuron)\s+)?pairs\b` +
    String.raw`(.*?)\b(?:${CONNECTED})\b`,
  "i",
);
/** "of all possible pairs with a 23P presynaptic and a BC postsynaptic, what percentage are actually connected?" */
const PAIRS_FIRST = new RegExp(
  String.raw`\bof\s+${KINDS}pairs\s+(.+?),\s*(?:what|which)\s+${SHARE}\s+(?:of\s+them\s+)?(?:${CONNECTED})\b`,
  "i",
);

/**
 * A share of possible pairs that are connected is a connection probability: "what percentage of ordered pairs from
 * L4 neurons to L2/3 neurons are connected" (it had been read as the share of L4 neurons' connections that go onto
 * L2/3 neurons, "ordered" as an order). Said in the words the reader reads: "connection probability from … to …".
 */
export function pairsConnected(p: Prepared): Prepared {
  let text = p.text.replace(
    SHARE_OF_PAIRS,
    (_m, a: string | undefined, b: string | undefined, flow: string, rest: string) =>
      `connection probability ${a && b ? `from ${a} to ${b} ` : ""}${flow}${rest}`,
  );
  text = text.replace(PAIRS_FIRST, (_m, said: string) => `connection probability ${said}`);
  return text === p.text ? p : { ...p, text: text.replace(/\s{2,}/g, " ") };
}
