/**
 * The wiring rules of the synthetic sample's cell types (cell-types.ts): whom each type prefers to
 * contact, how many synapses per partner, how many outputs it makes, how large its synapses are.
 */
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
  BC: {
    prefer: weights(3, { "5P-ET": 4, "6P-IT": 2, "6P-CT": 2, BC: 2, MC: 0.5, BPC: 0.3, NGC: 0.3 }),
    contactsPerPartner: 3.2,
    outputScale: 2.2,
    ontoOrphans: 0.25,
    placement: "perisomatic",
    sizeMedian: 1400,
  },
  MC: {
    prefer: weights(1, { "23P": 2.5, "5P-IT": 3, "5P-ET": 6, "5P-NP": 2, BPC: 1, BC: 0.5, MC: 0.2 }),
    contactsPerPartner: 2.4,
    outputScale: 1.8,
    ontoOrphans: 0.3,
    placement: "apical",
    sizeMedian: 1100,
  },
  BPC: {
    prefer: weights(0.3, { MC: 10, BC: 1.5, NGC: 1, BPC: 0.5 }),
    contactsPerPartner: 1.5,
    outputScale: 1.2,
    ontoOrphans: 0.3,
    placement: "dendritic",
    sizeMedian: 1000,
  },
  NGC: {
    prefer: weights(1, { "23P": 2, BC: 0.5, MC: 0.5, BPC: 0.5 }),
    contactsPerPartner: 1.15,
    outputScale: 1.2,
    ontoOrphans: 0.45,
    placement: "apical",
    sizeMedian: 900,
  },
  "23P": {
    prefer: weights(0.3, { "23P": 2, "5P-IT": 1.5, "5P-ET": 2, BC: 1.5, MC: 1, BPC: 0.6 }),
    contactsPerPartner: 1.25,
    outputScale: 0.9,
    ontoOrphans: 0.4,
    placement: "dendritic",
    sizeMedian: 1800,
  },
  "4P": {
    prefer: weights(0.4, { "23P": 2.5, "4P": 2, "5P-IT": 1, BC: 1.2, MC: 0.6 }),
    contactsPerPartner: 1.25,
    outputScale: 0.9,
    ontoOrphans: 0.4,
    placement: "dendritic",
    sizeMedian: 1700,
  },
  "5P-IT": {
    prefer: weights(0.6, { "5P-IT": 1.5, "5P-ET": 1.5, "23P": 1, BC: 1, MC: 1 }),
    contactsPerPartner: 1.2,
    outputScale: 0.85,
    ontoOrphans: 0.4,
    placement: "dendritic",
    sizeMedian: 1800,
  },
  "5P-ET": {
    prefer: weights(0.5, { "5P-ET": 1.2, "5P-IT": 1, BC: 1, MC: 1.5 }),
    contactsPerPartner: 1.2,
    outputScale: 0.7,
    ontoOrphans: 0.45,
    placement: "dendritic",
    sizeMedian: 2000,
  },
  "5P-NP": {
    prefer: weights(0.5, { "5P-NP": 1.5, "6P-IT": 1, BC: 1 }),
    contactsPerPartner: 1.2,
    outputScale: 0.7,
    ontoOrphans: 0.45,
    placement: "dendritic",
    sizeMedian: 1700,
  },
  "6P-IT": {
    prefer: weights(0.6, { "6P-IT": 1.5, "6P-CT": 1, "5P-IT": 1, BC: 1 }),
    contactsPerPartner: 1.2,
    outputScale: 0.85,
    ontoOrphans: 0.4,
    placement: "dendritic",
    sizeMedian: 1600,
  },
  "6P-CT": {
    prefer: weights(0.4, { "6P-IT": 1.5, "4P": 1.5, BC: 1.2 }),
    contactsPerPartner: 1.2,
    outputScale: 0.8,
    ontoOrphans: 0.4,
    placement: "dendritic",
    sizeMedian: 1500,
  },
};

/** Relative input density by postsynaptic type, for inputs from axon fragments without a nucleus. */
export const INPUT_DENSITY: Readonly<Record<string, number>> = {
  "23P": 1,
  "4P": 1,
  "5P-IT": 1.3,
  "5P-ET": 2.2,
  "5P-NP": 0.8,
  "6P-IT": 0.8,
  "6P-CT": 0.7,
  BC: 1.1,
  MC: 0.9,
  BPC: 0.7,
  NGC: 0.6,
};

/** Median size (voxels) of synapses from axon fragments without a nucleus (mostly excitatory). */
export const ORPHAN_AXON_SIZE_MEDIAN = 1500;
