import type { Filter, Quantity } from "../plan.js";
import { is, type Atom } from "./atoms.js";
import type { Threshold } from "./numbers.js";
import type { Pop } from "./phrases.js";

/** Why a population or threshold cannot be read: asked back with this message. */
export class Unreadable extends Error {
  constructor(
    message: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
  }
}

/**
 * "cells that receive more than 100 synapses", "make over 50 … partners": the verb before a threshold
 * says whose synapses (inputs or outputs) or partners (sources or targets) are counted.
 */
export function thresholdByVerb(t: Threshold, verb: Atom | undefined): Threshold {
  const into = is(verb, "verb", "v", "in");
  const outof = is(verb, "verb", "v", "out");
  if (!into && !outof) return t;
  if (t.noun === "synapse") return { ...t, noun: into ? "input" : "output" };
  if (t.noun === "partner") return { ...t, noun: into ? "source" : "target" };
  return t;
}

/** Quantities a threshold on a cell may be about, by the word next to it. */
const CELL_QTY: Record<string, Filter["dim"]> = {
  volume: "volume",
  depth: "depth",
  osi: "osi",
  dsi: "dsi",
  cc: "cc",
  pref_ori: "pref_ori",
  pref_dir: "pref_dir",
};

/**
 * A threshold said of a cell ("with more than 100 inputs", "deeper than 500 µm", "gDSI above 0.2")
 * as a filter. `relational`: the cell is a partner of a named neuron, where "with at least 5
 * synapses" is about the connection, which the caller handles.
 */
export function cellThreshold(t: Threshold, big: "volume" | "size" = "volume"): Filter {
  const dim = thresholdDim(t, big);
  return t.partners ? { ...rangeFilter(dim, t), partners: t.partners } : rangeFilter(dim, t);
}

function thresholdDim(t: Threshold, big: string): Filter["dim"] {
  if (t.qty === "big") return big as Filter["dim"];
  if (t.qty && CELL_QTY[t.qty]) return CELL_QTY[t.qty]!;
  if (t.qty === "size")
    throw new Unreadable(
      'A synapse size is not a property of a cell; ask about the synapses ("synapses larger than 5000 voxels from BC").',
    );
  if (t.noun === "input") return "in_synapses";
  if (t.noun === "output") return "out_synapses";
  if (t.noun === "source") return "in_partners";
  if (t.noun === "target") return "out_partners";
  // ("imaged in more than one scan": the scans a cell is matched in.)
  if (t.noun === "scan") return "scans";
  if (t.noun === "synapse" || t.noun === "partner" || t.noun === "connection") {
    // ("3 or more synapses": the words said are the number and its bound, not the bound before it.)
    const said = !t.text || /\d/.test(String(t.text)) ? `${t.value}` : `${String(t.text)} ${t.value}`;
    throw new Unreadable(
      `"${said} ${t.noun}s": inputs or outputs? For example "with more than ${t.value} input ${t.noun}s".`,
    );
  }
  if (t.unit === "um") return "depth";
  if (t.unit === "um3") return "volume";
  if (t.unit === "deg") return "pref_ori";
  throw new Unreadable(
    `I read a threshold (${t.text ?? ""} ${t.value}) but not what it is about: a nucleus volume (µm³), a soma depth (µm), gOSI, or a number of input or output synapses?`,
  );
}

/** Measures between 0 and 1, which a percent threshold divides by 100. */
const UNIT_INTERVAL = new Set<Filter["dim"]>(["osi", "dsi", "cc"]);

/** A range filter from a threshold: "more than" excludes the bound, "at least" includes it. */
export function rangeFilter(dim: Filter["dim"], t: Threshold): Filter {
  // ("OSI > 50%": an index from 0 to 1 said in percent; a percent of a depth or a count is no threshold.)
  if (t.unit === "pct" && !UNIT_INTERVAL.has(dim))
    throw new Unreadable(`"${t.value}%" of what? A ${dim.replace("_", " ")} is not a share; say the value itself.`);
  if (t.unit === "pct")
    return rangeFilter(dim, { ...t, unit: undefined, value: t.value / 100, max: t.max && t.max / 100 });
  const value = t.unit === "rad" ? (t.value * 180) / Math.PI : t.value;
  switch (t.op) {
    case "gt":
      return { dim, min: value, minExclusive: true };
    case "gte":
      return { dim, min: value };
    case "lt":
      return { dim, max: value, maxExclusive: true };
    case "lte":
      return { dim, max: value };
    case "eq":
      return { dim, min: value, max: value };
    case "between":
      return { dim, min: value, max: t.max! };
  }
}

