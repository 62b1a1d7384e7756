import type { ChartKind, Filter, PlannerResult, Query, QueryPlan } from "../plan.js";
import { as, atomOf, is, use, type Atom } from "./atoms.js";
import { account } from "./account.js";
import { popFilters } from "./filters.js";
import type { Item } from "./items.js";
import { readNumbers } from "./numbers.js";
import { readPopulations, type Pop } from "./phrases.js";
import { groupDim } from "./shape.js";

const LEAD =
  /^(and|what about|how about|same for|same but|now|only|just|also|instead|but|ok|okay|then|plot|chart|graph|draw|as|show it|show that|show them|per|by|for each|in|from|onto|to|where|their|its)$/;
const DEICTIC = /^(that|it|its|this|those|these|them|they|their|same|previous|last|above)$/;

/** A fragment that continues the last question: "and onto 4P?", "only the top 3", "plot that", "in LM?". */
/** "and in LM?", "what about MCs?": a question that only makes sense after another. */
export function continuesAnother(question: string): boolean {
  const words = question
    .toLowerCase()
    .split(/[\s?!.,]+/)
    .filter(Boolean);
  const said = words.join(" ");
  // ("now only the proofread ones": a narrowing of something said before, pointed at with "ones".)
  const pointing = /^(now|then|ok|okay|only|just)\b/.test(said) && /\b(ones|those|these|them|that one)\b/.test(said);
  return (
    (/^(and|what about|how about|same for|same but|same thing|instead|but|also|what of)\b/.test(said) &&
      words.length <= 6) ||
    (pointing && words.length <= 8)
  );
}

export function isFragment(items: Item[]): boolean {
  const words = items.filter((i) => !/^[?!.,]+$/.test(i.text));
  const first = words[0]?.text.toLowerCase() ?? "";
  const two = words
    .slice(0, 2)
    .map((w) => w.text.toLowerCase())
    .join(" ");
  if (LEAD.test(first) || LEAD.test(two)) return true;
  if (words.some((w) => DEICTIC.test(w.text.toLowerCase())) && words.length <= 8) return true;
  return words.length <= 3 && !words.some((w) => w.tags.some((t) => t.t === "count" || t.t === "stat"));
}

/**
 * Changes the last plan as the fragment says: a new top-k, chart, grouping, statistic, direction,
 * or population (replacing the one of the same side or kind). Returns undefined when the fragment
 * reads better as a question of its own.
 */
export function followUp(
  items: Item[],
  last: QueryPlan,
  readOnce: (q: string) => PlannerResult,
): PlannerResult | undefined {
  if (last.kind !== "query") return undefined;
  const q: Query = structuredClone(last);
  let atoms: Atom[] = items.map(atomOf);
  atoms = readPopulations(readNumbers(atoms));
  let changed = false;
  const find = (t: string, k?: string, v?: unknown) => atoms.find((a) => is(a, t, k, v));
  for (const a of atoms)
    if (
      a.items.every((i) => i.fn) ||
      /^(what about|how about|same for|and|only|just|instead|now|then)$/i.test(a.items[0]!.text)
    )
      use(a);

  const top = find("topk") ?? (find("top") && atoms.find((a) => a.tag.t === "num"));
  if (top) {
    q.limit = Number(as(top, "topk")?.k ?? as(top, "num")?.value);
    q.order = q.order ?? "desc";
    use(top, find("top"));
    changed = true;
  }
  const chart = atoms.filter((a) => is(a, "chart"));
  if (chart.length) {
    use(...chart);
    const kind = chart.map((a) => String(as(a, "chart")!.kind)).find((k) => k !== "plot") as ChartKind | undefined;
    q.chart =
      kind ??
      (q.measure.fn === "histogram"
        ? "histogram"
        : q.measure.fn === "quartiles"
          ? "box"
          : q.groupBy.length + (q.compare ? 1 : 0) >= 2
            ? "heatmap"
            : "bar");
    if (q.chart === "box" && q.measure.fn === "histogram") q.measure = { fn: "quartiles", of: q.measure.of };
    if (q.chart === "histogram" && q.measure.fn === "quartiles")
      q.measure = { fn: "histogram", of: q.measure.of, bins: 40 };
    if (
      (q.chart === "bar" || q.chart === "heatmap") &&
      !q.groupBy.length &&
      !q.compare &&
      q.measure.fn !== "histogram"
    ) {
      q.groupBy =
        q.source === "synapses" || q.source === "connections"
          ? [{ dim: "cell_type", side: q.pre.length && !q.post.length ? "post" : "pre" }]
          : [{ dim: "cell_type" }];
    }
    changed = true;
  }
  const stat = find("stat");
  if (stat && "of" in q.measure) {
    use(stat);
    const fn = String(as(stat, "stat")!.fn);
    q.measure = fn === "quartiles" ? { fn: "quartiles", of: q.measure.of } : { fn: fn as "mean", of: q.measure.of };
    changed = true;
  }
  // "what about inputs?": the other direction.
  const dirNoun = atoms.find((a) => is(a, "noun", "n", "input") || is(a, "noun", "n", "output"));
  if (dirNoun && (q.source === "synapses" || q.source === "connections")) {
    const wantInputs = is(dirNoun, "noun", "n", "input");
    const namedPost = q.post.length > 0 && q.pre.length === 0;
    if (wantInputs !== namedPost) {
      [q.pre, q.post] = [q.post, q.pre];
      q.groupBy = q.groupBy.map((g) => (g.side ? { ...g, side: g.side === "pre" ? "post" : "pre" } : g));
      if (q.measure.fn === "distinct" && q.measure.side)
        q.measure = { fn: "distinct", side: q.measure.side === "pre" ? "post" : "pre" };
    }
    use(dirNoun);
    changed = true;
  }
  for (const a of atoms) {
    if (a.tag.t !== "pop") continue;
    const pop = a.tag as Pop;
    const prev = atoms[atoms.indexOf(a) - 1];
    const dim = groupDim(pop);
    if ((pop.each || pop.wh) && dim) {
      const side =
        q.source === "synapses" || q.source === "connections"
          ? q.pre.length && !q.post.length
            ? "post"
            : "pre"
          : undefined;
      q.groupBy = [{ dim, ...(side ? { side } : {}) }];
      use(a, prev && is(prev, "per") ? prev : undefined);
      changed = true;
      continue;
    }
    const filters = popFilters(pop, () => undefined);
    if (!filters.length) continue;
    use(a, prev && (is(prev, "rel") || is(prev, "per")) ? prev : undefined);
    changed =
      replace(q, filters, is(prev, "rel", "r", "from") ? "pre" : is(prev, "rel", "r", "to") ? "post" : undefined) ||
      changed;
  }
  if (!changed) return undefined;
  const reading = account(items);
  if (reading.unaccounted.length) return undefined;
  void readOnce;
  return { type: "plan", plan: q, confidence: 0.8, reading };
}

/** Puts a new population where one of the same kind was: on the side named, or the side (or cells) it is like. */
function replace(q: Query, filters: Filter[], side: "pre" | "post" | undefined): boolean {
  const dims = new Set(filters.map((f) => f.dim));
  const swap = (list: Filter[]) => [...list.filter((f) => !dims.has(f.dim)), ...filters];
  if (q.source === "synapses" || q.source === "connections") {
    const target =
      side ??
      (q.post.some((f) => dims.has(f.dim))
        ? "post"
        : q.pre.some((f) => dims.has(f.dim))
          ? "pre"
          : q.post.length
            ? "pre"
            : "post");
    q[target] = swap(q[target]);
    return true;
  }
  q.filter = swap(q.filter);
  return true;
}
