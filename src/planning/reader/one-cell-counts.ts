import type { Prepared } from "./prepare.js";

const ONE = String.raw`(?:a single|one single|an individual|a given|any single|any one|any|a|one)`;
const CELL = String.raw`((?:[\w/-]+\s+)?(?:cell|neuron|interneuron))`;
const VERB = String.raw`(has|have|makes|make|receives|receive|gets|get)`;
const ONE_CELL = new RegExp(String.raw`\b${ONE}\s+${CELL}\s+(?:can\s+|could\s+|ever\s+)?${VERB}\b`, "gi");
/** "max # outputs of 1 BC", "of a single 23P cell". */
const OF_ONE = new RegExp(
  String.raw`\bof\s+(?:1|one|a single|one single|an individual|a given|any single)\s+` +
    String.raw`((?:[\w/-]+\s+)?(?:cell|neuron|interneuron)|[\w/-]+)(?=[\s?.,!]|$)`,
  "gi",
);
/** A count asked of cells and a statistic or superlative of it, said before the cell. */
const COUNT_BEFORE = /\b(count|counts|number of|#)\b.*$|#/i;
const STAT_BEFORE =
  /\b(highest|largest|biggest|max|maximum|most|lowest|smallest|fewest|min|minimum|mean|average|avg|median|typical)\b/i;

/** "how many 23P cells does a BC contact on average", "… does the average BC make onto 23P". */
// ("does a 6P-CT cell in L6a of V1 receive": where the cell is may be said before the verb.)
const WHERE = String.raw`(?:\s+(?:in|of)\s+(?:the\s+)?(?:L\d(?:\/\d)?[ab]?|layer\s+[\d/]+[ab]?|V1|RL|AL|LM)){0,2}`;
const ONE_SUBJECT = new RegExp(
  String.raw`\b(does|do)\s+(a single|an individual|a given|the average|an average|the typical|a typical|an|a|one)\s+` +
    String.raw`((?:[\w/-]+\s+){0,4}(?:cell|neuron|interneuron)${WHERE}|[\w/-]+)\s+` +
    String.raw`(?=(?:contact|target|make|receive|recieve|get|innervate|hit|synapse)\b)`,
  "gi",
);
/**
 * "how many different 23P cells converge onto a single 5P-ET cell, on average", "how many different BCs innervate a
 * 5P-ET cell on average": the cell the others reach.
 */
const ONE_OBJECT = new RegExp(
  String.raw`\b(onto|to|into|innervate|contact|target|reach)\s+` +
    String.raw`(?:a single|an individual|a given|a typical|the average|an average|a|one)\s+` +
    String.raw`((?:[\w/-]+\s+){0,3}(?:cell|neuron|interneuron))\b`,
  "gi",
);
/** "mean number of distinct 23P targets per BC": the partners of each cell of the "per" phrase. */
const PARTNERS_PER = new RegExp(
  String.raw`((?:\bmean|\baverage|\bavg)\s+(?:(?:number|count)\s+of\s+|#\s*(?:of\s+)?)` +
    String.raw`.{1,60}?\b(?:targets|partners|sources))\s+per\s+` +
    String.raw`(?!(?:cell\s+)?types?\b|areas?\b|layers?\b|connections?\b|pairs?\b|synapses?\b)`,
  "gi",
);
// ("how many synapses does a single basket cell to 23P connection have": one connection, not one cell.)
const PER_CONNECTION =
  /\bper\s+(?:connection|conn|connected pair|pair|edge)\b|\b(?:connection|pair)\s+(?:have|has|contain|consist)\b/i;
const MEAN_SAID = /\b(on average|mean|average|avg|typical(?:ly)?)\b/i;

/**
 * "On average, how many distinct 23P cells does a single basket cell contact": a count said of one
 * cell is the mean over the cells, said as "each" ("does each basket cell contact"), with "on average"
 * added when nothing else says it ("how many synapses does a 23P cell receive").
 */
export function oneSubjectOnAverage(p: Prepared): Prepared {
  if (!/\bhow many\b/i.test(p.text) && !PARTNERS_PER.test(p.text)) return p;
  // ("On average, how many synapses does a basket cell make per connection onto …": the mean is over connections.)
  if (PER_CONNECTION.test(p.text)) return p;
  let text = p.text.replace(PARTNERS_PER, "$1 of each ");
  let averaged = false;
  // ("how many synapses does a single 23P cell receive": one cell, any of them, is the mean over them; it had
  // been read as the synapses all of them receive.)
  text = text.replace(ONE_SUBJECT, (_all: string, aux: string, _one: string, cell: string) => {
    averaged = true;
    return `${aux} each ${cell} `;
  });
  if (MEAN_SAID.test(p.text) && /\bhow many\s+(?:different|distinct|unique)\b/i.test(p.text))
    text = text.replace(ONE_OBJECT, (_all: string, to: string, cell: string) => `${to} each ${cell}`);
  if (averaged && !MEAN_SAID.test(text)) text = text.replace(/\s*([?.!]*)\s*$/, " on average$1");
  return text === p.text ? p : { ...p, text };
}

/**
 * "what's the highest output synapse count a single cell has", "the median input count a 23P
 * neuron receives": a statistic of a per-cell count, said of one cell, is the statistic over the
 * cells ("… per cell", "… received per 23P neuron"). Only with a count and a statistic said first.
 */
export function oneCellCounts(p: Prepared): Prepared {
  const said = (before: string) => COUNT_BEFORE.test(before) && STAT_BEFORE.test(before);
  const text = p.text
    .replace(ONE_CELL, (all: string, cell: string, verb: string, at: number) => {
      if (!said(p.text.slice(0, at))) return all;
      const v = verb.toLowerCase();
      const how = /^(has|have)$/.test(v) ? "" : /^make/.test(v) ? "made " : "received ";
      return `${how}per ${cell}`;
    })
    .replace(OF_ONE, (all: string, cell: string, at: number, whole: string) =>
      said(whole.slice(0, at)) ? `per ${cell}` : all,
    );
  return text === p.text ? p : { ...p, text };
}
