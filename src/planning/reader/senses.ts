import { as, is, lower, use, type Atom } from "./atoms.js";
import { Unreadable } from "./filters.js";
import { FLOW_WORDS, kindDim } from "./shape.js";

/**
 * Words whose sense their neighbours decide, read before anything else: "max" as a superlative,
 * "x" as a cross-tabulation, "glia included" as no condition.
 */
export function readSenses(atoms: Atom[]): Atom[] {
  arrowToKind(atoms);
  selectiveCounted(atoms);
  return crossTabs(statsAsSuperlatives(withoutIncluded(oneHowMany(sizedFlows(strategyOfFlows(nounsInPlace(atoms)))))));
}

/**
 * "how many contacts do BCs make onto 23P", "what percent of the contacts onto 5P-ET come from …": a word
 * that is a noun or a verb ("contacts", "targets", "inputs") is the noun after a count word, "of" or "the"
 * (its verb sense had put the BCs on the wrong side, or ended the share's whole too early).
 */
function nounsInPlace(atoms: Atom[]): Atom[] {
  return atoms.map((a, i) => {
    if (a.tag.t !== "noun" || !a.alt.some((t) => t.t === "verb")) return a;
    const before = atoms[i - 1];
    const article = /^(the|all the|these|those)$/i.test(lower(before));
    const nounPlace = is(before, "count") || is(before, "rel", "r", "of") || (article && i > 0);
    return nounPlace ? { ...a, alt: a.alt.filter((t) => t.t !== "verb") } : a;
  });
}

/**
 * "which area has the most orientation-selective cells": the most cells that are selective, by a
 * cutoff the question does not give (it had been read as the area of the cell with the highest gOSI).
 */
function selectiveCounted(atoms: Atom[]): void {
  const at = atoms.findIndex(
    (a, i) =>
      Boolean(as(a, "sup")?.count) &&
      is(atoms[i + 1], "qty") &&
      /(selective|tuned)$/i.test(lower(atoms[i + 1])) &&
      /^(cells|neurons|units)$/i.test(lower(atoms[i + 2])),
  );
  // (Only of groups ranked by it: "the 5 most orientation-tuned neurons" are the cells with the highest gOSI.)
  const kind = (a: Atom) => Boolean(kindDim(String(as(a, "noun")?.n ?? a.tag.head ?? "")));
  const kinds = atoms.slice(0, Math.max(at, 0)).some(kind);
  if (at < 0 || !kinds || atoms.slice(0, at).some((a) => is(a, "num") || is(a, "topk"))) return;
  throw new Unreadable(`"${lower(atoms[at + 1])}" by which cutoff? For example "the most cells with gOSI above 0.3".`);
}

/**
 * "inter-areal synapses from 23P": a proofreading strategy ("interareal" names an axon strategy) said
 * of synapses or connections is no strategy of theirs; left as a word to ask about (it had been read
 * as the partners' axon strategy, an answer of 0).
 */
function strategyOfFlows(atoms: Atom[]): Atom[] {
  return atoms.map((a, i) => {
    const dim = String(as(a, "val")?.dim ?? "");
    const noun = String(as(atoms[i + 1], "noun")?.n ?? "");
    if (!/_strategy$/.test(dim) || !FLOW_WORDS.has(noun)) return a;
    return { tag: { t: "unknown" }, alt: [], items: a.items };
  });
}

/**
 * "types whose incoming synapses are biggest on average": "biggest" said of synapses is their size
 * (it had been read as the most synapses per cell).
 */
function sizedFlows(atoms: Atom[]): Atom[] {
  return atoms.flatMap((a, i) => {
    const sup = as(a, "sup");
    if (!sup || sup.q || sup.count || !/^(the )?(biggest|largest|smallest|bigger|larger|smaller)$/.test(lower(a)))
      return [a];
    let j = i - 1;
    while (
      j >= 0 &&
      (is(atoms[j], "verb", "v", "be") || is(atoms[j], "glue") || /^(the|are|is)$/.test(lower(atoms[j])))
    )
      j--;
    const noun = String(as(atoms[j], "noun")?.n ?? "");
    // (Read as "… are the biggest in size": the word says both the order and the quantity.)
    const size: Atom = { tag: { t: "qty", q: "size" }, alt: [], items: a.items };
    return ["synapse", "input", "output"].includes(noun) && j < i - 1 ? [a, size] : [a];
  });
}

/**
 * "the root with the max gDSI", "which BC has the min nucleus volume": "max"/"min" said of one of
 * several things (after "with the", "has the") picks the one, as "highest"/"lowest" does; it is not
 * the maximum value alone ("what is the max gDSI").
 */
function statsAsSuperlatives(atoms: Atom[]): Atom[] {
  return atoms.map((a, i) => {
    const fn = as(a, "stat")?.fn;
    if (fn !== "max" && fn !== "min") return a;
    const article = /^the$/.test(lower(atoms[i - 1]));
    const owner = atoms[article ? i - 2 : i - 1];
    if (!/^(with|has|have|having|had)$/.test(lower(owner)) || !is(atoms[i + 1], "qty")) return a;
    return { ...a, tag: { t: "sup", dir: fn === "max" ? "desc" : "asc" }, alt: [] };
  });
}

