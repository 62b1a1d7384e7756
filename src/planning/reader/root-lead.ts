import { discourse } from "./discourse-data.js";
import type { Prepared } from "./prepare.js";
import { restriction } from "./restriction.js";
import { itemsOf } from "./words.js";

/** A lead sentence or clause, its end, and the question after it. */
const LEAD = /^\s*([^?]*?)(?:\s+[-–—]\s+|:\s+|[.!]\s+)(\S[^]*)$/;
/** One cell named in the lead: a root id, or a nucleus id said as one ("nucleus id …, 101804"). */
const ROOT = /\b(\d{15,20})\b/g;
const NUCLEUS = /\bnucle(?:us|i)\b[^\d]*?\b(\d{3,8})\b/i;
/** Words in the question that point back at one cell. */
const POINTER = new RegExp(
  String.raw`\b(?:this|that|the same)\s+(?:one|cell|neuron|root|segment|guy|id|nucleus)\b` +
    String.raw`|\b(?:this|that)(?=\s*\?)|\bits\b|\bit\b`,
  "gi",
);
/** Tags that name or restrict: a lead with any of them is read as part of the question, not set aside. */
const RESTRICTS = new Set(["val", "flag", "num", "threshold", "ambiguous", "qty", "neg", "sup", "topk"]);

/**
 * "Just came across 8646… while scrolling in neuroglancer - what kind of cell is this one?", "I only have a
 * nucleus id from the nucleus detection table, 101804. Which cell type is that cell?": a lead that names one
 * cell and nothing else the tables hold, then a question that points back at it ("this one", "that cell",
 * "its"). The cell goes where it is pointed at and the lead is kept as context. A lead that names anything
 * else (a type, a layer, a number) is left to the reader.
 */
export function rootLead(p: Prepared): Prepared {
  const m = LEAD.exec(p.text);
  if (!m) return leadSetAside(p);
  const [, lead, rest] = m as unknown as [string, string, string];
  const roots = [...lead.matchAll(ROOT)].map((r) => r[1]!);
  const nucleus = roots.length ? undefined : NUCLEUS.exec(lead)?.[1];
  // (Another id in the rest is another cell: "I'm looking at the cell 8646…A. How many synapses does it receive from
  // 8646…B?" Not a number or an id of a nucleus, which the pointer might be said beside.)
  const otherIds = [...rest.matchAll(/\d{3,}/g)].map((x) => x[0]);
  if (!roots.length && !nucleus) return leadSetAside(p);
  if (roots.length > 1 || otherIds.some((x) => !/^\d{15,20}$/.test(x) || x === roots[0])) return p;
  const cell = roots[0] ?? `nucleus ${nucleus!}`;
  const others = lead.replace(roots[0] ?? nucleus!, " ");
  // ("8646…: share of its inputs": a root alone before a colon is the topic, read by the reader's own rules.)
  if (!/[a-z]{2,}/i.test(others)) return p;
  if (restricts(others)) return p;
  // ("… in the left hemisphere", "… during locomotion": words that may restrict keep the lead in the question.
  // A "just" or "only" said of the one cell restricts nothing: "I only have a nucleus id".)
  const strict = { strict: true, qualifiers: true };
  if (restriction(others.replace(/\b(?:just|only)\b/gi, " "), rest, strict, discourse())) return p;
  const text = pointedAt(rest, cell);
  return text === undefined ? p : { ...p, text, context: [...p.context, lead.trim()] };
}

/**
 * "I'm looking at the cell 8646…. How many synapses does it receive from 8646…?": a lead already set aside as
 * context (a sentence of its own) that names one cell and nothing else, and one pointer back at it.
 */
function leadSetAside(p: Prepared): Prepared {
  const leads = p.context.filter((x) => [...x.matchAll(ROOT)].length === 1);
  const lead = leads.length === 1 ? leads[0] : undefined;
  const roots = lead ? [...lead.matchAll(ROOT)].map((r) => r[1]!) : [];
  if (roots.length !== 1 || p.text.includes(roots[0]!)) return p;
  if (restricts(lead!.replace(roots[0]!, " "))) return p;
  const text = pointedAt(p.text, roots[0]!);
  return text === undefined ? p : { ...p, text };
}

/** Words that name or restrict something (a type, a number, a flag…): a lead with any of them is not set aside. */
const restricts = (words: string) => itemsOf(words).some((i) => i.tags.some((t) => RESTRICTS.has(t.t)));

/** The question with its one pointer ("it", "its", "this cell") said as the cell; undefined unless exactly one. */
function pointedAt(text: string, cell: string): string | undefined {
  if ([...text.matchAll(POINTER)].length !== 1) return undefined;
  return text.replace(POINTER, (w) => (/^its$/i.test(w) ? `${cell}'s` : cell));
}
