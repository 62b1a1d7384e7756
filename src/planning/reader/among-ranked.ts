import type { Prepared } from "./prepare.js";
import { SMALL_COUNT } from "./spelled-numbers.js";

/** "Among the BCs, …": the cells a ranking is of, said first. */
const AMONG =
  /^(\s*(?:in\s+[^,:;?]{1,30},\s*)?)(?:among|amongst|of|out\s+of)\s+(?:all\s+)?(?:the\s+)?([^,:;?]+?)\s*[,:;]\s*(.+)$/i;
const COUNT = SMALL_COUNT;
const SUPERLATIVE = "closest|nearest|deepest|shallowest|largest|biggest|smallest|highest|lowest|strongest|most|least";
/** Where the ranking is said in the rest: "the top 5 …", "rank by …", "the three closest to the pia". */
const RANKED = new RegExp(
  String.raw`^((?:(?:please|pls|give\s+me|show\s+me|list|what\s+are|which\s+are|who\s+are)\s+)*(?:the\s+)?)` +
    String.raw`(top\s+${COUNT}|rank(?:ed)?|${COUNT}(?=\s+(?:with\s+the\s+)?(?:${SUPERLATIVE})\b))\b(.*)$`,
  "i",
);

/**
 * "Among the BCs, the top 5 by output synapses", "Among the axon-proofread cells, rank by number of output
 * synapses": the cells said first are the ones ranked, read as "the top 5 BCs by output synapses". (The ranking
 * had nothing to rank and was asked back.) Only when the rest names no cells of its own.
 */
export function amongRanked(p: Prepared): Prepared {
  const m = AMONG.exec(p.text);
  if (!m) return p;
  const [, place, cells, rest] = m as unknown as [string, string, string, string];
  const r = RANKED.exec(rest);
  if (!r || /\b(cells?|neurons?|them|those|these|partners?|targets?|inputs?)\b/i.test(r[3]!.split(/\bby\b/i)[0]!)) {
    return p;
  }
  const [, lead, rank, after] = r as unknown as [string, string, string, string];
  return { ...p, text: `${place}${lead}${rank} ${/^rank/i.test(rank) ? "the " : ""}${cells}${after}` };
}

/** "among 23Ps only, who are 8646…'s 3 strongest targets": cells said first, then one root's partners. */
const AMONG_FIRST = /^\s*(?:among|amongst)\s+(?:the\s+)?([^,:;?]+?)(?:\s+only)?\s*[,:;]\s*(.+)$/i;
const ONE_ROOTS_PARTNERS = /\b(\d{15,20}'s\s+(?:[\w-]+\s+){0,3}?(?:targets|inputs|partners|sources))\b/i;

/**
 * "among 23Ps only, who are 8646…'s 3 strongest targets by syn count": the cells said first are the partners
 * ranked ("… targets that are 23Ps"); they had been put on the root's side too, which no answer could meet.
 */
export function amongPartners(p: Prepared): Prepared {
  const m = AMONG_FIRST.exec(p.text);
  if (!m || !ONE_ROOTS_PARTNERS.test(m[2]!) || /\d{15,20}/.test(m[1]!)) return p;
  return { ...p, text: m[2]!.replace(ONE_ROOTS_PARTNERS, `$1 that are ${m[1]!.trim()},`) };
}

/** "L2/3 pyramidal only: top 5 cells by synapses received": the cells said with "only", then "top N cells". */
const ONLY_THEN_TOP = new RegExp(
  String.raw`(^|[,;]\s*)((?:(?![,:;?])[^\d\s][^,:;?]{0,38}?))\s+only\s*[:,;]\s*((?:the\s+)?top\s+${COUNT})\s+` +
    String.raw`(cells|neurons|roots)\b`,
  "i",
);

/**
 * "Most synapses received, L2/3 pyramidal only: top 5 cells?": the cells said with "only" are the ones ranked,
 * read as "top 5 L2/3 pyramidal cells" (the 23P cells had been the receivers, and their senders ranked).
 */
export function onlyThenTop(p: Prepared): Prepared {
  const text = p.text.replace(ONLY_THEN_TOP, (_all, lead: string, cells: string, top: string, head: string) => {
    return `${lead}${top} ${cells.trim()} ${head}`;
  });
  return text === p.text ? p : { ...p, text };
}

/** "how many get …", "how many of them receive …": a count whose subject is the cells said first. */
const VERBS = "get|gets|receive|receives|make|makes|send|sends|have|has|are|is|were|form|forms|contact|contacts";
const HOW_MANY_VERB = new RegExp(
  String.raw`^how\s+many(?:\s+of\s+(?:them|these|those))?\s+(?=(?:${VERBS})\b)(.*)$`,
  "i",
);

/**
 * "Among the coregistered cells, how many get 2 or more synapses from proofread axons?": the cells said first are
 * the ones counted, read as "how many coregistered cells get …" (they had been put on both sides of the synapses,
 * and the count taken of synapses, or of cells that were both).
 */
export function amongCounted(p: Prepared): Prepared {
  const m = AMONG.exec(p.text);
  if (!m) return p;
  const [, place, cells, rest] = m as unknown as [string, string, string, string];
  const h = HOW_MANY_VERB.exec(rest);
  if (!h || /\d{15,20}/.test(cells)) return p;
  return { ...p, text: `${place}how many ${cells} ${h[1]}` };
}

/** "Top three by incoming synapse count, please, among the 23P cells located in area RL." */
const AMONG_LAST = new RegExp(
  String.raw`^\s*((?:the\s+)?top\s+${COUNT}\s+by\s+[^,;:?]+?)(?:\s*,\s*(?:please|pls)\s*)?\s*,?\s+` +
    String.raw`(?:among|amongst)\s+(?:all\s+)?(?:the\s+)?([^,;:?]+?)\s*([?.!]*)\s*$`,
  "i",
);

/** A ranking said first and the cells it ranks after "among": read as "among the 23P cells in RL, top three by …". */
export function amongSaidLast(p: Prepared): Prepared {
  const m = AMONG_LAST.exec(p.text);
  if (!m) return p;
  return { ...p, text: `among ${m[2]!.trim()}, ${m[1]!.trim()}${m[3] ?? ""}` };
}
