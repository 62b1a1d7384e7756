/** A word of the question, with its place. */
export interface Token {
  text: string;
  lower: string;
  index: number;
}

/** The question in words and numbers, for finding the names and ids it mentions. */
export function tokenize(question: string): Token[] {
  const text = question.replace(/→|->|=>/g, " to ").replace(/[‘’]/g, "'");
  const tokens: Token[] = [];
  // "10,000" is one number (thresholds are written with thousands separators), not 10 and 000.
  const re = /\d{1,3}(?:,\d{3})+(?![\d,])|[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*\+?|[<>≥≤]=?|%/g;
  for (const m of text.matchAll(re)) {
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), index: tokens.length });
  }
  return tokens;
}
