import { KindDim, type ChartKind, type Group, type Query } from "../plan.js";
import { as, is, lower, use, type Atom } from "./atoms.js";
import type { Clause } from "./clause.js";
import type { Pop } from "./phrases.js";

/** The dimension a noun of a kind of cell names: "type" → cell_type, "layer" → layer. */
const KIND_DIM: Record<string, "cell_type" | "mtype" | "class" | "area" | "layer"> = {
  type: "cell_type",
  mtype: "mtype",
  class: "class",
  area: "area",
  layer: "layer",
};
export const kindDim = (head: string | undefined) => KIND_DIM[head ?? ""];

/** Heads that name single cells, one root each ("which cell", "the root", "each BC neuron"), not a kind. */
export const ONE_CELL_HEADS: ReadonlySet<string> = new Set(["cell", "neuron", "root"]);

/** "presynaptic", "post-synaptic", "presyn": a side said of the cells beside it. */
export const SIDE_ADJECTIVE = /^(pre|post)(-| )?(synaptic|syn)?$/;

/** The dimension a grouping noun names: "type" → cell_type, "who"/"neurons" → root_id. */
export function groupDim(pop: Pop): Group["dim"] | undefined {
  const kind = kindDim(pop.head);
  if (kind) return kind;
  switch (pop.head) {
    case "strategy":
      // ("the dendrite_clean strategy": the value names its side.)
      return pop.strategySide === "dendrite" || pop.filters.some((f) => f.dim === "dendrite_strategy")
        ? "dendrite_strategy"
        : "axon_strategy";
    case "nucleus":
      return "nucleus_id";
    case "cell":
    case "neuron":
    case "root":
    case "partner":
    case "target":
    case "source":
    case "fragment":
      return "root_id";
    default:
      // "which higher visual area": one row per area; "which BC", "the biggest MC", "who": one row per cell.
      if (pop.wh && pop.filters.length === 1 && ["area", "layer"].includes(pop.filters[0]!.dim))
        return pop.filters[0]!.dim as Group["dim"];
      // ("each higher visual area", "per inhibitory type"): each of several values is a row.
      if (
        pop.each &&
        pop.filters.length === 1 &&
        (pop.filters[0]!.values?.length ?? 0) > 1 &&
        ["area", "layer", "cell_type", "mtype"].includes(pop.filters[0]!.dim)
      )
        return pop.filters[0]!.dim as Group["dim"];
      return pop.wh === "who" || (pop.filters.length && (pop.wh || pop.sup || pop.topk)) ? "root_id" : undefined;
  }
}

/** Whether a population asks for one row per member: "which X", "each X", "per X", top-k, a superlative. */
export const groups = (pop: Pop) => Boolean(pop.wh || pop.each || pop.topk || pop.sup);

/** The chart asked for, if any: its kind, or the one that fits the answer's shape. */
export function chartOf(c: Clause, q: Pick<Query, "groupBy" | "measure" | "compare">): ChartKind | undefined {
  const charts = c.findAll("chart");
  if (!charts.length) return undefined;
  use(...charts);
  const kinds = charts.map((a) => String(as(a, "chart")!.kind)).filter((k) => k !== "plot");
  const asked = kinds[0] as ChartKind | undefined;
  if (asked) return asked;
  if (q.measure.fn === "histogram") return "histogram";
  if (q.measure.fn === "quartiles") return "box";
  if (q.measure.fn === "list") return "scatter";
  const keys = q.groupBy.length + (q.compare ? 1 : 0);
  return keys >= 2 ? "heatmap" : "bar";
}

/** A "which" that asks for one: "which one", "which has", "who is". */
const WHICH_ONE = /^(which|who)(\s+one)?\s+(one|has|is|gets|receives|makes|sends|wins)$/;

/** Words that ask for every group in order, not only the extreme one. */
const RANKING = /^(rank|ranked|ranking|rankings|sort|sorted|order|ordered)( by)?$/;

/** An order word: "ranked", "sorted" (no direction), "ascending", "shallowest first". */
type OrderTag = { t: string; dir?: string };

