import type { Prepared } from "./prepare.js";

/*
 * "Which BC has the most postsynaptic partners, and how many partners does it have?", "…, and what's its partner
 * count?": after a ranking, the figure asked for again by the noun the ranking was by is the figure the ranked row
 * shows. It is said as "and how many?", which the reader takes as that figure. Only the same noun: "the most
 * partners, and how many synapses does it make?" asks for another figure, and stays two questions.
 */
const RANKING = new RegExp(
  String.raw`\b(?:most|least|fewest|highest|lowest|largest|biggest|smallest|strongest|` +
    String.raw`top|max\w*|runner-up)\b`,
  "i",
);
const TAIL = new RegExp(
  String.raw`\s*,?\s+and\s+(?:` +
    String.raw`how\s+many\s+([a-z]+)\s+` +
    String.raw`(?:(?:does|do)\s+(?:it|they)\s+(?:have|make|get|receive|send|form)|is\s+that|it\s+has)` +
    String.raw`|(?:what(?:'s|\s+is|\s+are)\s+)?(?:its|their|the)\s+([a-z]+)\s+(?:count|number|total)s?` +
    String.raw`)\s*([?.!]?)\s*$`,
  "i",
);

/** The start of a noun, so "partner" finds "partners" and "synapse" finds "synapses". */
const stem = (word: string) =>
  word
    .toLowerCase()
    .replace(/(?:es|s)$/, "")
    .slice(0, 6);

export function valueAskedAgain(p: Prepared): Prepared {
  const m = TAIL.exec(p.text);
  if (!m) return p;
  const noun = m[1] ?? m[2]!;
  const before = p.text.slice(0, m.index);
  const ranking = RANKING.exec(before);
  if (!ranking || !new RegExp(String.raw`\b${stem(noun)}`, "i").test(before.slice(ranking.index))) return p;
  return { ...p, text: `${before}, and how many${m[3] || "?"}` };
}
