import type { Discourse } from "./discourse-data.js";
import { contentBefore } from "./words.js";

/**
 * Words of the ask that point back at the context. "What is its cell type?" after "In Fig. 3b we
 * show the neuron 8646…": "its" is that neuron, so the id is carried into the ask. Without exactly
 * one id to carry, an ask that points back ("how many of them …", "how many are proofread?") needs
 * its context, which then stays in the question.
 */
const ID = /\b\d{15,20}\b/g;

export const idsIn = (text: string) => new Set(text.match(ID) ?? []);

export type Anaphora = { kind: "none" } | { kind: "carry"; id: string } | { kind: "unresolved"; words: string };

/** The first word pointing at one thing ("it", "its", "this cell"); "IT" in capitals is a cell class. */
export function pointer(text: string, d: Discourse): RegExpExecArray | undefined {
  const all = [...text.matchAll(new RegExp(d.singular.source, "gi"))] as RegExpExecArray[];
  return all.find((m) => m[0] !== "IT");
}

/** What the ask's pointing words need, given the parts set aside as context. */
export function anaphora(ask: string, context: string[], d: Discourse): Anaphora {
  const ids = idsIn(context.join(" "));
  const first = idsIn(ask).size ? undefined : pointer(ask, d);
  if (first) {
    // With one id set aside, "its" is that id; without, it may point into the ask ("each neuron's gOSI
    // against its gDSI").
    if (ids.size === 1) return { kind: "carry", id: [...ids][0]! };
    if (ids.size > 1 || !contentBefore(ask.slice(0, first.index))) return { kind: "unresolved", words: first[0] };
  }
  // ("Nuclear infolding: how many of V1's 5P-IT cells show it?": a pronoun that ends the ask points to
  // what was set aside, which then is no context but part of the question.)
  // (Case kept: "L5 IT" is a cell type.)
  const last = /\b([Ii]t|[Tt]his|[Tt]hat|[Tt]hem)\s*[?.!]*$/.exec(ask);
  if (last && context.some((c) => /[a-z]{3,}/i.test(c))) return { kind: "unresolved", words: last[1]! };
  // ("Of all the synapses onto 8646…, what percent are made by inhibitory cells?": said of what the ask named first.)
  const elliptical = d.elliptical.exec(ask);
  if (elliptical && !contentBefore(ask.slice(0, elliptical.index))) return { kind: "unresolved", words: elliptical[0] };
  for (const m of ask.matchAll(new RegExp(d.plural.source, "gi"))) {
    if (!contentBefore(ask.slice(0, m.index))) return { kind: "unresolved", words: m[0] };
  }
  return { kind: "none" };
}

/** The text with its first pointing word replaced by the id ("its" → "8646…'s"), if it has one. */
export function carryId(text: string, id: string, d: Discourse): string {
  const m = pointer(text, d);
  if (!m) return text;
  const carried = text.slice(0, m.index) + (/^its$/i.test(m[0]) ? `${id}'s` : id) + text.slice(m.index + m[0].length);
  // ("Ranked by how many synapses each makes onto it, who are its top three partners?": "its" is the same root.)
  return carried.replace(/\bits\b/g, `${id}'s`);
}
