import type { Query } from "../plan.js";
import { as, is, lower, text, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";
import { oneRootPop } from "./flow-partners.js";
import { FLOW_WORDS } from "./shape.js";

/** What a bare phrase of cells may hold besides them: relations, verbs, function words, "list". */
const BARE = ["pop", "rel", "verb", "fn", "list", "glue", "noun"];
/** Dimensions that say what cells are and where: a population of cells named by them alone. */
export const CELL_DIMS = new Set(["cell_type", "class", "mtype", "area", "layer"]);

/**
 * "BCs presynaptic to 8646…", "the 23P cells that 8646… contacts", "list the neurons 8646… projects to":
 * cells in the plural with nothing asked of them but their relation to one root are those cells, listed
 * as "which …" lists them; never the synapses between them, which nothing names.
 */
export function bareCellsOfOneRoot(c: Clause): void {
  if (c.pops.length !== 2 || !c.atoms.every((a) => BARE.includes(a.tag.t))) return;
  const root = c.pops.find(oneRootPop);
  const cells = c.pops.find((p) => p !== root);
  if (!root || !cells) return;
  // ("BCs that 8646… receives synapses from": a flow noun after the verb is in the relative clause, not the
  // head; "BCs onto 8646… synapses" counts them.)
  const verb = c.atoms.findIndex((a, i) => i > Math.max(cells.i, root.i) && (is(a, "verb") || verbSense(a)));
  if (bareCellsOf(c, cells, root, verb)) cells.pop.wh = "which";
  if (cells.pop.wh === "which") use(...c.findAll("list"));
}

/**
 * "BCs that target 23P", "23P cells receiving input from BC", "MCs with synapses onto 5P-ET": a bare phrase
 * that opens with cells in the plural and says by a verb how they relate to other cells is those cells, as
 * "which BCs target 23P" lists them; not the synapses between the two, which no noun before the verb names.
 */
export function bareCellsOfFlow(c: Clause): void {
  if (c.pops.length !== 2 || !c.atoms.every((a) => BARE.includes(a.tag.t))) return;
  const [cells, other] = [...c.pops].sort((a, b) => a.i - b.i) as [Pop, Pop];
  const opens = c.atoms.findIndex((a) => !a.items.every((i) => i.fn));
  // ("BCs that target 23P", "23P cells receiving input from BC": a verb, or a relation said as a clause.)
  const clause = (a: Clause["atoms"][number]) => is(a, "rel") && /^(that|which|who)\s|ing\b/i.test(lower(a));
  const verb = c.atoms.findIndex((a) => is(a, "verb") || verbSense(a) || clause(a));
  // (Said right after the cells, "BCs that target 23P", or after the others, "23P cells that BCs target".)
  const fnOnly = (from: number, to: number) => c.atoms.slice(from + 1, to).every((a) => a.items.every((i) => i.fn));
  const relative = verb > cells.i && fnOnly(cells.i, verb < other.i ? verb : other.i) && fnOnly(other.i, verb);
  if (opens !== cells.i || !relative || oneRootPop(other) || oneRootPop(cells)) return;
  if (bareCellsOf(c, cells, other, verb)) cells.pop.wh = "which";
}

/**
 * "rank BCs by synapses onto 23P", "5P-IT neurons ranked by synapses from 23P", "BCs with the most synapses
 * onto 23P": cells in the plural ranked by a flow they are a side of are ranked one by one, as "which BCs have
 * the most synapses onto 23P" ranks them (it had ranked nothing, and asked "the most of what?").
 */
export function rankedCells(c: Clause): void {
  const ranks = c.atoms.filter((a) => is(a, "order") || (is(a, "sup") && as(a, "sup")?.count));
  if (ranks.length !== 1 || c.pops.length !== 2 || !c.atoms.every((a) => RANKED.includes(a.tag.t))) return;
  const [cells, other] = [...c.pops].sort((a, b) => a.i - b.i) as [Pop, Pop];
  const opens = c.atoms.findIndex((a) => !a.items.every((i) => i.fn) && !is(a, "order"));
  if (opens !== cells.i || oneRootPop(other) || oneRootPop(cells)) return;
  // (The flow noun after the ranking word is what ranks them: "by synapses onto 23P".)
  if (bareCellsOf(c, cells, other, c.atoms.indexOf(ranks[0]!))) cells.pop.wh = "which";
}

const RANKED = [...BARE, "order", "sup"];

type Pop = Clause["pops"][number];
const verbSense = (a: Clause["atoms"][number]) => a.items.some((i) => i.tags.some((t) => t.t === "verb"));

/** Cells in the plural, on the other side from `other`, with nothing asked of them and no flow noun for head. */
function bareCellsOf(c: Clause, cells: Pop, other: Pop, verb: number): boolean {
  if (!cells.role || !other.role || cells.role === other.role || cells.role === "both") return false;
  const p = cells.pop;
  if (
    !p.plural ||
    !(p.filters.length || /^(cell|neuron)$/.test(p.head ?? "")) ||
    !p.filters.every((f) => CELL_DIMS.has(f.dim) || f.is !== undefined)
  )
    return false;
  if (p.wh || p.each || p.topk || p.sup || p.counted || p.thresholds.length || FLOW_WORDS.has(p.head ?? ""))
    return false;
  // (A flow noun, "synapses from BCs onto 8646…", is what the rows count; "receives input from" is a verb.)
  // ("… that 8646… contacts": a word that may be a verb, after the root, is one.)
  const flowNoun = (a: Clause["atoms"][number]) =>
    !is(a, "verb") &&
    !verbSense(a) &&
    a.items.some((i) => i.tags.some((t) => t.t === "noun" && FLOW_WORDS.has(String(t.n))));
  return !c.atoms.some((a, i) => flowNoun(a) && !(verb >= 0 && i > verb));
}

/**
 * "list the 23P cells that get input from BC", "list BCs that synapse onto 23P": "list" right before
 * cells in the plural, in a question that asks nothing else of them, lists those cells as "which 23P
 * cells get input from BC" does (each with its synapses), rather than being left over.
 */
export function listedCellsOfFlow(c: Clause): void {
  // ("list the 23P cells that get input from both BC and MC": the cells, each with a synapse from both.)
  if (!c.atoms.every((a) => BARE.includes(a.tag.t) || a.tag.t === "bothsides")) return;
  // (A relation said by a verb or a word of flow: "on" alone is as often a place, "proofread on dendrite only".)
  if (!c.atoms.some((a) => is(a, "verb") || (is(a, "rel") && !/^on$/i.test(lower(a))))) return;
  const list = c.atoms.findIndex((a) => is(a, "list"));
  const cells = c.pops.find((p) => p.i === list + 1);
  if (list < 0 || !cells?.role || cells.role === "both" || !c.pops.some((p) => p !== cells && p.role)) return;
  const p = cells.pop;
  if (!p.plural || !p.filters.length || !p.filters.every((f) => CELL_DIMS.has(f.dim) || f.is !== undefined)) return;
  if (p.wh || p.each || p.topk || p.sup || p.counted || p.thresholds.length || FLOW_WORDS.has(p.head ?? "")) return;
  p.wh = "which";
  use(c.atoms[list]!);
}

/**
 * "list 5P-ET root ids w/ >130 input syn (inputs count)": the ids asked for are of the cells listed; a plan ranking
 * the roots of the other side (each 5P-ET input's source) answered another question. Asked back.
 */
export function listedSideKept(c: Clause, q: Query): void {
  const list = c.atoms.findIndex((a) => is(a, "list"));
  const cells = c.pops.find((p) => p.i === list + 1);
  if (list < 0 || !cells?.role || cells.role === "both") return;
  // (Not one root whose partners are listed: "list the root ids of 8646…'s top targets".)
  if (oneRootPop(cells)) return;
  const roots = q.groupBy.filter((g) => g.dim === "root_id");
  if (!roots.length || roots.some((g) => g.side === cells.role)) return;
  throw new Unreadable(
    `The ids of which cells: the ${text(cells.atom)} themselves, or the cells on the other side of their synapses?`,
  );
}
