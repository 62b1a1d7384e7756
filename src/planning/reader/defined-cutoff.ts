import type { Prepared } from "./prepare.js";
import { SMALL_COUNT } from "./spelled-numbers.js";

/*
 * A cutoff the asker defines a word by: "orientation selective, say with a gOSI above 0.3", "if we
 * call a cell direction selective when its gDSI is above 0.2", "Taking gOSI > 0.3 as the cutoff: …
 * what percentage pass?". The word ("selective", "pass", "qualify") is read as the cutoff it was
 * given, and the definition is kept as context. Only a cutoff on the quantity the word names: "direction
 * selective, say with a gOSI above 0.3" is left as typed (and asked back).
 */

const QTY = String.raw`(?:global\s+|g)?(OSI|DSI)|(orientation|direction)\s+selectivity(?:\s+index)?`;
const CMP = String.raw`(?:>=|≥|>|above|over|greater\s+than|more\s+than|at\s+least|exceeding)`;
const THRESHOLD = String.raw`(?:(?:its|their|a|the)\s+)?(?:${QTY})\s*(?:is|are|of)?\s*${CMP}\s*\d*\.?\d+`;
const SELECTIVE = String.raw`(orientation|direction)[-\s]+(?:selective|tuned)`;
const CELLS = String.raw`(?:a\s+cell|cells|it|them|a\s+neuron|neurons|a\s+unit|units)`;

/** The kind a quantity or a word names: "orientation" (OSI) or "direction" (DSI). */
const kindOf = (m: RegExpExecArray, at: number) => {
  const word = (m[at] ?? m[at + 1] ?? "").toLowerCase();
  return word === "osi" || word === "orientation" ? "orientation" : "direction";
};
const noPossessive = (t: string) => t.replace(/^(?:its|their)\s+/i, "a ");

export function definedCutoff(p: Prepared): Prepared {
  let text = p.text;
  const context: string[] = [];
  // "… are orientation selective, say with a global OSI above 0.3"; "orientation selective cells in V1, say
  // gOSI of at least 0.3" (the cells and their place said between stay).
  const said = new RegExp(
    String.raw`${SELECTIVE}((?:\s+(?!say\b)[\w/-]+){0,4}?)\s*,?\s*(?:say|i\.?\s?e\.?|meaning|that\s+is|defined\s+as)` +
      String.raw`\s*,?\s*(?:with|having)?\s*(${THRESHOLD})`,
    "i",
  ).exec(text);
  if (said && said[1]!.toLowerCase() === kindOf(said, 4)) {
    context.push(said[0]);
    text = text.replace(said[0], `${said[2]!.trim()} with ${said[3]}`.trim());
  }
  // "…, if we call a cell direction selective when its gDSI is above 0.2"
  const called = new RegExp(
    String.raw`\s*,?\s*if\s+we\s+(?:call|define|consider|count)\s+${CELLS}\s+(?:as\s+)?${SELECTIVE}\s+` +
      String.raw`(?:when|if)\s+(${THRESHOLD})`,
    "i",
  ).exec(text);
  if (called && called[1]!.toLowerCase() === kindOf(called, 3)) {
    const word = new RegExp(String.raw`\b(?:are|is)\s+${called[1]}[-\s]+(?:selective|tuned)\b`, "i");
    const rest = text.replace(called[0], "");
    if (word.test(rest)) {
      context.push(called[0].replace(/^[\s,]+/, ""));
      text = rest.replace(word, `have ${noPossessive(called[2]!)}`);
    }
  }
  // "Taking gOSI > 0.3 as the cutoff: among the L2/3 pyramidal cells …, what percentage pass?"
  const taking = new RegExp(
    String.raw`^\s*(?:taking|using|with)\s+(${THRESHOLD})\s+as\s+(?:the|our|a|my)\s+` +
      String.raw`(?:cutoff|cut-off|criterion|threshold)` +
      String.raw`(?:\s+for\s+(?:orientation|direction)[-\s]+(?:selectivity|selective|tuning|tuned))?\s*[:,]\s*`,
    "i",
  ).exec(text);
  const passes = /\b(?:pass|passes|qualify|qualifies|make\s+the\s+cut|meet\s+it|clear\s+it|pass\s+it)\b/i;
  if (taking && passes.test(text.slice(taking[0].length))) {
    context.push(taking[0].trim());
    text = text.slice(taking[0].length).replace(passes, `have ${noPossessive(taking[1]!)}`);
  }
  text = tunedAs(text, context);
  text = strongDefined(text, context);
  text = vagueDefined(text, context);
  return context.length ? { ...p, text, context: [...p.context, ...context] } : p;
}

