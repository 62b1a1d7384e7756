import type { AnswerTable, TableCell } from "../answers/answer.js";
import { mulberry32 } from "../sample/random.js";

/**
 * The tables behind the example charts, shaped the way the SQL layer hands tables over (numbers
 * after MICrONS minnie65: cell-type counts of aibs_metamodel_celltypes_v661, log-normal synapse
 * sizes, layer depths of data/cortex_geometry.json). Deterministic: the same tables every run.
 */

/** Cortical order of the cell types (excitatory by layer, then inhibitory). */
export const CORTICAL_ORDER = [
  "23P",
  "4P",
  "5P-IT",
  "5P-ET",
  "5P-NP",
  "6P-IT",
  "6P-CT",
  "BC",
  "MC",
  "BPC",
  "NGC",
] as const;

/** Layer boundaries in µm below pia, as data/cortex_geometry.json gives them. */
export const EXAMPLE_LAYERS = [
  { name: "L1", top_um: 0, bottom_um: 98 },
  { name: "L2/3", top_um: 98, bottom_um: 283 },
  { name: "L4", top_um: 283, bottom_um: 371 },
  { name: "L5", top_um: 371, bottom_um: 574 },
  { name: "L6", top_um: 574, bottom_um: 713 },
  { name: "WM", top_um: 713, bottom_um: 960 },
];

const normalCdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
function erf(x: number): number {
  // Abramowitz and Stegun 7.1.26, good to 1.5e-7: plenty for example counts.
  const s = Math.sign(x);
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return s * y;
}

/** Synapse sizes (voxels), log-normal around 4,000, in 40 logarithmic bins, as the SQL layer bins them. */
export function synapseSizeHistogram(total = 5_012_344, bins = 40): AnswerTable {
  const lo = Math.log(40);
  const hi = Math.log(250_000);
  const mu = Math.log(4_000);
  const sigma = 0.95;
  const rows: TableCell[][] = [];
  for (let i = 0; i < bins; i++) {
    const a = lo + ((hi - lo) * i) / bins;
    const b = lo + ((hi - lo) * (i + 1)) / bins;
    const n = Math.round(total * (normalCdf((b - mu) / sigma) - normalCdf((a - mu) / sigma)));
    rows.push([Math.exp(a), Math.exp(b), n]);
  }
  return { columns: ["bin_start", "bin_end", "count"], rows };
}

/** Soma depths (µm below pia) of all cells, 30 equal bins. */
export function somaDepthHistogram(): AnswerTable {
  const rows: TableCell[][] = [];
  const bins = 30;
  const lo = 0;
  const hi = 900;
  for (let i = 0; i < bins; i++) {
    const a = lo + ((hi - lo) * i) / bins;
    const mid = a + (hi - lo) / bins / 2;
    // Dense in L2/3 to L6, sparse in L1 and white matter.
    const density = mid < 98 ? 0.15 : mid < 713 ? 1 + 0.35 * Math.sin(mid / 90) : 0.3;
    rows.push([a, a + (hi - lo) / bins, Math.round(4_200 * density)]);
  }
  return { columns: ["bin_start", "bin_end", "count"], rows };
}

/** Neurons per cell type (aibs_metamodel_celltypes_v661), largest first. */
export function cellTypeCounts(): AnswerTable {
  const counts: [string, number][] = [
    ["23P", 17_406],
    ["4P", 11_325],
    ["6P-IT", 8_311],
    ["5P-IT", 7_125],
    ["6P-CT", 6_932],
    ["BC", 3_512],
    ["MC", 2_283],
    ["BPC", 1_741],
    ["5P-ET", 1_965],
    ["5P-NP", 881],
    ["NGC", 602],
  ];
  counts.sort((a, b) => b[1] - a[1]);
  return { columns: ["cell_type", "neurons"], rows: counts };
}

/** Synapse counts between presynaptic (rows) and postsynaptic (columns) cell types, in cortical order. */
export function typeConnectivity(): AnswerTable {
  const rnd = mulberry32(7);
  const rows: TableCell[][] = [];
  const layerOf = (t: string) =>
    t.startsWith("23") ? 0 : t.startsWith("4") ? 1 : t.startsWith("5") ? 2 : t.startsWith("6") ? 3 : -1;
  for (const pre of CORTICAL_ORDER) {
    for (const post of CORTICAL_ORDER) {
      const lp = layerOf(pre);
      const lq = layerOf(post);
      const inhibitoryPre = lp < 0;
      const near = lp >= 0 && lq >= 0 ? Math.exp(-Math.abs(lp - lq)) : 0.4;
      const base = inhibitoryPre ? 60_000 : 140_000;
      const value = Math.round(base * (0.15 + near) * (0.5 + rnd()) * (post === "NGC" || pre === "NGC" ? 0.08 : 1));
      rows.push([pre, post, value]);
    }
  }
  return { columns: ["pre_cell_type", "post_cell_type", "synapses"], rows };
}

