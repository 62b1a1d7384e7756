import type { Filter, Query, Side } from "../plan.js";
import { is, lower, text, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { popFilters, Unreadable } from "./filters.js";
import { SYNAPSE_NOUNS } from "./shape.js";
import { saysFlow } from "./cell-shares.js";

/** The words of an E/I ratio, as one item's text: "e/i", "exc / inh ratio", "excitation-inhibition balance". */
const EI_RATIO = new RegExp(
  String.raw`^(e ?[/:] ?i|e-i|e i|ei|exc ?[/:-] ?inh|excitation ?\/ ?inhibition|excitatory ?[/:] ?inhibitory|` +
    String.raw`excitation[-–/ ]inhibition)( input| inputs)?( ratio| balance)?$`,
);

/** "E/I input ratio of 8646…": excitatory over inhibitory synapses; "ratio of A to B inputs". */
export function ratio(c: Clause, q: Query): void {
  const r = c.take("ratio")!;
  // The ratio is of the partners of the named neuron (or population).
  let side: Side = q.post.some((f) => f.dim === "root_id")
    ? "pre"
    : q.pre.some((f) => f.dim === "root_id")
      ? "post"
      : q.post.length && !q.pre.length
        ? "pre"
        : "post";
  const text = r.atom.items.map((i) => i.text.toLowerCase()).join(" ");
  // ("E/I input ratio of 5P-IT, 5P-ET and 5P-NP cells": inputs come from the partners, whatever side the
  // cells named have been put on yet.)
  const noRoot = !q.pre.some((f) => f.dim === "root_id") && !q.post.some((f) => f.dim === "root_id");
  const inputs = /\binputs?\b/.test(text) || c.has("noun", "n", "input");
  const outputs = /\boutputs?\b/.test(text) || c.has("noun", "n", "output");
  if (noRoot && inputs !== outputs) side = inputs ? "pre" : "post";
  if (EI_RATIO.test(text)) {
    q.measure = {
      fn: "ratio",
      numerator: { [side]: [{ dim: "class", values: ["excitatory"] }] },
      denominator: { [side]: [{ dim: "class", values: ["inhibitory"] }] },
    };
    for (const n of SYNAPSE_NOUNS) use(c.find("noun", "n", n));
    // ("(synapses from excitatory vs. inhibitory neurons)": the ratio's terms said again.)
    const terms = (f: Filter) =>
      f.dim === "class" && (f.values ?? []).every((v) => v === "excitatory" || v === "inhibitory" || v === "neuron");
    if (q[side].some(terms) || q.compare?.every((p) => (p[side] ?? []).length > 0 && (p[side] ?? []).every(terms))) {
      q[side] = q[side].filter((f) => !terms(f));
      delete q.compare;
      q.groupBy = q.groupBy.filter((g) => g.dim !== "class");
      const said = c.pops.filter((p) => p.pop.filters.length && p.pop.filters.every(terms));
      for (const p of said) c.usePop(p);
      use(c.find("vs"));
      restatedTerms(c, said);
    }
    return;
  }
  if (outputsToInputs(c, q)) return;
  // "ratio of excitatory to inhibitory synapses onto X", "exc:inh input ratio of X": two populations, in order.
  let operands = c.pops.filter(
    (p) =>
      p.pop.filters.length &&
      p.pop.filters.every((f) => ["class", "cell_type", "mtype", "area", "layer"].includes(f.dim)),
  );
  // ("ratio of 23P→BC synapses to BC→23P synapses": two flows, the first over the second.)
  const flows = twoFlows(c, operands);
  if (flows) {
    const [num, den] = flows.map(([a, b]) => ({
      pre: popFilters(a.pop, c.classOf),
      post: popFilters(b.pop, c.classOf),
    }));
    for (const p of operands) c.usePop(p);
    q.pre = [];
    q.post = [];
    q.measure = { fn: "ratio", numerator: num!, denominator: den! };
    countedNouns(c, q);
    return;
  }
  // ("ratio of BC to MC synapses onto 23P": two terms side by side, and the cells on the other side.)
  const terms = operands.length === 3 ? adjacentTerms(c, operands) : undefined;
  if (terms) {
    const whole = operands.find((p) => !terms.includes(p))!;
    const wholeSide = whole.role === "pre" || whole.role === "post" ? whole.role : undefined;
    // (Its terms may have taken the "to" between them as a flow: they are the other side of the whole.)
    if (!wholeSide) throw new Unreadable(RATIO_OF_WHAT);
    side = wholeSide === "pre" ? "post" : "pre";
    q[wholeSide] = popFilters(whole.pop, c.classOf);
    c.usePop(whole);
    operands = terms;
  }
  // ("ratio of V1 neurons to RL neurons": two sets of cells, and nothing that flows between or from them.)
  if (!terms && !saysFlow(c)) throw new Unreadable(RATIO_OF_CELLS);
  // ("ratio of all synapses onto 5P-ET to those from MC": terms said on two sides are no two terms of one side;
  // they had been read as synapses from 5P-ET over those from MC.)
  // (Not "ratio of BC to MC outputs", whose "to" only joins the terms.)
  const sides = new Set(operands.map((p) => p.role).filter((r) => r === "pre" || r === "post"));
  const joined = operands.length === 2 && /^to$/i.test(lower(c.atoms[operands[1]!.i - 1]));
  if (operands.length === 2 && sides.size === 2 && !joined) throw new Unreadable(RATIO_OF_WHAT);
  // ("ratio of BC to MC outputs", "… synapses": the terms make them; "… inputs": the terms receive them.)
  if (operands.length === 2 && c.pops.length === 2) side = c.has("noun", "n", "input") ? "post" : "pre";
  if (operands.length === 2) {
    const [a, b] = operands.map((p) => popFilters(p.pop, c.classOf));
    for (const p of operands) {
      c.usePop(p);
      q.pre = q.pre.filter((f) => !p.pop.filters.includes(f));
      q.post = q.post.filter((f) => !p.pop.filters.includes(f));
    }
    q.measure = { fn: "ratio", numerator: { [side]: a }, denominator: { [side]: b } };
    countedNouns(c, q);
    return;
  }
  throw new Unreadable(RATIO_OF_WHAT);
}

/**
 * "E/I ratio …, i.e. synapses from excitatory neurons divided by synapses from inhibitory neurons": the terms
 * said again, joined by "divided by", "over" or "/", in the order of E/I (said the other way round, asked back).
 */
function restatedTerms(c: Clause, said: Clause["pops"]): void {
  if (said.length !== 2) return;
  const [a, b] = said as [Clause["pops"][number], Clause["pops"][number]];
  const excitatory = (p: Clause["pops"][number]) => p.pop.filters.some((f) => f.values?.includes("excitatory"));
  const joiners = c.atoms.slice(a.i + 1, b.i).filter((x) => /^(divided|divided by|by|over|\/|to)$/i.test(lower(x)));
  // (A division said the other way round is another ratio; "inhibitory vs excitatory" only names the terms.)
  if (joiners.length && (!excitatory(a) || excitatory(b)))
    throw new Unreadable("E/I is excitatory over inhibitory; did you mean that, or its inverse?");
  use(...joiners);
}

/**
 * "ratio of 5P-ET total output synapses to their total input synapses": one population, what it makes over what
 * it receives (in the order said), pooled over its cells. Both nouns said, and one set of cells named.
 */
function outputsToInputs(c: Clause, q: Query): boolean {
  // ("ratio of outputs to inputs": "outputs to" is also read as a verb, "makes outputs onto".)
  const said = (n: string) => c.atoms.filter((a) => is(a, "noun", "n", n) || new RegExp(`^${n}s?\\b`).test(lower(a)));
  const [outs, ins] = [said("output"), said("input")];
  const named = c.pops.filter((p) => p.pop.filters.length);
  if (!outs.length || !ins.length || named.length !== 1 || c.pops.length !== 1) return false;
  const cells = popFilters(named[0]!.pop, c.classOf);
  c.usePop(named[0]!);
  use(...outs, ...ins, ...c.findAll("together"));
  const [made, got] = [{ pre: cells }, { post: cells }];
  const first = c.index(outs[0]) < c.index(ins[0]);
  q.pre = [];
  q.post = [];
  q.measure = { fn: "ratio", numerator: first ? made : got, denominator: first ? got : made };
  for (const n of SYNAPSE_NOUNS) use(c.find("noun", "n", n));
  return true;
}

/**
 * What the ratio's terms count: synapses, or connections ("ratio of BC→23P connections to MC→23P connections",
 * each connected pair once). Both said at once is not one ratio, and is left unread.
 */
function countedNouns(c: Clause, q: Query): void {
  const synapses = SYNAPSE_NOUNS.some((n) => c.has("noun", "n", n));
  if (c.has("noun", "n", "connection") && !synapses) {
    q.source = "connections";
    use(...c.atoms.filter((a) => is(a, "noun", "n", "connection")));
  }
  for (const n of SYNAPSE_NOUNS) use(c.find("noun", "n", n));
}

const RATIO_OF_WHAT = 'A ratio of what to what? For example "E/I ratio of the inputs to 8646…".';
const RATIO_OF_CELLS =
  'A ratio of cell counts, or of their synapses? Say "how many times more V1 neurons than RL neurons" or ' +
  '"ratio of V1 to RL neuron output synapses".';

/** Two of three populations said side by side, joined by "to", ":", "/" or "vs": the terms of a ratio. */
function adjacentTerms(c: Clause, pops: Clause["pops"]): Clause["pops"] | undefined {
  const joiner = (a: Clause["atoms"][number] | undefined) => /^(to|:|\/|vs\.?|versus|over)$/i.test(text(a));
  for (let k = 0; k + 1 < pops.length; k++) {
    const [a, b] = [pops[k]!, pops[k + 1]!];
    if (b.i === a.i + 2 && joiner(c.atoms[a.i + 1])) return [a, b];
  }
  return undefined;
}

/**
 * Four populations read as sender, receiver, sender, receiver, with a "to", "/" or "over" between the two
 * flows ("ratio of synapses from 23P onto BC to synapses from BC onto 23P"): the terms of a ratio of flows.
 */
type Pop = Clause["pops"][number];
function twoFlows(c: Clause, pops: Clause["pops"]): [[Pop, Pop], [Pop, Pop]] | undefined {
  if (pops.length !== 4 || c.pops.length !== 4) return undefined;
  // (Said with arrows, "23P→BC synapses to BC→23P", the second flow's sender may have been read as a receiver.)
  const arrow = (x: Pop, y: Pop) => y.i === x.i + 2 && /^(->|→|=>|>|onto)$/i.test(text(c.atoms[x.i + 1]));
  const [a, b, d, e] = pops as [Pop, Pop, Pop, Pop];
  const sides = pops.every((p, k) => p.role === (k % 2 ? "post" : "pre"));
  if (!sides && !(arrow(a, b) && arrow(d, e))) return undefined;
  const between = c.atoms.slice(b.i + 1, d.i);
  if (!between.some((x) => /^(to|\/|over|vs\.?|versus|divided by)$/i.test(text(x)))) return undefined;
  return [
    [a, b],
    [d, e],
  ];
}
