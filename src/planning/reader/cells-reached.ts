import type { Prepared } from "./prepare.js";

/*
 * "What percent of 23P cells get input from at least one MC?", "fraction of 23P cells targeted by MCs", "% of
 * BCs that contact 23P cells": a share of cells said with a verb of reaching is the share of them with any
 * synapse from (or onto) the others, each cell once. It had been read as a share of synapses (MC's share of the
 * synapses onto 23P cells), or "at least one" as a synapse size of 1.
 */

const SHARE_WORD = String.raw`(?:fraction|proportion|percent(?:age)?|%|share|pct|frac)`;
const SHARE_OF = String.raw`(?:\b(?:fraction|proportion|percent(?:age)?|share|pct|frac)|%)\s+of\s+`;
/** The cells whose share it is: words up to the verb, none of them a noun of synapses or of a count. */
const NOT_CELLS = String.raw`synapses?|syns?|inputs?|outputs?|connections?|conns?|more|less|fewer|than`;
const CELLS = String.raw`((?:(?!\b(?:${NOT_CELLS})\b)[^,?:;()])+?)`;
const THAT = String.raw`\s+(?:(?:that|which|who)\s+)?`;
const ANY = String.raw`(?:at least (?:one|1)|one or more|1 or more|any|some|a|an)\s+`;
const RECEIVE = String.raw`receive|receives|receiving|get|gets|getting`;
const RECEIVING =
  String.raw`(?:(?:${RECEIVE})\s+(?:${ANY})?(?:synaptic\s+)?(?:inputs?|synapses?)\s+from|` +
  String.raw`(?:are|is)\s+(?:targeted|contacted|innervated)\s+by|(?:targeted|contacted|innervated)\s+by)`;
// (A bare "target", "contact" only after "that": "share of BC targets that are 23P" names the targets.)
const BARE = String.raw`target|targets|contact|contacts|innervate|innervates`;
const MAKING =
  String.raw`(?:(?<=\b(?:that|which|who)\s+)(?:${BARE})|(?:make|makes)\s+(?:any\s+)?synapses\s+onto|` +
  String.raw`synapse\s+onto)`;
const RECEIVED = new RegExp(`(${SHARE_OF}${CELLS})${THAT}${RECEIVING}\\s+(?:${ANY})?`, "gi");
const MADE = new RegExp(`(${SHARE_OF}${CELLS})${THAT}${MAKING}\\s+(?:${ANY})?`, "gi");

/** The cells said first: "Out of all the 23P cells, what percent get …", "of the BCs, what fraction make …". */
const WHOLE_FIRST = new RegExp(
  String.raw`\b(?:out of|among(?:st)?|of)\s+${CELLS}\s*,\s*(what|which)\s+(${SHARE_WORD})(?:\s+of\s+them)?` +
    String.raw`(?=${THAT}(?:${RECEIVING}|${MAKING}|receive|receives|make|makes|form|forms|send|sends|${BARE})\b)`,
  "gi",
);

/** "contacted by at least 5 different basket cells": how many distinct cells reach each one. */
const REACHED_BY_N = new RegExp(
  String.raw`\b(?:(?:are|is|get|gets)\s+)?(?:targeted|contacted|innervated)\s+by\s+` +
    String.raw`(at\s+least|more\s+than|over|fewer\s+than|less\s+than|at\s+most|no\s+more\s+than|>=|≥|>|<=|≤|<)\s*` +
    String.raw`(\d+)\s+(?:different|distinct|unique)\s+`,
  "gi",
);

/** Rewrites the reaching verb into the count the reader knows: "receive more than 0 synapses from". */
export function cellsReached(p: Prepared): Prepared {
  const text = p.text
    .replace(REACHED_BY_N, (_, bound: string, n: string) => `receive input from ${bound} ${n} distinct `)
    .replace(WHOLE_FIRST, (_, cells: string, what: string, share: string) => `${what} ${share} of ${cells} that`)
    .replace(RECEIVED, "$1 receive more than 0 synapses from ")
    .replace(MADE, "$1 make more than 0 synapses onto ");
  return text === p.text ? p : { ...p, text };
}
