import { PER_ROOT_COUNTS, type PlannerResult, type QueryPlan } from "../plan.js";
import type { Prepared } from "./prepare.js";

/**
 * What a question says it does not count: "(cells, not synapses)", ", not per cell"; and "each_once", said by
 * "counting each pair once", which also claims that pairs or partners are what is counted.
 */
export type NotCounted = "synapses" | "cells" | "per_cell" | "connections" | "each_once" | "total" | "synapse_count";

const WORDS: Record<string, NotCounted> = {
  synapses: "synapses",
  synapse: "synapses",
  syn: "synapses",
  syns: "synapses",
  cells: "cells",
  nuclei: "cells",
  "# cells": "cells",
  "per cell": "per_cell",
  connections: "connections",
  pairs: "connections",
  "synapse count": "synapse_count",
  "by synapse count": "synapse_count",
  "by number of synapses": "synapse_count",
  total: "total",
  "the total": "total",
  "a total": "total",
  "individual synapses": "synapses",
};
const WHAT =
  String.raw`((?:by\s+)?synapse\s+count|by\s+number\s+of\s+synapses|synapses|synapse|syns|syn|# ?cells|cells|` +
  String.raw`nuclei|per cell|connections|pairs|total|individual synapses)`;
/** "(cells, not synapses)", "(not # cells)", "(summed, not per cell)": the inside before "not" stays. */
const IN_BRACKETS = new RegExp(String.raw`\(\s*([^()]*?)[,;]?\s*\bnot\s+(?:the\s+)?${WHAT}\s*\)`, "gi");
/** "…, not synapses?" said last; "not counting synapses but upstream segments:" said first. */
const SAID_LAST = new RegExp(String.raw`,\s*not\s+${WHAT}\s*(?=[?.!]*\s*$|,\s*and\b)`, "gi");
const NOT_BUT = new RegExp(String.raw`\bnot\s+counting\s+${WHAT}\s+but\s+`, "gi");
/**
 * "counting each connected pair once", ", counting each presynaptic neuron once": not their synapses.
 * (Not "counting each root once, how many BCs": roots rather than cells, which is left to be read.)
 */
const ONCE = new RegExp(
  String.raw`(?:,\s*)?\bcounting\s+each\s+(?:(?:connected\s+)?pair|` +
    String.raw`(?:presynaptic|postsynaptic|pre|post|upstream|downstream)\s+(?:neuron|cell|partner|root|segment))` +
    String.raw`\s+(?:only\s+)?once\b\s*,?`,
  "gi",
);

/**
 * A contrast said in passing ("how many 23P cells (cells, not synapses) …") names what is not
 * counted. It is set aside as context and kept as a condition on the plan: a plan that counts it
 * after all is asked back (see `countsWhatWasDenied`).
 */
