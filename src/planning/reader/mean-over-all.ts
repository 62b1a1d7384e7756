import type { Prepared } from "./prepare.js";
import { namedIn, namesOf } from "./words.js";

/*
 * "On average, how many synapses does a 23P cell receive from BCs? Average over all 23P cells, zeros included.":
 * a sentence saying again which cells the mean is over. When every word of those cells was said in the question,
 * the sentence is context, and the zeros it counts are a claim the plan is held to (see claims.ts); cells the
 * question did not name stay for the reader, which asks back.
 */
const OVER_ALL = new RegExp(
  String.raw`(?:^|(?<=[?.!]\s+))(?:the\s+)?(?:mean|average|averaged|avg)\s+(?:is\s+)?(?:taken\s+)?(?:over|across)\s+` +
    String.raw`(?:all|every|each)(?:\s+(?:of\s+)?the)?\s+([^,.;?!()]+?)(?:\s*[,;]\s*|\s+)?` +
    String.raw`((?:(?:with\s+)?(?:zeros?|0s|zeroes)\s+(?:included|incl\.?|counted)|including\s+(?:the\s+)?zeros?|` +
    String.raw`even\s+(?:those|the\s+ones)\s+with\s+(?:none|zero)))?\s*[.!?]*\s*$`,
  "i",
);

const WORDS_OF_CELLS = /\b(?:cells?|neurons?|ones|roots?|the|of|in)\b/gi;

export function meanOverAll(p: Prepared): Prepared {
  const m = OVER_ALL.exec(p.text);
  if (!m || m.index === 0) return p;
  const rest = p.text.slice(0, m.index).trim();
  // (The cells by their names, so "23P cells" is said by "L2/3 pyramidal cell"; a word that names nothing is not.)
  const names = namesOf(m[1]!);
  const ask = namesOf(rest);
  let left = m[1]!;
  for (const n of names) left = left.replace(n.text, " ");
  if (!names.length || left.replace(WORDS_OF_CELLS, " ").trim() || !names.every((n) => namedIn(n, ask))) return p;
  return { ...p, text: rest, context: [...p.context, m[0].trim()], claims: [...(p.claims ?? []), "zeros-counted"] };
}
