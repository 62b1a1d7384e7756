import type { Item } from "./items.js";

const SOMA = /^(the )?(soma|somata|somas|cell bod(y|ies))$/i;
const ONTO = /^(on|onto|to|at|upon|targeting|target)$/i;
const SYNAPSE_NOUNS = new Set(["synapse", "input", "output", "connection", "partner", "target", "source"]);

/**
 * "n syn BC→23P onto soma only?", "median syn size BC→5P-ET at the soma": where on the cell a synapse lands (its
 * compartment) is not in the tables. "soma" is a cell noun elsewhere ("somata in layer 6b"), so
 * only after "onto"/"on"/"at" in a question about synapses is it left unread, for the reader to
 * ask about. (It had been read as "onto cells", the restriction dropped.)
 */
export function somaAsCompartment(items: Item[]): Item[] {
  // (Synapses said any way: "synapses", "inputs", "output syn", "partners", "syn size", "synapse onto", "of all
  // synapses".)
  const aboutSynapses = items.some(
    (x) =>
      /\bsyn/i.test(x.text) ||
      x.tags.some(
        (t) =>
          (t.t === "noun" && SYNAPSE_NOUNS.has(String(t.n))) ||
          (t.t === "qty" && t.q === "size") ||
          (t.t === "verb" && ["in", "out", "connect"].includes(String(t.v))),
      ),
  );
  if (!aboutSynapses) return items;
  items.forEach((item, k) => {
    if (!SOMA.test(item.text)) return;
    const before = items.slice(0, k).filter((x) => !/^(the|a|an)$/i.test(x.text));
    if (ONTO.test(before[before.length - 1]?.text ?? "")) item.tags = [];
  });
  return items;
}

/**
 * "onto cells whose soma lies in layer 4", "cells with somata in L5": the cells' own soma is where
 * they are; "whose soma" adds nothing to "cells in layer 4" (it had been read as a second set of cells).
 */
export function ownSoma(items: Item[]): Item[] {
  const k = items.findIndex((x, i) => SOMA.test(x.text) && i > 0 && /^(whose|with)$/i.test(items[i - 1]!.text));
  if (k < 0) return items;
  const after = items.slice(k + 1).find((x) => !/^(lies|lie|is|are|sits|sit|located|situated)$/i.test(x.text));
  if (!after || !/^(in|at|within|inside)$/i.test(after.text)) return items;
  // (Dropped, not kept as function words: "cells … in layer 4" must stand together to be one set.)
  return [...items.slice(0, k - 1), ...items.slice(items.indexOf(after))];
}

const LINKING =
  /^(that|which|that is|that's|which is|that was|which was|is|was|are|were|has been|have been|been|got|get)$/i;

/**
 * "cells with an axon that is proofread", "whose dendrite was proofread", "an axon that is fully
 * extended": the compartment, then what is said of it, is the compartment's own proofreading (it
 * had read as "axon" left over and "proofread" said of the whole cell).
 */
export function compartmentProofread(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let k = 0; k < items.length; k++) {
    const side = items[k]!.tags.find((t) => t.t === "side")?.side as "axon" | "dendrite" | undefined;
    let j = k + 1;
    while (side && j < items.length && LINKING.test(items[j]!.text)) j++;
    const said = items[j];
    const flag = said?.tags.some((t) => t.t === "flag" && t.dim === "proofread");
    const strategy = said?.tags.find((t) => t.t === "val" && t.dim === `${side}_strategy`);
    if (!side || j === k + 1 || !(flag || strategy)) {
      out.push(items[k]!);
      continue;
    }
    const span = items.slice(k, j + 1);
    const tags = flag ? [{ t: "flag", dim: `${side}_proofread` }] : [strategy!];
    out.push({ ...items[k]!, end: said!.end, text: span.map((x) => x.text).join(" "), tags, fn: false });
    k = j;
  }
  return out.map((x, i) => ({ ...x, i }));
}

const ON_PART = /^(on|for|in|at|of)$/i;
const FILLER = /^(the|its|their|both|a|an|each)$/i;
const AND = /^(and|&|\+)$/i;
const OR = /^(or|and\/or)$/i;

