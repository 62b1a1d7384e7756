import type { Prepared } from "./prepare.js";

const TOPIC =
  /^\s*(?:(?:for|about|regarding|re:?)\s+(?:the\s+)?(?:neuron|cell|root|segment|root id)?\s*(\d{15,20})\s*[,:–—]|(\d{15,20})\s*[:–—])\s*(\S.*)$/is;
const OWNED =
  /\b((?:(?:top|bottom|first) ?\d+ )?(?:presynaptic |postsynaptic |upstream |downstream |input |output |incoming |outgoing |synaptic )?(?:targets?|partners?|inputs?|outputs?|sources?|synapses?|syn|syns|connections?|weights?|afferents?|efferents?)(?: (?:neurons?|cells?|synapses?|syn|partners?))?)\b/i;

/**
 * "8646…: share of targets w/ at least 3 syn": a root put first, then a colon, is what the rest is
 * about: its targets, its inputs. The partner noun is given the root as owner ("share of targets of
 * 8646… w/ …"). (It had been read as a condition of the part: the share of all strong connections
 * that come from the root.) A rest with no partner noun, or with a pronoun for the root ("8646…:
 * share of its inputs"), is left as typed, for the reader's own rules. "For the neuron 8646…, …" puts
 * the root first as well.
 */
export function topicRoot(p: Prepared): Prepared {
  const m = TOPIC.exec(p.text);
  if (!m) return p;
  const id = (m[1] ?? m[2])!;
  const rest = m[3]!;
  if (/\d{15,20}/.test(rest)) return p;
  // (A pronoun already points back at the root: the reader's own rules read "8646…: share of its inputs".)
  if (/\bits\b/i.test(rest)) return p;
  // ("8646…: number of partners it hits with at least five synapses": "it" is the root.)
  if (/\bit\b/i.test(rest)) return { ...p, text: rest.replace(/\bit\b/gi, id) };
  if (!OWNED.test(rest)) return p;
  return { ...p, text: rest.replace(OWNED, `$1 of ${id}`) };
}
