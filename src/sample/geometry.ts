/**
 * Where things sit: the sample volume in 4x4x40 nm voxels (x, y in 4 nm voxels, z in 40 nm
 * voxels), cortical depth (y grows with depth; the pia is at y = 100,000 voxels = 400 µm, as
 * data/cortex_geometry.json assumes), and the visual area of a point.
 */
export const VOXEL_NM = [4, 4, 40] as const;
/** Voxels per µm along x/y and along z. */
export const XY_PER_UM = 1000 / VOXEL_NM[0];
export const Z_PER_UM = 1000 / VOXEL_NM[2];
export const PIA_Y = 100_000;

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

/** The volume's extent in voxels, [min, max): 320–1600 µm in x, 320–1440 µm in y, 560–1112 µm in z. */
export const BOUNDS = { x: [80_000, 400_000], y: [80_000, 360_000], z: [14_000, 27_800] } as const;

export interface Point {
  x: number;
  y: number;
  z: number;
}

export const depthToY = (depthUm: number): number => Math.round(PIA_Y + depthUm * XY_PER_UM);

const clampTo = (v: number, [lo, hi]: readonly [number, number]) => (v < lo ? lo : v >= hi ? hi - 1 : v);

/** Rounds a point to whole voxels inside the volume. */
export function clampPoint(x: number, y: number, z: number, out: Point): Point {
  out.x = clampTo(Math.round(x), BOUNDS.x);
  out.y = clampTo(Math.round(y), BOUNDS.y);
  out.z = clampTo(Math.round(z), BOUNDS.z);
  return out;
}

/** Distance in µm between two voxel points. */
export function distanceUm(a: Point, b: Point): number {
  const dx = (a.x - b.x) / XY_PER_UM;
  const dy = (a.y - b.y) / XY_PER_UM;
  const dz = (a.z - b.z) / Z_PER_UM;
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

export type Area = "V1" | "RL" | "AL" | "LM";

/**
 * The visual area of a point and its distance (µm) to the nearest boundary with another area.
 * V1 lies at low x behind a line tilted in z; beyond it RL, AL and LM follow one another along z.
 */
export function areaOf(p: Point): { area: Area; boundaryUm: number } {
  const { v1X, v1Slope, zMid, rlAlZ, alLmZ } = AREA_BOUNDARIES;
  const xUm = p.x / XY_PER_UM;
  const zUm = p.z / Z_PER_UM;
  const signed = (xUm - v1X - v1Slope * (zUm - zMid)) / Math.sqrt(1 + v1Slope * v1Slope);
  if (signed < 0) return { area: "V1", boundaryUm: -signed };
  const area: Area = zUm < rlAlZ ? "RL" : zUm < alLmZ ? "AL" : "LM";
  const toNeighbour = area === "RL" ? rlAlZ - zUm : area === "LM" ? zUm - alLmZ : Math.min(zUm - rlAlZ, alLmZ - zUm);
  return { area, boundaryUm: Math.min(signed, toNeighbour) };
}