/** What a threshold measures among the quantities of a measure ("gDSI above 0.2" on cells). */
export function thresholdQuantity(t: Threshold): Quantity | undefined {
  if (t.qty === "size") return "size";
  if (t.qty && CELL_QTY[t.qty]) return CELL_QTY[t.qty] as Quantity;
  return undefined;
}

/** A population's own filters, with the class implied by its cell types dropped ("PV interneurons" is BC). */
export function popFilters(pop: Pop, classOf: (type: string) => string | undefined): Filter[] {
  // "inhibitory neurons": inhibitory says it (neurons adds nothing) — within one clause ("neurons | that are inhibitory" is two).
  const clauseOf = (i: number) => (pop.clauseAt !== undefined && i >= pop.clauseAt ? 1 : 0);
  // ("BC neurons": the type says the class; "% of neurons that are BC": not of the whole, a clause of its own.)
  const typesOf = (k: number) =>
    pop.filters.flatMap((f, i) => (f.dim === "cell_type" && f.values && !f.not && clauseOf(i) === k ? f.values : []));
  const specific = new Set(
    pop.filters.flatMap((f, i) =>
      f.dim === "class" && !f.not && f.values?.every((v) => v === "excitatory" || v === "inhibitory")
        ? [clauseOf(i)]
        : [],
    ),
  );
  return pop.filters.filter((f, i) => {
    if (specific.has(clauseOf(i)) && f.dim === "class" && !f.not && f.values?.length === 1 && f.values[0] === "neuron")
      return false;
    const types = typesOf(clauseOf(i));
    if (f.dim !== "class" || f.not || !types.length) return true;
    const classes = new Set(types.map((t) => classOf(t)));
    return !f.values!.every((c) =>
      c === "neuron"
        ? [...classes].every((k) => k === "excitatory" || k === "inhibitory")
        : classes.size === 1 && classes.has(c),
    );
  });
}

/**
 * Conditions that cannot hold together ("excitatory" and "inhibitory" on one side): a misreading,
 * asked back rather than answered as nothing.
 */
export function contradiction(filters: Filter[], classOf?: (t: string) => string | undefined): string | undefined {
  const byDim = new Map<string, Filter[]>();
  for (const f of filters)
    if (
      f.values &&
      !f.not &&
      ["cell_type", "class", "mtype", "area", "layer", "root_id", "nucleus_id"].includes(f.dim)
    ) {
      byDim.set(f.dim, [...(byDim.get(f.dim) ?? []), f]);
    }
  for (const [dim, fs] of byDim) {
    if (dim === "class") {
      const sets = fs.map(
        (f) => new Set(f.values!.flatMap((v) => (v === "neuron" ? ["excitatory", "inhibitory"] : [v]))),
      );
      const common = [...sets[0]!].filter((v) => sets.every((s) => s.has(v)));
      if (!common.length) return fs.map((f) => f.values!.join("/")).join(" and ");
    } else if (fs.length > 1) {
      const common = fs[0]!.values!.filter((v) => fs.every((f) => f.values!.includes(v)));
      if (!common.length) return fs.map((f) => f.values!.join("/")).join(" and ");
    }
  }
  // ("avg BC inputs per cell by exc type": BCs that are excitatory, which no BC is; an empty answer had been given.)
  const types = byDim.get("cell_type") ?? [];
  for (const c of byDim.get("class") ?? []) {
    const classes = new Set(c.values!.flatMap((v) => (v === "neuron" ? ["excitatory", "inhibitory"] : [v])));
    const t = types.find((f) => f.values!.every((v) => classOf?.(v) && !classes.has(classOf(v)!)));
    if (t) return `${t.values!.join("/")} and ${c.values!.join("/")}`;
  }
  return undefined;
}

/**
 * A value named and excluded on one side ("BC vs MC excluding BCs", "layer 4 versus layer 5 not in L5"):
 * one of the groups asked about would silently be left out, so the question is asked back.
 */
export function namedAndExcluded(filters: Filter[]): string | undefined {
  for (const f of filters) {
    if (!f.not || !f.values) continue;
    const named = filters.find((g) => g.dim === f.dim && !g.not && g.values?.some((v) => f.values!.includes(v)));
    if (named) return f.values.find((v) => named.values!.includes(v));
  }
  return undefined;
}

/** Whether a filter list names one root id (a neuron). */
export const oneRoot = (filters: Filter[]) =>
  filters.some((f) => f.dim === "root_id" && f.values?.length === 1 && !f.not);