/** Top-k and order from "top 5", "the 3 strongest", "most", "fewest", "ranked", "sorted". */
export function orderOf(
  c: Clause,
  grouped: Pop | undefined,
): { order?: "desc" | "asc"; limit?: number; rank?: number } {
  const out: { order?: "desc" | "asc"; limit?: number; rank?: number } = {};
  // ("who are the 5 strongest inputs of X": the top 5 said of the partners, not of "who".)
  const top = grouped?.topk ?? c.pops.find((p) => p.pop.topk)?.pop.topk ?? c.take<{ k: number; dir: string }>("topk");
  if (top) {
    out.limit = top.k;
    out.order = top.dir === "asc" ? "asc" : "desc";
  }
  const sup = grouped?.sup ?? c.take<{ dir: string; q?: string; nth?: number }>("sup");
  if (sup) {
    out.order = sup.dir === "asc" ? "asc" : "desc";
    // ("the second-largest": one, after the first; checked against the plan's shape.)
    if (sup.nth) Object.assign(out, { rank: sup.nth, limit: 1 });
    // "which cell type gets the most": one; "which cell types get the most": ranked, all.
    if (out.limit === undefined && grouped && !grouped.plural && grouped.wh) out.limit = 1;
    // ("the main presynaptic partners of X": plural, so ranked, all of them.)
    if (out.limit === undefined && grouped && !grouped.wh && !grouped.each && !grouped.plural) out.limit = 1;
    // ("count the input synapses of every 23P: which one has the most?": one of them, asked by a "which" alone.)
    const each = grouped ? grouped.each : c.pops.some((p) => p.pop.each);
    // ("ranking the 4P cells by …, which root id is the highest?": one root, asked for apart.)
    const whichRoot = c.pops.some((p) => p.pop.wh && !p.pop.plural && !p.pop.filters.length && p.pop.head === "root");
    if (out.limit === undefined && ((each && c.atoms.some((a) => WHICH_ONE.test(lower(a)))) || whichRoot))
      out.limit = 1;
    // ("8646…'s strongest input": one partner; "strongest inputs of 8646…": ranked, all.)
    if (out.limit === undefined && !grouped && singularPartnerAfterSup(c)) out.limit = 1;
    // ("which area has the biggest 23P nuclei? rank the areas by …": the ranking is asked too, the one is its
    // first row.)
    // (Not a ranking said first as the frame: "ranking the 4P cells by …, which root id is the highest?")
    const framed = whichRoot && c.atoms.findIndex((a) => is(a, "order")) < c.atoms.findIndex((a) => is(a, "sup"));
    if (out.limit === 1 && !top && !sup.nth && !framed && c.atoms.some((a) => is(a, "order") && RANKING.test(lower(a))))
      delete out.limit;
  }
  // ("sort exc types by avg soma depth, ascending": a direction said beside "sort" is the sort's direction.)
  const directed = c.findAll("order").find((a) => as<OrderTag>(a, "order")?.dir);
  const ordered = directed ? as<OrderTag>(directed, "order") : c.take<OrderTag>("order");
  if (ordered && !out.order) out.order = ordered.dir === "asc" ? "asc" : "desc";
  if (out.order === undefined && c.says(/^(descending|from most to least)$/)) out.order = "desc";
  // ("the three smallest …? Order them from smallest up.": an order said again, the same way, is read too; one said
  // the other way round is left unread, and asked back.)
  for (const a of c.findAll("order")) {
    const dir = as(a, "order")?.dir as string | undefined;
    if (out.order && (dir === out.order || (!dir && (RANKING.test(lower(a)) || out.order === "desc")))) use(a);
  }
  void lower;
  return out;
}

/**
 * A superlative right before "input" or "output" said in the singular, or with cells between ("the largest input
 * onto 8646…", "its strongest excitatory input").
 */
const singularPartnerAfterSup = (c: Clause) =>
  c.atoms.some((a, i) => {
    const at = c.atoms[i + 1]?.tag.t === "pop" ? i + 2 : i + 1;
    const noun = c.atoms[at];
    // (Not "the largest input count of one MC": a count, one number.)
    const partner =
      (is(noun, "noun", "n", "input") || is(noun, "noun", "n", "output")) && !is(c.atoms[at + 1], "count");
    return is(a, "sup") && !as(a, "sup")!.q && partner && /^(input|output)$/i.test(lower(noun));
  });

/** Nouns of kinds of cells ("cell types", "areas", "strategies"). */
export const KIND_HEADS = new Set(["type", "mtype", "class", "area", "layer", "strategy"]);

/** Nouns that name a side of a synapse: "target types", "input types", "by source area". */
export const SIDE_NOUNS = new Set(["input", "output", "target", "source"]);

/** Nouns of the cells on the other side of a synapse: partners, targets (postsynaptic), sources (presynaptic). */
export const PARTNER_HEADS = new Set(["partner", "target", "source"]);

/** Nouns of what flows between cells: the synapses, the connections they make, inputs and outputs. */
export const FLOW_NOUN_NAMES = new Set(["synapse", "connection", "input", "output"]);

/** Nouns that make a question one about synapses: what flows, or the cells on its other side. */
export const FLOW_WORDS = new Set([...FLOW_NOUN_NAMES, ...PARTNER_HEADS]);

/**
 * "how many distinct inhibitory m-types are there", "how many cell types does 8646… target": the
 * kinds themselves are counted (one number), not the cells of each kind.
 */
export function countKinds(c: Clause, q: Query): void {
  const p = c.pops.find((x) => x.pop.counted && !x.pop.each && KIND_HEADS.has(x.pop.head ?? ""));
  if (!p || (q.measure.fn !== "count" && q.measure.fn !== "distinct")) return;
  // Only right after "how many" / "number of" ("how many distinct types"), not "counts per type".
  const count = c.atoms.findLastIndex((a, i) => i < p.i && is(a, "count"));
  const words = c.atoms[count]?.items.map((i) => i.text.toLowerCase()).join(" ") ?? "";
  if (count < 0 || !/^(how many|number of|the number of|count of|no\.? of|#)$/.test(words)) return;
  const between = c.atoms.slice(count + 1, p.i);
  const plain = (a: Atom) => a.items.every((i) => i.fn && !/^(each|every|per)$/i.test(i.text));
  if (!between.every((a) => is(a, "distinct") || is(a, "rel", "r", "of") || plain(a))) return;
  const parsed = KindDim.safeParse(groupDim(p.pop));
  if (!parsed.success) return;
  const dim = parsed.data;
  const g = q.groupBy.find((x) => x.dim === dim && (!x.side || !p.role || x.side === p.role));
  if (!g) return;
  q.groupBy = q.groupBy.filter((x) => x !== g);
  q.measure = { fn: "kinds", dim, ...(g.side ? { side: g.side } : {}) };
  if (!q.groupBy.length) {
    delete q.order;
    delete q.limit;
  }
}

/** Nouns of a flow's synapses: "synapses", "inputs", "outputs". */
export const SYNAPSE_NOUNS = ["synapse", "input", "output"];
