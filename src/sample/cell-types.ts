/**
 * The cell-type make-up of the synthetic sample, after the MICrONS minnie65 tables
 * (aibs_metamodel_celltypes_v661 and aibs_metamodel_mtypes_v661_v2): shares of all nuclei, soma
 * depth by layer, nucleus volume and m-types. How each type wires is in wiring.ts.
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
const L1 = 0,
  L23 = 115,
  L4 = 334,
  L5 = 454,
  L6A = 688,
  L6B = 883,
  WM = 923;

export const CELL_TYPES: readonly CellTypeSpec[] = [
  {
    type: "23P",
    cellClass: "excitatory_neuron",
    share: 0.22,
    depthUm: [L23, L4],
    depthShape: "middle",
    volumeUm3: 255,
    mtypes: ["L2a", "L2b", "L2c", "L3a", "L3b"],
  },
  {
    type: "4P",
    cellClass: "excitatory_neuron",
    share: 0.12,
    depthUm: [L4, L5],
    depthShape: "middle",
    volumeUm3: 240,
    mtypes: ["L4a", "L4b", "L4c"],
  },
  {
    type: "5P-IT",
    cellClass: "excitatory_neuron",
    share: 0.08,
    depthUm: [L5, L6A - 30],
    depthShape: "middle",
    volumeUm3: 300,
    mtypes: ["L5a", "L5b"],
  },
  {
    type: "5P-ET",
    cellClass: "excitatory_neuron",
    share: 0.025,
    depthUm: [L5 + 80, L6A],
    depthShape: "middle",
    volumeUm3: 440,
    mtypes: ["L5ET"],
  },
  {
    type: "5P-NP",
    cellClass: "excitatory_neuron",
    share: 0.012,
    depthUm: [L5 + 100, L6A],
    depthShape: "middle",
    volumeUm3: 280,
    mtypes: ["L5NP"],
  },
  {
    type: "6P-IT",
    cellClass: "excitatory_neuron",
    share: 0.09,
    depthUm: [L6A, L6B],
    depthShape: "middle",
    volumeUm3: 260,
    mtypes: ["L6short-a", "L6short-b", "L6tall-a"],
  },
  {
    type: "6P-CT",
    cellClass: "excitatory_neuron",
    share: 0.08,
    depthUm: [L6A, WM],
    depthShape: "middle",
    volumeUm3: 250,
    mtypes: ["L6tall-b", "L6tall-c", "L6wm"],
  },
  {
    type: "BC",
    cellClass: "inhibitory_neuron",
    share: 0.04,
    depthUm: [L23, L6B],
    depthShape: "uniform",
    volumeUm3: 270,
    mtypes: ["PTC"],
  },
  {
    type: "MC",
    cellClass: "inhibitory_neuron",
    share: 0.025,
    depthUm: [L23, L6B],
    depthShape: "middle",
    volumeUm3: 250,
    mtypes: ["DTC"],
  },
  {
    type: "BPC",
    cellClass: "inhibitory_neuron",
    share: 0.02,
    depthUm: [L23 - 20, L5 + 40],
    depthShape: "middle",
    volumeUm3: 200,
    mtypes: ["ITC"],
  },
  {
    type: "NGC",
    cellClass: "inhibitory_neuron",
    share: 0.008,
    depthUm: [L1 + 15, L23 + 20],
    depthShape: "uniform",
    volumeUm3: 190,
    mtypes: ["STC"],
  },
  {
    type: "astrocyte",
    cellClass: "nonneuron",
    share: 0.09,
    depthUm: [L1 + 5, WM + 60],
    depthShape: "uniform",
    volumeUm3: 150,
    mtypes: [],
  },
  {
    type: "microglia",
    cellClass: "nonneuron",
    share: 0.035,
    depthUm: [L1 + 5, WM + 60],
    depthShape: "uniform",
    volumeUm3: 95,
    mtypes: [],
  },
  {
    type: "oligo",
    cellClass: "nonneuron",
    share: 0.11,
    depthUm: [L1 + 5, WM + 60],
    depthShape: "deep",
    volumeUm3: 120,
    mtypes: [],
  },
  {
    type: "OPC",
    cellClass: "nonneuron",
    share: 0.028,
    depthUm: [L1 + 5, WM + 60],
    depthShape: "uniform",
    volumeUm3: 140,
    mtypes: [],
  },
  {
    type: "pericyte",
    cellClass: "nonneuron",
    share: 0.017,
    depthUm: [L1 + 5, WM + 60],
    depthShape: "uniform",
    volumeUm3: 100,
    mtypes: [],
  },
];

export const INHIBITORY_MTYPES = ["PTC", "DTC", "STC", "ITC"] as const;

export const isNeuron = (t: CellTypeSpec): boolean => t.cellClass !== "nonneuron";
