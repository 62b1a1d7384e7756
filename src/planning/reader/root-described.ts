import type { Prepared } from "./prepare.js";

/*
 * "Here's a thick-tufted cell, 8646…: …", "Pasting a 5P-ET cell, 8646… — …", "Root 8646… is a PV basket cell, and
 * …": a pasted root described by its kind, before or after it, is said the way the reader reads a description of
 * one root, "8646… (a thick-tufted cell)". Whether the words name a kind is left to the reader, as in brackets.
 */
const LEAD_IN =
  String.raw`(?:(?:here's|here\s+is|pasting|pasted|i\s+pasted|take|got|consider|` +
  String.raw`i\s+have|i've\s+got)\s+)?`;
const KIND_BEFORE = new RegExp(
  String.raw`(^|[.!?]\s+)${LEAD_IN}(?:a|an|the|this|my)\s+([a-z][^,:;.?()\d]{1,40}?)(?:\s*[,:]\s*|\s+(?=root\b))` +
    String.raw`(?:root\s+(?:id\s+)?)?(\d{15,20})\s*([:.,;]|\s[-–—])`,
  "i",
);
/** A statement, not "is 8646… a BC?": the root first, then what it is, then more of the message. */
const KIND_AFTER = new RegExp(
  String.raw`(^|[.!?]\s+)(?:root\s+(?:id\s+)?)?(\d{15,20})\s+is\s+` +
    String.raw`(an?\s+[a-z][^,:;.?()\d]{1,40}?)\s*(,\s*and\b|[.;:])` +
    String.raw`(?=\s*\S+\s+\S+\s+\S+)`,
  "i",
);

/** "8646…A and 8646…B are both L2/3 pyramidal cells; how many …": two roots and their one kind, then the ask. */
const BOTH_KIND = new RegExp(
  String.raw`(^|[.!?]\s+)(\d{15,20}\s*(?:,|and|&)\s*\d{15,20})\s+are\s+both\s+([a-z0-9][^,:;.?()]{1,40}?)\s*[;:,.]` +
    String.raw`(?=\s*\S+\s+\S+\s+\S+)`,
  "i",
);

export function rootDescribed(p: Prepared): Prepared {
  const text = p.text
    .replace(KIND_BEFORE, (_all, start: string, kind: string, root: string, end: string) => {
      const stop = /[-–—]/.test(end) ? ":" : end;
      return `${start}${root} (a ${kind.replace(/^an?\s+/i, "")})${stop}`;
    })
    .replace(KIND_AFTER, (_all, start: string, root: string, kind: string, end: string) => {
      const stop = end.startsWith(",") ? ":" : end;
      return `${start}${root} (${kind})${stop}`;
    })
    .replace(BOTH_KIND, (_all, start: string, roots: string, kind: string) => `${start}${roots} (${kind}):`);
  return text === p.text ? p : { ...p, text };
}

/*
 * "For the basket cell 8646…A and the Martinotti cell 8646…B, how many partners does each one contact …?": two
 * roots named first, each perhaps with its kind, then a question of "each one". Said as the reader reads a question
 * of two roots, "how many partners do 8646…A and 8646…B each contact …". (Words before a root are only its kind:
 * not "of", "from" or "in", which would name other cells.)
 */
const NOT_KIND = String.raw`(?!(?:of|from|onto|to|in|into|with|by)\b)`;
const KIND_WORDS = String.raw`(?:(?:the|a|an|cell|root)\s+)?(?:${NOT_KIND}[\w/-]+\s+){0,3}?`;
const TWO_ROOTS_FIRST = new RegExp(
  String.raw`^\s*(?:for|of|with|take|taking)\s+${KIND_WORDS}(\d{15,20})(?:\s*\([^)]*\))?\s+(?:and|&|vs\.?)\s+` +
    String.raw`${KIND_WORDS}(\d{15,20})(?:\s*\([^)]*\))?\s*[,:]\s*how\s+many\s+(.+?)\s+(?:does|do)\s+` +
    String.raw`(?:each(?:\s+one|\s+of\s+them)?|they(?:\s+each)?)\s+(\w+)(.*)$`,
  "i",
);

export function twoRootsFirst(p: Prepared): Prepared {
  const m = TWO_ROOTS_FIRST.exec(p.text);
  if (!m) return p;
  const [, a, b, what, verb, rest] = m as unknown as [string, string, string, string, string, string];
  return { ...p, text: `how many ${what} do ${a} and ${b} each ${verb}${rest}` };
}
