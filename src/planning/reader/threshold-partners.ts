import type { Filter } from "../plan.js";
import { as, is, text, type Atom } from "./atoms.js";
import type { Threshold } from "./numbers.js";
import { Unreadable } from "./filters.js";
import { popOf, type Pop } from "./phrases.js";

/*
 * "BCs with at least 50 syn onto 23P", "how many 5P-ET cells receive more than 20 synapses from MCs",
 * "BCs targeting >20 different 23P cells": a count said of cells, narrowed to the synapses (or the
 * partners) with a population on the other side, is each cell's total with that population (it had
 * been read as one connection's synapses, or asked back).
 */

/** Words for one cell of a population ("from a BC"), and the articles that may stand before its name. */
const SINGLE = /^(an?|one|any)$/i;
const ARTICLE = /^(?:an?|one|any|the)$/i;
const isRel = (a: Atom | undefined) => is(a, "rel", "r", "to") || is(a, "rel", "r", "from");

/** A population that can be the other side of a count: named cells, not one root, a "which" or a partner noun. */
function otherSide(p: Pop | undefined): Filter[] | undefined {
  if (!p || p.wh || p.alts || p.thresholds.length || p.sup || p.topk || p.each || p.partnerNoun) return undefined;
  if (!p.filters.length || p.filters.some((f) => f.dim === "root_id" || f.dim === "nucleus_id")) return undefined;
  return p.filters;
}

/** Which way the words between a cell and its count point: its outputs ("make", "onto", "that contact") or inputs. */
function direction(words: Atom[]): "out" | "in" | undefined {
  const ways = new Set<string>();
  for (const a of words) {
    if (is(a, "verb", "v", "out") || is(a, "rel", "r", "to") || is(a, "rel", "r", "upstream")) ways.add("out");
    else if (is(a, "verb", "v", "in") || is(a, "rel", "r", "from") || is(a, "rel", "r", "downstream")) ways.add("in");
    else if (!is(a, "verb", "v", "have") && !is(a, "noun")) return undefined;
  }
  return ways.size === 1 ? ([...ways][0] as "out" | "in") : undefined;
}

/** The threshold with its side, or undefined when its noun and the words disagree ("inputs onto"). */
function narrowed(
  t: Threshold,
  way: "out" | "in" | undefined,
  partners: Filter[],
  cells: boolean,
): Threshold | undefined {
  if (!way) return undefined;
  const into = way === "in";
  const noun = cells
    ? into
      ? "source"
      : "target"
    : ({ synapse: into ? "input" : "output", partner: into ? "source" : "target" }[t.noun ?? ""] ?? t.noun);
  if (noun !== (into ? "input" : "output") && noun !== (into ? "source" : "target")) return undefined;
  return { ...t, noun, partners };
}

/** The subject before index `end` (skipping "that", "which", "are"), and where it is. */
function subjectBefore(atoms: Atom[], end: number): number {
  let s = end;
  while (s > 0 && (is(atoms[s], "verb", "v", "be") || /^(that|which|who)$/i.test(text(atoms[s])))) s--;
  const p = popOf(atoms[s]);
  return p && !p.partnerNoun && !p.alts ? s : -1;
}

export function attachThresholdPartners(atoms: Atom[]): Atom[] {
  for (let b = 2; b < atoms.length; b++) {
    const partners = otherSide(popOf(atoms[b]));
    if (!partners) continue;
    const t0 = as<Threshold>(atoms[b - 1], "threshold");
    // "BCs targeting | > 20 | different 23P cells": a number of cells is a number of partners.
    if (t0 && !t0.noun && !t0.qty && !t0.unit) {
      let w = b - 2;
      while (w > 0 && !popOf(atoms[w])) w--;
      const s = subjectBefore(atoms, w);
      const words = atoms.slice(w + 1, b - 1).filter((a) => !/^(that|which|who)$/i.test(text(a)));
      const t = s >= 0 ? narrowed(t0, direction(words), partners, true) : undefined;
      if (t) return attachThresholdPartners(merged(atoms, s, b, t));
      continue;
    }
    // ("receiving >= 1 syn from a proofread axon": an article between the relation and the cells.)
    // (Only "at least one … from a BC", which any reading of "a BC" makes the same: "more than 5 synapses from a
    // BC" may be from one BC, one connection.)
    const r = ARTICLE.test(text(atoms[b - 1])) && isRel(atoms[b - 2]) ? b - 2 : b - 1;
    if (!isRel(atoms[r])) continue;
    const single = r === b - 2 && SINGLE.test(text(atoms[b - 1]));
    const any = (t: Threshold | undefined) =>
      !t || !single || (t.op === "gte" && t.value <= 1) || (t.op === "gt" && t.value < 1);
    // Only when no other relation word makes the question a flow ("synapses from 23P cells with more
    // than 100 synapses onto 5P-ET" could be either).
    if (atoms.filter(isRel).length !== 1) return atoms;
    const owner = popOf(atoms[r - 1]);
    // "BCs with at least 50 syn | onto | 23P": the count is the population's last threshold.
    if (owner?.thresholds.length) {
      const last = owner.thresholds[owner.thresholds.length - 1]!;
      const t = narrowed(last, direction([atoms[r]!]), partners, false);
      if (!t) return atoms;
      if (!any(t)) throw perConnection(atoms, r, b);
      const pop: Pop = { ...owner, thresholds: [...owner.thresholds.slice(0, -1), t] };
      return merged(atoms, r - 1, b, undefined, pop);
    }
    // "BCs | make | at least 50 syn | onto | 23P".
    const t1 = as<Threshold>(atoms[r - 1], "threshold");
    const s = subjectBefore(atoms, r - 3);
    if (!t1 || !is(atoms[r - 2], "verb") || s < 0) return atoms;
    if (!any(t1)) throw perConnection(atoms, r, b);
    const t = narrowed(t1, direction([atoms[r - 2]!, atoms[r]!]), partners, false);
    return t ? merged(atoms, s, b, t) : atoms;
  }
  return atoms;
}

/** "more than 5 synapses from a BC": from the BCs together, or from one BC (one connection)? */
function perConnection(atoms: Atom[], rel: number, cells: number): Unreadable {
  const said = atoms
    .slice(rel, cells + 1)
    .map(text)
    .join(" ");
  return new Unreadable(
    `By "${said}" do you mean from all of them together, or from any single one (one connection)? Say ` +
      '"in total" or "in one connection".',
  );
}

/** atoms[from..to] as one population: the subject at `from` with the threshold, or `pop` as given. */
function merged(atoms: Atom[], from: number, to: number, t?: Threshold, pop?: Pop): Atom[] {
  const subject = popOf(atoms[from])!;
  const tag = pop ?? { ...subject, thresholds: [...subject.thresholds, t!] };
  const items = atoms.slice(from, to + 1).flatMap((a) => a.items);
  return [...atoms.slice(0, from), { tag, alt: [], items }, ...atoms.slice(to + 1)];
}
