/**
 * The cell-type make-up of the synthetic sample, after the MICrONS minnie65 tables
 * (aibs_metamodel_celltypes_v661 and aibs_metamodel_mtypes_v661_v2): shares of all nuclei, soma
 * depth by layer, nucleus volume, m-types, and the wiring rules of each type (whom it prefers to
 * contact, how many synapses per partner, how many outputs it makes, how large its synapses are).
 */
export type CellClass = "excitatory_neuron" | "inhibitory_neuron" | "nonneuron";

export interface CellTypeSpec {
  type: string;
  cellClass: CellClass;
  /** Share of all nuclei. */
  share: number;
  /** Soma depth range, µm below pia (layer boundaries of data/cortex_geometry.json). */
  depthUm: readonly [number, number];
  /** How depths fall in the range: "middle" peaks mid-range, "uniform", or "deep" leans down. */
  depthShape: "middle" | "uniform" | "deep";
  /** Median nucleus volume, µm³ (log-normal around it). */
  volumeUm3: number;
  /** M-types of aibs_metamodel_mtypes_v661_v2, in depth order for excitatory types. */
  mtypes: readonly string[];
}

// Layer boundaries, µm below pia (Allen mouse visual cortex reference depths).
const L1 = 0, L23 = 115, L4 = 334, L5 = 454, L6A = 688, L6B = 883, WM = 923;

export const CELL_TYPES: readonly CellTypeSpec[] = [
  { type: "23P", cellClass: "excitatory_neuron", share: 0.22, depthUm: [L23, L4], depthShape: "middle", volumeUm3: 255, mtypes: ["L2a", "L2b", "L2c", "L3a", "L3b"] },
  { type: "4P", cellClass: "excitatory_neuron", share: 0.12, depthUm: [L4, L5], depthShape: "middle", volumeUm3: 240, mtypes: ["L4a", "L4b", "L4c"] },
  { type: "5P-IT", cellClass: "excitatory_neuron", share: 0.08, depthUm: [L5, L6A - 30], depthShape: "middle", volumeUm3: 300, mtypes: ["L5a", "L5b"] },
  { type: "5P-ET", cellClass: "excitatory_neuron", share: 0.025, depthUm: [L5 + 80, L6A], depthShape: "middle", volumeUm3: 440, mtypes: ["L5ET"] },
  { type: "5P-NP", cellClass: "excitatory_neuron", share: 0.012, depthUm: [L5 + 100, L6A], depthShape: "middle", volumeUm3: 280, mtypes: ["L5NP"] },
  { type: "6P-IT", cellClass: "excitatory_neuron", share: 0.09, depthUm: [L6A, L6B], depthShape: "middle", volumeUm3: 260, mtypes: ["L6short-a", "L6short-b", "L6tall-a"] },
  { type: "6P-CT", cellClass: "excitatory_neuron", share: 0.08, depthUm: [L6A, WM], depthShape: "middle", volumeUm3: 250, mtypes: ["L6tall-b", "L6tall-c", "L6wm"] },
  { type: "BC", cellClass: "inhibitory_neuron", share: 0.04, depthUm: [L23, L6B], depthShape: "uniform", volumeUm3: 270, mtypes: ["PTC"] },
  { type: "MC", cellClass: "inhibitory_neuron", share: 0.025, depthUm: [L23, L6B], depthShape: "middle", volumeUm3: 250, mtypes: ["DTC"] },
  { type: "BPC", cellClass: "inhibitory_neuron", share: 0.02, depthUm: [L23 - 20, L5 + 40], depthShape: "middle", volumeUm3: 200, mtypes: ["ITC"] },
  { type: "NGC", cellClass: "inhibitory_neuron", share: 0.008, depthUm: [L1 + 15, L23 + 20], depthShape: "uniform", volumeUm3: 190, mtypes: ["STC"] },
  { type: "astrocyte", cellClass: "nonneuron", share: 0.09, depthUm: [L1 + 5, WM + 60], depthShape: "uniform", volumeUm3: 150, mtypes: [] },
  { type: "microglia", cellClass: "nonneuron", share: 0.035, depthUm: [L1 + 5, WM + 60], depthShape: "uniform", volumeUm3: 95, mtypes: [] },
  { type: "oligo", cellClass: "nonneuron", share: 0.11, depthUm: [L1 + 5, WM + 60], depthShape: "deep", volumeUm3: 120, mtypes: [] },
  { type: "OPC", cellClass: "nonneuron", share: 0.028, depthUm: [L1 + 5, WM + 60], depthShape: "uniform", volumeUm3: 140, mtypes: [] },
  { type: "pericyte", cellClass: "nonneuron", share: 0.017, depthUm: [L1 + 5, WM + 60], depthShape: "uniform", volumeUm3: 100, mtypes: [] },
];

export const INHIBITORY_MTYPES = ["PTC", "DTC", "STC", "ITC"] as const;

export const isNeuron = (t: CellTypeSpec): boolean => t.cellClass !== "nonneuron";

/** How a presynaptic type wires: target preference (×abundance), synapses per partner, outputs. */
export interface WiringRule {
  /** Relative preference for each postsynaptic type (1 where not named). */
  prefer: Readonly<Record<string, number>>;
  /** Mean synapses per connected pair (the first contact plus geometric repeats). */
  contactsPerPartner: number;
  /** Output synapses relative to the average neuron (normalized so the mean is synapsesPerNeuron). */
  outputScale: number;
  /** Share of outputs onto dendrite fragments that have no nucleus (orphans). */
  ontoOrphans: number;
  /** Where the synapse sits on the target: around its soma, its distal (apical) dendrite, or its dendrites. */
  placement: "perisomatic" | "apical" | "dendritic";
  /** Median synapse size (voxels). */
  sizeMedian: number;
}

