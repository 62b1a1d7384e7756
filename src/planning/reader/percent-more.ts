import type { Prepared } from "./prepare.js";

/**
 * "percent more synapses from BC than from MC onto 23P", "by what % is V1's count higher": a relative
 * difference, which the plan language does not say (a contrast is a difference, a ratio or a sum). Read word by
 * word it had been the share of BC and MC outputs that go onto 23P, a number that looked like an answer. Kept
 * whole, so it is asked back by name. (Not "percent of …": a share.)
 */
const PERCENT_MORE = new RegExp(
  String.raw`(?:%|\bper\s?cent|\bpct)\s+(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater)\b|` +
    String.raw`\bby\s+what\s+(?:%|per\s?cent(?:age)?|pct)\b|\bhow\s+many\s+(?:%|per\s?cent)\s+(?:more|less|fewer|higher|lower)\b`,
  "gi",
);

export function percentMore(p: Prepared): Prepared {
  const text = p.text.replace(PERCENT_MORE, (m) => m.trim().replace(/\s+/g, "-"));
  return text === p.text ? p : { ...p, text };
}
