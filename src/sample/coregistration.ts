/**
 * Which neurons of the sample were imaged in the two-photon scans and matched to the EM cells
 * (coregistration_manual_v4). The matches are planned before the synapses are generated, because
 * the wiring of the matched excitatory cells depends on their tuning (like-to-like), and written
 * after them, in the same rows and draws as always.
 */
import { isNeuron } from "./cell-types.js";
import type { Cell } from "./cells.js";
import { randomTimestamp } from "./ids.js";
import type { Random } from "./random.js";
import { decimal, split } from "./tables.js";

/** Two-photon scans (session, scan_idx) of the functional data. */
export const SCANS: readonly [number, number][] = [
  [4, 7],
  [5, 3],
  [5, 6],
  [5, 7],
  [6, 2],
  [6, 4],
  [6, 6],
  [6, 7],
  [7, 3],
  [7, 4],
  [7, 5],
  [8, 5],
  [9, 3],
  [9, 4],
];

export const COREGISTRATION_RATES = {
  /** Share of imaged neurons (soma above ~650 µm) matched to a functional unit. */
  matched: 0.15,
  /** Matched cells that were recorded in a second scan too. */
  secondScan: 0.2,
  /** Share of matches that are inhibitory neurons (mostly excitatory cells were imaged). */
  inhibitoryKeep: 0.3,
} as const;

/** One matched scan unit: a row of coregistration_manual_v4 (a cell in two scans has two). */
export interface ScanUnit {
  cell: Cell;
  session: number;
  scanIdx: number;
  field: number;
  unitId: number;
  created: string;
  residual: number;
  score: number;
}

/** Neurons in the imaged depths matched to units of the 2P scans, in the order they are written. */
export function planCoregistration(cells: readonly Cell[], rng: Random): ScanUnit[] {
  const imaged = cells.filter(
    (c) =>
      c.root !== 0n &&
      isNeuron(c.spec) &&
      c.depthUm < 650 &&
      (c.spec.cellClass === "excitatory_neuron" || rng.chance(COREGISTRATION_RATES.inhibitoryKeep)),
  );
  if (imaged.length === 0) return [];
  const chosen = rng.sample(imaged, Math.max(1, Math.round(imaged.length * COREGISTRATION_RATES.matched)));
  const nextUnit = SCANS.map(() => rng.int(1, 40));
  const units: ScanUnit[] = [];
  for (const cell of chosen) {
    const first = rng.int(0, SCANS.length);
    const twice = rng.chance(COREGISTRATION_RATES.secondScan);
    const scans = twice ? [first, (first + 1 + rng.int(0, SCANS.length - 1)) % SCANS.length] : [first];
    for (const k of scans) {
      const [session, scanIdx] = SCANS[k]!;
      const unitId = (nextUnit[k]! += 1 + rng.geometric(0.5));
      const field = Math.min(8, Math.max(1, 1 + Math.floor((cell.depthUm - 80) / 75) + rng.int(-1, 2)));
      const created = randomTimestamp(rng, "2023-01-10T00:00:00Z", "2023-06-30T00:00:00Z");
      const residual = rng.logNormal(3.5, 0.45);
      const score = rng.logNormal(9, 0.5);
      units.push({ cell, session, scanIdx, field, unitId, created, residual, score });
    }
  }
  return units;
}

/** coregistration_manual_v4 rows, in the column order of tables.ts. */
export function* coregistrationRows(units: readonly ScanUnit[]): Generator<string> {
  let id = 0;
  for (const u of units) {
    const c = u.cell;
    yield (
      `${++id},${u.created},t,${c.nucleusId},${u.session},${u.scanIdx},${u.field},${u.unitId},` +
      `${decimal(u.residual, 6)},${decimal(u.score, 6)},${c.supervoxel},${c.root},${split(c)}`
    );
  }
}
