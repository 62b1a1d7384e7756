import type { Filter } from "../plan.js";

/** Dimensions that belong to a root id: a question that filters by them counts neurons as root ids. */
export const DIMS_OF_ROOTS = new Set<Filter["dim"]>([
  "proofread",
  "axon_proofread",
  "dendrite_proofread",
  "axon_strategy",
  "dendrite_strategy",
  "has_nucleus",
  "out_synapses",
  "in_synapses",
  "out_partners",
  "in_partners",
]);

/**
 * Dimensions from tables that list only neurons (proofreading, coregistration, functional
 * properties): "neurons with a proofread axon" are the roots of the proofreading table, and saying
 * "neurons" adds no condition (which would drop the ones without a cell-type row).
 */
export const NEURON_TABLES = new Set<Filter["dim"]>([
  "proofread",
  "axon_proofread",
  "dendrite_proofread",
  "axon_strategy",
  "dendrite_strategy",
  "coregistered",
  "tuned",
  "osi",
  "dsi",
  "cc",
  "pref_ori",
  "pref_dir",
]);

export function withoutRedundantNeuron(filters: Filter[], also: Filter["dim"][] = []): Filter[] {
  if (
    !filters.some((f) => NEURON_TABLES.has(f.dim) && !f.not && f.is !== false) &&
    !also.some((d) => NEURON_TABLES.has(d))
  )
    return filters;
  return filters.filter((f) => !(f.dim === "class" && !f.not && f.values?.length === 1 && f.values[0] === "neuron"));
}

/** A visual area or a cortical layer: where cells are. */
export function isPlace(f: Filter): boolean {
  return f.dim === "area" || f.dim === "layer";
}
