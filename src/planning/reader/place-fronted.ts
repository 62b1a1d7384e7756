import type { Prepared } from "./prepare.js";

/*
 * "In each visual area, which Martinotti cell makes the most output synapses?": a grouping by place said first, of
 * the cells a "which" asks for, is said after them, as "which Martinotti cell in each area makes …", where the
 * reader knows whose place it is (it had asked whether the area was the cells' or their partners').
 */
const PLACE_FIRST = new RegExp(
  String.raw`^(\s*)(?:in|for|within)\s+(each|every)\s+((?:visual\s+)?area|(?:cortical\s+)?layer)\s*,\s*` +
    // (The cells asked for, in a few words: not "what percent of the neurons in that area".)
    String.raw`((?:which|what)(?:\s+(?!(?:of|in|that|percent|fraction|share|proportion|number)\b)[\w/-]+){1,4}?)` +
    String.raw`\s+(makes?|receives?|gets?|sends?|has|have|is|are)\b`,
  "i",
);

export function placeFronted(p: Prepared): Prepared {
  const text = p.text.replace(
    PLACE_FIRST,
    (_all, lead: string, each: string, place: string, which: string, verb: string) =>
      `${lead}${which} in ${each} ${place} ${verb}`,
  );
  return text === p.text ? p : { ...p, text };
}