// "orientation-tuned cells (gOSI > 0.3)"; "Taking gOSI > 0.3 as tuned: what percentage of … are tuned?"
const ADVERB = String.raw`(?:(?:strongly|highly|sharply|well)[-\s]+)?`;
const TUNED_WORD = String.raw`${ADVERB}(?:(?:orientation|direction)[-\s]+)?(?:tuned|selective)`;
const BRACKETED = new RegExp(
  String.raw`\b(?:(are|is)\s+)?${TUNED_WORD}\s+(cells|neurons|ones|units)?\s*\(\s*(?:with\s+|i\.?e\.?,?\s*)?` +
    String.raw`(${THRESHOLD})\s*\)`,
  "i",
);
const TAKEN_AS = new RegExp(
  String.raw`^\s*(?:taking|using|with|calling)\s+(${THRESHOLD})\s+as\s+` +
    String.raw`(?:the\s+cutoff\s+for\s+)?${TUNED_WORD}\s*[:,]\s*`,
  "i",
);
const ARE_TUNED = new RegExp(String.raw`\b(?:are|is)\s+${TUNED_WORD}\b`, "i");

/** A tuning word with the cutoff it is given, in brackets or said first: the cutoff. */
function tunedAs(text: string, context: string[]): string {
  const bracket = BRACKETED.exec(text);
  if (bracket) {
    context.push(bracket[0].trim());
    const cutoff = noPossessive(bracket[3]!);
    const said = bracket[1] ? `have ${cutoff}` : `${bracket[2] ?? "cells"} with ${cutoff}`;
    return text.replace(bracket[0], bracket[1] && bracket[2] ? `are ${bracket[2]} with ${cutoff}` : said);
  }
  const taken = TAKEN_AS.exec(text);
  const rest = taken ? text.slice(taken[0].length) : "";
  if (!taken || !ARE_TUNED.test(rest)) return text;
  context.push(taken[0].trim());
  return rest.replace(ARE_TUNED, `have ${noPossessive(taken[1]!)}`);
}

// "strong connections (3 or more synapses per pair)", "connections are strong, meaning at least 3 synapses"
const COUNT = SMALL_COUNT;
const AT_LEAST = String.raw`((?:at\s+least|>=|≥|more\s+than|over|>)\s*${COUNT}|${COUNT}\s*(?:\+|or\s+more))`;
const SYNAPSES = String.raw`\s*(?:syn\w*|synapses?)(?:\s+(?:per|in\s+the)\s+(?:pair|connection))?`;
const DEFINES = String.raw`\s*(?:[,(:]|[-–—])?\s*(?:meaning|i\.?\s?e\.?,?|that\s+is|defined\s+as|=|with)?\s*`;
const STRONG = "(?:strong|stronger|reliable|robust|multi-?synaptic)";
const STRONG_NOUN = new RegExp(
  String.raw`\b${STRONG}\s+(connections?|conns?|pairs?)(\s+only)?${DEFINES}${AT_LEAST}${SYNAPSES}\s*\)?`,
  "i",
);
const STRONG_BEFORE = new RegExp(
  String.raw`\b${STRONG}\s+(?=(?:[\w→/-]+\s+){0,3}?(?:connections?|conns?|pairs?|contacts?)\b)`,
  "i",
);
const SYNAPSE_CUTOFF = new RegExp(
  String.raw`(?:(?:at\s+least|>=|≥|more\s+than|over|>)\s*${COUNT}\s*|\b${COUNT}\s*(?:\+|or\s+more)\s*)` +
    String.raw`(?:syn\w*|synapses?)\b`,
  "i",
);
const STRONG_OR_MORE = new RegExp(
  String.raw`\b(?:are|is)\s+${STRONG}${DEFINES}(${COUNT})\s+(?:syn\w*|synapses?)\s+or\s+more\b`,
  "i",
);
const STRONG_PREDICATE = new RegExp(String.raw`\b(?:are|is)\s+${STRONG}${DEFINES}${AT_LEAST}${SYNAPSES}`, "i");

/**
 * "Strong" said of connections with its definition beside it is that cutoff on each connection's synapses;
 * "strong" alone names no cutoff, and stays unread (asked back).
 */
