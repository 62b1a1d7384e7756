import type { Prepared } from "./prepare.js";

/*
 * Someone else's words pasted before the question: 'Sam pasted this in #general: "RL seems to have loads of
 * deep-layer output cells". I'd like to check that myself. …', 'Someone wrote in #wiring: "PV cells get mostly
 * single-synapse inputs".' The quote is what is to be checked, not the question; the sentence is context. The
 * question must still follow it (a quote alone is left for the reader).
 */
const QUOTED = new RegExp(
  String.raw`(?:^|(?<=[.!?]\s+))[^.!?"“”]{0,80}\b(?:wrote|writes|pasted|posted|said|says|claimed|` +
    String.raw`claims|mentioned|argued|told\s+(?:me|us)|asked)\b[^.!?"“”]{0,40}?[:,]?\s*` +
    String.raw`["“][^"“”]{3,200}["”]\s*[.!?]?\s*`,
  "i",
);

/**
 * "Some cells show up in more than one scan, I know, and I just want each cell once.": what the asker knows of the
 * data, said of "some cells" before the question; a whole sentence, never a condition on the cells asked about.
 */
const KNOWN = new RegExp(
  String.raw`(?:^|(?<=[.!?]\s+))(?:some|many|a\s+few)\s+(?:cells|neurons|units|roots)\s+(?:seem\s+to\s+)?` +
    String.raw`(?:show\s+up|appear|are|were|be)\s+(?:(?:imaged|recorded|matched)\s+)?in\s+` +
    String.raw`(?:more\s+than\s+one|several|multiple|two|2|both)\s+(?:(?:imaging|two-photon|2p)\s+)?` +
    String.raw`(?:scans?|sessions?)\b[^.?!]*[.!]\s*`,
  "i",
);

export function quotedClaims(p: Prepared): Prepared {
  const m = QUOTED.exec(p.text) ?? KNOWN.exec(p.text);
  if (!m) return p;
  const text = (p.text.slice(0, m.index) + p.text.slice(m.index + m[0].length)).trim();
  if (!/[?]|\b(?:how|what|which|who|list|count|give|show)\b/i.test(text)) return p;
  return { ...p, text, context: [...p.context, m[0].trim()] };
}
