/**
 * Cell-type make-up of the synthetic sample, after the MICrONS minnie65 tables: shares of all
 * nuclei, soma depth ranges (µm below pia), m-types, and which types each inhibitory class prefers
 * to contact (basket cells perisomatic on pyramidal cells, Martinotti cells on L5 ET and L2/3,
 * bipolar/VIP cells on Martinotti cells, ...).
 */
export type CellClass = "excitatory_neuron" | "inhibitory_neuron" | "nonneuron";

export interface CellTypeSpec {
  type: string;
  cellClass: CellClass;
  share: number;
  depthUm: [number, number];
  mtypes: string[];
}

export const CELL_TYPES: CellTypeSpec[] = [
  { type: "23P", cellClass: "excitatory_neuron", share: 0.22, depthUm: [100, 300], mtypes: ["L2a", "L2b", "L2c", "L3a", "L3b"] },
  { type: "4P", cellClass: "excitatory_neuron", share: 0.12, depthUm: [300, 420], mtypes: ["L4a", "L4b", "L4c"] },
  { type: "5P-IT", cellClass: "excitatory_neuron", share: 0.08, depthUm: [420, 620], mtypes: ["L5a", "L5b"] },
  { type: "5P-ET", cellClass: "excitatory_neuron", share: 0.025, depthUm: [480, 640], mtypes: ["L5ET"] },
  { type: "5P-NP", cellClass: "excitatory_neuron", share: 0.012, depthUm: [480, 640], mtypes: ["L5NP"] },
  { type: "6P-IT", cellClass: "excitatory_neuron", share: 0.09, depthUm: [640, 900], mtypes: ["L6short-a", "L6short-b", "L6tall-a"] },
  { type: "6P-CT", cellClass: "excitatory_neuron", share: 0.08, depthUm: [640, 900], mtypes: ["L6tall-b", "L6tall-c", "L6wm"] },
  { type: "BC", cellClass: "inhibitory_neuron", share: 0.04, depthUm: [100, 900], mtypes: ["PTC"] },
  { type: "MC", cellClass: "inhibitory_neuron", share: 0.025, depthUm: [100, 900], mtypes: ["DTC"] },
  { type: "BPC", cellClass: "inhibitory_neuron", share: 0.02, depthUm: [80, 500], mtypes: ["STC"] },
  { type: "NGC", cellClass: "inhibitory_neuron", share: 0.008, depthUm: [20, 400], mtypes: ["ITC"] },
  { type: "astrocyte", cellClass: "nonneuron", share: 0.09, depthUm: [0, 950], mtypes: [] },
  { type: "microglia", cellClass: "nonneuron", share: 0.035, depthUm: [0, 950], mtypes: [] },
  { type: "oligo", cellClass: "nonneuron", share: 0.11, depthUm: [0, 950], mtypes: [] },
  { type: "OPC", cellClass: "nonneuron", share: 0.028, depthUm: [0, 950], mtypes: [] },
  { type: "pericyte", cellClass: "nonneuron", share: 0.017, depthUm: [0, 950], mtypes: [] },
];

/** Relative preference of each presynaptic type for postsynaptic types (1 where not named). */
export const TARGET_PREFERENCE: Record<string, Record<string, number>> = {
  BC: { "23P": 3, "4P": 3, "5P-IT": 3, "5P-ET": 4, BC: 2, MC: 1 },
  MC: { "23P": 2.5, "5P-ET": 5, "5P-IT": 3, BPC: 1 },
  BPC: { MC: 6, BC: 1.5 },
  NGC: { "23P": 2, "4P": 1.5 },
  "23P": { "23P": 2, "5P-IT": 1.5, "5P-ET": 1.5, BC: 1.5 },
  "4P": { "23P": 2.5, "4P": 2 },
  "6P-CT": { "6P-IT": 1.5, "4P": 1.5 },
};

/** Median synapse size (voxels) by presynaptic class; sizes are log-normal around it. */
export const SYNAPSE_SIZE_MEDIAN: Record<CellClass, number> = { excitatory_neuron: 1800, inhibitory_neuron: 1300, nonneuron: 1000 };

/** MICrONS cortical areas of the functional area assignment, with shares of the volume. */
export const AREAS = [
  { tag: "V1", share: 0.55 },
  { tag: "RL", share: 0.15 },
  { tag: "AL", share: 0.15 },
  { tag: "LM", share: 0.15 },
];
