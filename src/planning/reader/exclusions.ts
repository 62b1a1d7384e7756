import type { Prepared } from "./prepare.js";
import { itemsOf } from "./words.js";

// (Up to four words, none of them "nor": "neither 23P nor 4P", "neither neurons nor glia".)
const NEITHER = /\bneither\s+((?:(?!nor\b)[\w/+'-]+\s+){0,3}?(?!nor\b)[\w/+'-]+)\s+nor\s+/gi;
const EXCLUDING = String.raw`(?:except(?: for)?|excluding|other than|apart from|aside from|but not|besides)`;
const THOSE = String.raw`(?:those|the ones|ones)(?:\s+(?:that|which|who)(?:\s+(?:are|is|were|sit|lie))?)?`;
const EXCEPT_THOSE = new RegExp(String.raw`\b${EXCLUDING}\s+${THOSE}\s+`, "gi");
/** "not the fragments", "excluding the glia": the article between a negation and what it negates. */
const NAMING = new Set(["val", "flag", "id"]);
const names = (word: string) =>
  itemsOf(word).some((i) => i.tags.some((t) => NAMING.has(t.t) || (t.t === "noun" && t.n === "fragment")));
const NOT_THE = new RegExp(String.raw`\b(not|without|ignoring|${EXCLUDING})\s+the\s+(?=[\w/-]+\b)`, "gi");

/** "8646… # input syn without the BC inputs": synapses counted, less those of a kind of partner. */
const FLOW_SAID = /\b(?:syn|synapses?|inputs|outputs)\b/i;
// ("how many 23P cells without BC inputs": cells counted, those with none; not synapses left out.)
const CELLS_COUNTED = /(?:how many|#|number of)\s+(?:[\w/+-]+\s+){0,2}?(?:cells|neurons)\b/i;
/** Synapses said before the words that leave some of them out, and no cells counted. */
const synapsesLeftOut = (whole: string, at: number) =>
  FLOW_SAID.test(whole.slice(0, at)) && !CELLS_COUNTED.test(whole.slice(0, at));
/** "BCs" → "BC": a name after "non-" is said in the singular ("non-BC partners": not only typed cells). */
const singular = (name: string) => (/[A-Z0-9]s$/.test(name) && names(name.slice(0, -1)) ? name.slice(0, -1) : name);
const LESS = String.raw`(?:without|excluding|except(?:\s+for)?|minus)`;
const WITHOUT_THEIRS = new RegExp(
  String.raw`\b${LESS}\s+(?:the\s+|any\s+)?([\w/+-]+)\s+(inputs|outputs|input synapses|output synapses)\b`,
  "gi",
);
// "… excluding those from BCs", "… without inputs from BCs", "… except synapses onto 23P"
const WITHOUT_FROM = new RegExp(
  String.raw`\b${LESS}\s+(?:those|the ones|inputs|outputs|synapses|syn)\s+(?:(?:coming|that come|arriving|going)\s+)?` +
    String.raw`(from|onto|to)\s+(?:the\s+)?([\w/+-]+)` +
    String.raw`(?:\s+(?:cells?|neurons?))?`,
  "gi",
);

/**
 * "Glia excluded, …", "…, fragments left out", "(L1 not included)": the names a clause opens with, then the word that
 * leaves them out.
 */
const LEFT_OUT = new RegExp(
  String.raw`(^|[,;:(]\s*)((?:[\w/+'-]+\s+){0,2}?[\w/+'-]+)\s+` +
    String.raw`(?:excluded|left out|omitted|removed|not included|not counted)(?=\s*[,;:()?.!]|$)`,
  "gi",
);
const LEAVING_OUT = /\b(?:leaving|leave|keeping|keep)\s+(?:the\s+)?((?:[\w/+'-]+\s+){0,2}?[\w/+'-]+)\s+out\b/gi;
const IGNORING_IN =
  /\b(?:ignoring|ignore|disregarding|setting\s+aside)\s+(?:everything|anything|all\s+cells)\s+in\s+([\w/+'-]+)/gi;
const CELL_NOUNS = new Set(["cell", "neuron", "fragment"]);
const onlyNames = (words: string) => {
  const items = itemsOf(words).filter((i) => !i.fn);
  return (
    items.length > 0 &&
    items.some((i) => i.tags.some((t) => NAMING.has(t.t) || (t.t === "noun" && t.n === "fragment"))) &&
    items.every((i) => i.tags.some((t) => NAMING.has(t.t) || (t.t === "noun" && CELL_NOUNS.has(String(t.n)))))
  );
};

/**
 * "cells that are neither 23P nor 4P", "BCs except those in V1", "synapses onto 23P excluding those
 * from BCs", "not the fragments", "Glia excluded, …": ways of saying "not", rewritten into the "not" the reader knows ("not 23P
 * and not 4P", "not in V1", "not from BCs", "not fragments"). Nothing is dropped: the condition stays, negated.
 */
export function exclusions(p: Prepared): Prepared {
  // (", neither axon nor dendrite", "(neither …)": an aside that restates what was said is left as typed.)
  const text = p.text
    .replace(WITHOUT_THEIRS, (all: string, who: string, flow: string, at: number, whole: string) =>
      synapsesLeftOut(whole, at) && names(who)
        ? `${/^in/i.test(flow) ? "from" : "onto"} non-${singular(who)} partners`
        : all,
    )
    .replace(WITHOUT_FROM, (all: string, side: string, who: string, at: number, whole: string) =>
      synapsesLeftOut(whole, at) && names(who)
        ? `${/^from$/i.test(side) ? "from" : "onto"} non-${singular(who)} partners`
        : all,
    )
    .replace(NEITHER, (all, what: string, at: number, whole: string) =>
      /[,(]\s*$/.test(whole.slice(0, at)) ? all : `not ${what} and not `,
    )
    // ("(excl. glia)": the abbreviation's full stop ends no sentence.)
    .replace(/\bexcl\.(?=\s)/gi, "excluding")
    // ("# cells ex-V1", "ex-23P": "ex-" before a name is "excluding".)
    .replace(/\bex-(?=[A-Z0-9])/g, "excluding ")
    // ("area != V1": not equal is not.)
    .replace(/\s*(?:!=|≠|<>)\s*/g, " not ")
    .replace(EXCEPT_THOSE, "not ")
    .replace(LEFT_OUT, (all, lead: string, what: string) => (onlyNames(what) ? `${lead}excluding ${what}` : all))
    // ("Leaving V1 out, …", "leave the BCs out": the name between the verb and "out" is excluded.)
    .replace(LEAVING_OUT, (all, what: string) => (onlyNames(what) ? `excluding ${what}` : all))
    // ("Ignoring everything in V1, …": the cells outside it.)
    .replace(IGNORING_IN, (all, what: string) => (onlyNames(what) ? `outside ${what}` : all))
    // (Only before a name: "not the same", "not the total" are left as typed.)
    .replace(NOT_THE, (all: string, neg: string, at: number, whole: string) =>
      names(whole.slice(at + all.length).split(/[\s,.;:?!]/)[0] ?? "") ? `${neg} ` : all,
    );
  return text === p.text ? p : { ...p, text };
}
