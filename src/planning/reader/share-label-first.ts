import type { Prepared } from "./prepare.js";

/*
 * "% proofread: BC vs MC vs BPC", "% coreg — 5P-IT vs 5P-NP": a share named first, as a heading, then the cells
 * compared, each one's own share. Said as "% of BC vs MC vs BPC that are proofread". Only a heading of a few words and
 * only names compared after it (a "vs", "/" or "," between them, no verb), so nothing else is read into it. Not a
 * kind of cell as the heading: "% inh: V1 vs RL" is of every cell there, or of the neurons?
 */
/** Not a class ("% inh: V1 vs RL"): of every cell there, or of the neurons? Left to the reader, which asks. */
const NOT_CLASS = String.raw`(?!(?:inh|exc|inhibitory|excitatory|e|i|glia|neurons?)\b)`;
const NAMES = String.raw`[\w/-]+(?:\s+(?:cells?|neurons?))?`;
const SHARE_FIRST = new RegExp(
  String.raw`^\s*(%|pct|percent(?:age)?|share|frac(?:tion)?|proportion)\s+` +
    String.raw`${NOT_CLASS}((?:[\w'-]+\s*){1,3}?)\s*[:—–-]\s*` +
    String.raw`(${NAMES}(?:\s*(?:vs\.?|versus|\/|,|and)\s*${NAMES})+)\s*([?.!]?)\s*$`,
  "i",
);

export function shareLabelFirst(p: Prepared): Prepared {
  const m = SHARE_FIRST.exec(p.text);
  if (!m) return p;
  const [, share, state, names, end] = m as unknown as [string, string, string, string, string];
  return { ...p, text: `${share} of ${names.trim()} that are ${state.trim()}${end || "?"}` };
}

/** "inh neurons: % w/ nuc vol > 300 um3", "BCs - pct coregistered": the cells first, as a heading, then their share. */
const CELLS_FIRST = new RegExp(
  String.raw`^\s*((?:[\w/'-]+\s+){0,3}[\w/'-]+)\s*[:—–]\s*(%|pct|percent(?:age)?|frac(?:tion)?|proportion)\s+` +
    String.raw`(?!of\b)((?:w\/|(?:with|that|which|who|having|are|is|coreg|proofread)\b).*)$`,
  "i",
);

export function cellsFirstThenShare(p: Prepared): Prepared {
  const m = CELLS_FIRST.exec(p.text);
  if (!m) return p;
  const [, cells, share, rest] = m as unknown as [string, string, string, string];
  // (Not of a root's partners, pointed back at: "8646… out-partners: % w/ >=5 syn from it" is read as said.)
  // (Nor of cells said with a condition of their own: "23P w/ func data: % with gOSI > 0.2" keeps its colon.)
  if (/\d{15,20}|\bw\/|\b(?:with|that|which|who|having)\b/i.test(cells)) return p;
  if (/\b(?:it|its|they|them|their)\b/i.test(rest)) return p;
  return { ...p, text: `${share} of ${cells.trim()} ${rest}` };
}

/** "Of all the …", "Among the …", "Out of …": cells said first, before what is asked of them. */
const CELLS_FIRST_LEAD = String.raw`^\s*(?:of|out\s+of|among)\s+(?:all\s+)?(?:the\s+)?`;

/** "Of all the L5 IT cells, what share, in percent, receive …": the cells said first, then the share of them. */
const ALL_CELLS_FIRST = new RegExp(
  CELLS_FIRST_LEAD +
    String.raw`((?:[\w/'-]+\s+){0,4}?(?:cells|neurons|interneurons))` +
    String.raw`\s*,\s*(what|which)\s+(share|fraction|proportion|percent(?:age)?|%|pct)` +
    String.raw`\s*(?:,\s*in\s+percent\s*)?,?\s*` +
    String.raw`(?=(?:receiv|get|make|send|form|have|has|are|were|is|sit|lie|fall|exceed|show)\w*\b)`,
  "i",
);

export function allCellsThenShare(p: Prepared): Prepared {
  const m = ALL_CELLS_FIRST.exec(p.text);
  if (!m || /\d{15,20}/.test(m[1]!)) return p;
  return { ...p, text: `${m[2]} ${m[3]} of ${m[1]} ${p.text.slice(m[0].length)}` };
}

/** "Among all the cells presynaptic to 8646…, how many have …": the cells said first, then how many of them. */
const AMONG_HOW_MANY = new RegExp(
  CELLS_FIRST_LEAD +
    String.raw`([^,?]{0,40}\b(?:cells|neurons|partners|targets|inputs|roots)\b[^,?]{0,60}?)\s*,\s*how\s+many\s+` +
    String.raw`(?=(?:of\s+them\s+)?(?:have|has|had|are|were|is|get|receive|make|send)\b)`,
  "i",
);

export function amongHowMany(p: Prepared): Prepared {
  const m = AMONG_HOW_MANY.exec(p.text);
  if (!m) return p;
  return { ...p, text: `how many of the ${m[1]!.trim()} ${p.text.slice(m[0].length).replace(/^of\s+them\s+/i, "")}` };
}

/** "what share of PV basket cells sits shallower than 300 µm": the part said with "sits", as with "are". */
const SHARE_SITS = new RegExp(
  String.raw`\b((?:share|fraction|percent(?:age)?|proportion|%)\s+of\s+` +
    String.raw`(?:(?!\b(?:whose|that|which|with|where|who)\b)[^?]){1,60}?)\s+` +
    String.raw`(?:sits|sit|lies|lie|falls?|occurs?|appears?|is\s+located|are\s+located|is\s+found|are\s+found)\s+`,
  "i",
);

export function shareSits(p: Prepared): Prepared {
  const text = p.text.replace(SHARE_SITS, "$1 are ");
  return text === p.text ? p : { ...p, text };
}