export function notCounted(p: Prepared & { notCounted?: NotCounted[] }): Prepared & { notCounted?: NotCounted[] } {
  const denied: NotCounted[] = [...(p.notCounted ?? [])];
  const context: string[] = [];
  const note = (all: string, what: string) => {
    denied.push(WORDS[what.toLowerCase().replace(/#\s*/, "# ").replace(/\s+/g, " ")] ?? "cells");
    context.push(all.trim());
  };
  const text = p.text
    .replace(IN_BRACKETS, (all: string, inside: string, what: string) => {
      note(all, what);
      return inside.trim() ? `(${inside.trim()})` : "";
    })
    .replace(SAID_LAST, (all: string, what: string) => (note(all, what), ""))
    .replace(NOT_BUT, (all: string, what: string) => (note(all, what), ""))
    .replace(ONCE, (all: string) => (note(all, "synapses"), denied.push("each_once"), " "))
    .trim();
  return text === p.text ? p : { text, context: [...p.context, ...context], notCounted: denied };
}

/** Whether a plan counts what the question said it does not ("not synapses": a synapse count). */
export function countsWhatWasDenied(plan: QueryPlan, denied: NotCounted[]): NotCounted | undefined {
  if (plan.kind !== "query") return undefined;
  const m = plan.measure;
  const perRoot = "of" in m && PER_ROOT_COUNTS.includes(m.of);
  return denied.find((d) => {
    if (d === "synapses")
      return (
        (plan.source === "synapses" && (m.fn === "count" || m.fn === "sum")) ||
        ("of" in m && (m.of === "in_synapses" || m.of === "out_synapses" || m.of === "synapses"))
      );
    if (d === "cells") return (plan.source === "cells" || plan.source === "nuclei") && m.fn === "count";
    if (d === "per_cell") return plan.source === "roots" && perRoot && m.fn !== "sum";
    // ("ranked by total synapse size, not by synapse count": a count of synapses, not a sum of their sizes.)
    if (d === "synapse_count")
      return (plan.source === "synapses" && m.fn === "count") || ("of" in m && /synapses$/.test(m.of ?? ""));
    // ("averaged per cell (not the total)": a sum, or every synapse counted together.)
    if (d === "total")
      return m.fn === "sum" || (plan.source !== "roots" && plan.source !== "cells" && m.fn === "count");
    // ("how many BCs, counting each pair once": pairs or partners are what it counts, not cells.)
    if (d === "each_once")
      return !(plan.source === "connections" || m.fn === "distinct" || ("of" in m && /partners$/.test(m.of ?? "")));
    return plan.source === "connections" && m.fn === "count";
  });
}

/** The answer when the plan counts what was denied: asked back, naming it. */
export function deniedBack(what: NotCounted, result: PlannerResult): PlannerResult {
  if (what === "each_once")
    return {
      type: "clarify",
      message:
        "You said to count each pair (or partner) once, but I read the question as counting something else; " +
        "please rephrase what to count.",
      suggestions: [],
      ...(result.type === "plan" ? { reading: result.reading } : {}),
    };
  const said = {
    synapses: "synapses",
    cells: "cells",
    per_cell: "a figure per cell",
    connections: "connections",
    total: "a total",
    synapse_count: "by synapse count",
  }[what];
  if (what === "synapse_count")
    return {
      type: "clarify",
      message: "You said not by synapse count, but that is how I read it; please say what to rank or count by.",
      suggestions: [],
      ...(result.type === "plan" ? { reading: result.reading } : {}),
    };
  return {
    type: "clarify",
    message: `You said not ${said}, but I read the question as counting ${said}; please rephrase what to count.`,
    suggestions: [],
    ...(result.type === "plan" ? { reading: result.reading } : {}),
  };
}

const STAT = String.raw`(median|mean|average|avg)`;
/** "the median, not the mean", "median not mean": the statistic said first is the one asked. */
const STAT_NOT = new RegExp(String.raw`\b${STAT}\s*,?\s*(?:and\s+)?not\s+(?:the\s+)?${STAT}\b`, "gi");
/** "what's the median (not the mean)?", "median depth of BCs, not the mean": the one said after "not" is denied. */
const NOT_STAT = new RegExp(
  String.raw`\s*\(\s*not\s+(?:the\s+)?${STAT}\s*\)|\s*,\s*not\s+(?:the\s+)?${STAT}(?=\s*[?.!]*\s*$)`,
  "gi",
);
const same = (a: string, b: string) => /^(mean|average|avg)$/i.test(a) === /^(mean|average|avg)$/i.test(b);

/**
 * A statistic said with the one it is not ("median, not mean"): the other is no part of the question,
 * kept as context. Only two different statistics: "mean, not average" is left to be asked about.
 */
export function statDenied(p: Prepared): Prepared {
  const context: string[] = [];
  let text = p.text.replace(STAT_NOT, (all: string, kept: string, denied: string) =>
    same(kept, denied) ? all : (context.push(all.trim()), kept),
  );
  text = text.replace(NOT_STAT, (all: string, inBrackets?: string, last?: string) => {
    const denied = (inBrackets ?? last)!;
    const other = new RegExp(String.raw`\b${STAT}\b`, "gi").exec(text.replace(all, ""));
    return other && !same(other[1]!, denied) ? (context.push(all.trim()), "") : all;
  });
  return text === p.text ? p : { ...p, text, context: [...p.context, ...context] };
}

/** "… the typical nucleus volume? the median, I mean", "…, I mean the median": the statistic meant, said last. */
const MEANT = new RegExp(
  String.raw`\s*[,;?.!]?\s*(?:(?:I\s+mean|i\.e\.?|that\s+is)\s*,?\s*the\s+${STAT}|the\s+${STAT}\s*,?\s*I\s+mean)` +
    String.raw`\s*[.!?]*\s*$`,
  "i",
);
const TYPICAL = /\b(?:typical|average|avg|mean|median)\b/gi;

/**
 * A statistic said last as what was meant ("what's the typical nucleus volume? the median, I mean"): it takes
 * the place of the one word of the question that asked for a statistic ("typical", or a statistic it
 * corrects). With no such word, or more than one, the question is left as it is, to be asked about.
 */
export function statMeant(p: Prepared): Prepared {
  const m = MEANT.exec(p.text);
  if (!m) return p;
  const rest = p.text.slice(0, m.index);
  const words = rest.match(TYPICAL) ?? [];
  if (words.length !== 1) return p;
  const stat = (m[1] ?? m[2])!.toLowerCase();
  const text = `${rest.replace(TYPICAL, stat)}?`.replace(/\?+$/, "?");
  return { ...p, text, context: [...p.context, m[0].replace(/^[\s,;?.!]+/, "").trim()] };
}
