import type { Filter, Group, LookupPlan, Measure, Part, Query, QueryPlan } from "./plan.js";

/**
 * "Read as": a plan in words, generated from the plan so it cannot drift from what is computed.
 * Names go through `label` (the vocabulary's "basket cells (BC)").
 */
export interface Labels {
  typeLabel(value: string): string;
}

const CLASS_NAME: Record<string, string> = {
  excitatory: "excitatory neurons", inhibitory: "inhibitory neurons", neuron: "neurons", nonneuron: "non-neuronal cells",
};

const num = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 3 });

function range(f: Filter, unit: string): string {
  const u = unit ? ` ${unit}` : "";
  if (f.min !== undefined && f.max !== undefined) {
    if (f.min === f.max && !f.minExclusive && !f.maxExclusive) return `exactly ${num(f.min)}${u}`;
    return `${f.minExclusive ? "over" : "from"} ${num(f.min)} ${f.maxExclusive ? "to under" : "to"} ${num(f.max)}${u}`;
  }
  if (f.min !== undefined) return `${f.minExclusive ? "more than" : "at least"} ${num(f.min)}${u}`;
  return `${f.maxExclusive ? "less than" : "at most"} ${num(f.max!)}${u}`;
}

/** One condition in words: "in area LM", "with a proofread axon", "with more than 100 input synapses". */
export function describeFilter(f: Filter, labels: Labels): string {
  const not = f.not ? "not " : "";
  const no = f.not || f.is === false;
  const list = (xs: string[]) => xs.join(" or ");
  switch (f.dim) {
    case "root_id": return `${not}root ${list(f.values!)}`;
    case "nucleus_id": return `${not}nucleus ${list(f.values!)}`;
    case "cell_type": return `${not}${list(f.values!.map((v) => `${labels.typeLabel(v)} (${v})`))}`;
    case "mtype": return `${not}m-type ${list(f.values!)}`;
    case "class": return `${not}${list(f.values!.map((v) => CLASS_NAME[v] ?? v))}`;
    case "area": return `${not}in area ${list(f.values!)}`;
    case "layer": return `${not}with the soma in ${list(f.values!)}`;
    case "depth": return `${not}with the soma ${range(f, "µm below pia")} deep`;
    case "volume": return `${not}with a nucleus volume of ${range(f, "µm³")}`;
    case "proofread": return no ? "not proofread" : "proofread (axon or dendrite)";
    case "axon_proofread": return no ? "without a proofread axon" : "with a proofread axon";
    case "dendrite_proofread": return no ? "without a proofread dendrite" : "with a proofread dendrite";
    case "axon_strategy": return `${not}with axon strategy ${list(f.values!)}`;
    case "dendrite_strategy": return `${not}with dendrite strategy ${list(f.values!)}`;
    case "coregistered": return no ? "not coregistered" : "coregistered with two-photon imaging";
    case "tuned": return no ? "without measured tuning" : "functionally matched (with measured tuning)";
    case "typed": return no ? "without a cell-type row (untyped)" : "with a cell-type row";
    case "has_nucleus": return no ? "without a nucleus (fragments)" : "with a nucleus";
    case "pref_ori":
    case "pref_dir": {
      const what = f.dim === "pref_ori" ? "preferred orientation" : "preferred direction";
      return f.near !== undefined ? `${not}with a ${what} within ${num(f.within!)}° of ${num(f.near)}°` : `${not}with a ${what} of ${range(f, "°")}`;
    }
    case "osi": return `${not}with gOSI ${range(f, "")}`;
    case "dsi": return `${not}with gDSI ${range(f, "")}`;
    case "out_synapses": return `${not}with ${range(f, "output synapses")}`;
    case "in_synapses": return `${not}with ${range(f, "input synapses")}`;
    case "out_partners": return `${not}with ${range(f, "postsynaptic partners")}`;
    case "in_partners": return `${not}with ${range(f, "presynaptic partners")}`;
    case "size": return `${not}of size ${range(f, "voxels")}`;
    case "synapses": return `${not}with ${range(f, "synapses")}`;
    case "total_size": return `${not}with a summed synapse size of ${range(f, "voxels")}`;
    case "ori_difference": return `${not}whose preferred orientations differ by ${range(f, "°")}`;
  }
}

const NOUN_DIMS = new Set(["cell_type", "class", "mtype", "root_id", "nucleus_id"]);

/** A population in words: "basket cells (BC) in area LM", "any cell or fragment". */
export function describeCells(filters: Filter[], labels: Labels, noun = "cells", any = "any cell or fragment"): string {
  if (!filters.length) return any;
  const heads = filters.filter((f) => NOUN_DIMS.has(f.dim) && !f.not);
  const rest = filters.filter((f) => !heads.includes(f));
  const head = heads.length ? heads.map((f) => describeFilter(f, labels)).join(" that are ") : noun;
  return [head, ...rest.map((f) => describeFilter(f, labels))].join(", ");
}

