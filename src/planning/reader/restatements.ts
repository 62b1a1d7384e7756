import type { Prepared } from "./prepare.js";

const STDDEV = /\b(standard deviation|standard dev|std\.? dev\.?|stdev|std|sd|s\.d\.)(?![\w])/i;
/** "How variable is synapse size, as a standard deviation": the variability words say the statistic again. */
const VARIABILITY =
  /\b(?:how\s+)?(?:spread\s+out|spread(?=\s+(?:of|for|in|across)\b)|variable|vary|varies|varying)(?:\s+(?:is|are))?\b/gi;
/** "For an SST interneuron, what's … it makes": one cell named first, as "per …", pointed back to by "it". */
// ("For each inhibitory type (BC, MC, BPC, NGC), …": a list in brackets is part of the kind.)
const ONE_FIRST = /^\s*(?:per|for\s+(?:an?|each|every|one))\s+((?:[^,(]|\([^()]*\)){1,80}?),\s*(.*)$/i;
const IT_VERB = /\bit\s+(makes|make|receives|receive|gets|get|has|forms|sends|gives)\b/i;
const PARTICIPLE: Record<string, string> = {
  makes: "made",
  make: "made",
  forms: "formed",
  sends: "sent",
  gives: "given",
  receives: "received",
  receive: "received",
  gets: "received",
  get: "received",
};
/** "how small is the smallest one", "how large is the biggest": the superlative says it. */
const SUPERLATIVE = String.raw`(smallest|largest|biggest|deepest|shallowest|highest|lowest)`;
const HOW_SUP = new RegExp(
  String.raw`\bhow\s+(?:small|large|big|deep|shallow|high|low)\s+(?:is|are)\s+(?:the\s+)?${SUPERLATIVE}` +
    String.raw`(?:\s+(?:one|ones))?\b`,
  "gi",
);
/** "|pref ori difference|": an absolute value of a difference that is never negative here (circular, 0-90°). */
const ABSOLUTE = /\|\s*([^|]{0,40}?(?:diff|difference|differences|Δ|delta)[^|]{0,20}?)\s*\|/gi;
/** "adding sizes up", "adding them up": a sum said again. */
const ADDING_UP = /\badding\s+(?:the\s+)?(?:sizes|them|these|those|it)\s+up\b/gi;
// "summed over every near-projecting cell": a total over all of them, not one figure per cell.
const SUMMED_OVER_EACH = /\b(summed|totall?ed|summing)\s+(over|across)\s+(?:every|each)\b/gi;
/** "for synapses whose presynaptic cell is a layer 2/3 pyramidal neuron": the side, said as a property. */
const WHOSE_SIDE =
  /\bwhose\s+(presynaptic|postsynaptic|pre|post)(?:synaptic)?\s+(?:cell|neuron|partner|root)\s+is\s+(?:an?\s+)?/gi;
/** "have PTC as their m-type": a value, and the kind it is of said after it ("the PTC m-type"), not a grouping. */
const AS_THEIR_KIND =
  /\b(?:have|has|with)\s+([\w/-]+)\s+as\s+(?:their|its|the)\s+(m-?type|cell\s*type|subclass|class)\b/gi;

/** "mean size among BC outputs", "among the MC synapses onto 23P": "among" synapses is "of" them (not "within"). */
const AMONG_SYNAPSES = new RegExp(
  String.raw`\bamong(?:st)?\s+(?:all\s+)?((?:the|its|their)\s+)?` +
    String.raw`(?=(?:(?!(?:with|that|which|having|whose|more|less|than)\b)` +
    String.raw`[A-Za-z0-9][\w/-]*\s+){1,3}?(?:synapses|syns?|outputs|inputs|connections|conns?|edges)\b)`,
  "gi",
);

/** "Input synapses per neuron, summarized by the median": the statistic, said after what it is of. */
const SUMMARIZED_BY = /\b(?:summari[sz]ed|summed\s+up|described)\s+by\s+(?:its|the|their)\s+(median|mean|average)\b/gi;
/** "Distribution of BC out-degree — …, median?": a distribution asked through one statistic of it. */
const DISTRIBUTION_OF = /\b(?:the\s+)?distribution\s+of\s+/i;
const ONE_STATISTIC = /\b(median|mean|average|avg)\b/i;
const DRAWN = /\b(histogram|plot|chart|graph|show|draw|bins?|quartiles?|percentiles?)\b/i;
/** "8646… (an NGC)", "8646… (it's a basket cell)": the type said of a pasted root, with its article. */
const ROOT_IS_A = /\b(\d{15,20})\s*\(\s*(?:(?:it|which|that)(?:'s|\s+is)\s+)?(?:an?|the)\s+([^()]{1,40})\)/gi;
/** "the cell with nucleus id 101265": the cell is the one nucleus named ("nucleus 101265"). */
const CELL_WITH_NUCLEUS = new RegExp(
  String.raw`\b(?:the\s+)?(?:cell|neuron|root|segment)\s+(?:with|that\s+has|having)\s+(?:the\s+)?` +
    String.raw`(nucleus(?:\s+id)?\s*#?\s*\d{4,9})\b`,
  "gi",
);
/** "onto 8646…, an L5 IT cell, and …": the same, said between commas (or before the question's end). */
export const ROOT_COMMA_A = /\b(\d{15,20}),\s+(?:an?)\s+([^,.;:?!()]{1,40}?)\s*(?=,|[?.!]*\s*$)/gi;
/** "Among BC outputs, what is the biggest synapse?": the question, of the synapses from (or onto) those cells. */
const AMONG_OWNED = new RegExp(
  String.raw`^\s*among(?:st)?\s+(?:all\s+)?(?:the\s+)?([A-Za-z0-9][\w/ -]{0,40}?)\s+(output|input)s?` +
    String.raw`(?:\s+synapses)?\s*,\s*(.+?)(\s*[?.!]*)$`,
  "i",
);
/** "Among BC outputs, what is the top cell by synapse count?": the BC making them, or a target? Left to ask. */
const WHOSE_CELL = /\b(?:cell|cells|neuron|neurons|root|roots)\b/i;
const SHARE_WORD = /\b(?:fraction|share|percent(?:age)?|proportion|pct)\b|%/i;
/** "Of all the synapses onto 8646…, what's the size of the biggest one?": "one" is one of those synapses. */
const OF_ALL_ONE = new RegExp(
  String.raw`^\s*(?:of|out\s+of|from)\s+(?:all\s+)?(?:the\s+)?(synapse|connection)s\b([^,]*?),\s*(.*?)\b` +
    String.raw`(?:the\s+)?(?:single\s+|very\s+)?(biggest|largest|smallest|strongest|weakest)\s+(?:one|of\s+them)\b`,
  "i",
);

/**
 * Words that only say again what the rest of the question says: variability beside a standard
 * deviation; "it" pointing back to the one cell named first ("Per PV interneuron, what's the mean
 * number of synapses it makes?" is "… synapses made per PV interneuron").
 */
export function restatements(p: Prepared): Prepared {
  let text = amongSynapses(p.text);
  text = text
    .replace(HOW_SUP, "the $1")
    .replace(ABSOLUTE, "$1")
    .replace(ADDING_UP, "summed")
    .replace(ROOT_IS_A, "$1 ($2)")
    .replace(ROOT_COMMA_A, "$1 ($2)")
    .replace(CELL_WITH_NUCLEUS, "$1")
    .replace(SUMMARIZED_BY, "$1")

    .replace(
      OF_ALL_ONE,
      (_all, noun: string, where: string, asked: string, most: string) => `${asked}the ${most} ${noun}${where}`,
    )
    .replace(AS_THEIR_KIND, (all: string, value: string, kind: string) => `${all.split(/\s/)[0]} the ${value} ${kind}`)
    .replace(SUMMED_OVER_EACH, "$1 $2 all")
    // ("whose presynaptic cell is in V1": a place, said of the cells on that side.)
    .replace(WHOSE_SIDE, (_all: string, side: string, at: number, whole: string) => {
      const place = /^(in|within|inside|located in)\b/i.test(whole.slice(at + _all.length)) ? "cells " : "";
      return `${/^pre/i.test(side) ? "from" : "onto"} ${place}`;
    });
  if (ONE_STATISTIC.test(text) && !DRAWN.test(text)) text = text.replace(DISTRIBUTION_OF, "");
  if (STDDEV.test(text)) {
    const without = text
      .replace(/\bhow\s+much\s+(does|do)\b(?=.*\b(vary|varies|varying)\b)/i, "")
      .replace(VARIABILITY, " ")
      .replace(/\s{2,}/g, " ");
    // (Only when a standard deviation is still said after: "how variable, as a sd" keeps its sd.)
    if (STDDEV.test(without)) text = without;
  }
  const first = ONE_FIRST.exec(text);
  if (first && IT_VERB.test(first[2]!) && !/\b(it|its|this|that)\b/i.test(first[2]!.replace(IT_VERB, ""))) {
    const verb = IT_VERB.exec(first[2]!)![1]!.toLowerCase();
    // ("For each inhibitory cell type, … the synapses it makes": made by each of them, on their side of the
    // synapse; "it makes" after the name had put the type on the other side.)
    const done = PARTICIPLE[verb];
    text = done
      ? first[2]!.replace(IT_VERB, `${done} by each ${first[1]!.trim()}`)
      : `${first[2]!.replace(IT_VERB, "$1")} per ${first[1]!.trim()}`.replace(/\s*([?.!])\s*per (.*)$/, " per $2$1");
  }
  return text === p.text ? p : { ...p, text };
}

/**
 * "Among BC outputs, what is the biggest synapse?" is the question of the synapses from BCs; "Among 23P inputs,
 * what fraction come from BC?" a share of them; "mean size among BC outputs" of them. "Among" had been read as
 * "within" (BC onto BC). "Among BC outputs, what is the top cell by synapse count?" (a BC, or a target?) is left.
 */
function amongSynapses(text: string): string {
  const owned = AMONG_OWNED.exec(text);
  if (owned) {
    const [, cells, side, asked, end] = owned as unknown as [string, string, string, string, string];
    if (WHOSE_CELL.test(asked)) return text;
    if (!SHARE_WORD.test(asked)) return `${asked} ${/^out/i.test(side) ? "from" : "onto"} ${cells}${end}`;
  }
  return text.replace(AMONG_SYNAPSES, "of $1");
}