function strongDefined(text: string, context: string[]): string {
  const noun = STRONG_NOUN.exec(text);
  if (noun) {
    context.push(noun[0].trim());
    return text.replace(noun[0], `${noun[1]} with ${noun[3]} synapses${noun[2] ?? ""} `);
  }
  // ("How many strong 23P-to-23P connections are there, i.e. pairs with at least 3 synapses?": the word, and its
  // cutoff said elsewhere in the question, which the reader reads there.)
  const word = STRONG_BEFORE.exec(text);
  if (word && SYNAPSE_CUTOFF.test(text)) {
    context.push(word[0].trim());
    return text.replace(word[0], "");
  }
  // ("… are strong, meaning three synapses or more": the "or more" said after the synapses.)
  const after = STRONG_OR_MORE.exec(text);
  if (after) {
    context.push(after[0].trim());
    return text.replace(after[0], ` have ${after[1]} or more synapses`);
  }
  const predicate = STRONG_PREDICATE.exec(text);
  if (!predicate) return text;
  context.push(predicate[0].trim());
  return text.replace(predicate[0], ` have ${predicate[1]} synapses`);
}

// "Cells with a heavy input load, defined as over 80 incoming synapses": a word given its cutoff is that cutoff.
const VAGUE_DEFINED = new RegExp(
  String.raw`\bwith\s+(?:an?\s+)?((?:[a-z]+[-\s]+){0,3}[a-z]+)\s*,?\s*(?:defined\s+as|i\.?\s?e\.?,?|meaning|` +
    String.raw`that\s+is,?|by\s+which\s+I\s+mean)\s+((?:more\s+than|over|above|at\s+least|>=|>|≥|` +
    String.raw`fewer\s+than|less\s+than|` +
    String.raw`under|below|at\s+most|<=|<)\s*\d[\d.,]*\s+(?:[a-z-]+\s+)?(?:synapses|syns?|partners|inputs|outputs))`,
  "i",
);

// "Heavily innervated 23P cells, meaning those with more than 100 input synapses": the cells, with the cutoff.
const VAGUE_CELLS = new RegExp(
  String.raw`\b((?:heavily|highly|strongly|densely|weakly|sparsely|lightly|well|poorly)[-\s]+[a-z]+)\s+` +
    String.raw`((?:[\w/-]+\s+){0,3}?(?:cells|neurons))\s*,?\s*(?:defined\s+as|` +
    String.raw`i\.?\s?e\.?,?|meaning|that\s+is,?)\s+(?:(?:those|the\s+ones|ones|cells)\s+)?(?:(?:with|having)\s+)?` +
    String.raw`((?:more\s+than|over|above|at\s+least|>=|>|≥|fewer\s+than|less\s+than|under|below|at\s+most|<=|<)` +
    String.raw`\s*\d[\d.,]*\s+(?:[a-z-]+\s+)?(?:synapses|syns?|partners|inputs|outputs))`,
  "i",
);

/** Only words of no name: "with a heavy input load" (not "with BC input, i.e. …", which names cells). */
function vagueDefined(text: string, context: string[]): string {
  const m = VAGUE_DEFINED.exec(text);
  if (m && !/[A-Z0-9]/.test(m[1]!)) {
    context.push(m[0].trim());
    return text.replace(m[0], `with ${m[2]}`);
  }
  const cells = VAGUE_CELLS.exec(text);
  if (!cells) return text;
  context.push(cells[0].trim());
  return text.replace(cells[0], `${cells[2]} with ${cells[3]}`);
}

const CUTOFF_LEAD = new RegExp(
  String.raw`^\s*(?:(?:a|the|with\s+a|using\s+a)\s+)?(?:threshold|cutoff|cut-off|bar)\s+(?:at|of|=|is)\s*` +
    String.raw`(\d+(?:\.\d+)?)\s*[:,]\s*`,
  "i",
);
const THAN_THAT = new RegExp(
  String.raw`\b(more|fewer|less)\s+((?:input\s+|output\s+)?(?:synapses|syns?|inputs|outputs|partners))\s+` +
    String.raw`than\s+(?:that|this|it)\b`,
  "i",
);

/**
 * "Threshold at 90: how many L2/3 pyramidal cells receive more synapses than that?": a bound said first as a number,
 * then pointed at, is the bound where it is pointed at ("… receive more than 90 synapses").
 */
export function cutoffSaidFirst(p: Prepared): Prepared {
  const lead = CUTOFF_LEAD.exec(p.text);
  const rest = lead ? p.text.slice(lead[0].length) : "";
  const than = THAN_THAT.exec(rest);
  if (!lead || !than) return p;
  return { ...p, text: rest.replace(THAN_THAT, `${than[1]} than ${lead[1]} ${than[2]}`) };
}
