import type { Prepared } from "./prepare.js";

// ("SST cells, AL only", "Layer 5 PV cells in V1": a few words naming cells, before a colon.)
const HEAD = String.raw`(?:cells|neurons|pyramids|interneurons|[\w/+-]+s)`;
const IN_LAYER = String.raw`(?:\s+in\s+(?:layer\s*|L)[\d/]+[ab]?)?`;
const NAMED = String.raw`((?:[\w/+'’.-]+[ ,]+){0,7}?${HEAD}${IN_LAYER})`;
const AREA = String.raw`(?:V1|RL|AL|LM)`;
const ONLY = String.raw`((?:,\s*)?(?:in\s+${AREA}(?:\s+only)?|${AREA}\s+only|only\s+(?:in\s+)?${AREA}))?`;
const TOPIC = new RegExp(String.raw`^\s*${NAMED}\s*${ONLY}\s*:\s*(\S.*)$`, "is");
const PRONOUN = /\b(they|them)\b/i;
const RANKED =
  /^(?:the\s+)?((?:top\s+)?(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten))\s+(with|having|that|which)\b/i;

/**
 * "SST cells, AL only: which 3 cell types do they synapse onto most?", "Layer 5 PV cells in V1: the
 * three with the most synapses out?": cells named first, as a topic, and then asked about with a
 * pronoun or an ellipsis, are put where the pronoun stands ("… do SST cells in AL synapse onto …",
 * "the three Layer 5 PV cells in V1 with …"). Nothing is dropped; a rest that names cells of its
 * own, or neither points back nor ranks, is left as typed.
 */
export function topicCells(p: Prepared): Prepared {
  const m = TOPIC.exec(p.text);
  if (!m) return p;
  const [, named, only, rest] = m as unknown as [string, string, string | undefined, string];
  // (Not "among martinotti cells: biggest synapse they make?": a preposition first scopes, it names no topic.)
  const scoped = /^(among|amongst|within|in|for|of|from|to|onto|with|between|about|across)\b/i.test(named);
  if (scoped || /\b(how|what|which|who|where|when|is|are|do|does)\b/i.test(named) || /\d{15,20}/.test(named)) return p;
  const area = only ? /(V1|RL|AL|LM)/i.exec(only)![1]!.toUpperCase() : undefined;
  const cells = `${named.replace(/,\s*$/, "")}${area ? ` in ${area}` : ""}`;
  const ranked = RANKED.exec(rest);
  if (ranked) return { ...p, text: `the ${ranked[1]} ${cells} ${rest.slice(ranked[0].length - ranked[2]!.length)}` };
  if (PRONOUN.test(rest) && !/\b(cells|neurons)\b/i.test(rest)) return { ...p, text: rest.replace(PRONOUN, cells) };
  return p;
}
