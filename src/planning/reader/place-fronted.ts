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

/*
 * "which MC makes the most output synapses in each area?", "top MC by # output syn, per area": the same grouping
 * said last, after a question that opens on the cells ranked, is of those cells too (one row per place). Not
 * when other cells are named between ("which MC makes the most synapses onto 23P in each area": maybe theirs).
 */
const NOT_CELLS = String.raw`(?!(?:of|in|that|percent|fraction|share|proportion|number|cell\s+types?|types?)\b)`;
/** Only words of the figure ranked by: no other cells ("the most BC inputs in each area" may be the BCs' area). */
const FIGURE_WORDS =
  String.raw`(?:\s+(?:the|most|fewest|least|largest|highest|lowest|biggest|greatest|number|count|#|of|total|` +
  String.raw`output|input|outgoing|incoming|synapses?|syns?|partners?|outputs?|inputs?|ouputs?|` +
  String.raw`postsynaptic|presynaptic|` +
  String.raw`post|pre|distinct|unique|different|connections?|targets?))*`;
const PLACE_LAST = new RegExp(
  String.raw`^(\s*)((?:which|top)(?:\s+${NOT_CELLS}[\w/-]+){1,4}?)` +
    String.raw`(\s+(?:makes?|receives?|gets?|sends?|has|by)${FIGURE_WORDS})` +
    String.raw`\s*,?\s+(?:in\s+each|in\s+every|per|for\s+each)\s+` +
    String.raw`((?:visual\s+)?area|(?:cortical\s+)?layer)\s*([?.!]?)\s*$`,
  "i",
);

export function placeFronted(p: Prepared): Prepared {
  const text = p.text
    .replace(
      PLACE_FIRST,
      (_all, lead: string, each: string, place: string, which: string, verb: string) =>
        `${lead}${which} in ${each} ${place} ${verb}`,
    )
    .replace(
      PLACE_LAST,
      (_all, lead: string, which: string, rest: string, place: string, end: string) =>
        `${lead}${which} in each ${place}${rest}${end}`,
    );
  return text === p.text ? p : { ...p, text };
}
