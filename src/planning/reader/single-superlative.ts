import type { Prepared } from "./prepare.js";

const SUP = String.raw`(largest|biggest|smallest|strongest|weakest|heaviest|highest|lowest)`;

const REWRITES: [RegExp, string][] = [
  // "the single largest synapse", "biggest single syn": "single" says one, as the superlative does.
  [new RegExp(String.raw`\b(the|a|any)\s+single\s+${SUP}\b`, "gi"), "$1 $2"],
  [new RegExp(String.raw`\b${SUP}\s+single\s+`, "gi"), "$1 "],
];

/**
 * "the single largest synapse", "biggest single syn": "single" says one, as the superlative does. (Not
 * "between two 23P cells" or "connected pairs of 23P cells": two cells are two different cells, and
 * connections here include a cell's synapses onto itself, so those are left to be asked back. Not
 * "among X synapses" as "of X synapses": words between could be a restriction it would hide.)
 */
export function singleSuperlative(p: Prepared): Prepared {
  let text = p.text;
  for (const [pattern, said] of REWRITES) text = text.replace(pattern, said);
  return text === p.text ? p : { ...p, text };
}
