import type { Prepared } from "./prepare.js";

/*
 * "top 3 MC -> post types by # syn", "top 5 BC→ target areas": a top-k said before a flow whose other side is a
 * grouping is of the groups, as in "MC -> post types, top 3 by # syn". It had been the top 3 Martinotti cells,
 * each cell with its own target types.
 */
const TOP_BEFORE_FLOW = new RegExp(
  String.raw`\b((?:top|bottom)\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten))\s+` +
    String.raw`([A-Za-z0-9][\w/-]*(?:\s+(?:cells?|neurons?))?\s*(?:->|→|=>|to|onto)\s*` +
    String.raw`(?:(?:pre|post)(?:syn(?:aptic)?)?\s+|target\s+|source\s+)?` +
    String.raw`(?:cell\s+|m-?)?(?:types?|areas?|layers?|classes|subclasses))\b`,
  "gi",
);

export function topOfFlow(p: Prepared): Prepared {
  const text = p.text.replace(TOP_BEFORE_FLOW, (_all, top: string, flow: string) => `${flow}, ${top}`);
  return text === p.text ? p : { ...p, text };
}