const PYRAMIDAL = ["23P", "4P", "5P-IT", "5P-ET", "5P-NP", "6P-IT", "6P-CT"];
const weights = (base: number, named: Record<string, number>): Record<string, number> =>
  Object.fromEntries([...PYRAMIDAL.map((t) => [t, base] as const), ...Object.entries(named)]);

/**
 * Wiring by presynaptic type. Basket cells hit pyramidal somata with several synapses per pair;
 * Martinotti cells prefer L5 ET and L2/3 pyramidal dendrites and their tufts; bipolar (VIP) cells
 * prefer Martinotti cells; neurogliaform cells contact sparsely; pyramidal cells mostly contact
 * pyramidal cells of their own and the next layer, with single synapses.
 */
export const WIRING: Readonly<Record<string, WiringRule>> = {
  BC: { prefer: weights(3, { "5P-ET": 4, "6P-IT": 2, "6P-CT": 2, BC: 2, MC: 0.5, BPC: 0.3, NGC: 0.3 }), contactsPerPartner: 3.2, outputScale: 2.2, ontoOrphans: 0.25, placement: "perisomatic", sizeMedian: 1400 },
  MC: { prefer: weights(1, { "23P": 2.5, "5P-IT": 3, "5P-ET": 6, "5P-NP": 2, BPC: 1, BC: 0.5, MC: 0.2 }), contactsPerPartner: 2.4, outputScale: 1.8, ontoOrphans: 0.3, placement: "apical", sizeMedian: 1100 },
  BPC: { prefer: weights(0.3, { MC: 10, BC: 1.5, NGC: 1, BPC: 0.5 }), contactsPerPartner: 1.5, outputScale: 1.2, ontoOrphans: 0.3, placement: "dendritic", sizeMedian: 1000 },
  NGC: { prefer: weights(1, { "23P": 2, BC: 0.5, MC: 0.5, BPC: 0.5 }), contactsPerPartner: 1.15, outputScale: 1.2, ontoOrphans: 0.45, placement: "apical", sizeMedian: 900 },
  "23P": { prefer: weights(0.3, { "23P": 2, "5P-IT": 1.5, "5P-ET": 2, BC: 1.5, MC: 1, BPC: 0.6 }), contactsPerPartner: 1.25, outputScale: 0.9, ontoOrphans: 0.4, placement: "dendritic", sizeMedian: 1800 },
  "4P": { prefer: weights(0.4, { "23P": 2.5, "4P": 2, "5P-IT": 1, BC: 1.2, MC: 0.6 }), contactsPerPartner: 1.25, outputScale: 0.9, ontoOrphans: 0.4, placement: "dendritic", sizeMedian: 1700 },
  "5P-IT": { prefer: weights(0.6, { "5P-IT": 1.5, "5P-ET": 1.5, "23P": 1, BC: 1, MC: 1 }), contactsPerPartner: 1.2, outputScale: 0.85, ontoOrphans: 0.4, placement: "dendritic", sizeMedian: 1800 },
  "5P-ET": { prefer: weights(0.5, { "5P-ET": 1.2, "5P-IT": 1, BC: 1, MC: 1.5 }), contactsPerPartner: 1.2, outputScale: 0.7, ontoOrphans: 0.45, placement: "dendritic", sizeMedian: 2000 },
  "5P-NP": { prefer: weights(0.5, { "5P-NP": 1.5, "6P-IT": 1, BC: 1 }), contactsPerPartner: 1.2, outputScale: 0.7, ontoOrphans: 0.45, placement: "dendritic", sizeMedian: 1700 },
  "6P-IT": { prefer: weights(0.6, { "6P-IT": 1.5, "6P-CT": 1, "5P-IT": 1, BC: 1 }), contactsPerPartner: 1.2, outputScale: 0.85, ontoOrphans: 0.4, placement: "dendritic", sizeMedian: 1600 },
  "6P-CT": { prefer: weights(0.4, { "6P-IT": 1.5, "4P": 1.5, BC: 1.2 }), contactsPerPartner: 1.2, outputScale: 0.8, ontoOrphans: 0.4, placement: "dendritic", sizeMedian: 1500 },
};

/** Relative input density by postsynaptic type, for inputs from axon fragments without a nucleus. */
export const INPUT_DENSITY: Readonly<Record<string, number>> = {
  "23P": 1, "4P": 1, "5P-IT": 1.3, "5P-ET": 2.2, "5P-NP": 0.8, "6P-IT": 0.8, "6P-CT": 0.7, BC: 1.1, MC: 0.9, BPC: 0.7, NGC: 0.6,
};

/** Median size (voxels) of synapses from axon fragments without a nucleus (mostly excitatory). */
export const ORPHAN_AXON_SIZE_MEDIAN = 1500;

/**
 * The four visual areas of nucleus_functional_area_assignment. The volume spans V1 and, at larger
 * x, the higher visual areas RL, AL and LM stacked along z; boundaries are in µm of voxel space.
 */
export const AREA_BOUNDARIES = {
  /** V1 lies at x (µm) below this line, which tilts with z: x = v1X + v1Slope·(z − zMid). */
  v1X: 1080,
  v1Slope: 0.2,
  zMid: 830,
  /** Beyond V1: RL below this z (µm), AL between, LM above the next. */
  rlAlZ: 760,
  alLmZ: 930,
} as const;
