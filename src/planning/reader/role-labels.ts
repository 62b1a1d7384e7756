import type { Prepared } from "./prepare.js";

/*
 * "source: 23P, target: 5P-IT - how many synapses", "Target L5 IT, source layer 2/3 pyramidal: how many
 * connections": each side labelled by its role, both said together, is said as "pre 23P, post 5P-IT", which the
 * reader reads. (The labels had been a list of one side's kinds, or set aside as a lead-in, and the question was
 * answered for every cell.)
 */

const ROLE = String.raw`(sources?|targets?|upstream|downstream)`;
// ("layer 2/3 pyramidal": a slash inside a name; between the two sides only with spaces around it.)
const CELLS = String.raw`(?!(?:of|is|are|cells?\s+of)\b)([^,;:|?=]{1,40}?)`;
const SEPARATOR = String.raw`\s*(?:[,;|&+]|\s\/\s|,?\s+(?:and|plus)\s+)\s*`;
const LABELLED = new RegExp(
  String.raw`(^|[.?!:]\s+)${ROLE}\s*[:=]?\s*${CELLS}${SEPARATOR}${ROLE}\s*[:=]?\s*${CELLS}` +
    String.raw`\s*(?=[:,.?!]|\s[-—–]\s|$)`,
  "gi",
);

const sideOf = (role: string) => (/^(source|upstream)/i.test(role) ? "pre" : "post");

export function roleLabels(p: Prepared): Prepared {
  const text = p.text.replace(LABELLED, (all, lead: string, r1: string, a: string, r2: string, b: string) =>
    sideOf(r1) === sideOf(r2) ? all : `${lead}${sideOf(r1)} ${a.trim()}, ${sideOf(r2)} ${b.trim()}`,
  );
  return text === p.text ? p : { ...p, text };
}
