import type { Prepared } from "./prepare.js";

const TOPIC = /^\s*(\d{15,20})\s*[:–—]\s*(\S.*)$/s;
/** "For the ET cell 8646…, …", "for the MC I'm tracing (8646…), …": a few words naming the root, then it. */
// ("For root 8646… (a BC), list …": what is said of it in brackets after it describes it too.)
const FOR_ROOT = new RegExp(
  String.raw`^\s*(?:for|about|regarding|re:?)\s+((?:[\w/'’-]+\s+){0,5}?)\(?(\d{15,20})\)?` +
    String.raw`\s*(\([^()]{1,40}\))?\s*[,:–—]\s*(\S.*)$`,
  "is",
);
const SIDE =
  String.raw`(?:presynaptic |postsynaptic |upstream |downstream |` +
  String.raw`input |output |incoming |outgoing |synaptic )`;
const NOUN =
  String.raw`(?:targets?|partners?|inputs?|outputs?|sources?|synapses?|syn|syns|connections?|weights?|` +
  String.raw`afferents?|efferents?)`;
/** A partner noun ("top 5 input partners", "syn"); a sided one is said with its side ("outgoing connection"). */
const owned = (side: string) =>
  new RegExp(
    String.raw`\b((?:(?:top|bottom|first) ?\d+ )?${side}${NOUN}(?: (?:neurons?|cells?|synapses?|syn|partners?))?)\b`,
    "i",
  );
const OWNED = owned(`${SIDE}?`);
const SIDED_OWNED = owned(SIDE);
/** "top 3 pre types": the kinds of the partners on one side, said with that side. */
const SIDED_TYPES = new RegExp(
  String.raw`\b((?:(?:top|bottom|first) ?\d+ )?)(pre|post|presynaptic|postsynaptic|input|output|upstream|downstream)` +
    String.raw`( (?:cell )?types?)\b`,
  "i",
);
const SIDE_WORD: Record<string, string> = { pre: "presynaptic", post: "postsynaptic" };

/**
 * "8646…: share of targets w/ at least 3 syn": a root put first, then a colon, is what the rest is
 * about: its targets, its inputs. The partner noun is given the root as owner ("share of targets of
 * 8646… w/ …"). (It had been read as a condition of the part: the share of all strong connections
 * that come from the root.) A rest with no partner noun, or with a pronoun for the root ("8646…:
 * share of its inputs"), is left as typed, for the reader's own rules. "For the neuron 8646…, …" puts
 * the root first as well.
 */
export function topicRoot(p: Prepared): Prepared {
  const lead = FOR_ROOT.exec(p.text);
  // (Not "for each target of 8646…, …": words of partners or of each one are the question's own.)
  // (Nor "For 8646… and 8647…, …": two roots, neither describing the other.)
  const describes =
    lead && !/\b(each|every|all|any|of|per|targets?|partners?|inputs?|outputs?)\b|\d{15,20}/i.test(lead[1]!);
  if (lead && describes) return rootNamedFirst(p, lead[2]!, lead[4]!, `${lead[1]!.trim()} ${lead[3] ?? ""}`.trim());
  const m = TOPIC.exec(p.text);
  if (!m) return p;
  const [, id, rest] = m as unknown as [string, string, string];
  if (/\d{15,20}/.test(rest)) return p;
  // ("8646…: its top 5 downstream partners": the pronoun said first is the root, the owner of the partners.)
  const owner = /^(?:its|his|her)\s+/i.exec(rest);
  if (owner && OWNED.test(rest)) return { ...p, text: rest.slice(owner[0].length).replace(OWNED, `$1 of ${id}`) };
  // (A pronoun already points back at the root: the reader's own rules read "8646…: share of its inputs".)
  if (/\bits\b/i.test(rest)) return p;
  // ("8646…: number of partners it hits with at least five synapses": "it" is the root.)
  if (/\bit\b/i.test(rest)) return { ...p, text: rest.replace(/\bit\b/gi, id) };
  // ("8646…: top 3 pre types by syn": the types of its partners on that side; the root had no side.)
  const types = SIDED_TYPES.exec(rest);
  if (types) {
    const side = SIDE_WORD[types[2]!.toLowerCase()] ?? types[2]!;
    return { ...p, text: rest.replace(SIDED_TYPES, `${types[1]}${side}${types[3]} of ${id}`) };
  }
  if (!OWNED.test(rest)) return p;
  // ("8646…: avg syn per outgoing connection": the noun said with a side is the root's, not the first one.)
  const owned = SIDED_OWNED.test(rest) ? SIDED_OWNED : OWNED;
  return { ...p, text: rest.replace(owned, `$1 of ${id}`) };
}

