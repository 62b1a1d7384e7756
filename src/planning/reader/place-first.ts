import type { Prepared } from "./prepare.js";

/*
 * "In V1, how many synapses from MC onto 5P-ET?", "V1 only: synapse count onto 5P-ET from SST cells in L5",
 * "…, everything in V1": an area said of a whole flow, before it or after it, holds on both of its sides, as
 * "within V1" says (the place had fitted no side and been asked about, or gone onto one side only).
 */

const AREA = String.raw`(V1|RL|AL|LM)`;
const FIRST = new RegExp(
  String.raw`^\s*(?:(?:looking\s+)?(?:only\s+)?(?:at|in|within|for)\s+|only\s+)?${AREA}(?:\s+only)?\s*[:,]\s+(.+)$`,
  "i",
);
const LAST = new RegExp(
  String.raw`,\s*(?:everything|all|both(?:\s+sides)?)\s+(?:in|within)\s+${AREA}(\s*[?.!]*)\s*$`,
  "i",
);
/**
 * A flow with both its sides named: "from … onto …", "… → …", "… make onto …", "… get from …", "pre …, post …".
 */
const FLOW = new RegExp(
  [
    String.raw`\bfrom\b[^?]*\b(?:onto|to|into)\b`,
    String.raw`\b(?:onto|to|into)\b[^?]*\bfrom\b`,
    String.raw`→|->`,
    String.raw`\b(?:make|makes|form|forms|send|sends)\b[^?]*\b(?:onto|to)\b`,
    String.raw`\b(?:get|gets|receive|receives)\b[^?]*\bfrom\b`,
    // Each side labelled by its role (role-labels.ts said it so).
    String.raw`^\s*(?:pre\s[^?]*,\s*post|post\s[^?]*,\s*pre)\s`,
  ].join("|"),
  "i",
);
const OTHER_AREA = /\b(V1|RL|AL|LM|HVAs?|higher\s+visual\s+areas?)\b/i;

/** "counting only V1 cells on both sides", "both sides in V1": the same, said of the sides. */
const BOTH_SIDES = new RegExp(
  String.raw`\b(?:counting\s+)?(?:only\s+)?(?:${AREA}\s+(?:cells\s+|neurons\s+)?on\s+both\s+sides` +
    String.raw`|both\s+sides\s+(?:in|within)\s+${AREA})\b`,
  "gi",
);

export function placeFirst(p: Prepared): Prepared {
  if (p.text.search(BOTH_SIDES) >= 0) {
    const text = p.text.replace(BOTH_SIDES, (_all, a?: string, b?: string) => `within ${a ?? b}`);
    return FLOW.test(text) || /\bsynapses?\b|\bsyn\b/i.test(text) ? { ...p, text } : p;
  }
  const first = FIRST.exec(p.text);
  if (first && FLOW.test(first[2]!) && !OTHER_AREA.test(first[2]!)) {
    return {
      ...p,
      text: `${first[2]!.replace(/\s*([?.!]*)\s*$/, "")} within ${first[1]}${/\?\s*$/.test(p.text) ? "?" : ""}`,
    };
  }
  const last = LAST.exec(p.text);
  const before = last ? p.text.slice(0, last.index) : "";
  if (last && FLOW.test(before) && !OTHER_AREA.test(before))
    return { ...p, text: `${before} within ${last[1]}${last[2]}` };
  return p;
}
