import type { Filter, Measure, Query } from "../plan.js";
import { as, is, text, use, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import { cellThreshold, popFilters, thresholdByVerb, Unreadable } from "./filters.js";
import type { Threshold } from "./numbers.js";
import { isPlace } from "./dims.js";
import { withoutWholeAgain } from "./whole-again.js";
import { kindShareInPlace, whichShare } from "./share-in-place.js";
import { partSaidBeforeWhole } from "./share-whole-after.js";
import { CELL_QUANTITIES, statMeasure } from "./measure.js";
import { FLOW_WORDS, kindDim } from "./shape.js";

/**
 * "What fraction of neurons are inhibitory?", "inhibitory share of all neurons", "% inhibitory among
 * L2/3 neurons", "% of cells that are glia", "fraction of 23P cells in LM": which cells are the
 * whole, and which condition picks the part.
 */
/** A verb of synapses: "receive", "make", "target", "get input". */
const synapsing = (a: Atom | undefined) => is(a, "verb", "v", "in") || is(a, "verb", "v", "out");

export function fraction(c: Clause, q: Query): Measure {
  const f = c.take("fraction")!;
  const at = c.index(f.atom);
  const among = c.atoms.findIndex((a, i) => i > at && is(a, "rel", "r", "between"));
  // ("% of tuned 23P cells receive more than 70 input synapses": a flow verb with a threshold is a "have".)
  const flowVerb = (a: Atom, i: number) => synapsing(a) && is(c.atoms[i + 1], "threshold");
  const verb = c.atoms.findIndex(
    (a, i) =>
      i > at && (is(a, "verb", "v", "be") || is(a, "glue", "g", "are") || is(a, "verb", "v", "have") || flowVerb(a, i)),
  );
  const filtersOf = (pops: Clause["pops"]) =>
    pops.flatMap((p) => [...popFilters(p.pop, c.classOf), ...p.pop.thresholds.map((t) => cellThreshold(t))]);
  let part: Filter[] = [];
  let partBefore: Filter[] | undefined;
  // (What the words of the part had put on the whole too, and are taken off it: "… from MCs" as a kind of cell.)
  const said: Filter[] = [];
  // "inhibitory share of all neurons": the name just before the word is the part (not a place said
  // first: "in RL how many percent of cells are glia").
  const placeFirst = (p: Clause["pops"][number]) =>
    /^(in|within|among|for)\b/i.test(text(p.atom)) || /^(in|within|among|for)$/i.test(text(c.atoms[p.i - 1]));
  // ("basket cells as a percent of all neurons": the cells said before "as a" are the part.)
  const between = (p: Clause["pops"][number]) => c.atoms.slice(p.i + 1, at).map((a) => text(a).toLowerCase());
  const asShare = c.pops.find(
    (p) => p.i < at && between(p).includes("as") && between(p).every((w) => /^(as|a|an|the)$/.test(w)),
  );
  // ("of all the l2/3 pyramidal cells how many percent are coregistered": cells said after "of all" are the whole,
  // comma or not.)
  const wholeFirst = (p: Clause["pops"][number]) =>
    [1, 2].some((k) => /^(?:out\s+)?of(?:\s+all)?(?:\s+the)?$/i.test(text(c.atoms[p.i - k])) && p.i - k === 0) ||
    /^(?:out\s+)?of\s+all\b/i.test(text(p.atom));
  const before = asShare ? [asShare] : c.pops.filter((p) => p.i === at - 1 && !placeFirst(p) && !wholeFirst(p));
  const after = c.pops.filter((p) => p.i > at);
  // ("Out of all the interneurons, the neurogliaform ones make up what percent?": the cells that make up a share.)
  const makeUp = c.atoms.findIndex((a) => is(a, "verb", "v", "be") && /^(makes?\s+up|accounts?\s+for)$/i.test(text(a)));
  const maker = c.pops.filter((p) => p.i < makeUp).at(-1);
  if (maker && c.pops.length === 2) {
    use(c.atoms[makeUp]);
    part = filtersOf([maker]);
  } else if (before.length) {
    part = filtersOf(before);
    kindShareInPlace(c, before, after);
  } else if (among > at) part = filtersOf(c.pops.filter((p) => p.i > at && p.i < among));
  else if (verb > at) {
    use(c.atoms[verb]);
    const later = withoutWholeAgain(
      c,
      c.pops.filter((p) => p.i > verb),
      filtersOf(c.pops.filter((p) => p.i < verb)),
    );
    const counts = c.findAll("threshold").filter((a) => c.index(a) > verb);
    // ("of the 23P cells, what fraction receive more than 5 synapses from MCs": cells after "from" or "onto" are
    // the partners the count is made with, not a kind of the cells counted; it had been 23P cells that are MCs.)
    // (Past an article: "… from a Martinotti cell".)
    const relAt = c.atoms.slice(0, later[0]?.i ?? 0).findLastIndex((a) => !a.items.every((x) => x.fn));
    const rel = c.atoms[relAt];
    const withOthers =
      later.length === 1 && counts.length === 1 && (is(rel, "rel", "r", "from") || is(rel, "rel", "r", "to"));
    part = withOthers ? [] : filtersOf(later);
    for (const a of counts) {
      const t = thresholdByVerb(as(a, "threshold") as Threshold, c.atoms[verb]);
      part.push(cellThreshold(withOthers ? { ...t, partners: popFilters(later[0]!.pop, c.classOf) } : t));
      if (withOthers) said.push(cellThreshold(t));
    }
    if (withOthers) {
      c.usePop(later[0]!);
      use(rel);
      said.push(...popFilters(later[0]!.pop, c.classOf));
    }
  } else if (after.some((p) => p.pop.clauseAt !== undefined)) {
    // "% of cells that are glia", "fraction of 23P cells in LM": the clause after the cells is the part.
    const whole = after.find((p) => p.pop.clauseAt !== undefined)!;
    // ("% glia in RL": with no "of", the glia among RL's cells, or RL's share of the glia?)
    // (A state said after the cells is no place: "% 5P-IT coregistered" is the share of 5P-IT that are.)
    const placed = whole.pop.filters.slice(Number(whole.pop.clauseAt)).some((x) => isPlace(x) || x.dim === "depth");
    if (!is(c.atoms[at + 1], "rel", "r", "of") && !/\bof$/i.test(text(f.atom)) && whole.pop.clauseAt! > 0 && placed) {
      const said = /^(.*?)\s+(?:in|within)\s+(.*)$/i.exec(text(whole.atom));
      const [x, y] = [said?.[1] ?? text(whole.atom), said?.[2] ?? "there"];
      throw whichShare(x, y);
    }
    const clause = whole.pop.filters.slice(Number(whole.pop.glueAt ?? whole.pop.clauseAt));
    flagBeforePlace(whole.pop.filters.slice(0, Number(whole.pop.clauseAt)), clause, text(whole.atom));
    // ("frac of L5 IT cells at L4 depth w/ axon proofread": a place beside a property scopes the
    // whole; the property is the part.)
    const property = clause.some(isPlace) && !clause.every(isPlace) ? clause.filter((x) => !isPlace(x)) : clause;
    // ("% of the 23P cells in V1 receive at least 5 synapses from BCs": a count said of them is the part, and a
    // place beside it scopes the whole; V1 had been the part, of the 23P cells with 5 BC synapses.)
    // (A depth is where the cells are, as a place is: "23P cells in V1 deeper than 250 µm" are the whole.)
    const where = (x: Filter) => isPlace(x) || x.dim === "depth";
    const counts = whole.pop.thresholds.map((t) => cellThreshold(t)).filter((x) => !where(x));
    const kept = counts.length ? property.filter((x) => !where(x)) : property;
    part = [...popFilters({ ...whole.pop, filters: kept }, c.classOf), ...counts];
  } else if (c.pops.length === 1 && after[0]?.pop.thresholds.some((t) => t.partners)) {
    // ("what fraction of 23P cells receive more than 20 synapses from MCs": the count with the other cells, said
    // of the cells, is the part; the cells are the whole.)
    part = after[0].pop.thresholds.map((t) => cellThreshold(t));
  } else if (!after.length && c.pops.some((p) => p.i < at && clauseSaid(p.pop))) {
    // ("L4 pyramidal cells with a coregistration match: what fraction?": the clause said of them is the part.)
    const whole = c.pops.find((p) => p.i < at && clauseSaid(p.pop))!;
    part = popFilters({ ...whole.pop, filters: whole.pop.filters.slice(Number(whole.pop.clauseAt)) }, c.classOf);
  } else if ((partBefore = partSaidBeforeWhole(c, at, filtersOf))) {
    part = partBefore;
  } else if (after.length >= 1 && c.pops.some((p) => p.i < at)) {
    // "of all the 23Ps, what percentage sit in LM?": the whole before, the part after. (Not across a verb of
    // synapses: "of the BCs, what fraction hit 23P cells" are not BCs that are 23P cells.)
    if (c.atoms.some((a, i) => i > at && i < after[0]!.i && synapsing(a)))
      throw new Unreadable(
        `A share of the cells with synapses onto (or from) ${text(after[0]!.atom)}? Say it with a number, ` +
          `"what % of … make more than 0 synapses onto ${text(after[0]!.atom)}".`,
      );
    part = filtersOf(after);
  } else if (after[0]?.i === at + 1 && kindOfHead(after[0]) && c.pops.filter((p) => !p.pop.each).length === 1) {
    // "% non-neuronal cells", "% inhibitory neurons", "% coregistered cells": the kind named is the part, the head
    // noun the whole. ("% inh neurons per area" is that share in each area; each area's share of all inhibitory
    // neurons would be "% of inh neurons in each area", said with "of", which is not read here.)
    part = filtersOf(after).filter((x) => !isNeurons(x));
    if (after[0].pop.filters.some(isNeurons) && !q.filter.some(isNeurons))
      q.filter.push({ dim: "class", values: ["neuron"] });
  }
  if (among > at) use(c.atoms[among]);
  const partKeys = new Set([...part, ...said].map((x) => JSON.stringify(x)));
  q.filter = q.filter.filter((x) => !partKeys.has(JSON.stringify(x)));
  // ("what % of cells are in each layer", "% of neurons in each area": nothing but the grouping named, each
  // group's share of all of them.)
  // (Grouped by "each"/"per", not by a place the cells are already cut on: "L4 cells that are 4P: what
  // percentage of the layer is that?" is no share across layers.)
  // ("what percentage of all neurons are in each area": "of all" too.)
  const saidOf =
    is(c.atoms[at + 1], "rel", "r", "of") || /\bof$/i.test(text(f.atom)) || /^of all$/i.test(text(c.atoms[at + 1]));
  const perGroup = c.pops.some((p) => p.pop.each) && !q.filter.some((x) => q.groupBy.some((g) => g.dim === x.dim));
  if (!part.length && perGroup && saidOf && !q.compare) return { fn: "fraction", part: {}, across: true };
  if (!part.length)
    throw new Unreadable(
      'A fraction of which cells, and which part of them? For example "what fraction of neurons are inhibitory?"',
    );
  // ("which area has the highest fraction of inhibitory neurons": with no whole named, a share of
  // excitatory or inhibitory neurons is of the neurons, not of every cell with the glia.)
  const partKey = new Set(part.map((x) => JSON.stringify(x)));
  const neurons = (x: Filter) => x.dim === "class" && !x.not && x.values?.length === 1 && x.values[0] === "neuron";
  const wholeNamed = c.pops.some(
    (p) =>
      (p.pop.head === "cell" && !p.pop.filters.some(neurons)) ||
      p.pop.head === "nucleus" ||
      p.pop.filters.some((x) => !partKey.has(JSON.stringify(x)) && !neurons(x)),
  );
  // ("what fraction are inhibitory in V1": the place is of the whole.)
  if (!wholeNamed && part.some(isPlace) && part.some((x) => !isPlace(x))) {
    q.filter.push(...part.filter(isPlace));
    part = part.filter((x) => !isPlace(x));
  }
  const ei =
    part.length === 1 &&
    part[0]!.dim === "class" &&
    !part[0]!.not &&
    part[0]!.values!.every((v) => v === "excitatory" || v === "inhibitory");
  if (!wholeNamed && ei && !q.filter.some((x) => x.dim === "class"))
    q.filter.push({ dim: "class", values: ["neuron"] });
  return { fn: "fraction", part: { filter: part } };
}

const isNeurons = (f: Filter) => f.dim === "class" && !f.not && f.values?.join() === "neuron";

/** Cells or neurons of one kind (a class or a type), with nothing else said of them. */
function kindOfHead(p: Clause["pops"][number]): boolean {
  const kinds = p.pop.filters.filter((f) => f.dim === "class" || f.dim === "cell_type" || f.is !== undefined);
  const neurons = p.pop.filters.some(isNeurons);
  return (
    (p.pop.head === "cell" || neurons) &&
    kinds.length === p.pop.filters.length &&
    kinds.some((f) => f.values?.join() !== "neuron") &&
    !p.pop.thresholds.length &&
    p.pop.clauseAt === undefined
  );
}

/**
 * "the ratio of excitatory to inhibitory neurons", "ratio of BC to MC cells in V1": two populations
 * of cells, counted, one over the other (no synapses named: those are a flow's ratio).
 */
export function cellRatio(c: Clause): Query | undefined {
  const r = c.find("ratio");
  if (!r || saysFlow(c)) return undefined;
  // ("E/I ratio in AL": with no synapses named, excitatory over inhibitory neurons.)
  const ei = /^(e\/i|e:i|e-i|ei)( ratio)?$/i.test(r.items.map((i) => i.text).join(" "));
  if (ei && c.pops.every((p) => p.pop.filters.length && p.pop.filters.every(isPlace))) {
    use(r);
    for (const p of c.pops) c.usePop(p);
    return {
      kind: "query",
      source: "cells",
      filter: c.pops.flatMap((p) => popFilters(p.pop, c.classOf)),
      pre: [],
      post: [],
      measure: {
        fn: "ratio",
        numerator: { filter: [{ dim: "class", values: ["excitatory"] }] },
        denominator: { filter: [{ dim: "class", values: ["inhibitory"] }] },
      },
      groupBy: [],
    };
  }
  if (c.pops.length < 2) return undefined;
  const kind = (f: Filter) => ["class", "cell_type", "mtype"].includes(f.dim);
  // ("excitatory to inhibitory neurons in area AL": the place said after the second is of both.)
  const operands = c.pops.filter((p) => p.pop.filters.some(kind) && p.pop.filters.every((f) => kind(f) || isPlace(f)));
  const places = c.pops.filter((p) => !operands.includes(p) && p.pop.filters.length && p.pop.filters.every(isPlace));
  // ("ratio of inhibitory to excitatory cells per layer": one ratio per group.)
  const groups = c.pops.filter((p) => !p.pop.filters.length && kindDim(p.pop.head) && (p.pop.each || c.has("per")));
  if (operands.length !== 2 || operands.length + places.length + groups.length !== c.pops.length) return undefined;
  if (groups.length > 1) return undefined;
  // ("ratio of V1 neurons to RL neurons": each its own place; "V1 BCs to MCs" could be either, and is not read.)
  const ownPlaces = operands.every((p) => p.pop.filters.some(isPlace));
  if (operands[0]!.pop.filters.some(isPlace) && (!ownPlaces || places.length)) return undefined;
  // ("ratio of the mean nucleus volume of 5P-ET cells to that of 23P cells": the two sets' statistics.)
  const stat = c.has("stat") && !groups.length ? statMeasure(c, CELL_QUANTITIES) : undefined;
  if (c.has("stat") && !stat) return undefined;
  use(r, c.find("rel", "r", "to"));
  for (const p of [...operands, ...places, ...groups]) c.usePop(p);
  const [a, b] = operands.map((p) => popFilters(p.pop, c.classOf).filter((f) => ownPlaces || !isPlace(f)));
  const shared = ownPlaces ? places : [...places, operands[1]!];
  const filter = shared.flatMap((p) => popFilters(p.pop, c.classOf).filter(isPlace));
  const groupBy = groups.map((p) => ({ dim: kindDim(p.pop.head)! }));
  if (groups.length) use(c.find("per"));
  const query: Query = { kind: "query", source: "cells", filter, pre: [], post: [], measure: { fn: "count" }, groupBy };
  if (!stat) return { ...query, measure: { fn: "ratio", numerator: { filter: a! }, denominator: { filter: b! } } };
  const label = (p: Clause["pops"][number]) => p.atom.items.map((i) => i.text).join(" ");
  const compare = [
    { label: label(operands[0]!), filter: a! },
    { label: label(operands[1]!), filter: b! },
  ];
  return { ...query, measure: stat.measure, compare, contrast: "ratio" };
}

/**
 * Words that make a ratio one of synapses: a flow noun, a verb other than "be", a named neuron, a side said
 * ("onto 23P", "from BCs"; not the "to" of "ratio of A to B").
 */
export function saysFlow(c: Clause): boolean {
  const side = (a: Atom) => is(a, "rel", "r", "to") || is(a, "rel", "r", "from");
  return (
    [...FLOW_WORDS].some((n) => c.has("noun", "n", n)) ||
    c.atoms.some((a) => side(a) && !/^to$/i.test(text(a))) ||
    (c.has("verb") && !c.has("verb", "v", "be")) ||
    c.pops.some((p) => p.pop.filters.some((f) => f.dim === "root_id"))
  );
}

/** A clause after the cells that is not a place ("BCs in V1: what fraction?" could be either share). */
function clauseSaid(pop: Clause["pops"][number]["pop"]): boolean {
  const clause = pop.filters.slice(Number(pop.clauseAt ?? pop.filters.length));
  return Number(pop.clauseAt) > 0 && clause.length > 0 && !clause.some(isPlace);
}

/**
 * "pct of tuned 4P cells in RL": of the tuned 4P cells, the share in RL; or of the 4P cells in RL,
 * the share tuned? With a flag said before the cells and a place after, either is meant: asked back.
 */
function flagBeforePlace(named: Filter[], clause: Filter[], words: string): void {
  const flag = named.find((f) => f.is !== undefined);
  if (!flag || !clause.length || !clause.every(isPlace)) return;
  const [x, y] = /^(.*?)\s+(?:in|within)\s+(.*)$/i.exec(words)?.slice(1) ?? [words, "there"];
  // ("tuned 4P cells": the flag's word first, the cells after it.)
  const [said, ...cells] = (x ?? words).split(" ");
  const rest = cells.length ? cells.join(" ") : "cells";
  throw new Unreadable(
    `Which share: of the ${x}, how many are in ${y}; or of the ${rest} in ${y}, how many are ${said}? ` +
      `Say "% of ${x} that are in ${y}" or "% of ${rest} in ${y} that are ${said}".`,
    [`% of ${x} that are in ${y}`, `% of ${rest} in ${y} that are ${said}`],
  );
}

/**
 * "of the BCs, what fraction hit 23P cells": a verb right after the share word has the share (of cells) for its
 * subject; with no noun of synapses said, it is no share of synapses (it had been BC's synapses onto 23P).
 */
export function cellsDoing(c: Clause, at: number): void {
  const next = c.atoms.slice(at + 1).find((a) => !/^(of them|of those|of these)$/i.test(text(a)));

  // (Said anywhere, as a noun or in a bound: "of all synapses onto …, which percent come from 23P", "of 8646…'s
  // partners, what fraction get >=3 synapses".)
  const flowNoun = c.atoms.some((a) => /\b(synapses?|syns?|inputs?|outputs?|connections?|conns?)\b/i.test(text(a)));
  const ofOneRoot = c.pops.some((p) => p.pop.filters.some((x) => x.dim === "root_id"));
  if (synapsing(next) && !flowNoun && !ofOneRoot)
    throw new Unreadable(
      'A share of the cells, or of their synapses? Say "what % of BCs make more than 0 synapses onto 23P cells" ' +
        'or "what % of BC synapses go onto 23P cells".',
    );
}
