import type { Prepared } from "./prepare.js";

/**
 * "# neurons in L4 (by soma depth; excl. glia)": a semicolon inside brackets joins two remarks of one
 * question; it does not end a question (it had been read as two questions in one).
 */
export function bracketSemicolons(p: Prepared): Prepared {
  const text = p.text.replace(/\(([^()]*)\)/g, (all, inside: string) =>
    inside.includes(";") ? `(${inside.replace(/\s*;\s*/g, ", ")})` : all,
  );
  return text === p.text ? p : { ...p, text };
}

/** One short name: "V1", "L2/3", "5P-IT", "BC". */
const NAME = String.raw`[A-Za-z0-9][\w/-]{0,5}`;
const NAME_LIST = new RegExp(String.raw`(?<=\s)\((${NAME}(?:\s*,\s*${NAME})+(?:\s*,?\s+(?:and|or)\s+${NAME})?)\)`, "g");

/**
 * "per visual area (V1, RL, AL, LM), the number of neurons": a list of short names in brackets is one list, said
 * with slashes as "(V1/RL/AL/LM)" is (its commas had split it: "V1" one group and "RL/AL/LM" another).
 */
export function bracketLists(p: Prepared): Prepared {
  const text = p.text.replace(
    NAME_LIST,
    (_all, inside: string) => `(${inside.split(/\s*,\s*|\s*,?\s+(?:and|or)\s+/).join("/")})`,
  );
  return text === p.text ? p : { ...p, text };
}

/** "from MCs, and from BCs": a preposition said again after a comma and "and". */
const SAID_AGAIN = /\b(from|onto|by)(\s+[^,;:?()]{1,40}?),\s+and\s+\1\b/gi;

/**
 * "how many synapses on average from MCs, and from BCs?": the comma before "and" ends no clause when the same
 * preposition follows; the two are one list (the comma had split them, one group read as both MC and BC).
 */
export function prepositionSaidAgain(p: Prepared): Prepared {
  const text = p.text
    .replace(SAID_AGAIN, (_all, prep: string, what: string) => `${prep}${what} and ${prep}`)
    .replace(TWICE, "$1$2 and");
  return text === p.text ? p : { ...p, text };
}

/**
 * "onto SST cells and onto PV cells": one list of one side, said as "onto SST cells and PV cells". (Read as two
 * sides, the grouping per target type had been asked back.) Not past another preposition: "from BC onto 23P and
 * from MC onto 4P" are two flows.
 */
const TWICE = /\b(onto|into|from)((?:\s+(?!(?:onto|into|from|to|by|and|or|vs)\b)[^\s,;:?()]+){1,4})\s+and\s+\1\b/gi;

/** "(RL, AL and LM together)", "(RL+AL+LM)": the three higher visual areas, spelled out in brackets. */
const HVA_SPELLED =
  String.raw`\(\s*(?:(?:RL|AL|LM)\s*(?:,|\+|\/|&|\band\b|\bor\b)?\s*){3}` +
  String.raw`(?:together|combined|pooled)?\s*\)`;
const HVA_SAID = new RegExp(
  String.raw`\b(higher[-\s]+visual\s+areas?|HVAs?)((?:\s+(?:neurons?|cells?))?)\s*${HVA_SPELLED}`,
  "gi",
);

/**
 * "onto neurons in the higher visual areas (RL, AL and LM together)", "V1 → HVAs (RL+AL+LM)": the areas in
 * brackets only spell out the name before them, which is read as the three pooled (the bracket had been read as
 * one more group, or left unread).
 */
export function hvaSpelledOut(p: Prepared): Prepared {
  const text = p.text.replace(HVA_SAID, "$1$2");
  return text === p.text ? p : { ...p, text };
}

/** A restriction said in a word or two: an area, or a layer with its soma ("L5 soma", "layer 4 somata"). */
const KINDS: [string, RegExp][] = [
  ["area", /^(?:V1|RL|AL|LM)$/i],
  ["layer", /^(?:L|layer\s*)(?:1|2\/3|23|2|3|4|5|6)(?:\s+(?:soma|somas|somata|cells?|neurons?))?$/i],
];
const RESTRICTIONS = /\(([^(),]{1,20}(?:,\s*[^(),]{1,20}){1,3})\)/g;

