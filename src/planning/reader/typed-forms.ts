import type { Prepared } from "./prepare.js";

/* How things are typed in a hurry: counts glued to their words, clipped words, "which of these two". */

/**
 * "w>=3syn", "5syn", "inputs w >=3 syn ids": a count typed onto its noun is the count and the noun; "ids" typed
 * last after "syn" with no comma is the ids asked for, said apart (as "…, ids").
 */
export function unitsApart(p: Prepared): Prepared {
  const text = p.text
    .replace(/\b(\d{1,4})(syns?|synapses?|partners?|conns?|connections?)\b/gi, "$1 $2")
    .replace(/(\bsyns?|\bsynapses)\s+((?:root\s+)?ids)\s*([?.!]?)\s*$/i, "$1, $2$3");
  return text === p.text ? p : { ...p, text };
}

/** "top4 targets", "bottom10": a count typed onto its word is the same count; "200–400", "coreg'd". */
export function gluedCounts(p: Prepared): Prepared {
  // ("top-5 downstream": the same, with a hyphen; "Martinotti-to-L2/3-pyramidal": "to" with hyphens.)
  const text = p.text
    .replace(/\b(top|bottom|first|last)-?(\d{1,3})\b/gi, "$1 $2")
    // ("layer-5 basket cells": a layer said with a hyphen is that layer.)
    .replace(/\b(layer)-(1|2\/3|4|5|6)\b/gi, "$1 $2")

    // ("soma depth 200–400 µm": an en dash between numbers is a range, as a hyphen is.)
    .replace(/(\d)(\s?)–\2(\d)/g, "$1-$3")
    // ("frac of 4P coreg'd": a clipped past participle is the word it clips.)
    .replace(/\b([a-z]{3,})'d\b/gi, "$1");
  return { ...p, text: text.replace(/([A-Za-z0-9/])-(to|onto)-([A-Za-z0-9])/g, "$1 $2 $3") };
}

/**
 * "Which of these two gets more inputs, 8646… or 8646…?": "of these two" points at the two cells named in
 * the question, so it is "which". Not without two ids named: "which of the two cells …" in a fresh
 * conversation has nothing to point at (asked back).
 */
export function whichOfTwo(p: Prepared): Prepared {
  if (!/\d{15,20}[^]*\d{15,20}/.test(p.text)) return p;
  const text = p.text.replace(
    /\b(which|who)(?:\s+one)?\s+of\s+(?:these|those|the)\s+(?:two|2)(?:\s+(?:cells|neurons|roots))?\b/i,
    "$1",
  );
  return text === p.text ? p : { ...p, text };
}

/** "5PNP w max gOSI", "BCs with min depth": cells with the extreme of a quantity are the one ranked first. */
const WITH_EXTREME = /\b(w\/?|with)\s+(?:the\s+)?(max|maximum|min|minimum)\s+(?!of\b)(?=[A-Za-z#])/gi;

export function withExtreme(p: Prepared): Prepared {
  const text = p.text.replace(WITH_EXTREME, (_all, _with: string, end: string) =>
    /^max/i.test(end) ? "with the highest " : "with the lowest ",
  );
  return text === p.text ? p : { ...p, text };
}
