import type { Prepared } from "./prepare.js";

/** One word of a population: "23P", "L2/3", "tuned", "5P-IT" (never a "BC-23P" pair of types). */
const WORD = String.raw`[A-Za-z0-9/]+(?:-(?:IT|ET|NP|CT))?`;
const CONNECTED = String.raw`(?:synaptically\s+)?connected`;
const PAIRS = String.raw`(?:(?:cell|neuron)\s+)?pair(s?)`;
/** Words that say pairs of what, not which cells: "connected cell pairs" are connections of any cells. */
const NOT_A_POP = String.raw`(?:pairs|cell|neuron|ordered)\b`;
/** "connected pairs of cells": any two cells (with or without a nucleus?), left to the reader as said. */
const ANY = String.raw`(?:the\s+)?(?:cells|roots|segments)\b(?!\s+(?:in|of|with|that|which|whose)\b)`;
const ORDERED = String.raw`(?:\s*\(\s*pre\s*,\s*post\s*\))?`;

const PERCENT = /^(percent|percentage|%)$/i;
/** "a single BC", "one 23P cell": one cell, any of them. */
const ONE_CELL = String.raw`(?:a\s+single|one\s+single|any\s+single|any\s+one|a\s+given|an\s+individual|one|1)`;
/** A pattern and what it is read as: a text with $1, $2 … (a group not matched takes $1), or a function. */
const REWRITES: [RegExp, string | ((...m: string[]) => string)][] = [
  // "what % of all possible PV → L5 IT pairs are actually connected": the connection probability, in percent.
  [
    new RegExp(
      String.raw`\b(?:what|which)\s+(percent(?:age)?|%|fraction|share|proportion)\s+of\s+(?:all\s+)?(?:the\s+)?` +
        String.raw`possible\s+([^,;:?]+?)\s+${PAIRS}\s+(?:that\s+)?(?:are|is)\s+(?:actually\s+|really\s+)?` +
        String.raw`${CONNECTED}(?:\s+by\s+(?:at\s+least\s+one|one\s+or\s+more|a|any)\s+synapses?)?` +
        // (Not "connected in both directions": a share of reciprocal pairs is another question.)
        String.raw`(?!\s+(?:in\s+)?(?:both|each\s+other|to\s+each\s+other|reciproc|mutual|bidirection|either\s+way))`,
      "gi",
    ),
    // (A percent asked is given in percent.)
    (_all, share, cells) =>
      `what is the ${cells} connection probability${PERCENT.test(share ?? "") ? " in percent" : ""}`,
  ],
  // "neuron pairs", "connected pairs of neurons": neurons on both sides (not pairs of any cells).
  [
    new RegExp(String.raw`\b(?:${CONNECTED}\s+)?(?:neuron\s+pairs|pairs\s+of\s+neurons)\b`, "gi"),
    "connections between neurons",
  ],
  // "connected pairs of tuned neurons", "connected (pre, post) pairs among 23P cells".
  [
    new RegExp(String.raw`\b${CONNECTED}${ORDERED}\s+${PAIRS}${ORDERED}\s+(?:of|among|amongst)\s+(?!${ANY})`, "gi"),
    "connection$1 between ",
  ],
  // "pairs of connected 23P cells".
  [new RegExp(String.raw`\bpairs\s+of\s+${CONNECTED}\s+(?!${ANY})`, "gi"), "connections between "],
  // "pairs of 23P cells where A→B and B→A both exist": connected both ways.
  [
    new RegExp(
      String.raw`\b(?:(?:where|with|such\s+that|in\s+which|that\s+have)\s+)?A\s*(?:→|->)\s*B\s+(?:and|&|\+)\s+` +
        String.raw`B\s*(?:→|->)\s*A\b(?:\s+(?:both\s+)?exists?)?`,
      "g",
    ),
    "that are reciprocally connected",
  ],
  // "how many pairs of 23P cells are connected in both directions": the reciprocal connections between them.
  [
    new RegExp(
      String.raw`\b(?:ordered\s+|unordered\s+)?pairs\s+of\s+(?!${ANY})((?:(?!\bpairs\b)[^,;:?])+?)\s+` +
        String.raw`(?:that\s+|which\s+)?are\s+(?:${CONNECTED}\s+)?(?:in\s+both\s+directions|both\s+ways|` +
        String.raw`reciprocally|bidirectionally|mutually)(?:\s+connected)?`,
      "gi",
    ),
    "reciprocal connections between $1",
  ],
  // "how many (ordered) pairs of coregistered neurons are connected (by at least one synapse)".
  [
    new RegExp(
      String.raw`\b(?:ordered\s+)?pairs\s+of\s+(?!${ANY})((?:(?!\bpairs\b)[^,;:?])+?)\s+(?:that\s+|which\s+)?are\s+` +
        String.raw`${CONNECTED}(?:\s+by\s+(?:at\s+least\s+one|one\s+or\s+more|a|any)\s+synapses?)?`,
      "gi",
    ),
    "connections between $1",
  ],
  // "the largest synapse between two 23P cells": between cells of one population, not a number of them.
  [/\bbetween\s+two\s+(?!(?:cell\s+)?(?:types?|groups?|sets?|areas?|layers?|populations?|classes)\b)/gi, "between "],
  // "how many synapses make up a 4P→4P connection": the synapses of one connection, its count.
  [
    /\bhow\s+many\s+synapses\s+(?:make|makes|made)\s+up\s+(?:a|an|each|one|the|the\s+typical|a\s+typical)\s+/gi,
    "how many synapses per ",
  ],
  // "max syn in one BC -> L5 IT conn", "synapses of a single 23P→23P connection": synapses per connection.
  [
    new RegExp(
      String.raw`\b(synapses|syns?)\s+(?:in|of|within)\s+(?:a\s+single|any\s+one|any\s+single|a\s+given|one|a)\s+` +
        String.raw`([^,;:?]{1,40}?)\s*(?:connection|conn|pair)\b`,
      "gi",
    ),
    "$1 per $2 connection",
  ],
  // "the largest number of synapses that a single BC makes onto a single 5P-ET cell", "how many synapses does one
  // 4P cell make onto one 23P cell": one cell onto one cell is one connection (it had been each BC's total).
  [
    new RegExp(
      String.raw`\b(?:(synapses|syns?)\s+(?:that\s+|which\s+)?|(synapses|syns?)\s+(?:does|do|will|would)\s+)` +
        String.raw`${ONE_CELL}\s+([^,;:?]{1,40}?)\s+(?:makes?|forms?|sends?)\s+(?:onto|to|on)\s+` +
        String.raw`(?:${ONE_CELL}|an?)\s+([^,;:?]{1,40}?)(?=\s*(?:[,;:?.]|on average\b|$))`,
      "gi",
    ),
    (_all, said, asked, pre, post) => `${said ?? asked} per connection from ${pre} onto ${post}`,
  ],
  // "the mean number of synapses from one MC to one 23P".
  [
    new RegExp(
      String.raw`\b(synapses|syns?)\s+from\s+${ONE_CELL}\s+([^,;:?]{1,40}?)\s+(?:on)?to\s+` +
        String.raw`${ONE_CELL}\s+([^,;:?]{1,40}?)(?=\s*(?:[,;:?.]|on average\b|$))`,
      "gi",
    ),
    "$1 per connection from $2 onto $3",
  ],
  // "the largest number of synapses in a single connection from MC onto 23P": per connection.
  [
    new RegExp(
      String.raw`\b(synapses|syns?)\s+(?:in\s+(?:a\s+single|any\s+single|any\s+one|one|a)|per\s+(?:single|one))` +
        String.raw`\s+(connection|conn|pair)\b`,
      "gi",
    ),
    "$1 per $2",
  ],
  // "mean synapses per connected 4P→23P pair".
  [new RegExp(String.raw`\bper\s+${CONNECTED}\s+([^,;:?]+?)\s+pair\b`, "gi"), "per $1 connection"],
  // "When an L4 pyramidal cell connects to an L2/3 pyramidal cell, how many synapses does that connection have".
  [
    new RegExp(
      String.raw`^\s*when\s+(?:an?|one)\s+([^,]+?)(?:\s+(?:cell|neuron))?\s+(?:connects|synapses|is\s+connected)\s+` +
        String.raw`(?:to|onto|with)\s+(?:(?:an?|one)\s+([^,]+?)(?:\s+(?:cell|neuron))?|another)\s*,\s*` +
        String.raw`how\s+many\s+synapses\s+does\s+(?:that|the|this)\s+connection\s+have\b`,
      "i",
    ),
    "how many synapses per $1 → $2 connection",
  ],
  // "connected tuned pairs", "connected L2/3 pyramidal pairs".
  [
    new RegExp(String.raw`\b${CONNECTED}\s+((?!${NOT_A_POP})${WORD}(?:\s+(?!${NOT_A_POP})${WORD})?)\s+pairs\b`, "gi"),
    "connections between $1 cells",
  ],
];

/**
 * "connected pairs of tuned neurons", "pairs of connected 23P cells", "connected tuned pairs": pairs of
 * one population that are connected are the connections between its cells, both sides that population
 * (ordered pairs, as every connection here is; "Read as" says "from … onto …").
 */
export function connectedPairs(p: Prepared): Prepared {
  let text = p.text;
  for (const [pattern, said] of REWRITES)
    text = text.replace(pattern, (...m: string[]) =>
      typeof said === "function"
        ? said(...m)
        : // ("… connects to another": the same cells on both sides.)
          said.replace(/\$(\d)/g, (_, k: string) => m[Number(k)] ?? m[1] ?? ""),
    );
  // ("connections between tuned cells cells": a word of the population already said what they are.)
  text = text.replace(/\b(cells|neurons)\s+cells\b/gi, "$1");
  return text === p.text ? p : { ...p, text };
}