/**
 * "roots proofread on axon and dendrite", "cells proofread on the axon", "proofread on axon or dendrite":
 * the compartments after "proofread on" say which proofreading (both, one, either). "on" had been read as a
 * flow ("proofread cells onto cells with axon and dendrite proofread"), a wrong number.
 */
export function proofreadOnCompartments(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const said = item.tags.some((t) => t.t === "flag" && t.dim === "proofread" && !t.also && !t.alsoNot);
    if (!said || !ON_PART.test(items[k + 1]?.text ?? "")) {
      out.push(item);
      continue;
    }
    const sides = new Set<string>();
    const flags: Item["tags"] = [];
    let either = false;
    let end = k + 1;
    for (let j = k + 2; j < items.length; j++) {
      const x = items[j]!;
      const side = x.tags.find((t) => t.t === "side")?.side;
      const flag = x.tags.find((t) => t.t === "flag" && /^(axon|dendrite)_proofread$/.test(String(t.dim)));
      if (side) sides.add(String(side));
      else if (flag) flags.push(flag);
      else if (OR.test(x.text)) either = true;
      else if (!FILLER.test(x.text) && !AND.test(x.text) && !x.tags.some((t) => t.t === "bothsides")) break;
      if (side || flag) end = j;
    }
    if (!sides.size && !flags.length) {
      out.push(item);
      continue;
    }
    const parts = new Set([...sides, ...flags.map((f) => String(f.dim).split("_")[0]), ...flags.map((f) => f.also)]);
    parts.delete(undefined);
    const tags: Item["tags"] =
      flags.length === 1 && !sides.size
        ? [flags[0]!]
        : parts.size > 1
          ? [
              either
                ? { t: "flag", dim: "proofread" }
                : { t: "flag", dim: "axon_proofread", also: "dendrite_proofread" },
            ]
          : [{ t: "flag", dim: `${[...parts][0]}_proofread` }];
    const span = items.slice(k, end + 1);
    out.push({ ...item, end: items[end]!.end, text: span.map((x) => x.text).join(" "), tags, fn: false });
    k = end;
  }
  return out.map((x, i) => ({ ...x, i }));
}

const MARKED = /^(marked|flagged|labell?ed|listed|set|as|marked as|flagged as)$/i;

/**
 * "both their dendrite and their axon marked as proofread", "dendrite + axon proofread": two compartments, then
 * the proofreading said of both. ("dendrite" had been left over, and the question asked back.)
 */
export function sidesThenProofread(items: Item[]): Item[] {
  const sideOf = (x: Item | undefined) => x?.tags.find((t) => t.t === "side")?.side as string | undefined;
  const out: Item[] = [];
  for (let k = 0; k < items.length; k++) {
    const first = sideOf(items[k]);
    let j = k + 1;
    while (j < items.length && FILLER.test(items[j]!.text)) j++;
    if (!first || !AND.test(items[j]?.text ?? "")) {
      out.push(items[k]!);
      continue;
    }
    j++;
    while (j < items.length && FILLER.test(items[j]!.text)) j++;
    // ("dendrite and axon proofread": the second compartment may be read with its flag already.)
    const other = first === "axon" ? "dendrite" : "axon";
    const ownFlag = items[j]?.tags.some((t) => t.t === "flag" && t.dim === `${other}_proofread` && !t.also);
    const second = ownFlag ? other : sideOf(items[j]);
    if (!ownFlag) j++;
    while (!ownFlag && j < items.length && (LINKING.test(items[j]!.text) || MARKED.test(items[j]!.text))) j++;
    const flag =
      ownFlag || items[j]?.tags.some((t) => t.t === "flag" && t.dim === "proofread" && !t.also && !t.alsoNot);
    if (!second || second === first || !flag) {
      out.push(items[k]!);
      continue;
    }
    const span = items.slice(k, j + 1);
    const tags = [{ t: "flag", dim: "axon_proofread", also: "dendrite_proofread" }];
    out.push({ ...items[k]!, end: items[j]!.end, text: span.map((x) => x.text).join(" "), tags, fn: false });
    k = j;
  }
  return out.map((x, i) => ({ ...x, i }));
}
