import type { Prepared } from "./prepare.js";

/*
 * The partners of a pasted root said by a clause of which the root is the subject: "the cells that 8646…
 * synapses onto", "the roots 8646… contacts", "the neurons that 8646… receives input from". Said the way the
 * reader knows it: "the postsynaptic cells of 8646…", "the presynaptic neurons of 8646…".
 */
const HEAD = String.raw`(cells|neurons|roots|segments|partners|targets|ones|root ids|ids)`;
const ID = String.raw`(\d{15,20})`;
const SENDS =
  String.raw`(?:synapses?\s+onto|synapses?\s+on|synapses?\s+to|contacts|targets|innervates|reaches|hits|` +
  String.raw`(?:makes|forms|sends)\s+(?:(?:a|any|one\s+or\s+more|at\s+least\s+one)\s+)?` +
  String.raw`synapses?\s+(?:onto|to|on|with)|` +
  String.raw`projects\s+to|connects\s+to|is\s+presynaptic\s+to|outputs\s+(?:on)?to)`;
const RECEIVES =
  String.raw`(?:receives?\s+(?:input|inputs|synapses)\s+from|gets\s+(?:input|inputs|synapses)\s+from|` +
  String.raw`is\s+contacted\s+by|is\s+innervated\s+by|is\s+targeted\s+by|is\s+postsynaptic\s+to|hears\s+from)`;

const SENT_TO = new RegExp(String.raw`\b${HEAD}\s+(?:that\s+|which\s+)?${ID}\s+${SENDS}(?=[\s?.,!;:)]|$)`, "gi");
const HEARD_FROM = new RegExp(String.raw`\b${HEAD}\s+(?:that\s+|which\s+)?${ID}\s+${RECEIVES}(?=[\s?.,!;:)]|$)`, "gi");

/** "cells", "ones": the partners; a kind of partner ("neurons") stays said. */
const said = (head: string) => (/^(ones|targets|partners|ids|root ids)$/i.test(head) ? "partners" : head);

/** "8646… top3 post types", "8646…'s presynaptic types": the types of its partners on that side, as its own. */
const SIDE_TYPES = new RegExp(
  String.raw`(\d{15,20})(?:'s)?(\s+(?:(?:top|bottom)\s*\d{1,3}\s+)?)(pre|post)(?:-?synaptic|syn)?\s+` +
    String.raw`((?:cell\s+)?types?)\b`,
  "gi",
);

export function rootRelatives(p: Prepared): Prepared {
  const text = p.text
    .replace(SIDE_TYPES, (_all, id: string, top: string, side: string, types: string) => {
      return `${id}'s${top}${side}synaptic partner ${types}`;
    })
    .replace(SENT_TO, (_all, head: string, id: string) => `postsynaptic ${said(head)} of ${id}`)
    .replace(HEARD_FROM, (_all, head: string, id: string) => `presynaptic ${said(head)} of ${id}`);
  return text === p.text ? p : { ...p, text };
}

/** "two interneurons for me, 8646… and 8647…", "Two L2/3 pyramidal cells, 8646… and 8647…": the two roots. */
const TWO_NAMED = new RegExp(
  String.raw`\b(?:the\s+)?two\s+((?:[\w/'-]+\s+){0,3}?(?:cells|neurons|interneurons|roots|pyramids))` +
    String.raw`(?:\s+for\s+(?:me|us))?\s*[,:(]?\s*(\d{15,20})\s*(,|and|&|vs\.?)\s*(\d{15,20})\)?`,
  "gi",
);

export function twoNamed(p: Prepared): Prepared {
  const text = p.text.replace(TWO_NAMED, (_all, kind: string, a: string, join: string, b: string) => {
    return `the ${kind} ${a} ${join === "," ? "and" : join} ${b}`;
  });
  return text === p.text ? p : { ...p, text };
}
