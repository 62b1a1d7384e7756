import type { Prepared } from "./prepare.js";

/** A request before it: "can someone tell me …". */
const ASKING =
  String.raw`(?:(?:can|could|would)\s+(?:someone|somebody|anyone|you)\s+` +
  String.raw`(?:please\s+)?(?:tell|give|show)\s+me\s+)?`;
/** "the cell types of these four roots:", "types pls:", "cell-type labels for". */
const TYPES_OF =
  String.raw`(?:the\s+)?(?:cell[\s-]?)?types?(?:\s+labels?)?` + String.raw`(?:\s+(?:pls|please))?\s*(?:of|for)?\s*`;
const WHICH_ONES =
  String.raw`(?:(?:these|those|the)\s+)?` +
  String.raw`(?:\d+\s+|two\s+|three\s+|four\s+|five\s+|six\s+)?(?:roots?|cells?|segments?|ids?)?`;
const IDS = String.raw`((?:\d{15,20}(?:\s*,\s*|\s+and\s+|\s*&\s*|\s+)?)+)`;
const TYPES_OF_IDS = new RegExp(String.raw`^\s*${ASKING}${TYPES_OF}${WHICH_ONES}\s*[:,]?\s*${IDS}\s*[?.!]*\s*$`, "i");

/**
 * "types pls: 8646…A 8646…B 8646…C", "Can someone tell me the cell types of these four roots: A, B, C, D?": the
 * type of each root pasted, read as "what are the cell types of A, B, C?" (it had been asked what to do with
 * them).
 */
export function typesOfIds(p: Prepared): Prepared {
  const m = TYPES_OF_IDS.exec(p.text);
  if (!m) return p;
  const ids = m[1]!.match(/\d{15,20}/g)!;
  if (ids.length < 2) return p;
  return { ...p, text: `what are the cell types of ${ids.join(", ")}?` };
}
