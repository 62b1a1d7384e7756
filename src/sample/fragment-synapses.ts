/**
 * Synapses of fragments without a nucleus, added after the cells' own synapses when `sample --synapses N`
 * asks for more rows than the cells make: the shape of the real synapses_pni_2 (337M rows), where most
 * synapses have at least one side on a fragment and there are tens of millions of distinct fragment roots.
 *
 * Memory stays constant whatever N: each axon fragment is made, used and dropped; dendrite fragments live
 * in a small ring that keeps being renewed; fragment root ids come from a counter under a prefix no cell
 * root uses (864691136…), so no set of used ids grows with them.
 */
import { isNeuron } from "./cell-types.js";
import { INPUT_DENSITY, ORPHAN_AXON_SIZE_MEDIAN } from "./wiring.js";
import type { Cell } from "./cells.js";
import { BOUNDS, clampPoint, PIA_Y, XY_PER_UM, Z_PER_UM } from "./geometry.js";
import { SUPERVOXEL_SEGMENTS, supervoxelId } from "./ids.js";
import { Random, WeightedChoice } from "./random.js";
import type { Segment, Synapse } from "./synapses.js";

export const FRAGMENT_RATES = {
  /** Mean synapses an axon fragment makes. */
  axonSynapses: 5,
  /** Share of fragment synapses onto a cell with a nucleus (the rest land on dendrite fragments). */
  ontoCells: 0.45,
  /** Dendrite fragments alive at once; each use replaces the one used with a new root this often. */
  dendriteRing: 8192,
  renewDendrite: 0.35,
  invalid: 0.002,
} as const;

/** Fragment root ids: 864691136 then nine digits, a permutation of a counter (distinct, not sequential). */
const FRAGMENT_PREFIX = 864_691_136_000_000_000n;
const SUFFIXES = 1_000_000_000;
const STRIDE = 387_420_489; // 3^18, coprime with 10^9: k -> k*STRIDE mod 10^9 visits every suffix once

class FragmentRoots {
  private k = 1;
  next(): Segment {
    if (this.k >= SUFFIXES) throw new Error("sample: more than a billion fragment roots");
    const suffix = Number((BigInt(this.k++) * BigInt(STRIDE)) % BigInt(SUFFIXES));
    const root = FRAGMENT_PREFIX + BigInt(suffix);
    return { root, digits: Buffer.from(root.toString(), "latin1"), cells: [] };
  }
}

const um = (v: number) => v * XY_PER_UM;

/**
 * `count` synapses from new axon fragments (all of one fragment's synapses together, as the connection
 * summary needs), ids from `firstId` upward. `segmentOf` gives a cell's root segment.
 */
export function* fragmentSynapses(
  cells: readonly Cell[],
  segmentOf: (c: Cell) => Segment | undefined,
  rng: Random,
  count: number,
  firstId: number,
): Generator<Synapse> {
  const targets = cells.filter((c) => c.root !== 0n && isNeuron(c.spec) && segmentOf(c));
  const targetSegments = targets.map((c) => segmentOf(c)!); // by index: no bigint hashing per synapse
  const inputChoice = new WeightedChoice(targets.map((c) => INPUT_DENSITY[c.spec.type] ?? 1));
  const roots = new FragmentRoots();
  const ring: Segment[] = Array.from({ length: FRAGMENT_RATES.dendriteRing }, () => roots.next());
  const s: Synapse = {
    id: firstId,
    valid: true,
    pre: ring[0]!,
    post: ring[0]!,
    size: 1,
    ctr: { x: 0, y: 0, z: 0 },
    prePoint: { x: 0, y: 0, z: 0 },
    postPoint: { x: 0, y: 0, z: 0 },
    preSupervoxel: 0n,
    postSupervoxel: 0n,
  };
  let made = 0;
  while (made < count) {
    const axon = roots.next();
    let remaining = Math.min(count - made, 1 + rng.geometric(1 - 1 / FRAGMENT_RATES.axonSynapses));
    while (remaining > 0) {
      const contacts = Math.min(remaining, 1 + rng.geometric(0.2));
      const pairSize = rng.logNormal(ORPHAN_AXON_SIZE_MEDIAN, 0.35);
      let post: Segment;
      let at: { x: number; y: number; z: number };
      if (targets.length && rng.chance(FRAGMENT_RATES.ontoCells)) {
        const t = inputChoice.draw(rng);
        post = targetSegments[t]!;
        at = targets[t]!;
      } else {
        const slot = rng.int(0, ring.length);
        if (rng.chance(FRAGMENT_RATES.renewDendrite)) ring[slot] = roots.next();
        post = ring[slot]!;
        at = {
          x: rng.int(BOUNDS.x[0], BOUNDS.x[1]),
          y: rng.int(PIA_Y, BOUNDS.y[1]),
          z: rng.int(BOUNDS.z[0], BOUNDS.z[1]),
        };
      }
      for (let k = 0; k < contacts; k++) {
        const spread = um(40);
        clampPoint(
          at.x + rng.normal() * spread,
          at.y + rng.normal() * spread,
          at.z + rng.normal() * 40 * Z_PER_UM,
          s.ctr,
        );
        s.id += rng.chance(0.1) ? 1 + rng.int(1, 40) : 1;
        s.valid = !rng.chance(FRAGMENT_RATES.invalid);
        s.pre = axon;
        s.post = post;
        s.size = Math.max(1, Math.round(rng.logNormal(pairSize, 0.7)));
        const dx = rng.int(5, 25);
        const dy = rng.int(5, 25);
        clampPoint(s.ctr.x + dx, s.ctr.y + dy, s.ctr.z, s.prePoint);
        clampPoint(s.ctr.x - dx, s.ctr.y - dy, s.ctr.z, s.postPoint);
        s.preSupervoxel = supervoxelId(s.prePoint, rng.int(1, SUPERVOXEL_SEGMENTS));
        s.postSupervoxel = supervoxelId(s.postPoint, rng.int(1, SUPERVOXEL_SEGMENTS));
        yield s;
      }
      made += contacts;
      remaining -= contacts;
    }
  }
}
