import type { Prepared } from "./prepare.js";
import { PLACE } from "./places-joined.js";

/* Small steps of preparation: any area, both within a place, cells counted last, any synapse. */

const ANY_AREA = /\s*\(([^()]*?\b(?:anywhere|any area|any visual area|all areas)\b[^()]*)\)/gi;

/**
 * "from SST cells (they can be anywhere)", "BC (pre any area)": brackets that only say a side may be in
 * any area restrict nothing, and are set aside as context. Never when they also say "except", "but",
 * "not" or "only", which would restrict after all.
 */
export function anyArea(p: Prepared): Prepared {
  const context: string[] = [];
  const text = p.text.replace(ANY_AREA, (all, inside: string) => {
    if (/\b(except|but|not|only|excluding|outside)\b/i.test(inside)) return all;
    context.push(`(${inside})`);
    return "";
  });
  return context.length ? { text, context: [...p.context, ...context] } : p;
}

/**
 * "when both cells are in V1", "with both cells in LM", "pre & post both V1", "V1-V1": both sides of
 * the synapses in one place is "within" it, which the reader knows.
 */
export function bothWithin(p: Prepared): Prepared {
  const both = String.raw`\b(?:(?:when|where|with|and)\s+)?both(?:\s+(?:cells|neurons|partners|sides|ends))?`;
  const text = p.text
    .replace(
      new RegExp(String.raw`${both}(?:\s+(?:are|being|sit|lie))?\s+(?:in|within)\s+(${PLACE})\b`, "gi"),
      "within $1",
    )
    .replace(new RegExp(String.raw`\bpre\s*(?:&|and)\s*post(?:\s+both)?(?:\s+in)?\s+(${PLACE})\b`, "gi"), "within $1")
    .replace(new RegExp(String.raw`(?<![\w/-])(V1|RL|AL|LM)-\1(?![\w/-])`, "gi"), "within $1");
  // ("stay within V1 (both cells in V1)": said twice, once; "come from within V1": from V1, one side.)
  const once = text.replace(/\bwithin (\S+)\s*\(within \1\)/gi, "within $1");
  return { ...p, text: once.replace(/\b(from|onto|into|to) within\b/gi, "$1") };
}

// (The words before the cells name them, never a flow: "BC synapses onto 23P cells: how many cells?" stays.)
const NOT_FLOW = String.raw`(?!(?:synapses?|syn|onto|from|to|into|connections?|inputs?|outputs?)\b)`;
const CELLS_FIRST = new RegExp(
  String.raw`^((?:the\s+)?(?:${NOT_FLOW}[\w/-]+\s+){0,4}(?:cells|neurons|pyramids|interneurons)\b.*?)\s*[:,;–—-]\s*`,
  "i",
);
const HOW_MANY_CELLS =
  /^how many (?:distinct |different |unique )?(?:cells|neurons)(?: are there| is that| do we have)?\s*[?.!]*$/i;

/**
 * "V1 4P cells receiving synapses from MCs: how many distinct cells?": cells counted last by a noun of
 * their own are the cells the question began with ("…, how many").
 */
export function cellsCountedLast(p: Prepared): Prepared {
  const m = CELLS_FIRST.exec(p.text);
  if (!m || !HOW_MANY_CELLS.test(p.text.slice(m[0].length))) return p;
  return { ...p, text: `${m[1]!}, how many?` };
}

const VERBS = String.raw`(receiv\w*|get|gets|getting|got|make|makes|making|made|form|forms)`;
const AT_LEAST_ONE = new RegExp(
  String.raw`\b${VERBS}\s+(?:at least (?:one|1)|one or more|1 or more|any)\s+(synapses?|inputs?|outputs?)\b` +
    String.raw`(?:\s+(?:at\s+all|whatsoever))?`,
  "gi",
);

/** "23P cells that receive at least one synapse from a BC": any synapse at all is what "receive" says. */
export function anySynapse(p: Prepared): Prepared {
  return { ...p, text: p.text.replace(AT_LEAST_ONE, "$1 $2") };
}

const ONTO_OTHERS = /\s+(?:onto|to|on)\s+other\s+(?:cells|neurons|roots)\b/i;
const MAKES = /\b(?:make|makes|making|made|form|forms|send|sends)\b/i;

/**
 * "how many synapses does each BC make onto other cells", "the SST cell that makes the fewest synapses onto other
 * cells": synapses made onto any other cell are its output synapses (the cells named had been read as a population).
 */
export function ontoOtherCells(p: Prepared): Prepared {
  const m = ONTO_OTHERS.exec(p.text);
  if (!m) return p;
  const before = p.text.slice(0, m.index);
  const synapses = /\b(?<!(?:input|output)\s)(synapses|syn)\b(?![\s\S]*\b(?:synapses|syn)\b)/i.exec(before);
  if (!synapses || !MAKES.test(before)) return p;
  const at = synapses.index;
  const text = `${before.slice(0, at)}output ${before.slice(at)}${p.text.slice(m.index + m[0].length)}`;
  return { ...p, text };
}

const MAKE_UP = new RegExp(
  String.raw`\bhow\s+many\s+synapses\s+make\s+up\s+` +
    String.raw`(that|the|this|each|a|one|an\s+average|the\s+average|a\s+typical)\s+(connection|pair)\b`,
  "gi",
);

/** "how many synapses make up that connection": how many synapses that connection has. */
export function synapsesMakeUp(p: Prepared): Prepared {
  const text = p.text.replace(MAKE_UP, "how many synapses does $1 $2 have");
  return text === p.text ? p : { ...p, text };
}

const RANKED_FIRST = new RegExp(
  String.raw`(^|[.!?]\s+)(ranked|sorted|ordered)\s+by\s+([^,?.!]{3,80}),\s*([^.?!]+)([?.!]*)\s*$`,
  "i",
);

/** "Ranked by how many synapses each makes onto it, who are its top three partners?": the ranking said last. */
export function rankedFirst(p: Prepared): Prepared {
  const m = RANKED_FIRST.exec(p.text);
  if (!m) return p;
  const [, before, verb, by, asked, end] = m as unknown as [string, string, string, string, string, string];
  return { ...p, text: `${p.text.slice(0, m.index)}${before}${asked}, ${verb.toLowerCase()} by ${by}${end || "?"}` };
}
