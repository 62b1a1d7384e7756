import type { CellDim, Dim, Quantity } from "../../planning/plan.js";

/**
 * The semantic layer's catalogue: what each dimension is, where it lives, its unit and how it reads.
 * Cell-level dimensions are columns of a cell's row (a nucleus with its type); root-level ones belong
 * to the root id (segment) and hold for every nucleus on it; row-level ones are properties of one
 * synapse or one connection.
 */
export type Level = "cell" | "root" | "row";
export type DimKind = "category" | "number" | "flag" | "id" | "angle";

export interface DimInfo {
  level: Level;
  kind: DimKind;
  /** How it reads: "cell type", "nucleus volume". */
  label: string;
  unit?: string;
  /** The store table it needs, with the CAVE table named in a message when it is missing. */
  table?: { table: string; cave: string };
}

const CELL_TYPES = { table: "cell_type", cave: "aibs_metamodel_celltypes_v661" };
const PROOFREADING = { table: "proofreading", cave: "proofreading_status_and_strategy" };
const TUNING = { table: "cell_tuning", cave: "functional_properties_v3_bcm" };
const SYNAPSES = { table: "root_stats", cave: "synapses_pni_2" };

export const DIMS: Record<Dim, DimInfo> = {
  root_id: { level: "root", kind: "id", label: "root id" },
  nucleus_id: { level: "cell", kind: "id", label: "nucleus id" },
  cell_type: { level: "cell", kind: "category", label: "cell type", table: CELL_TYPES },
  mtype: {
    level: "cell",
    kind: "category",
    label: "m-type",
    table: { table: "mtype", cave: "aibs_metamodel_mtypes_v661_v2" },
  },
  class: { level: "cell", kind: "category", label: "class", table: CELL_TYPES },
  area: {
    level: "cell",
    kind: "category",
    label: "visual area",
    table: { table: "area_assignment", cave: "nucleus_functional_area_assignment" },
  },
  layer: { level: "cell", kind: "category", label: "layer (by soma depth)" },
  depth: { level: "cell", kind: "number", label: "soma depth", unit: "µm below pia" },
  volume: {
    level: "cell",
    kind: "number",
    label: "nucleus volume",
    unit: "µm³",
    table: { table: "nucleus", cave: "nucleus_detection_v0" },
  },
  proofread: { level: "root", kind: "flag", label: "proofread (axon or dendrite)", table: PROOFREADING },
  axon_proofread: { level: "root", kind: "flag", label: "proofread axon", table: PROOFREADING },
  dendrite_proofread: { level: "root", kind: "flag", label: "proofread dendrite", table: PROOFREADING },
  axon_strategy: { level: "root", kind: "category", label: "axon proofreading strategy", table: PROOFREADING },
  dendrite_strategy: { level: "root", kind: "category", label: "dendrite proofreading strategy", table: PROOFREADING },
  coregistered: {
    level: "cell",
    kind: "flag",
    label: "coregistered with two-photon imaging",
    table: { table: "coregistration", cave: "coregistration_manual_v4" },
  },
  tuned: { level: "cell", kind: "flag", label: "functionally characterized (tuning measured)", table: TUNING },
  pref_ori: { level: "cell", kind: "angle", label: "preferred orientation", unit: "°", table: TUNING },
  pref_dir: { level: "cell", kind: "angle", label: "preferred direction", unit: "°", table: TUNING },
  osi: { level: "cell", kind: "number", label: "gOSI", table: TUNING },
  dsi: { level: "cell", kind: "number", label: "gDSI", table: TUNING },
  cc: { level: "cell", kind: "number", label: "cc_abs (tuning model fit, best scan unit)", table: TUNING },
  scans: {
    level: "cell",
    kind: "number",
    label: "two-photon scans the cell is matched in (its coregistration rows)",
    table: { table: "coregistration", cave: "coregistration_manual_v4" },
  },
  typed: { level: "cell", kind: "flag", label: "has a cell type", table: CELL_TYPES },
  has_nucleus: {
    level: "root",
    kind: "flag",
    label: "has a nucleus",
    table: { table: "nucleus", cave: "nucleus_detection_v0" },
  },
  out_synapses: { level: "root", kind: "number", label: "output synapses", unit: "synapses", table: SYNAPSES },
  in_synapses: { level: "root", kind: "number", label: "input synapses", unit: "synapses", table: SYNAPSES },
  out_partners: { level: "root", kind: "number", label: "postsynaptic partners", unit: "partners", table: SYNAPSES },
  in_partners: { level: "root", kind: "number", label: "presynaptic partners", unit: "partners", table: SYNAPSES },
  size: { level: "row", kind: "number", label: "synapse size", unit: "voxels" },
  synapses: { level: "row", kind: "number", label: "synapses per connection", unit: "synapses" },
  total_size: { level: "row", kind: "number", label: "summed synapse size per connection", unit: "voxels" },
  reciprocal: { level: "row", kind: "flag", label: "reciprocated (connected both ways)" },
  ori_difference: {
    level: "row",
    kind: "number",
    label: "difference in preferred orientation",
    unit: "°",
    table: TUNING,
  },
};

export const dimInfo = (d: Dim): DimInfo => DIMS[d];
export const isCellDim = (d: Dim): d is CellDim => DIMS[d].level !== "row";

/** How a measured quantity reads, and its unit. */
export const QUANTITY: Record<Quantity, { label: string; unit: string; column: string; log?: boolean }> = {
  size: { label: "synapse size", unit: "voxels", column: "size", log: true },
  synapses: { label: "synapses per connection", unit: "synapses", column: "synapses", log: true },
  total_size: { label: "summed synapse size per connection", unit: "voxels", column: "total_size", log: true },
  volume: { label: "nucleus volume", unit: "µm³", column: "volume_um3" },
  depth: { label: "soma depth", unit: "µm below pia", column: "depth_um" },
  pref_ori: { label: "preferred orientation", unit: "°", column: "pref_ori_deg" },
  pref_dir: { label: "preferred direction", unit: "°", column: "pref_dir_deg" },
  osi: { label: "gOSI", unit: "", column: "gosi" },
  dsi: { label: "gDSI", unit: "", column: "gdsi" },
  cc: { label: "cc_abs (tuning model fit)", unit: "", column: "cc_abs" },
  out_synapses: { label: "output synapses per neuron", unit: "synapses", column: "output_synapses", log: true },
  in_synapses: { label: "input synapses per neuron", unit: "synapses", column: "input_synapses", log: true },
  out_partners: { label: "postsynaptic partners per neuron", unit: "partners", column: "output_partners", log: true },
  in_partners: { label: "presynaptic partners per neuron", unit: "partners", column: "input_partners", log: true },
  ori_difference: { label: "difference in preferred orientation", unit: "°", column: "ori_difference_deg" },
};

/** Class values of classification_system, in the cell-type table and the m-type table. */
export const CLASS_VALUES: Record<string, string[]> = {
  excitatory: ["excitatory_neuron", "excitatory"],
  inhibitory: ["inhibitory_neuron", "inhibitory"],
  neuron: ["excitatory_neuron", "inhibitory_neuron", "excitatory", "inhibitory"],
  nonneuron: ["nonneuron", "non_neuron", "glia"],
};

/** Status values that mean "proofread": 't' in proofreading_status_and_strategy, 'clean'/'extended' in older tables. */
export const PROOFREAD_VALUES = ["t", "true", "True", "TRUE", "1", "clean", "extended"];