/** Soma positions: x (µm) and depth below pia (µm), coloured by cell type. */
export function somaPositions(n = 1_500): AnswerTable {
  const rnd = mulberry32(11);
  const range: Record<string, [number, number, number]> = {
    // [top, bottom, relative share]
    "23P": [110, 280, 17],
    "4P": [285, 370, 11],
    "5P-IT": [375, 540, 7],
    "5P-ET": [430, 570, 2],
    "5P-NP": [440, 570, 1],
    "6P-IT": [575, 700, 8],
    "6P-CT": [580, 710, 7],
    BC: [100, 700, 3.5],
    MC: [110, 700, 2.3],
    BPC: [100, 420, 1.7],
    NGC: [20, 130, 0.6],
  };
  const types = Object.keys(range);
  const shares = types.map((t) => range[t]![2]);
  const total = shares.reduce((a, b) => a + b, 0);
  const rows: TableCell[][] = [];
  for (let i = 0; i < n; i++) {
    let u = rnd() * total;
    let k = 0;
    while (u > shares[k]! && k < types.length - 1) u -= shares[k++]!;
    const t = types[k]!;
    const [top, bottom] = range[t]!;
    const depth = top + (bottom - top) * ((rnd() + rnd()) / 2);
    rows.push([
      String(864691135000000000n + BigInt(i) * 7919n),
      t,
      Math.round((600 + rnd() * 800) * 10) / 10,
      Math.round(depth * 10) / 10,
    ]);
  }
  return { columns: ["pt_root_id", "cell_type", "x_um", "depth_um"], rows };
}

/** Synapse size statistics per postsynaptic cell type, computed in SQL (quartiles, range, mean, n). */
export function synapseSizeStats(): AnswerTable {
  const rows: TableCell[][] = [];
  const medians: Record<string, number> = {
    "23P": 4_100,
    "4P": 3_700,
    "5P-IT": 4_300,
    "5P-ET": 5_200,
    "5P-NP": 3_100,
    "6P-IT": 3_500,
    "6P-CT": 2_900,
    BC: 2_600,
    MC: 2_200,
    BPC: 2_000,
    NGC: 1_800,
  };
  const n: Record<string, number> = {
    "23P": 1_204_311,
    "4P": 802_115,
    "5P-IT": 611_402,
    "5P-ET": 288_017,
    "5P-NP": 41_206,
    "6P-IT": 512_877,
    "6P-CT": 433_190,
    BC: 402_551,
    MC: 210_334,
    BPC: 98_120,
    NGC: 12_045,
  };
  for (const t of CORTICAL_ORDER) {
    const m = medians[t]!;
    rows.push([t, 44, Math.round(m * 0.52), m, Math.round(m * 1.9), Math.round(m * 38), Math.round(m * 1.35), n[t]!]);
  }
  return { columns: ["cell_type", "min", "q1", "median", "q3", "max", "mean", "n"], rows };
}

/** A like-to-like table as the SQL layer gives it: pairs, connected pairs, share and its Wilson interval. */
export function likeToLikeTable(): AnswerTable {
  const cols = [
    "ori_difference",
    "bin_end",
    "possible_pairs",
    "connected_pairs",
    "connection_probability",
    "ci_low",
    "ci_high",
  ];
  const counts = [
    [1_441_200, 30_410],
    [1_438_900, 27_050],
    [1_439_700, 24_420],
    [1_440_100, 22_980],
  ];
  const z = 1.959963984540054;
  const rows = counts.map(([n, k], i) => {
    const p = k! / n!;
    const mid = (p + (z * z) / (2 * n!)) / (1 + (z * z) / n!);
    const half = (z * Math.sqrt((p * (1 - p)) / n! + (z * z) / (4 * n! * n!))) / (1 + (z * z) / n!);
    const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
    return [i * 22.5, (i + 1) * 22.5, n!, k!, r6(p), r6(mid - half), r6(mid + half)];
  });
  return { columns: cols, rows };
}

/** Preferred orientations in 15° bins, a bump near vertical (deterministic). */
export function orientationHistogram(): AnswerTable {
  const rows = Array.from({ length: 12 }, (_, i) => [
    i * 15,
    (i + 1) * 15,
    Math.round(160 + 90 * Math.cos(((i * 15 + 7.5 - 90) * Math.PI) / 90)),
  ]);
  return { columns: ["bin_start", "bin_end", "count"], rows };
}
