import type { Prepared } from "./prepare.js";

/**
 * "percent more synapses from BC than from MC onto 23P", "by what % is V1's count higher": a relative
 * difference, which the plan language does not say (a contrast is a difference, a ratio or a sum). Read word by
 * word it had been the share of BC and MC outputs that go onto 23P, a number that looked like an answer. Kept
 * whole, so it is asked back by name. (Not "percent of …": a share.)
 */
const PERCENT_MORE = new RegExp(
  String.raw`(?:%|\bper\s?cent|\bpct)\s+(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater)\b|` +
    String.raw`\bby\s+what\s+(?:%|per\s?cent(?:age)?|pct)\b|` +
    String.raw`\bhow\s+many\s+(?:%|per\s?cent)\s+(?:more|less|fewer|higher|lower)\b`,
  "gi",
);

export function percentMore(p: Prepared): Prepared {
  const text = keptWhole(p.text, PERCENT_MORE);
  return text === p.text ? p : { ...p, text };
}

/**
 * The phrases a pattern finds, each made one word the lexicon does not know ("percent more" → "percent-more"), so
 * the reader names it when it asks back instead of reading its words apart. The pattern must be global.
 */
export const keptWhole = (text: string, pattern: RegExp): string =>
  text.replace(pattern, (m) => m.trim().replace(/\s+/g, "-"));
