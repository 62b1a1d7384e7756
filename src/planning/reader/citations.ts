/**
 * Citations and references to figures and tables. They say where an idea comes from, never which
 * cells to count, so a bracketed citation, "as in Ding et al. (2025)", "(see Fig. 2)" or a leading
 * "Table 1:" can be set aside wherever it stands. A citation that is the subject of a sentence
 * ("Kim et al. (2015) define …") stays: the sentence around it is judged as a whole.
 */
export interface Span {
  start: number;
  end: number;
}

const NAME = "[A-Z][A-Za-zÀ-ÿ'’-]+";
const AUTHORS = `${NAME}(?:\\s+(?:et\\s+al\\.?|and\\s+${NAME}|&\\s+${NAME}))?`;
const YEAR = "(?:19|20)\\d{2}[a-z]?";
const ONE = `${AUTHORS},?\\s+${YEAR}(?:\\s*,\\s*${YEAR})*`;
const LEAD_IN = "(?:(?:[Ss]ee|e\\.g\\.,?|cf\\.|i\\.e\\.,?|reviewed\\s+in)\\s+(?:also\\s+)?)?";
const FIGURE =
  "(?:(?:[Ee]xtended\\s+[Dd]ata|[Ss]upplementary|[Ss]uppl?\\.?)\\s+)?" +
  "(?:[Ff]ig(?:ure)?s?\\.?|[Tt]able|[Tt]ab\\.|[Mm]ovie|[Vv]ideo|[Pp]anel)\\s*S?\\d+[A-Za-z]?" +
  "(?:\\s*[-–,]\\s*S?\\d+[A-Za-z]?|[-–][A-Za-z](?![A-Za-z]))*";

/** "(Kim et al., 2015)", "(see Kim & Lee 2015; Ko et al., 2011)". */
const BRACKETED = new RegExp(`\\(\\s*${LEAD_IN}${ONE}(?:\\s*;\\s*${LEAD_IN}${ONE})*\\s*\\)`, "g");
/** "Ding et al. (2025)", "Kim and Lee (2015)". */
const NARRATIVE = `${AUTHORS}\\s+\\(\\s*${YEAR}\\s*\\)`;
/** ", as in Ding et al. (2025)", "(as shown in Fig. 2)": only the ways of pointing at a source. */
const POINTING =
  "(?:[Aa]s\\s+(?:in|shown\\s+in|reported\\s+(?:in|by)|described\\s+in|done\\s+in|published\\s+in)" +
  "|[Ss]ee|[Cc]f\\.|[Ll]ike\\s+in)";
const AS_IN = new RegExp(`,?\\s*${POINTING}\\s+(?:${NARRATIVE}|${FIGURE})`, "g");
/** "(see Fig. 2)", "(Table S2)", "(Fig. 3b; Kim et al., 2015)". */
const FIG_BRACKETED = new RegExp(
  `\\(\\s*(?:[Ss]ee\\s+)?(?:also\\s+)?${FIGURE}(?:\\s*[;,]\\s*(?:${FIGURE}|${ONE}))*\\s*\\)`,
  "g",
);
/** "[12]", "[3, 5-7]"; not an interval ("size in [1000, 2000]", "within [0, 20]"). */
const NUMBERED = new RegExp(
  "(?<!\\b(?:in|within|between|from|of|range|interval|to)\\s*)(?<![=:<>]\\s*)" +
    "\\[\\s*\\d{1,3}(?:\\s*[-–,]\\s*\\d{1,3})*\\s*\\]",
  "gi",
);
/** "Table 1:" or "Fig. 2 -" opening a sentence: a label, not a question. */
const LABEL = new RegExp(`^\\s*${FIGURE}\\s*[:–—-]\\s*`);

/** The citations of a sentence that can be set aside, in order, not overlapping. */
export function citationSpans(sentence: string): Span[] {
  const spans: Span[] = [];
  const label = LABEL.exec(sentence);
  if (label) spans.push({ start: 0, end: label[0].length });
  for (const re of [BRACKETED, AS_IN, FIG_BRACKETED, NUMBERED]) {
    for (const m of sentence.matchAll(re)) spans.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return disjoint(spans);
}

/** A sentence whose subject is a source: "Kim et al. (2015) define …", "Table S2 lists …", "In Fig. 3b …". */
export function sourceSubject(sentence: string): boolean {
  return new RegExp(`^\\s*(?:[Ii]n\\s+)?(?:${NARRATIVE}|${FIGURE})`).test(sentence) && !LABEL.test(sentence);
}

/** The sentence with every citation and figure reference (subjects too) blanked out, for the checks. */
export function maskSources(text: string): string {
  let out = text;
  for (const re of [BRACKETED, AS_IN, FIG_BRACKETED, NUMBERED, new RegExp(NARRATIVE, "g"), new RegExp(FIGURE, "g")]) {
    out = out.replace(re, (m) => " ".repeat(m.length));
  }
  return out;
}

function disjoint(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!out.length || s.start >= out[out.length - 1]!.end) out.push(s);
  }
  return out;
}