/** A noun of synapses or of the cells on their other side: with one said, the question is a flow. */
const flowNoun = (a: Atom) => FLOW_WORDS.has(String(as(a, "noun")?.n ?? ""));
const kindOf = (a: Atom | undefined) => (kindDim(String(as(a, "noun")?.n ?? "")) ? String(as(a, "noun")!.n) : "");

/**
 * "inh type x area counts", "layer × class": between two different kinds of group, with no synapses
 * in the question, "x" crosses the two groupings (between two kinds of cells it is a flow: "BC x 23P").
 */
function crossTabs(atoms: Atom[]): Atom[] {
  if (atoms.some(flowNoun)) return atoms;
  return atoms.map((a, i) => {
    if (!is(a, "rel", "r", "to") || !/^(x|×)$/.test(lower(a))) return a;
    const [before, after] = [kindOf(atoms[i - 1]), kindOf(atoms[i + 1])];
    if (!before || !after || before === after) return a;
    return { ...a, tag: { t: "per" }, alt: [] };
  });
}

const ARROW = /^(→|->|=>)$/;

/**
 * "4P → mtype counts": an arrow to a bare kind of group, with no synapses said, may be the synapses
 * from 4P per target m-type or the 4P cells per m-type; asked back.
 */
function arrowToKind(atoms: Atom[]): void {
  if (atoms.some((a) => flowNoun(a) || is(a, "chart") || is(a, "matrix"))) return;
  atoms.forEach((a, i) => {
    const kind = kindOf(atoms[i + 1]);
    if (!ARROW.test(lower(a)) || !kind || !(is(atoms[i - 1], "val") || is(atoms[i - 1], "noun"))) return;
    const from = atoms[i - 1]!.items.map((x) => x.text).join(" ");
    const named = kind === "mtype" ? "m-type" : kind === "type" ? "cell type" : String(kind);
    throw new Unreadable(
      `"${from} → ${named}": the synapses from ${from} per target ${named}, or the ${from} cells per ${named}?`,
      [`synapses from ${from} per postsynaptic ${named}`, `${from} cells per ${named}`],
    );
  });
}

const NAMED = new Set(["class", "cell_type", "mtype"]);

/**
 * "all the cells in V1 - glia included -", "glia too": a kind said to be included restricts nothing (it had
 * been read as "glia"); said after another kind of cells ("neurons, glia included") it is asked back.
 */
function withoutIncluded(atoms: Atom[]): Atom[] {
  const drop = new Set<number>();
  atoms.forEach((a, i) => {
    const v = as(a, "val");
    if (!v || !NAMED.has(String(v.dim))) return;
    // ("…? all cell classes, glia too": "too" said of a kind is the same.)
    const mark = /^(included|inclusive|too|as well)$/.test(lower(atoms[i + 1]))
      ? i + 1
      : /^(including|incl\.?)$/.test(lower(atoms[i - 1]))
        ? i - 1
        : -1;
    if (mark < 0) return;
    const said = atoms.slice(0, Math.min(i, mark)).some((b) => NAMED.has(String(as(b, "val")?.dim ?? "")));
    const neurons = atoms.slice(0, Math.min(i, mark)).some((b) => is(b, "noun", "n", "neuron"));
    if (said || neurons) {
      const text = a.items.map((x) => x.text).join(" ");
      throw new Unreadable(
        `"${text}" included in which cells? Ask about the cells with and without them on their own.`,
      );
    }
    use(a, atoms[mark]);
    drop.add(i).add(mark);
  });
  return atoms.filter((_, i) => !drop.has(i));
}

const CELL_QUANTITIES = new Set(["osi", "dsi", "cc", "volume", "depth"]);

/**
 * "top3 gDSI cells", "top 5 volume BCs": the quantity between a top-k and the cells ranks them (read
 * after numbers, which make the top-k).
 */
export function rankedBy(atoms: Atom[]): Atom[] {
  return atoms.map((a, i) => {
    const q = as(a, "qty")?.q;
    const top = as(atoms[i - 1], "topk");
    const cells =
      is(atoms[i + 1], "noun", "n", "cell") || is(atoms[i + 1], "noun", "n", "neuron") || is(atoms[i + 1], "val");
    if (!top || !CELL_QUANTITIES.has(String(q)) || !cells) return a;
    return { ...a, tag: { t: "sup", dir: top.dir === "asc" ? "asc" : "desc", q: String(q) }, alt: [] };
  });
}

/**
 * "how many excitatory and how many inhibitory neurons": the second "how many" says again what the
 * first asks, so the two names are read as one list (each counted); before anything else, it is a
 * second question.
 */
function oneHowMany(atoms: Atom[]): Atom[] {
  const drop = new Set<number>();
  const first = atoms.findIndex((b) => is(b, "count") && /^how many$/.test(lower(b)));
  atoms.forEach((a, i) => {
    if (i <= first || first < 0 || !is(a, "count") || !is(atoms[i - 1], "rel", "r", "and")) return;
    if (!is(atoms[i - 2], "val") || !is(atoms[i + 1], "val")) {
      // ("how many BCs and how many synapses do they make": two questions.)
      throw new Unreadable("That is two questions in one; I answer one at a time. Please ask them one after another.");
    }
    use(a);
    drop.add(i);
  });
  return atoms.filter((_, i) => !drop.has(i));
}
