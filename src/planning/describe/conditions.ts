import type { Filter } from "../plan.js";
import { num } from "./number-words.js";

/**
 * "Read as": a plan in words, generated from the plan so it cannot drift from what is computed.
 * Names go through `label` (the vocabulary's "basket cells (BC)").
 */
export interface Labels {
  typeLabel(value: string): string;
}

const CLASS_NAME: Record<string, string> = {
  excitatory: "excitatory neurons",
  inhibitory: "inhibitory neurons",
  neuron: "neurons",
  nonneuron: "non-neuronal cells",
};

function range(f: Filter, unit: string): string {
  // ("exactly 1 synapse", "more than 1 partner": one of a counted thing is said in the singular.)
  const single = (f.max ?? f.min) === 1 && (f.min === undefined || f.min === f.max || f.max === undefined);
  const u = unit ? ` ${single ? unit.replace(/(synapse|partner)s$/, "$1") : unit}` : "";
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
    case "root_id":
      return `${not}root ${list(f.values!)}`;
    case "nucleus_id":
      return `${not}nucleus ${list(f.values!)}`;
    case "cell_type":
      return `${not}${list(f.values!.map((v) => `${labels.typeLabel(v)} (${v})`))}`;
    case "mtype":
      return `${not}m-type ${list(f.values!)}`;
    case "class":
      return `${not}${list(f.values!.map((v) => CLASS_NAME[v] ?? v))}`;
    case "area":
      return `${not}in area ${list(f.values!)}`;
    case "layer":
      return `${not}with the soma in ${list(f.values!)}`;
    case "depth":
      return `${not}with the soma ${range(f, "µm below pia")}`;
    case "volume":
      return `${not}with a nucleus volume of ${range(f, "µm³")}`;
    case "proofread":
      return no ? "not proofread" : "proofread (axon or dendrite)";
    case "axon_proofread":
      return no ? "without a proofread axon" : "with a proofread axon";
    case "dendrite_proofread":
      return no ? "without a proofread dendrite" : "with a proofread dendrite";
    case "axon_strategy":
      return `${not}with axon strategy ${list(f.values!)}`;
    case "dendrite_strategy":
      return `${not}with dendrite strategy ${list(f.values!)}`;
    case "coregistered":
      return no ? "not coregistered" : "coregistered with two-photon imaging";
    case "tuned":
      return no ? "without measured tuning" : "functionally matched (with measured tuning)";
    case "typed":
      return no ? "without a cell-type row (untyped)" : "with a cell-type row";
    case "has_nucleus":
      return no ? "without a nucleus (fragments)" : "with a nucleus";
    case "pref_ori":
    case "pref_dir": {
      const what = f.dim === "pref_ori" ? "preferred orientation" : "preferred direction";
      return f.near !== undefined
        ? `${not}with a ${what} within ${num(f.within!)}° of ${num(f.near)}°`
        : `${not}with a ${what} of ${range(f, "°")}`;
    }
    case "osi":
      return `${not}with gOSI ${range(f, "")}`;
    case "dsi":
      return `${not}with gDSI ${range(f, "")}`;
    case "cc":
      return `${not}with cc_abs ${range(f, "")}`;
    case "scans":
      return `${not}matched in ${range(f, "two-photon scans")}`;
    case "out_synapses":
      return `${not}with ${range(f, "output synapses")}${partnersOf(f, "onto", labels)}`;
    case "in_synapses":
      return `${not}with ${range(f, "input synapses")}${partnersOf(f, "from", labels)}`;
    case "out_partners":
      return `${not}with ${range(f, "postsynaptic partners")}${partnersOf(f, "among", labels)}`;
    case "in_partners":
      return `${not}with ${range(f, "presynaptic partners")}${partnersOf(f, "among", labels)}`;
    case "size":
      return `${not}of size ${range(f, "voxels")}`;
    case "synapses":
      return `${not}with ${range(f, "synapses")}`;
    case "total_size":
      return `${not}with a summed synapse size of ${range(f, "voxels")}`;
    case "ori_difference":
      return `${not}whose preferred orientations differ by ${range(f, "°")}`;
    case "reciprocal":
      return no ? "not reciprocated" : "reciprocated (the two cells are also connected the other way)";
  }
}

/** " onto basket cells (BC)": the other side a count is narrowed to, if it is. */
const partnersOf = (f: Filter, rel: string, labels: Labels) =>
  f.partners ? ` ${rel} ${describeCells(f.partners, labels)}` : "";

const NOUN_DIMS = new Set(["cell_type", "class", "mtype", "root_id", "nucleus_id"]);

/** A population in words: "basket cells (BC) in area LM", "any cell or fragment". */
export function describeCells(filters: Filter[], labels: Labels, noun = "cells", any = "any cell or fragment"): string {
  if (!filters.length) return any;
  const heads = filters.filter((f) => NOUN_DIMS.has(f.dim) && !f.not);
  // ("cells with more than 10 outputs": cells of the cell-type table are the noun, said once.)
  const typed = filters.find((f) => f.dim === "typed" && f.is !== false && !f.not);
  const rest = filters.filter((f) => !heads.includes(f) && f !== typed);
  const plain = typed ? "cells (with a cell type)" : noun;
  const head = heads.length ? heads.map((f) => describeFilter(f, labels)).join(" that are ") : plain;
  return [head, ...rest.map((f) => describeFilter(f, labels))].join(", ");
}
