import type { Measure, Query } from "../plan.js";
import { ordinal } from "./number-words.js";

/** Quantities in words, with their units. */
const QTY: Record<string, string> = {
  size: "synapse size (voxels)",
  synapses: "synapses per connection",
  total_size: "summed size per connection (voxels)",
  volume: "nucleus volume (µm³)",
  depth: "soma depth (µm below pia)",
  pref_ori: "preferred orientation (°)",
  pref_dir: "preferred direction (°)",
  osi: "gOSI",
  dsi: "gDSI",
  cc: "cc_abs (tuning model fit)",
  out_synapses: "output synapses per neuron",
  in_synapses: "input synapses per neuron",
  out_partners: "postsynaptic partners per neuron",
  in_partners: "presynaptic partners per neuron",
  ori_difference: "difference in preferred orientation of the two roots (°, circular: 0–90)",
};

/** A quantity in words, of a side's root when it is a partner's ("gOSI of the postsynaptic root"). */
export function quantityWords(of: string, side?: string): string {
  if (!side) return QTY[of] ?? of;
  return `${QTY[of] ?? of} of the ${side === "pre" ? "presynaptic" : "postsynaptic"} root`;
}

/** What is measured, in words, put before the rows: "number of", "mean synapse size (voxels)". */
export function describeMeasure(m: Measure, source: Query["source"]): string {
  switch (m.fn) {
    case "count":
      return "number of";
    case "distinct": {
      const side = m.side === "pre" ? "presynaptic" : m.side === "post" ? "postsynaptic" : "";
      return source === "synapses" || source === "connections"
        ? `number of distinct ${side} partners in`.replace("  ", " ")
        : "number of distinct root ids of";
    }
    case "percentile":
      return `${ordinal(m.p)} percentile (linear interpolation) of ${quantityWords(m.of, m.side)}`;
    case "stddev":
      return `standard deviation (sample) of ${quantityWords(m.of, m.side)}`;
    case "sum":
      // (Summed over connections, their synapses are all the synapses of those connections.)
      if (m.of === "synapses" && !m.side) return "number of synapses in";
      return m.of === "total_size" && !m.side
        ? "summed synapse size (voxels) of"
        : `total ${quantityWords(m.of, m.side)}`;
    case "fraction":
      return "share";
    case "ratio":
      return "ratio";
    case "probability":
      return "connection probability (connected pairs over possible pairs of distinct roots)";
    case "list":
      return "list";
    case "histogram":
      return `distribution of ${quantityWords(m.of, m.side)}`;
    case "quartiles":
      return `quartiles of ${quantityWords(m.of, m.side)}`;
    case "kinds":
      return `number of distinct ${kindWords(m.dim, m.side)} among`;
    default: {
      const fn = m.fn === "mean" ? "mean" : m.fn === "median" ? "median" : m.fn === "min" ? "smallest" : "largest";
      return `${fn} ${quantityWords(m.of, m.side)}`;
    }
  }
}

/** "postsynaptic cell types", "m-types", "areas". */
export function kindWords(dim: string, side?: string): string {
  const noun =
    {
      cell_type: "cell types",
      mtype: "m-types",
      class: "classes",
      area: "areas",
      layer: "layers",
      axon_strategy: "axon strategies",
      dendrite_strategy: "dendrite strategies",
    }[dim] ?? dim;
  return side ? `${side === "pre" ? "presynaptic" : "postsynaptic"} ${noun}` : noun;
}
