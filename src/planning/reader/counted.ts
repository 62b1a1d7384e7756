import { is, lower, type Atom } from "./atoms.js";
import { PARTNER_HEADS } from "./flow-partners.js";
import { popOf, type Pop } from "./phrases.js";
import { FLOW_NOUN_NAMES, SIDE_ADJECTIVE } from "./shape.js";
import { Unreadable } from "./filters.js";

const CELL_HEADS = ["cell", "neuron", ...PARTNER_HEADS];
/** One root or nucleus named: nothing to rank. */
const pinned = (p: Pop) => p.filters.some((f) => ["root_id", "nucleus_id"].includes(f.dim) && !f.not);

/** Marks what is counted: after "how many", and after a counting "most" that ranks another population. */
export function markCounted(atoms: Atom[]): void {
  markAfterHowMany(atoms);
  markAfterMost(atoms);
  markBeforeCount(atoms);
}

/**
 * "8646… downstream neurons in V1, count": a count said last is of the population said before it,
 * when that names cells or partners (not "BC→23P synapses, count", whose synapses are counted).
 */
function markBeforeCount(atoms: Atom[]): void {
  const at = atoms.findIndex((a) => is(a, "count"));
  if (at < 0 || atoms.slice(at + 1).some((a) => !a.items.every((x) => x.fn))) return;
  // ("23P cells that receive synapses from MCs, how many": the cells the relative clause is said of.)
  const first = atoms.findIndex((a) => a.tag.t === "pop");
  const subject = popOf(atoms[first]);
  // ("23P that get input from BCs, how many": a bare type names its cells too.)
  const bare = !subject?.head && (subject?.plural || subject?.filters.length);
  const cells = subject && (CELL_HEADS.includes(subject.head ?? "") || bare);
  const sided = (a: Atom | undefined) => is(a, "rel", "r", "downstream") || is(a, "rel", "r", "upstream");
  const [pronoun, next] = [atoms[first + 1], atoms[first + 2]];
  // ("that receive input from", "which are" + "targeted by": the clause's words, however the lexicon joined them.)
  // ("4P cells receiving synapses from MCs, how many", "4P cells innervated by MCs, count": a participle
  // right after the cells is a relative clause too; it had counted the synapses, or the other cells.)
  const participle =
    (is(pronoun, "verb") && /^\w{3,}ing\b/i.test(lower(pronoun))) ||
    (sided(pronoun) && /\wed by$/i.test(lower(pronoun)));
  const relative =
    participle ||
    (/^(that|which|who)\b/i.test(lower(pronoun)) &&
      (sided(pronoun) ||
        ((/^(that|which|who)$/i.test(lower(pronoun)) || is(pronoun, "glue")) && (is(next, "verb") || sided(next)))));
  if (subject && cells && first < at && !pinned(subject) && relative) {
    subject.counted = true;
    return;
  }
  const before = atoms.slice(0, at).filter((a) => !a.items.every((x) => x.fn) || a.tag.t === "pop");
  // ("postsynaptic partners of 8646… (count)": the partners, before the root they belong to.)
  let k = before.length - 1;
  if (popOf(before[k]) && pinned(popOf(before[k])!) && is(before[k - 1], "rel", "r", "of")) k -= 2;
  const pop = popOf(before[k]);
  if (!pop || pinned(pop) || !CELL_HEADS.includes(pop.head ?? "")) return;
  if (atoms.some((a) => [...FLOW_NOUN_NAMES].some((n) => is(a, "noun", "n", n)))) return;
  pop.counted = true;
}

/**
 * "Which MC targets the most 23P cells": the MCs are ranked by how many 23P cells they reach, so the
 * 23P cells are counted (distinct roots), not the synapses onto them. Only when the population after
 * "most" names cells or partners and no synapse, input, output or connection noun follows it
 * ("which MC makes the most synapses onto 23P cells" counts synapses), and when another population
 * before "most" is the one asked for ("which MC", "the MC").
 */
