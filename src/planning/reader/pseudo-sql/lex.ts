/**
 * Tokens of a SQL-like question, each with its place in the text, so that a part left untranslated
 * goes to the reader exactly as typed. Identifiers keep their dots and underscores (pre.cell_type,
 * pt_root_id), names their hyphens and slashes (5P-IT, L2/3); quoted strings are one token.
 */
export interface Tok {
  k: "word" | "num" | "id" | "str" | "op" | "punct";
  /** The text (a string's content without its quotes). */
  text: string;
  lower: string;
  start: number;
  end: number;
}

const PATTERNS: [Tok["k"], string][] = [
  ["str", "'[^']*'|\"[^\"]*\""],
  ["id", "\\d{15,20}(?![\\w.])"],
  // A number and a unit written together ("300um"): the unit is a token of its own (see below).
  // A minus sign belongs to a number only where no word or number ends just before ("depth < -10").
  ["num", "(?<![\\w).])-?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?=(?:um3|µm³|µm3|um|µm|μm|nm|deg|°|%)?(?![\\w/.]))"],
  ["op", ">=|<=|!=|<>|==|->|=>|<-|[=<>→←≥≤]"],
  ["word", "[A-Za-z0-9_µμΔδ]+(?:[-.+/][A-Za-z0-9_µμ]+)*\\+?|³"],
  ["punct", "[(),:;*/|\\[\\]{}?!]"],
  ["word", "\\S"],
];
const RE = new RegExp(PATTERNS.map(([, p]) => `(${p})`).join("|"), "g");

export function lex(text: string): Tok[] {
  // Curly quotes become straight ones, one character for one, so the places stay right.
  const plain = text.replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"');
  const toks: Tok[] = [];
  for (const m of plain.matchAll(RE)) {
    const i = m.slice(1).findIndex((g) => g !== undefined);
    const k = PATTERNS[i]![0];
    const raw = m[0];
    const content = k === "str" ? raw.slice(1, -1) : raw;
    toks.push({ k, text: content, lower: content.toLowerCase(), start: m.index!, end: m.index! + raw.length });
  }
  return toks;
}

/** The words of a token list as typed, from the first token's start to the last one's end. */
export function slice(text: string, toks: Tok[]): string {
  if (!toks.length) return "";
  return text.slice(toks[0]!.start, toks[toks.length - 1]!.end);
}

/** The value a token stands for: a string's content, a word, a number, an id. */
export const valueText = (t: Tok) => t.text.trim();