/**
 * "For the ET cell 8646…, what share of its inputs …": the rest is asked of the root ("it", "its" are
 * it); the words that describe it ("the ET cell", "the MC I'm tracing") are kept as context, shown as
 * such, not read as conditions (they describe the one root named).
 */
function rootNamedFirst(p: Prepared, id: string, rest: string, described: string): Prepared {
  if (/\d{15,20}/.test(rest)) return p;
  const plain = /^((the|this|that|my|our)\s+)?(neuron|cell|root|segment|root id)?$/i.test(described);
  const context = plain ? p.context : [...p.context, described];
  let text = rest.replace(/\bits\b/gi, `${id}'s`).replace(/\bit\b/gi, id);
  if (text === rest && OWNED.test(rest)) text = rest.replace(OWNED, `$1 of ${id}`);
  // (Nothing in the rest points back at the root: the question is left as typed, for the reader.)
  if (text === rest) return p;
  return { ...p, text, context };
}

/**
 * "where 8646… is postsynaptic", "with 8646… as the presynaptic cell": the side one named cell is on. Also a
 * name of cells: "where the BC is the postsynaptic cell" had read "the postsynaptic cell" as the BC's targets.
 */
const SIDE_OF_ROOT = new RegExp(
  String.raw`\b(?:where|in which|for which|with|having)\s+(?:the\s+)?` +
    String.raw`(\d{15,20}|(?!(?:it|this|that|one|cell|cells|neuron|synapse|synapses)\s)[A-Za-z0-9][\w/-]*)` +
    String.raw`\s+(?:is|as)\s+(?:(?:on|at)\s+)?(?:the\s+|a\s+)?` +
    String.raw`(pre|post)-?syn(?:aptic)?(?:\s+(?:cell|partner|neuron|side|root|one|end))?\b`,
  "gi",
);

/**
 * "how many synapses in which 8646… is the presynaptic cell", "count synapses with 8646… as postsynaptic
 * partner": the synapses from it, or onto it (the side had been read the other way round, or the other
 * cells ranked).
 */
export function sideOfRoot(p: Prepared): Prepared {
  const text = p.text
    .replace(SIDE_OF_ROOT, (_, id: string, side: string) =>
      side.toLowerCase() === "pre" ? `from ${id}` : `onto ${id}`,
    )
    .replace(SIDE_IS, (_, side: string, place: string | undefined, name: string) => {
      const cells = place ? `cells in ${name}` : name;
      return side.toLowerCase() === "pre" ? `from ${cells}` : `onto ${cells}`;
    });
  return text === p.text ? p : { ...p, text };
}

/** "where the presynaptic cell is a BC (and the postsynaptic cell is a 23P)", "whose postsynaptic cell is in L5". */
const SIDE_IS = new RegExp(
  String.raw`\b(?:where|whose|in which|with|and)\s+(?:the\s+)?(pre|post)-?syn(?:aptic)?\s+(?:cell|partner|neuron|root)` +
    String.raw`\s+(?:is|was)\s+(?:a\s+|an\s+)?(in\s+)?([A-Za-z0-9][\w/-]*)\b`,
  "gi",
);

/**
 * "8646… top 5 post partners by # syn": a ranking said right after one root is of its partners, as
 * "8646…'s top 5 …" (the root itself had been ranked, one row).
 */
export function rootsRanking(p: Prepared): Prepared {
  const text = p.text.replace(/\b(\d{15,20})(?!'s)(\s+)(?=(?:top|bottom|first|last)\s*\d{1,3}\b)/gi, "$1's$2");
  return text === p.text ? p : { ...p, text };
}
