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
  if (!m) return p;
  const [, lead, rest] = m as unknown as [string, string, string];
  const roots = [...lead.matchAll(ROOT)].map((r) => r[1]!);
  const nucleus = roots.length ? undefined : NUCLEUS.exec(lead)?.[1];
  if (roots.length > 1 || (!roots.length && !nucleus) || /\d{3,}/.test(rest)) return p;
  const cell = roots[0] ?? `nucleus ${nucleus!}`;
  const others = lead.replace(roots[0] ?? nucleus!, " ");
  // ("8646…: share of its inputs": a root alone before a colon is the topic, read by the reader's own rules.)
  if (!/[a-z]{2,}/i.test(others)) return p;
  if (itemsOf(others).some((i) => i.tags.some((t) => RESTRICTS.has(t.t)))) return p;
  // ("… in the left hemisphere", "… during locomotion": words that may restrict keep the lead in the question.
  // A "just" or "only" said of the one cell restricts nothing: "I only have a nucleus id".)
  const strict = { strict: true, qualifiers: true };
  if (restriction(others.replace(/\b(?:just|only)\b/gi, " "), rest, strict, discourse())) return p;
  const pointers = [...rest.matchAll(POINTER)];
  if (pointers.length !== 1) return p;
  const text = rest.replace(POINTER, (w) => (/^its$/i.test(w) ? `${cell}'s` : cell));
  return { ...p, text, context: [...p.context, lead.trim()] };
}