function markAfterMost(atoms: Atom[]): void {
  atoms.forEach((a, i) => {
    if (a.tag.t !== "sup" || !(a.tag as { count?: boolean }).count) return;
    let j = i + 1;
    while (j < atoms.length && (is(atoms[j], "distinct") || atoms[j]!.items.every((x) => x.fn))) {
      if (atoms[j]!.tag.t === "pop") break;
      j++;
    }
    const pop = popOf(atoms[j]);
    if (!pop || !pop.filters.length || (pop.head !== undefined && !CELL_HEADS.includes(pop.head))) return;
    if ([...FLOW_NOUN_NAMES].some((n) => is(atoms[j + 1], "noun", "n", n))) return;
    // (The one ranked: "which MC", or one cell named in the singular, "the MC with the most …".)
    const ranked = atoms
      .slice(0, i)
      .map(popOf)
      .find((p) => p && (p.wh || (!p.plural && !p.each && p.filters.length && !pinned(p))));
    const flowVerb = atoms.slice(0, i).some((x) => [x.tag, ...x.alt].some((t) => t.t === "verb"));
    // (Partner heads name the flow themselves: "the MC with the most 23P targets".)
    if (!ranked || !(flowVerb || PARTNER_HEADS.has(pop.head ?? ""))) return;
    pop.counted = true;
    pop.countedByMost = true;
    ranked.wh ??= "which";
  });
}

/** Verbs whose object is cells, not synapses: "how many do BCs target" could count either. */
const TARGETING = /^(target|targets|targeted|hit|hits|contact|contacts|contacted|innervate|innervates|innervated)$/;

/** "How many 23P cells does …": the population right after "how many" is what is counted. */
function markAfterHowMany(atoms: Atom[]): void {
  atoms.forEach((a, i) => {
    if (!is(a, "count")) return;
    let j = i + 1;
    while (
      j < atoms.length &&
      (is(atoms[j], "distinct") ||
        is(atoms[j], "rel", "r", "of") ||
        // ("how many presynaptic fragments": the side said of the counted ones.)
        (SIDE_ADJECTIVE.test(lower(atoms[j])) && atoms[j + 1]?.tag.t === "pop") ||
        (atoms[j]!.items.every((x) => x.fn) && atoms[j]!.tag.t !== "pop"))
    )
      j++;
    // ("how many of X's outputs", "how many inhibitory synapses": the outputs, the synapses are counted;
    // "how often does X hit BC" counts synapses.)
    // ("more inhibitory or excitatory synapses": the noun after the alternatives is what is counted.)
    const alternatives = is(atoms[j + 1], "vs") && atoms[j + 2]?.tag.t === "pop";
    const next = atoms[alternatives ? j + 3 : j + 1];
    // ("how many different roots synapse onto X": "synapse" is the verb there.)
    const verbLike = /^synapse$/i.test(next?.items[0]?.text ?? "") && is(atoms[j + 2], "rel", "r", "to");
    const partnerHead =
      atoms[j]?.tag.t === "pop" && ["partner", "target", "source"].includes(String((atoms[j]!.tag as Pop).head));
    const flowNoun =
      !verbLike &&
      (is(next, "noun", "n", "synapse") ||
        is(next, "noun", "n", "input") ||
        is(next, "noun", "n", "output") ||
        is(next, "noun", "n", "connection") ||
        // ("how many BC<->23P synapses": the flow both ways between them is counted, as with an arrow.)
        (!partnerHead && (is(next, "rel", "r", "to") || is(next, "rel", "r", "from") || is(next, "bothways"))));
    // ("how many of 8646…'s postsynaptic partners are tuned": the partners after the possessive are counted.)
    const owned = atoms[j + 2];
    if (
      atoms[j]?.tag.t === "pop" &&
      /^(s'|'s)$/.test(next?.items[0]?.text ?? "") &&
      owned?.tag.t === "pop" &&
      ["partner", "target", "source"].includes(String((owned.tag as Pop).head))
    )
      (owned.tag as Pop).counted = true;
    // ("how many do 23P cells make onto BCs": the cells after "do" make what is counted; they had been counted.
    // "how many do BCs target" names no counted noun at all: not the BCs either.)
    const subject = atoms.slice(i + 1, j).some((x) => /^(do|does|did)$/i.test(lower(x)));
    // ("how often does X hit BC", "how many times do NGCs contact 23P" count synapses.)
    const often = /^how (often|many times)$/i.test(a.items.map((x) => x.text).join(" "));
    const targeting = TARGETING.test(lower(atoms[j + 1]).split(" ")[0] ?? "");
    if (subject && !often && atoms[j]?.tag.t === "pop" && targeting)
      throw new Unreadable(
        `How many what: the cells they ${lower(atoms[j + 1])}, or the synapses they make onto them? ` +
          `Say "how many cells do … ${lower(atoms[j + 1])}" or "how many synapses do … make".`,
      );
    if (atoms[j]?.tag.t === "pop" && !subject && !/^(s'|'s)$/.test(next?.items[0]?.text ?? "") && !flowNoun && !often) {
      (atoms[j]!.tag as Pop).counted = true;
    }
  });
}
