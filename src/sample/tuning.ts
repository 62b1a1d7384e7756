/**
 * Visual tuning of the coregistered cells, written as functional_properties_v3_bcm: one row per
 * matched scan unit, so a cell imaged in two scans has two rows that differ a little (the MICrONS
 * tutorial keeps the row with the highest cc_abs). Angles follow the table's convention: radians,
 * pref_ori in [0, π) and pref_dir in [0, 2π), with pref_ori = pref_dir mod π, as in the real rows.
 *
 * Each cell has one true preference, drawn before the synapses (the like-to-like wiring reads it);
 * each scan measures it with a little noise, drawn when the rows are written.
 */
import type { Cell } from "./cells.js";
import type { ScanUnit } from "./coregistration.js";
import type { Random } from "./random.js";
import { CREATED, decimal, packed } from "./tables.js";

export interface Tuning {
  /** Preferred orientation, radians in [0, π). */
  ori: number;
  /** Preferred direction, radians in [0, 2π): the orientation or the opposite way. */
  dir: number;
  /** Global orientation and direction selectivity. */
  osi: number;
  dsi: number;
}

export const TUNING = {
  /** gOSI and gDSI: log-normal (median, log-space spread), capped below 1 (real rows: 0.08–0.26 and ~0.03). */
  osi: { median: 0.2, sigma: 0.6, max: 0.95 },
  dsi: { median: 0.06, sigma: 0.8, max: 0.9 },
  /** Scan-to-scan spread of a cell's measured preference (radians, ~4.6°) and of its selectivity (log-space). */
  angleNoise: 0.08,
  selectivityNoise: 0.15,
  /** cc_abs, the model's prediction performance per scan unit: normal, kept in a plausible range. */
  cc: { mean: 0.45, sd: 0.13, min: 0.05, max: 0.92 },
} as const;

const TWO_PI = 2 * Math.PI;
const wrap = (v: number, period: number) => ((v % period) + period) % period;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** One true tuning per coregistered cell (a cell in two scans is one cell), in the order of the units. */
export function drawTunings(units: readonly ScanUnit[], rng: Random): Map<Cell, Tuning> {
  const tunings = new Map<Cell, Tuning>();
  for (const { cell } of units) {
    if (tunings.has(cell)) continue;
    const ori = rng.uniform(0, Math.PI);
    const dir = rng.chance(0.5) ? ori : ori + Math.PI;
    const osi = Math.min(TUNING.osi.max, rng.logNormal(TUNING.osi.median, TUNING.osi.sigma));
    const dsi = Math.min(TUNING.dsi.max, rng.logNormal(TUNING.dsi.median, TUNING.dsi.sigma));
    tunings.set(cell, { ori, dir, osi, dsi });
  }
  return tunings;
}

/** An angle rounded to 6 places as the export prints it, still inside [0, period). */
function angle(v: number, period: number): number {
  const r = Math.round(wrap(v, period) * 1e6) / 1e6;
  return r >= period ? 0 : r;
}

/** functional_properties_v3_bcm rows, one per scan unit, in the column order of tables.ts. */
export function* functionalRows(
  units: readonly ScanUnit[],
  tunings: ReadonlyMap<Cell, Tuning>,
  rng: Random,
): Generator<string> {
  let id = 0;
  for (const u of units) {
    const c = u.cell;
    const t = tunings.get(c)!;
    const dir = angle(t.dir + rng.normal() * TUNING.angleNoise, TWO_PI);
    const ori = angle(dir, Math.PI);
    const osi = Math.min(TUNING.osi.max, t.osi * Math.exp(rng.normal() * TUNING.selectivityNoise));
    const dsi = Math.min(TUNING.dsi.max, t.dsi * Math.exp(rng.normal() * TUNING.selectivityNoise));
    const cc = clamp(TUNING.cc.mean + rng.normal() * TUNING.cc.sd, TUNING.cc.min, TUNING.cc.max);
    yield (
      `${++id},${CREATED.functional},t,${c.nucleusId},${u.session},${u.scanIdx},${u.unitId},` +
      `${decimal(ori, 6)},${decimal(dir, 6)},${decimal(osi, 6)},${decimal(dsi, 6)},${decimal(cc, 6)},` +
      `${c.supervoxel},${c.root},${packed(c)}`
    );
  }
}
