import type { Prepared } from "./prepare.js";

/** A request to list said after the question, about the cells it named: "…? list them", ", list root ids pls". */
const LIST_LAST = new RegExp(
  String.raw`^(.*?[^\s,;:?.!])\s*[,;:?.!]+\s*(?:pls\s+|please\s+|and\s+)?list\s+` +
    String.raw`(?:them|those|these|their\s+(?:root\s+)?ids|(?:the\s+)?(?:root\s+)?ids|(?:the\s+)?roots)` +
    String.raw`(?:\s+(?:pls|please))?\s*[?.!]*\s*$`,
  "i",
);

/**
 * "inhibitory neurons → 8646…, list root ids", "8646… → any 6P-CT? list them": the list asked last is asked of
 * the question before it, read as "list inhibitory neurons → 8646…". (The "list" had been left unread.)
 */
export function listSaidLast(p: Prepared): Prepared {
  const m = LIST_LAST.exec(p.text);
  if (!m || /\blist\b/i.test(m[1]!)) return p;
  return { ...p, text: `list ${m[1]!.replace(/^(?:which|what)\s+(?:are\s+)?/i, "")}` };
}
