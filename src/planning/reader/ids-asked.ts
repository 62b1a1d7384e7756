import type { Prepared } from "./prepare.js";

// (Plural nouns only: "upstream of 8646… at weight >= 5, ids" already lists the partners it ranks.)
const PARTNER_WORDS = /\b(inputs|outputs|partners|targets|sources)\b/i;
const IDS_LAST =
  /^(.*?\w.*?)\s*(?:[?,;:—–-]+|->|→|=>|\()\s*(?:just |only |pls |please )?(?:list |give |show )?(?:the |their |give me |me )?(?:root |segment )?(ids?)(?: only| pls| please)?\s*\)?\s*[?.!]*$/i;

const IDS_FIRST = new RegExp(
  String.raw`^(?:(?:give|show|send|list)\s+(?:me\s+)?)?(?:the\s+)?(?:root |segment )?ids?` +
    String.raw`(?:\s*,?\s*(?:pls|please))?\s*(?:[:—–]|-\s)\s*(.+)$`,
  "i",
);

/** A list, a ranking or a "which" shows its cells' ids already ("5PNP w max gOSI - id": the one ranked first). */
const SHOWS_ITS_CELLS =
  /\b(list|ids?|top|most|least|highest|lowest|max|min|maximum|minimum|largest|smallest|biggest|which|who)\b/i;

/** "top 5 23P by OSI → root ids": the ids asked after an arrow. */
const IDS_AFTER_ARROW = /(?:->|→|=>)\s*(?:just |only |pls |please )?(?:the |their )?(?:root |segment )?ids?\b/i;

/** "List the root ids of the inhibitory neurons that are coregistered": the ids of cells, listed. */
const IDS_OF = /^(?:list|give|show)\s+(?:me\s+)?(?:the\s+|all\s+)?(?:root |segment )?ids\s+(?:of|for)\s+(.+)$/i;

/** "ids w/ >=3 syn onto 8646…", "root ids that get input from 8646…": the ids of the roots said after them. */
const IDS_OF_ROOTS_WITH = new RegExp(
  String.raw`^(?:(?:list|give|show)\s+(?:me\s+)?)?(?:the\s+|all\s+)?(?:root\s+|segment\s+)?ids\s+` +
    String.raw`(?=(?:w\/|with|that|which|whose|having)\s)`,
  "i",
);

/**
 * "NGCs in L1? ids", "MCs with >100 output synapses — ids", "L6 CT cells w/ volume > 360 -> root ids":
 * ids asked for last are a list of them.
 */
export function idsAsked(p: Prepared): Prepared {
  // ("root ids: 5P-NP in RL": ids asked for first, before a colon or a dash, are a list too.)
  // ("give me root ids: SST cells whose …", "ids pls: …", "Root ids, please: …": asked for as a request.)
  if (IDS_OF_ROOTS_WITH.test(p.text)) return { ...p, text: p.text.replace(IDS_OF_ROOTS_WITH, "list roots ") };
  const first = IDS_FIRST.exec(p.text) ?? IDS_OF.exec(p.text);
  if (first && !/\b\d{4,}\b/.test(first[1]!)) return { ...p, text: `list ${first[1]!.replace(/[?!.]+$/, "")}` };
  const m = IDS_LAST.exec(p.text);
  if (!m || /(->|→|>)\s*$/.test(m[1]!)) return p;
  // (A ranking or a "which" shows its cells' ids already, and "list" would fight it: the ids asked are
  // what it shows. "which 5P-IT neurons get input from 8646…? just the ids".)
  if (SHOWS_ITS_CELLS.test(m[1]!)) {
    // ("top 5 23P by OSI → root ids": after an arrow too; ids-not-given.ts holds the reading to showing them.)
    // ("per area: 23P root w/ most input syn (ids)": in brackets too.)
    const arrow = IDS_AFTER_ARROW.test(p.text) || /\(\s*(?:root\s+|segment\s+)?ids?\s*\)\s*[?.!]*$/i.test(p.text);
    return (/\b(which|who)\b/i.test(m[1]!) || arrow) && !/\b(list|ids?)\b/i.test(m[1]!) ? { ...p, text: m[1]! } : p;
  }
  // ("nucleus 1234 -> root id?": the id of one named cell is a look-up, not a list; but "coreg'd inputs
  // to 8646… - root ids pls" asks for the ids of its partners, which had been dropped for a count.)
  const partnersOfOne = /s$/i.test(m[2]!) && PARTNER_WORDS.test(m[1]!);
  if (/\b\d{4,}\b/.test(m[1]!) && !partnersOfOne) return p;
  return { ...p, text: `list ${m[1]!.replace(/[?!.]+$/, "")}` };
}
