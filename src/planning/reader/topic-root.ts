import type { Prepared } from "./prepare.js";

const TOPIC = /^\s*(\d{15,20})\s*[:–—]\s*(\S.*)$/s;
const OWNED =
  /\b((?:(?:top|bottom|first) ?\d+ )?(?:presynaptic |postsynaptic |upstream |downstream |input |output |synaptic )?(?:targets?|partners?|inputs?|outputs?|sources?|synapses?|syn|syns|connections?))\b/i;

/**
 * "8646…: share of targets w/ at least 3 syn": a root put first, then a colon, is what the rest is
 * about: its targets, its inputs. The partner noun is given the root as owner ("share of targets of
 * 8646… w/ …"), and "its"/"it" in the rest are the root. (It had been read as a condition of the
 * part: the share of all strong connections that come from the root.) A rest with no partner noun
 * and no pronoun ("8646…: cell type?") is left as typed, for the reader's own rules.
 */
export function topicRoot(p: Prepared): Prepared {
  const m = TOPIC.exec(p.text);
  if (!m) return p;
  const [, id, rest] = m as unknown as [string, string, string];
  if (/\d{15,20}/.test(rest)) return p;
  if (/\bits?\b/i.test(rest)) {
    return { ...p, text: rest.replace(/\bits\b/gi, `${id}'s`).replace(/\bit\b/gi, id) };
  }
  if (!OWNED.test(rest)) return p;
  return { ...p, text: rest.replace(OWNED, `$1 of ${id}`) };
}