/**
 * "BC(V1, L5 soma) -> 5P-IT(V1)": restrictions of different kinds listed in brackets after cells all hold of them,
 * as "(V1 L5 soma)" does. (Names of one kind in brackets are a list of them: see bracketLists.)
 */
export function bracketRestrictions(p: Prepared): Prepared {
  const text = p.text.replace(RESTRICTIONS, (all, inside: string) => {
    const items = inside.split(/\s*,\s*/).map((s) => s.trim());
    const kinds = items.map((s) => KINDS.find(([, re]) => re.test(s))?.[0]);
    if (kinds.some((k) => !k) || new Set(kinds).size !== items.length) return all;
    return `(${items.join(" ")})`;
  });
  return text === p.text ? p : { ...p, text };
}

/** "… by presyn soma layer: L2/3, L4, L5": the values of a grouping listed after a colon. */
const LISTED_AFTER = new RegExp(
  String.raw`\b(by|per|for\s+each)\s+([^:,;?]{1,40}?)\s*:\s*` +
    String.raw`(${NAME}(?:\s*,\s*${NAME})+(?:\s*,?\s+(?:and|or)\s+${NAME})?)` +
    String.raw`\s*([?.!]?)\s*$`,
  "i",
);

/**
 * "8646… input syn by presyn soma layer: L2/3, L4, L5": the groups listed after a grouping are the ones asked for,
 * as in brackets ("by presyn soma layer (L2/3, L4, L5)"). After a colon they had been read as a second question.
 */
export function groupsListedAfter(p: Prepared): Prepared {
  const text = p.text.replace(
    LISTED_AFTER,
    (_all, by: string, kind: string, list: string, stop: string) => `${by} ${kind} (${list})${stop}`,
  );
  return text === p.text ? p : { ...p, text };
}

/** A comparison said before a last bracket: "vs", "versus", "compared with", or a slash between two figures. */
const COMPARED = /\b(?:vs\.?|versus|compared\s+(?:to|with))\s|\s\/\s/i;
/** The bracket names cells ("coreg neurons", "proofread only"), not sides, sizes, units or remarks. */
const SHARED_CELLS = /^\(\s*([A-Za-z][\w\s/-]{0,40}?\b(?:neurons?|cells?|only))\s*\)\s*([?.!]*)\s*$/i;
const NOT_SHARED = /\b(?:pre|post|synaptic|source|target|partner|by|per|each|vs|versus|not|excl\w*)\b/i;

/**
 * "avg gOSI AL / avg gOSI V1 (coreg neurons)", "BCs in V1 vs BCs in LM (proofread only)": cells named in a bracket
 * after the last of the compared sets hold of every set, as they do said first ("coreg neurons: …"); joined to the
 * set beside them, only the last set had been restricted, and the figures compared different kinds of cells.
 */
export function sharedBracketFirst(p: Prepared): Prepared {
  const open = p.text.lastIndexOf("(");
  if (open < 0) return p;
  const [head, tail] = [p.text.slice(0, open), p.text.slice(open)];
  const m = SHARED_CELLS.exec(tail);
  if (!m || !COMPARED.test(head) || NOT_SHARED.test(m[1]!) || head.includes("(")) return p;
  return { ...p, text: `${m[1]!.trim()}: ${head.trim()}${m[2] ?? ""}` };
}

/** "L6 (L6a and L6b together)", "layer 6 (6a+6b)": the two sublayers spelled out after L6 are L6 itself. */
const L6_SPELLED = new RegExp(
  String.raw`\b(L6|layer\s*6)\s*\(\s*(?:L|layer\s*)?6a\s*(?:\+|&|,|and|plus)\s*(?:L|layer\s*)?6b` +
    String.raw`(?:\s+(?:together|combined|pooled))?\s*\)`,
  "gi",
);

/** The sublayers of L6 spelled out in brackets say L6 again (they had been read as a second, other group). */
export function sixSpelledOut(p: Prepared): Prepared {
  const text = p.text.replace(L6_SPELLED, "$1");
  return text === p.text ? p : { ...p, text };
}
