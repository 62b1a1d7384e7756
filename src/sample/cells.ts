/**
 * The cells of the sample, one per nucleus: type by the MICrONS shares, soma depth by layer,
 * position in voxels, a log-normal nucleus volume, nucleus and root ids, and the quirks real
 * tables have: nuclei whose root id is 0 (no segment), nearby pairs of one type merged onto one
 * root id, and cells that the cell-type table leaves out.
 */
import { CELL_TYPES, isNeuron, type CellTypeSpec } from "./cell-types.js";
import { BOUNDS, depthToY, distanceUm, type Point } from "./geometry.js";
import { RootIds, SUPERVOXEL_SEGMENTS, supervoxelId } from "./ids.js";
import { Random, WeightedChoice } from "./random.js";

export interface Cell extends Point {
  /** Nucleus id (6 digits at MICrONS scale), increasing with gaps. */
  nucleusId: number;
  spec: CellTypeSpec;
  depthUm: number;
  /** µm³, a whole number of 64x64x40 nm voxels. */
  volume: number;
  supervoxel: bigint;
  /** 0n when the nucleus has no segment. */
  root: bigint;
  /** Whether the cell-type table has a row for it. */
  typed: boolean;
}

export interface Population {
  cells: Cell[];
  /** Pairs of cells that share one root id (merge errors). */
  merged: [Cell, Cell][];
}

/** µm³ of one 64x64x40 nm voxel, times 1e8: nucleus volumes are whole multiples of it. */
const NUCLEUS_VOXEL_1E8 = 16_384;

export const QUIRK_RATES = {
  /** Nuclei with root id 0. */
  noSegment: 0.01,
  /** Pairs of merged neurons per nucleus. */
  mergedPairs: 1 / 700,
  /** Cells without a cell-type row. */
  untyped: 0.03,
} as const;

function drawDepth(rng: Random, spec: CellTypeSpec): number {
  const [lo, hi] = spec.depthUm;
  const u =
    spec.depthShape === "middle"
      ? (rng.next() + rng.next()) / 2
      : spec.depthShape === "deep"
        ? Math.sqrt(rng.next())
        : rng.next();
  return lo + (hi - lo) * u;
}

export function generateCells(count: number, rng: Random, roots: RootIds): Population {
  const typeChoice = new WeightedChoice(CELL_TYPES.map((t) => t.share));
  const cells: Cell[] = [];
  let nucleusId = 100_000 + rng.int(0, 2_000);
  for (let i = 0; i < count; i++) {
    nucleusId += 1 + rng.geometric(0.6);
    const spec = CELL_TYPES[typeChoice.draw(rng)]!;
    const depthUm = drawDepth(rng, spec);
    const x = rng.int(BOUNDS.x[0] + 4_000, BOUNDS.x[1] - 4_000);
    const y = depthToY(depthUm);
    const z = rng.int(BOUNDS.z[0] + 200, BOUNDS.z[1] - 200);
    const voxels = Math.round(rng.logNormal(spec.volumeUm3, 0.22) / (NUCLEUS_VOXEL_1E8 / 1e8));
    // One object literal with every field: all cells share one hidden class (fast property access).
    const cell: Cell = {
      x,
      y,
      z,
      nucleusId,
      spec,
      depthUm,
      volume: (voxels * NUCLEUS_VOXEL_1E8) / 1e8,
      supervoxel: 0n,
      root: 0n,
      typed: true,
    };
    cell.supervoxel = supervoxelId(cell, rng.int(1, SUPERVOXEL_SEGMENTS));
    cell.root = roots.next();
    cells.push(cell);
  }
  if (count === 0) return { cells, merged: [] };

  // Nuclei with no segment.
  for (const c of rng.sample(cells, Math.max(1, Math.round(count * QUIRK_RATES.noSegment)))) c.root = 0n;
  // Cells the cell-type table leaves out.
  for (const c of rng.sample(cells, Math.max(1, Math.round(count * QUIRK_RATES.untyped)))) c.typed = false;
  // Merge errors: a neuron and its nearest neighbour of the same type end up on one root id.
  const merged: [Cell, Cell][] = [];
  const candidates = cells.filter((c) => isNeuron(c.spec) && c.root !== 0n);
  const taken = new Set<Cell>();
  const wanted = Math.max(1, Math.round(count * QUIRK_RATES.mergedPairs));
  for (let attempt = 0; attempt < wanted * 4 && merged.length < wanted && candidates.length > 1; attempt++) {
    const a = rng.pick(candidates);
    if (taken.has(a)) continue;
    let best: Cell | undefined;
    let bestDistance = Infinity;
    for (const b of candidates) {
      if (b === a || taken.has(b) || b.spec !== a.spec) continue;
      const d = distanceUm(a, b);
      if (d < bestDistance) [best, bestDistance] = [b, d];
    }
    if (!best) continue;
    best.root = a.root;
    taken.add(a).add(best);
    merged.push([a, best]);
  }
  return { cells, merged };
}