const SOURCE_NOUN = { cells: "cells", nuclei: "nuclei", roots: "neurons (root ids)", synapses: "synapses", connections: "connections" };

const QTY: Record<string, string> = {
  size: "synapse size (voxels)", synapses: "synapses per connection", total_size: "summed size per connection (voxels)",
  volume: "nucleus volume (µm³)", depth: "soma depth (µm below pia)", pref_ori: "preferred orientation (°)",
  pref_dir: "preferred direction (°)", osi: "gOSI", dsi: "gDSI", out_synapses: "output synapses per neuron",
  in_synapses: "input synapses per neuron", out_partners: "postsynaptic partners per neuron", in_partners: "presynaptic partners per neuron",
  ori_difference: "difference in preferred orientation of the two roots (°, circular: 0–90)",
};

/** A quantity in words, of a side's root when it is a partner's ("gOSI of the postsynaptic root"). */
export function quantityWords(of: string, side?: string): string {
  if (!side) return QTY[of] ?? of;
  return `${QTY[of] ?? of} of the ${side === "pre" ? "presynaptic" : "postsynaptic"} root`;
}

function describeMeasure(m: Measure, source: Query["source"]): string {
  switch (m.fn) {
    case "count": return "number of";
    case "distinct":
      return source === "synapses" || source === "connections"
        ? `number of distinct ${m.side === "pre" ? "presynaptic" : m.side === "post" ? "postsynaptic" : ""} partners in`.replace("  ", " ")
        : "number of distinct root ids of";
    case "percentile": return `${ordinal(m.p)} percentile (linear interpolation) of ${quantityWords(m.of, m.side)}`;
    case "stddev": return `standard deviation (sample) of ${quantityWords(m.of, m.side)}`;
    case "sum": return `total ${quantityWords(m.of, m.side)}`;
    case "fraction": return "share";
    case "ratio": return "ratio";
    case "probability": return "connection probability (connected pairs over possible pairs of distinct roots)";
    case "list": return "list";
    case "histogram": return `distribution of ${quantityWords(m.of, m.side)}`;
    case "quartiles": return `quartiles of ${quantityWords(m.of, m.side)}`;
    case "kinds": return `number of distinct ${kindWords(m.dim, m.side)} among`;
    default: {
      const fn = m.fn === "mean" ? "mean" : m.fn === "median" ? "median" : m.fn === "min" ? "smallest" : "largest";
      return `${fn} ${quantityWords(m.of, m.side)}`;
    }
  }
}

/** "postsynaptic cell types", "m-types", "areas". */
export function kindWords(dim: string, side?: string): string {
  const noun = { cell_type: "cell types", mtype: "m-types", class: "classes", area: "areas", layer: "layers",
    axon_strategy: "axon strategies", dendrite_strategy: "dendrite strategies" }[dim] ?? dim;
  return side ? `${side === "pre" ? "presynaptic" : "postsynaptic"} ${noun}` : noun;
}

const ordinal = (p: number) => `${num(p)}${p % 10 === 1 && p !== 11 ? "st" : p % 10 === 2 && p !== 12 ? "nd" : p % 10 === 3 && p !== 13 ? "rd" : "th"}`;

/** The rows a query is about, in words: "synapses from BC onto 23P", "basket cells (BC) in area LM". */
export function describeRows(q: Pick<Query, "source" | "filter" | "pre" | "post">, labels: Labels): string {
  if (q.source === "synapses" || q.source === "connections") {
    const rows = q.filter.length ? ` ${q.filter.map((f) => describeFilter(f, labels)).join(", ")}` : "";
    return `${SOURCE_NOUN[q.source]}${rows} from ${describeCells(q.pre, labels)} onto ${describeCells(q.post, labels)}`;
  }
  const noun = q.source === "roots" ? "neurons" : q.source;
  return describeCells(q.filter, labels, noun, q.source === "nuclei" ? "all nuclei" : `all ${noun}`);
}

export function describePart(p: Part, labels: Labels): string {
  const bits = [
    ...(p.filter ?? []).map((f) => describeFilter(f, labels)),
    ...(p.pre?.length ? [`from ${describeCells(p.pre, labels)}`] : []),
    ...(p.post?.length ? [`onto ${describeCells(p.post, labels)}`] : []),
  ];
  return bits.join(", ") || "all";
}

