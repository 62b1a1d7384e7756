import type { Quantity } from "../plan.js";
import { as, is, text, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";
import { KIND_HEADS } from "./shape.js";

/** The nouns a per-cell count is of: a cell's synapses, inputs, outputs, partners or connections. */
export const PER_ROOT_NOUNS = ["synapse", "input", "output", "partner", "target", "source", "connection"];

/**
 * "How many synapses does the average 23P cell receive?", "mean outputs per BC", "median number of
 * input partners per neuron": a per-neuron count, averaged over one population. Returns which count,
 * or undefined when the question is not of that form.
 */
export function perRootQuantity(c: Clause): Quantity | undefined {
  // ("the biggest synapses on average" is a size.)
  const sizeSup = c.atoms.some(
    (a, i) => is(a, "sup") && !as(a, "sup")!.count && is(c.atoms[i + 1], "noun", "n", "synapse"),
  );
  // "histogram of output synapse counts per BC", "distribution of # inputs per 23P neuron": per cell, plotted.
  const perPop = c.pops.some((p) => p.pop.each && !KIND_HEADS.has(p.pop.head ?? ""));
  // ("histogram of BC out-degree": a histogram of one population's count is over its cells; the count of all
  // of them is one number, and a histogram of one number draws nothing.)
  const plotted =
    (c.has("distribution") || c.has("chart", "kind", "histogram") || c.has("chart", "kind", "box")) &&
    (perPop || c.has("per_cell") || (c.has("count") && !c.has("qty")));
  // ("how many synapses in total": a total alone is the count itself.)
  // ("the 75th percentile of the number of inputs of 23P cells": a percentile is a statistic too.)
  const stat =
    c.atoms.some((a) => (is(a, "stat") && as(a, "stat")!.fn !== "sum") || is(a, "pctl")) || Boolean(countSup(c));
  const averaged = (c.has("per_cell") || (stat && !c.has("qty")) || plotted) && !sizeSup;
  if (!averaged || c.has("fraction") || c.has("ratio") || c.has("probability") || c.has("per_connection"))
    return undefined;
  // Partners named as a population ("postsynaptic partners") are the counted thing, not cells; with the
  // cells counted named apart ("# 23P targets per MC", "neuron targets only"), a kind said of them is theirs.
  const partnerHead = (p: Clause["pops"][number]) => ["partner", "target", "source"].includes(p.pop.head ?? "");
  const owned = c.pops.some((p) => !partnerHead(p) && p.pop.filters.length > 0);
  const partnerPops = c.pops.filter((p) => partnerHead(p) && (!p.pop.filters.length || owned));
  // ("how many connections does the average BC make": a cell's connections on one side are its partners.)
  const nouns = PER_ROOT_NOUNS.filter((n) => c.has("noun", "n", n) || partnerPops.some((p) => p.pop.head === n));
  // ("mean synapse count of connections onto 5P-ET": synapses of each connection, not of each cell.)
  if (nouns.includes("connection") && nouns.includes("synapse")) return undefined;
  // ("avg syn per postsynaptic partner of BCs": synapses divided among partners, not a count of partners.)
  if (nouns.includes("synapse") && perPartner(c)) return undefined;
  if (!nouns.length && !c.has("count")) return undefined;
  if (!nouns.length) return undefined;
  // One population only: "synapses per 23P cell from BC" is a flow between two, not a per-cell count.
  const cells = c.pops.filter((p) => !partnerPops.includes(p));
  // ("avg # BC syn per 23P cell": cells right before "synapses" make them, onto the cells counted one by one.)
  const owner = (p: Clause["pops"][number]) =>
    !p.role && !p.pop.each && !p.pop.head && p.pop.filters.length > 0 && is(c.atoms[p.i + 1], "noun", "n", "synapse");
  // ("avg # excitatory input syn per 6P-CT cell": the cells before "input" already sent them, a partner side.)
  const sent = (p: Clause["pops"][number]) =>
    !p.pop.each &&
    ((p.role === "pre" && is(c.atoms[p.i + 1], "noun", "n", "input")) ||
      (p.role === "post" && is(c.atoms[p.i + 1], "noun", "n", "output")));
  if (
    cells.length === 2 &&
    cells.some((p) => owner(p) || sent(p)) &&
    cells.some((p) => p.pop.each && !p.role && p.pop.filters.length)
  )
    return undefined;
  const sides = new Set(cells.map((p) => p.role).filter(Boolean));
  if (sides.size > 1 || cells.length > 2) return undefined;
  // ("median # of connections onto each 5P-ET": the one population's side says which.)
  // (Only when no word says it: "synapses made per 23P cell" are its outputs, whatever side "per" took.)
  const side = sides.size === 1 ? [...sides][0] : undefined;
  // ("how many partners send synapses to a 23P cell": the partners make the verb's synapses, so a verb of
  // sending said by them is the cell's input, and one of receiving its output.)
  const verbAt = c.atoms.findIndex((a) => is(a, "verb", "v", "in") || is(a, "verb", "v", "out"));
  // ("partners per 23P that send it synapses": "it" is the cell, so the partners send.)
  const toIt = /^(it|them)$/i.test(text(c.atoms[verbAt + 1]));
  const partnersSay =
    verbAt >= 0 && partnerPops.some((p) => p.i < verbAt) && (toIt || cells.every((p) => p.i > verbAt));
  const [verbIn, verbOut] = [c.has("verb", "v", "in"), c.has("verb", "v", "out")];
  let inWords = nouns.includes("input") || nouns.includes("source") || (partnersSay ? verbOut : verbIn);
  let outWords = nouns.includes("output") || nouns.includes("target") || (partnersSay ? verbIn : verbOut);
  if (!inWords && !outWords) [inWords, outWords] = [side === "post", side === "pre"];
  if (inWords === outWords) {
    throw new Unreadable(
      'Input or output synapses per neuron? For example "how many input synapses does the average 23P cell receive?"',
    );
  }
  const partners = nouns.some((n) => ["partner", "target", "source", "connection"].includes(n));
  for (const p of c.pops) p.role = undefined;
  for (const p of partnerPops) p.pop.partnerNoun = true;
  return inWords ? (partners ? "in_partners" : "in_synapses") : partners ? "out_partners" : "out_synapses";
}

/** "synapses per partner", "syn per target": partners taken one by one ("per", "each") after a synapse noun. */
function perPartner(c: Clause): boolean {
  const synapseAt = c.atoms.findIndex((a) => is(a, "noun", "n", "synapse"));
  return (
    synapseAt >= 0 &&
    c.pops.some((p) => p.i > synapseAt && p.pop.each && ["partner", "target", "source"].includes(p.pop.head ?? ""))
  );
}

/** (Not "connection": "the highest connection count" is not read as a count of partners here.) */
const COUNT_NOUNS = PER_ROOT_NOUNS.filter((n) => n !== "connection");

/**
 * "what's the highest output synapse count a single PV cell has", "the largest input count among
 * 23P": a superlative said of a per-cell count (not "which BC has the highest …", a ranking of the
 * cells) is the largest or smallest of the cells' counts.
 */
export function countSup(c: Clause): Atom | undefined {
  // ("… per PV cell": one population, each of its cells counted, is the same question.)
  if (c.pops.some((p) => p.pop.wh || p.pop.topk || p.pop.sup || (p.pop.each && c.pops.length > 1))) return undefined;
  if (c.atoms.some((a) => is(a, "wh") && !/^what\b/i.test(text(a)))) return undefined;
  const noun = (a: Atom | undefined) => COUNT_NOUNS.some((n) => is(a, "noun", "n", n));
  return c.atoms.find(
    (a, i) =>
      is(a, "sup") &&
      !as(a, "sup")!.q &&
      ((!as(a, "sup")!.count && noun(c.atoms[i + 1]) && is(c.atoms[i + 2], "count")) ||
        // ("for each type, what is the largest number of output synapses per cell": the largest cell's count.)
        (Boolean(as(a, "sup")!.count) && noun(c.atoms[i + 1]) && is(c.atoms[i + 2], "per_cell"))),
  );
}
