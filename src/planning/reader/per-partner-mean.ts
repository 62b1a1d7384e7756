import type { Prepared } from "./prepare.js";

/*
 * Synapses averaged over partners, said by the partner: "on average, how many synapses does 8646… make per
 * postsynaptic partner it contacts?", "avg syn per outgoing conn, 8646…", "mean synapses per target of BC".
 * Each partner of a cell is one connection, so the mean over partners is the mean synapse count per
 * connection, which the reader knows ("mean synapses per connection from 8646…"). Without a word of the mean
 * the partners stay one by one ("how many synapses does 8646… make per target" lists each target's count).
 */

const MEAN = /\b(?:on\s+(?:average|avg)|averaged?|avg|mean|typical(?:ly)?)\b/i;
const SYNAPSES = /\b(?:synapses?|syns?)\b/i;

const OUT_SIDE = String.raw`(?:postsynaptic|post-synaptic|downstream|output|outgoing|efferent)`;
const IN_SIDE = String.raw`(?:presynaptic|pre-synaptic|upstream|input|incoming|afferent)`;
/** What follows the partner that names its owner: "of 8646…", "for BC", ", 8646…". */
const OWNER = String.raw`(?:\s*,\s*|\s+(?:of|for|from)\s+)`;
/** Inputs also by the cell they arrive at: "per incoming connection onto 8646…". */
const IN_OWNER = String.raw`(?:\s*,\s*|\s+(?:of|for|onto|into|to)\s+)`;
/** "… it contacts", "… they hit": the partners said again by a clause ("per target it contacts" is per target). */
const CLAUSE =
  String.raw`(?:\s+(?:that\s+)?(?:it|they)\s+(?:contacts?|hits?|targets?|reach(?:es)?|innervates?|synapses?\s+onto|` +
  String.raw`makes?\s+synapses\s+(?:onto|with)|connects?\s+to|talks?\s+to))`;
const IN_CLAUSE = String.raw`(?:\s+(?:that\s+)?(?:it|they)\s+(?:receives?|gets?)\s+(?:input|synapses|inputs)\s+from)`;
/** Not a grouping of the partners ("per target type", "per partner area") nor a per-cell figure ("per target cell"). */
const KINDS = String.raw`(?:types?|areas?|layers?|class(?:es)?|m-?types?|subclass(?:es)?|cells?|neurons?|roots?)`;
const NOT_GROUPING = String.raw`(?!\s+(?:cell\s+)?${KINDS}\b)`;

const CONNECTION = String.raw`(?:connections?|conns?)`;

const SAID_CONNECTIONS: [RegExp, string][] = [
  // "per outgoing conn, 8646…", "per output connection of BC": the connections from them.
  [new RegExp(String.raw`\bper\s+${OUT_SIDE}\s+${CONNECTION}${OWNER}`, "gi"), "per connection from "],
  [new RegExp(String.raw`\bper\s+${IN_SIDE}\s+${CONNECTION}${IN_OWNER}`, "gi"), "per connection onto "],
];

/** The partners on each side, said with their side or by the noun alone ("postsynaptic partner", "target"). */
const OUT_PARTNER = String.raw`(?:${OUT_SIDE}\s+(?:partners?|targets?)|targets?)`;
const IN_PARTNER = String.raw`(?:${IN_SIDE}\s+(?:partners?|sources?)|sources?)`;

const SAID_PARTNERS: [RegExp, string][] = [
  [new RegExp(String.raw`\bper\s+${OUT_PARTNER}${NOT_GROUPING}${CLAUSE}?${OWNER}`, "gi"), "per connection from "],
  [new RegExp(String.raw`\bper\s+${IN_PARTNER}${NOT_GROUPING}${IN_CLAUSE}?${IN_OWNER}`, "gi"), "per connection onto "],
  // ("… make per postsynaptic partner it contacts?": the verb already says which way.)
  [
    new RegExp(
      String.raw`\bper\s+(?:${OUT_SIDE}\s+)?(?:partners?|targets?)${NOT_GROUPING}${CLAUSE}?(?=\s*[?.!,;]|$)`,
      "gi",
    ),
    "per connection",
  ],
  [
    new RegExp(
      String.raw`\bper\s+(?:${IN_SIDE}\s+)?(?:partners?|sources?)${NOT_GROUPING}${IN_CLAUSE}?(?=\s*[?.!,;]|$)`,
      "gi",
    ),
    "per connection",
  ],
];

/** "per target it contacts", "per neuron it contacts" without a mean: the clause only says the partners again. */
const CLAUSE_ONLY = new RegExp(String.raw`\bper\s+((?:${OUT_SIDE}\s+)?(?:partners?|targets?))${CLAUSE}\b`, "gi");
const CELL_CLAUSE = new RegExp(String.raw`\bper\s+(neurons?|cells?|roots?)${CLAUSE}\b`, "gi");

export function perPartnerMean(p: Prepared): Prepared {
  let text = p.text;
  if (SYNAPSES.test(text)) for (const [pattern, said] of SAID_CONNECTIONS) text = text.replace(pattern, said);
  if (MEAN.test(text) && SYNAPSES.test(text))
    for (const [pattern, said] of SAID_PARTNERS) text = text.replace(pattern, said);
  text = text.replace(CLAUSE_ONLY, "per $1").replace(CELL_CLAUSE, "per postsynaptic $1");
  return text === p.text ? p : { ...p, text };
}
