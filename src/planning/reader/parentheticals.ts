import { PER_ROOT_COUNTS, type Filter, type PlannerResult, type QueryPlan } from "../plan.js";
import type { Item } from "./items.js";
import type { Tag } from "./lexicon.js";
import { UNIT_OF } from "./restate.js";
import { itemsOf } from "./words.js";

type ReadFn = (q: string) => Promise<PlannerResult>;

/** One parenthetical, not nested: "(syn)", "(L1, L2/3, L4, L5, L6, by soma depth)". */
const PARENTHETICAL = /\s*\(([^()]*)\)/g;

/** "what depth is typical (median)?": a statistic word glossed by a more exact one, which then stands for it. */
const STATISTIC_GLOSS = /(^|\s)([\w.]+)\s*\(\s*([\w\s]+?)\s*\)/g;

function isStatistic(words: string): boolean {
  const items = itemsOf(words).filter((i) => !i.fn);
  return items.length === 1 && items[0]!.tags.some((t) => t.t === "stat");
}

/** What a plan holds anywhere (its filters, sides, parts, groupings): every `{dim, …}` in it. */
interface Named {
  dim: string;
  partners?: unknown[];
  values?: unknown[];
  is?: boolean;
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

export function namedIn(plan: unknown, out: Named[] = []): Named[] {
  if (Array.isArray(plan)) plan.forEach((x) => namedIn(x, out));
  else if (plan && typeof plan === "object") {
    if (typeof (plan as Named).dim === "string") out.push(plan as Named);
    Object.values(plan).forEach((x) => namedIn(x, out));
  }
  return out;
}

const SYNAPSE_DIMS = ["in_synapses", "out_synapses", "synapses", "size", "total_size"];
const CELL_NOUNS = new Set(["cell", "neuron"]);

/** Does this one word of a parenthetical say again something the plan holds? */
function restates(tag: Tag, plan: QueryPlan, named: Named[]): boolean {
  if (plan.kind !== "query") return false;
  const dims = new Set([...named.map((n) => n.dim), ...("of" in plan.measure ? [String(plan.measure.of)] : [])]);
  const fn = plan.measure.fn;
  const of = "of" in plan.measure ? String(plan.measure.of) : "";
  const distinctSide = plan.measure.fn === "distinct" ? plan.measure.side : undefined;
  const grouped = (side: string) => plan.groupBy.some((g) => g.side === side);
  // (A side said again: "(presynaptic by postsynaptic)", "(most distinct presynaptic partners)".)
  const sideHeld = (side: "pre" | "post") =>
    plan[side].length > 0 ||
    grouped(side) ||
    distinctSide === side ||
    of === `${side === "pre" ? "in" : "out"}_partners`;
  switch (tag.t) {
    case "val": {
      const values = (tag.values as unknown[]) ?? [];
      return named.some((n) => n.dim === tag.dim && values.every((v) => n.values?.includes(v)));
    }
    case "flag":
      return named.some((n) => n.dim === tag.dim && n.is === true);
    case "qty":
      return (
        dims.has(String(tag.q)) ||
        (tag.q === "depth" && dims.has("layer")) ||
        (tag.q === "tuning" && named.some((n) => n.dim === "tuned" && n.is === true))
      );
    case "unit":
      return (UNIT_OF[String(tag.u)] ?? []).some((d) => dims.has(d));
    case "stat":
      // ("4P w/ >=15 syn from PV (summed)": a count of each cell's synapses with others is their sum already.)
      return (
        fn === tag.fn ||
        (tag.fn === "sum" && (fn === "count" || fn === "distinct")) ||
        (tag.fn === "sum" && named.some((n) => (n.dim === "in_synapses" || n.dim === "out_synapses") && n.partners))
      );
    case "count":
      return fn === "count" || fn === "distinct" || PER_ROOT_COUNTS.some((q) => q === of);
    case "distinct":
      return fn === "distinct" || of.endsWith("_partners") || plan.source === "connections";
    case "sup":
      return plan.order === tag.dir;
    case "per":
      return plan.groupBy.length > 0 || PER_ROOT_COUNTS.some((q) => q === of);
    case "rel":
      if (tag.r === "upstream") return sideHeld("pre");
      if (tag.r === "downstream") return sideHeld("post");
      return tag.r === "by" && plan.groupBy.length > 0;
    case "chart":
      return tag.kind === "plot" ? Boolean(plan.chart) : plan.chart === tag.kind;
    case "noun":
      return (
        (tag.n === "synapse" && (plan.source === "synapses" || SYNAPSE_DIMS.some((d) => dims.has(d)))) ||
        (tag.n === "connection" && (plan.source === "connections" || fn === "probability")) ||
        (tag.n === "source" && sideHeld("pre") && (distinctSide === "pre" || of === "in_partners")) ||
        (tag.n === "target" && sideHeld("post") && (distinctSide === "post" || of === "out_partners")) ||
        (CELL_NOUNS.has(String(tag.n)) && (plan.source === "cells" || plan.source === "roots"))
      );
    default:
      return false;
  }
}

/** "(23P onto 23P)", "(BC → 23P)": a flow said in a parenthetical. */
const FLOW_SAID = /^\s*([^()]+?)\s*(?:onto|→|->|to)\s*([^()]+?)\s*$/i;

/** Does the plan have the flow's sides, each side holding what the flow names on it? */
async function sameFlow(pre: string, post: string, plan: QueryPlan, read: ReadFn): Promise<boolean> {
  if (plan.kind !== "query") return false;
  const flow = await read(`synapses from ${pre} onto ${post}`);
  if (flow.type !== "plan" || flow.plan.kind !== "query") return false;
  const holds = (side: Filter[], said: Filter[]) =>
    said.length > 0 && said.every((f) => side.some((g) => JSON.stringify(g) === JSON.stringify(f)));
  return holds(plan.pre, flow.plan.pre) && holds(plan.post, flow.plan.post);
}

/** What a plan counts, as a noun: synapses, connections, partners or cells (or nothing it counts). */
function countedNoun(plan: QueryPlan): string {
  if (plan.kind !== "query") return "";
  const m = plan.measure;
  const of = "of" in m ? String(m.of) : "";
  if (m.fn === "distinct" || of.endsWith("_partners")) return "partner";
  if (m.fn === "probability" || (m.fn === "count" && plan.source === "connections")) return "connection";
  if ((m.fn === "count" && plan.source === "synapses") || of.endsWith("_synapses") || of === "synapses")
    return "synapse";
  return m.fn === "count" && (plan.source === "cells" || plan.source === "roots") ? "cell" : "";
}

/** A noun's kind: "cells", "neurons" are cells; "partners", "targets", "inputs from" partners. */
const nounKind = (n: unknown) => ({ neuron: "cell", target: "partner", source: "partner" })[String(n)] ?? String(n);

/** "(2 or more)", "(>= 10)", "(80+)": a bound the plan already holds, with the same strictness. */
function boundHeld(items: Item[], named: Named[]): boolean {
  const nums = items.filter((i) => i.tags.some((t) => t.t === "num"));
  const cmps = items.filter((i) => i.tags.some((t) => t.t === "cmp"));
  if (nums.length !== 1 || cmps.length > 1) return false;
  const value = Number(nums[0]!.tags.find((t) => t.t === "num")!.value);
  const op = String(cmps[0]?.tags.find((t) => t.t === "cmp")?.op ?? "");
  return named.some(
    (n) =>
      (op === "gte" && n.min === value && !n.minExclusive) ||
      (op === "gt" && n.min === value && n.minExclusive === true) ||
      (op === "lte" && n.max === value && !n.maxExclusive) ||
      (op === "lt" && n.max === value && n.maxExclusive === true),
  );
}

/**
 * "# 23P cells w/ >80 inputs (syn)", "Multi-synaptic (2 or more) connections between 23P cells", "how many
 * neurons have a matched functional unit (coreg)?": a parenthetical that says again what the rest of the
 * question says. When a question is asked back and reads without its parentheticals, each of them is held
 * to that plan: every word in it must be a function word or restate part of the plan (a value or flag it
 * filters on, a quantity or unit it measures or cuts on, its statistic or chart, a bound it holds with the
 * same strictness). Anything else, a new restriction, another bound ("(strictly more than 200)"), another
 * statistic ("typical (median)"), a word not known, leaves the question asked back.
 */
export async function restatingParentheticals(question: string, read: ReadFn): Promise<PlannerResult | undefined> {
  // ("Averaged over connected pairs — not per postsynaptic cell — how many …": an aside between dashes is one.)
  const bracketed = question.replace(/\s+[—–]\s+([^—–()]+?)\s+[—–]\s+/g, " ($1) ");
  const glossed = bracketed.replace(STATISTIC_GLOSS, (all, before: string, word: string, gloss: string) =>
    isStatistic(word) && isStatistic(gloss) ? `${before}${gloss}` : all,
  );
  const inside = [...glossed.matchAll(PARENTHETICAL)].map((m) => m[1]!);
  if (!inside.length && glossed === bracketed) return undefined;
  const without = glossed.replace(PARENTHETICAL, "").replace(/\s+([?.!,:])/g, "$1");
  const first = await read(without);
  if (first.type !== "plan") return undefined;
  const named = namedIn(first.plan);
  for (const words of inside) {
    // ("between L2/3 pyramidal cells (23P onto 23P)": the flow said again, each side as read.)
    const flow = FLOW_SAID.exec(words);
    if (flow) {
      if (!(await sameFlow(flow[1]!, flow[2]!, first.plan, read))) return undefined;
      continue;
    }
    const items = itemsOf(words).filter((i) => !i.fn);
    if (!items.length) return undefined;
    // ("(synapses not conn)", "(not cells)": a noun denied is one the plan does not count.)
    const denied = items.filter((i, k) => k > 0 && items[k - 1]!.tags.some((t) => t.t === "neg"));
    if (denied.some((i) => !i.tags.some((t) => t.t === "noun" && countedNoun(first.plan) !== nounKind(t.n))))
      return undefined;
    const negations = items.filter((i, k) => i.tags.some((t) => t.t === "neg") && denied.includes(items[k + 1]!));
    const held = items.filter((i) => !denied.includes(i) && !negations.includes(i));
    const bound = held.filter((i) => i.tags.some((t) => t.t === "num" || t.t === "cmp"));
    if (bound.length && !boundHeld(bound, named)) return undefined;
    const rest = held.filter((i) => !bound.includes(i));
    // (A name decides alone: "(neurons)" after "cells" narrows them, whatever "neurons" also is.)
    const said = (i: Item) => (i.tags.some((t) => t.t === "val") ? i.tags.filter((t) => t.t === "val") : i.tags);
    if (!rest.every((i) => said(i).some((t) => restates(t, first.plan, named)))) return undefined;
  }
  const reading = first.reading ?? { used: [], unaccounted: [] };
  return { ...first, reading: { ...reading, used: [...reading.used, ...inside] } };
}
