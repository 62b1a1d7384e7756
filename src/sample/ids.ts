/**
 * Segmentation ids, exact as bigint: 18-digit root ids (864691135xxxxxxxxx, unique), 17-digit
 * supervoxel ids laid out like graphene (PyChunkedGraph) ids, and CAVE `created` timestamps.
 */
import { BOUNDS, type Point } from "./geometry.js";
import type { Random } from "./random.js";

export const ROOT_PREFIX = 864_691_135_000_000_000n;

/** Hands out distinct root ids: 864691135 followed by nine random digits. */
export class RootIds {
  private readonly used = new Set<number>();

  constructor(private readonly rng: Random) {}

  next(): bigint {
    for (;;) {
      const suffix = this.rng.int(0, 1_000_000_000);
      if (!this.used.has(suffix)) {
        this.used.add(suffix);
        return ROOT_PREFIX + BigInt(suffix);
      }
    }
  }
}

// Graphene-like supervoxel ids: layer 1 in the top byte, then the chunk's x, y, z (10 bits each,
// chunks of 1024 x 1024 x 512 voxels from the volume's corner) and a 26-bit id within the chunk.
// Inside the sample volume these are always 17 digits (7.2e16 … 9.5e16).
const LAYER_1 = 1n << 56n;
const CHUNK = [1024, 1024, 512] as const;
export const SUPERVOXEL_SEGMENTS = 1 << 26;

export function supervoxelId(p: Point, segment: number): bigint {
  const cx = Math.floor((p.x - BOUNDS.x[0]) / CHUNK[0]);
  const cy = Math.floor((p.y - BOUNDS.y[0]) / CHUNK[1]);
  const cz = Math.floor((p.z - BOUNDS.z[0]) / CHUNK[2]);
  const chunk = (cx * 1024 + cy) * 1024 + cz; // < 2^30
  return LAYER_1 + (BigInt(chunk) << 26n) + BigInt(segment);
}

/** "2020-11-04 06:48:43.742345+00:00", as pandas writes a UTC timestamp column. */
export function caveTimestamp(epochMs: number, microseconds: number): string {
  const iso = new Date(Math.floor(epochMs / 1000) * 1000).toISOString(); // 2020-11-04T06:48:43.000Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${String(microseconds).padStart(6, "0")}+00:00`;
}

/** A timestamp drawn uniformly between two dates (ISO strings, UTC). */
export function randomTimestamp(rng: Random, from: string, to: string): string {
  const lo = Date.parse(from);
  const hi = Date.parse(to);
  return caveTimestamp(rng.uniform(lo, hi), rng.int(0, 1_000_000));
}