export function describeGroup(g: Group): string {
  const what = { root_id: "root", nucleus_id: "nucleus", ori_difference: `difference in preferred orientation (bins of ${g.width ?? 22.5}°)` }[g.dim as string]
    ?? g.dim.replace(/_/g, " ").replace("mtype", "m-type");
  return g.side ? `${g.side === "pre" ? "presynaptic" : "postsynaptic"} ${what}` : what;
}

/**
 * "4P cells in V1 vs in RL": conditions every compared set holds are said once, of the rows
 * ("number of 4P cells, compared: V1 vs RL"), so a set's short label does not hide them.
 */
function withSharedConditions(q: Query): Query {
  if (!q.compare) return q;
  const shared = (key: "filter" | "pre" | "post") => (q.compare![0]![key] ?? [])
    .filter((f) => q.compare!.every((p) => (p[key] ?? []).some((g) => JSON.stringify(g) === JSON.stringify(f))));
  return { ...q, filter: [...q.filter, ...shared("filter")], pre: [...q.pre, ...shared("pre")], post: [...q.post, ...shared("post")] };
}

/** Like-to-like per group with no side: both roots of each pair in the same group. */
const withinGroup = (q: Query, g: Group) => (q.measure.fn === "probability" && !g.side && g.dim !== "ori_difference"
  && q.groupBy.some((o) => o.dim === "ori_difference") ? " (both roots of a pair in the same one)" : "");

/** The whole plan in words, the "Read as" line without its source. */
export function describePlan(plan: QueryPlan, labels: Labels): string {
  if (plan.kind === "lookup") return describeLookup(plan);
  if (plan.kind === "sql") return "free-form SQL proposed by the language model";
  const q = plan;
  const rows = describeRows(withSharedConditions(q), labels);
  let text: string;
  if (q.measure.fn === "fraction") text = `share of ${rows} that are ${describePart(q.measure.part, labels)}`;
  else if (q.measure.fn === "ratio") {
    text = `ratio of those ${describePart(q.measure.numerator, labels)} to those ${describePart(q.measure.denominator, labels)}, `
      + `among ${rows}`;
  } else if (q.measure.fn === "list") text = `list of ${rows}${listWith(q)}`;
  else {
    const m = describeMeasure(q.measure, q.source);
    text = /( of| in| among)$/.test(m) || m === "number of" ? `${m} ${rows}` : `${m} of ${rows}`;
  }
  if (q.compare) text += `, compared: ${q.compare.map((p) => p.label ?? describePart(p, labels)).join(" vs ")}`;
  if (q.groupBy.length) text += `, per ${q.groupBy.map((g) => describeGroup(g) + withinGroup(q, g)).join(" and ")}`;
  if (q.order) text += q.order === "desc" ? ", highest first" : ", lowest first";
  if (q.limit) text += `, top ${q.limit}`;
  if (q.radians && q.measure.fn !== "list") text += ", angles in radians";
  if (q.test) {
    text += `, with a permutation test (${num(q.test.permutations)} random permutations of the preferred orientations `
      + "among the matched neurons; statistic: the mean orientation difference of the connected pairs, one-sided)";
  }
  // Like-to-like is drawn as points with their intervals, whichever chart was asked for.
  const intervals = q.measure.fn === "probability" && q.groupBy.some((g) => g.dim === "ori_difference");
  if (q.chart) {
    text += `, as a ${intervals ? "plot of points with 95% intervals" : q.chart === "box" ? "box plot" : q.chart === "heatmap" ? "heatmap"
      : q.chart === "rose" ? "rose (a round histogram)" : `${q.chart} chart`}`;
  }
  return text;
}

/** What a list shows of each row: "each with its synapses and the gOSI of the postsynaptic root". */
function listWith(q: Query): string {
  const m = q.measure;
  if (m.fn !== "list" || !m.with?.length) return "";
  const inRadians = (t: string) => (q.radians ? t.replace("(°, circular: 0–90)", "(radians, circular: 0–π/2)")
    .replace("(°)", "(radians)") : t);
  const names = m.with.map((x) => inRadians(QTY[x] ?? x));
  const words = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0]!;
  if (q.source !== "connections" && q.chart === "scatter" && names.length === 2) {
    return `, each with its ${names[0]} plotted against its ${names[1]}`;
  }
  if (q.source !== "connections") return `, each with its ${words}`;
  const whose = m.side ? `the ${m.side === "pre" ? "presynaptic" : "postsynaptic"} root's ` : "the ";
  return `, each with its synapses and ${whose}${words}`;
}

function describeLookup(p: LookupPlan): string {
  const what = p.rootId ? `root ${p.rootId}` : `nucleus ${p.nucleusId}`;
  return `look up ${what} (${p.fields.length ? p.fields.join(", ").replace(/_/g, " ") : "everything known"})`;
}
