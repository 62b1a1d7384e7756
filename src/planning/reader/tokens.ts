/** A word, number, id or symbol of the question, with its place. */
export interface Token {
  text: string;
  lower: string;
  index: number;
  /** What was typed, when `text` is its correction. */
  typed?: string;
}

/**
 * Splits a question into tokens: 18-digit ids and numbers whole ("10,000" is one number), names
 * with their inner hyphens, slashes and plus signs ("5P-ET", "L2/3", "PV+"), possessive 's apart,
 * arrows and comparison symbols as tokens of their own. "8646…" keeps its ellipsis, so a root id cut
 * short is seen as such.
 */
export function tokenize(question: string): Token[] {
  const text = question
    // ("the cell `8646…`", "'8646…'": an id pasted in quotes or code marks is the id.)
    .replace(/[`'‘’"“”´](\d{6,})[`'‘’"“”´]/g, "$1")
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\u00a0/g, " ")
    .replace(/(\d)\.{3}/g, "$1…")
    // "aren't" → "are not", "can't" → "can not": a negation is a word of its own.
    .replace(/\b(won)'t\b/gi, "will not")
    .replace(/\b(\w+)n't\b/gi, "$1 not")
    // "300-500": a range, not 300 and minus 500.
    .replace(/(\d)-(?=\d)/g, "$1 - ");
  const re = new RegExp(
    [
      "-?\\d+(?:…|\\.\\.\\.)", // a number cut short: 8646…
      "(?:-|\\+)?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d,])", // 10,000
      "(?:-|\\+)?\\d*\\.\\d+(?:e[-+]?\\d+)?", // 0.2, .3
      "(?:-|\\+)?\\d+\\+(?![\\d])", // 5+
      "(?:-|\\+)?\\d+(?:e[-+]?\\d+)?(?:st|nd|rd|th|k|%|°)?(?![A-Za-z0-9µμ]|/\\d)", // 500, 90th, 5k, 15° (not the 2 of "2/3")
      "(?:->|=>|<-|<=|>=|==|\\+/-|→|←|≥|≤|±)",
      "(?:[eE]/[iI]|[eE]:[iI]|w/o|w/|and/or|b/w|i/o)(?![A-Za-z0-9])",
      // Words and names: inner hyphens, dots and plus signs ("5P-ET", "PV+"); a slash only between digits ("L2/3").
      "[A-Za-z0-9µμΔδθ]+(?:[-.+][A-Za-z0-9µμΔδθ]+|(?<=\\d)/\\d+)*\\+?(?:\\^3|³)?",
      "'s\\b|s'(?=\\s|$)",
      "n't\\b",
      "[<>=~#%°&?!,/;:]",
      "-(?![\\d.])", // a dash between words or numbers: "300 - 500", "BC - how many"
      "[^\\s]", // anything else is a token too, so nothing the question says is dropped unread
    ].join("|"),
    "g",
  );
  const tokens: Token[] = [];
  for (const m of text.matchAll(re)) {
    const t = m[0];
    tokens.push({ text: t, lower: t.toLowerCase(), index: tokens.length });
  }
  return splitUnits(tokens);
}

/** "500um", "5000vx", "20%" written together: the number and its unit as two tokens. */
function splitUnits(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const m = /^(\d+(?:\.\d+)?)(µm³|um3|µm3|μm3|µm|um|μm|nm|vx|voxels?|deg|degrees?|°|%|k)$/i.exec(t.text);
    if (m && !/^\d+(st|nd|rd|th)$/i.test(t.text)) {
      out.push({ text: m[1]!, lower: m[1]!, index: out.length });
      out.push({ text: m[2]!, lower: m[2]!.toLowerCase(), index: out.length });
    } else out.push({ ...t, index: out.length });
  }
  return out;
}
