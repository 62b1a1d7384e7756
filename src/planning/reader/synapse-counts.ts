import type { Prepared } from "./prepare.js";

const PAIRS = String.raw`(conn\w*|pairs?)(?![\w])`;

/** A connection's synapse count said as a kind of connection, and what it means as a threshold. */
const KINDS: [RegExp, string][] = [
  // "multi-synaptic connections", "multisynapse pairs": connections of two or more synapses.
  [new RegExp(String.raw`\bmulti[- ]?synap(?:tic|se)\s+${PAIRS}`, "gi"), "$1 with at least 2 synapses"],
  // "single-synapse connections", "unisynaptic pairs". (Not "monosynaptic": a direct connection, not one synapse.)
  [
    new RegExp(String.raw`\b(?:(?:single|one|1)[- ]synapse|(?:uni|single)[- ]?synaptic)\s+${PAIRS}`, "gi"),
    "$1 with exactly 1 synapse",
  ],
];

/** "connections that are multi-synaptic": the kind said after the connections. */
const SAID_AFTER: [RegExp, string][] = [
  [/\s+(?:(?:that|which)\s+)?(?:are|is)\s+multi[- ]?synap(?:tic|se)\b/gi, " with at least 2 synapses"],
  [
    /\s+(?:(?:that|which)\s+)?(?:are|is)\s+(?:single[- ]synapse|(?:uni|single)[- ]?synaptic)\b/gi,
    " with exactly 1 synapse",
  ],
];

/** "connections that have only one synapse", "consist of a single synapse": exactly one. */
const ONLY_ONE = new RegExp(
  String.raw`\b(have|has|with|consist(?:s|ing)? of|(?:are |is )?made (?:up )?of)\s+` +
    String.raw`(?:only |just )?(?:a single|one single|only one|just one|one|1)\s+synapses?\b`,
  "gi",
);

const STAT = String.raw`(mean|average|avg|median|typical)`;
const SYN = String.raw`(?:number of synapses|synapse counts?|# of synapses|# ?syn|synapses|syn)`;

/**
 * "mean synapse count of connections onto 5P-ET", "average number of synapses in connections": the
 * synapses of each connection, averaged ("synapses per connection"); "between connected 23P cells":
 * of the 23P→23P connections (one type both sides, so no direction is left to choose).
 */
const PER_PAIR: [RegExp, string][] = [
  [
    new RegExp(String.raw`\b${STAT}\s+${SYN}\s+(?:of|in|across)\s+(?:the\s+|all\s+)?${PAIRS}`, "gi"),
    "$1 synapses per connection",
  ],
  [
    new RegExp(
      String.raw`\b${STAT}\s+${SYN}\s+between\s+connected\s+([\w/-]+?)(?:\s+(?:cells|neurons))?(?=[\s?.,]|$)`,
      "gi",
    ),
    "$1 synapses per connection $2->$2",
  ],
];

/**
 * "how many synapses does a 4P→23P connection have (on average)", "On average, how many synapses does
 * the typical BC→23P pair contain": one connection said for any of them is their mean synapse count.
 * ("a single …", "the strongest …", "each …" are not this: they stay for the reader.)
 */
const ONE_PAIR_HAS = new RegExp(
  String.raw`^(?:on (?:average|avg),?\s+)?how many\s+${SYN}\s+(?:does|do)\s+` +
    String.raw`(?:an? average|the average|a typical|the typical|an?)\s+(?!single\b|given\b)(.+?)\s+${PAIRS}\s+` +
    String.raw`(?:have|has|contain|contains|carry|carries)(?:\s+on (?:average|avg)|\s+typically)?(?=\s*[?.!]*\s*$)`,
  "i",
);

/** "On average, how many synapses make up a single 23P→MC connection?": their mean, said with a verb of parts. */
const MAKE_UP_ONE = new RegExp(
  String.raw`^(?:on (?:average|avg),?\s+)?how many\s+${SYN}\s+(?:make up|form|constitute|are in|go into)\s+` +
    String.raw`(?:an? average|the average|a typical|the typical|a single|an?|one)\s+(.+?)\s+${PAIRS}` +
    String.raw`(?:\s+on (?:average|avg)|\s+typically)?(?=\s*[?.!]*\s*$)`,
  "i",
);

/**
 * "23P cells with more than 90 synapses onto them", "More than 90 synapses onto them: how many 23P cells …", "5P-ET
 * cells that get over 100 synapses onto them": a number of the cells' own inputs. (Not "targets that get more than
 * 3 synapses from them": a connection's count.)
 */
const COUNTED_WITH_THEM = new RegExp(
  String.raw`((?:^\s*|\b(?:with|have|has|having|get|gets|getting|receive|receives|receiving)\s+)` +
    String.raw`(?:(?:more|fewer|less)\s+than\s+|over\s+|under\s+|at\s+` +
    String.raw`(?:least|most)\s+|[<>]=?\s*)?(?:\d+|one|two|three|four|five|ten)\s*\+?\s+)` +
    String.raw`(?:synapses|syns?)\s+(?:onto|into|on)\s+them\b(?!\s+from\b)`,
  "gi",
);

/**
 * Kinds of connection named by their synapse count ("multi-synaptic connections", "single-synapse
 * pairs", "connections with only one synapse") said as the threshold the reader knows ("connections
 * with at least 2 synapses", "with exactly 1 synapse").
 */
export function synapseCounts(p: Prepared): Prepared {
  // ("every connected SST -> 5P-ET pair of cells": the two types named are cells already. Not "pairs of neurons"
  // alone, which names the cells paired.)
  let text = p.text.replace(/((?:->|→)\s*(?:[\w/-]+\s+){1,3}pairs?)\s+of\s+(?:cells|neurons)\b/gi, "$1");
  for (const [pattern, said] of [...KINDS, ...PER_PAIR]) text = text.replace(pattern, said);
  // ("On average, how many synapses does a single BC→23P connection have?": with the mean said, one is any.)
  const averaged = /\bon (?:average|avg)\b|\btypically\b/i.test(text);
  const anyOne = averaged ? text.replace(/\b(does|do)\s+(?:a|one)\s+single\s+/i, "$1 a ") : text;
  if (ONE_PAIR_HAS.test(anyOne)) text = anyOne;
  text = text.replace(ONE_PAIR_HAS, (_, flow: string) => `mean synapses per connection ${flow}`);
  // (Only with the mean said: "how many synapses make up a single connection" alone may ask for one.)
  if (averaged) text = text.replace(MAKE_UP_ONE, (_, flow: string) => `mean synapses per connection ${flow}`);
  text = text.replace(COUNTED_WITH_THEM, "$1input synapses");
  if (new RegExp(String.raw`\b${PAIRS}\b`, "i").test(text))
    for (const [pattern, said] of SAID_AFTER) text = text.replace(pattern, said);
  text = text.replace(ONLY_ONE, (all: string, verb: string) =>
    /only|just|single/i.test(all) ? `${/^consist|made/i.test(verb) ? "with" : verb} exactly 1 synapse` : all,
  );
  return text === p.text ? p : { ...p, text };
}
