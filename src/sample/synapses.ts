/**
 * The synapses of the sample, generated one presynaptic segment at a time so that nothing but the
 * current segment is held in memory. Neurons contact the types their wiring rule prefers (basket
 * cells around pyramidal somata, Martinotti cells onto L5 ET and L2/3 tufts, bipolar cells onto
 * Martinotti cells, …), choosing nearby cells, with several synapses per connected pair; part of
 * their output lands on dendrite fragments that have no nucleus, and axon fragments without a
 * nucleus make the rest of the inputs. A few rows are invalid (valid = 'f'). Connections among the
 * coregistered excitatory cells lean towards similar preferred orientations (like-to-like.ts).
 */
import { CELL_TYPES, isNeuron, type CellTypeSpec } from "./cell-types.js";
import { INPUT_DENSITY, ORPHAN_AXON_SIZE_MEDIAN, WIRING, type WiringRule } from "./wiring.js";
import type { Cell } from "./cells.js";
import { BOUNDS, clampPoint, distanceUm, PIA_Y, XY_PER_UM, Z_PER_UM, type Point } from "./geometry.js";
import { RootIds, SUPERVOXEL_SEGMENTS, supervoxelId } from "./ids.js";
import type { LikeToLike } from "./like-to-like.js";
import { Random, WeightedChoice } from "./random.js";

/** One root id that synapses refer to: a cell's segment (one or, merged, several nuclei) or a fragment. */
export interface Segment {
  root: bigint;
  /** Its decimal digits (ASCII), made once. */
  digits: Buffer;
  /** The nuclei on this root (none for a fragment). */
  cells: Cell[];
}

/** One synapse row. The generator reuses one object: copy what you keep. */
export interface Synapse {
  id: number;
  valid: boolean;
  pre: Segment;
  post: Segment;
  size: number;
  ctr: Point;
  prePoint: Point;
  postPoint: Point;
  preSupervoxel: bigint;
  postSupervoxel: bigint;
}

export const SYNAPSE_RATES = {
  /** Rows with valid = 'f'. */
  invalid: 0.002,
  /** Inputs from axon fragments without a nucleus, per output synapse of the average neuron. */
  orphanInputsPerOutput: 0.45,
  /** Mean synapses an axon fragment makes. */
  orphanAxonSynapses: 6,
  /** Share of axon-fragment synapses onto dendrite fragments (neither side has a nucleus). */
  orphanToOrphan: 0.12,
  /** Dendrite fragments per neuron. */
  dendriteFragmentsPerNeuron: 1.2,
  /** Log-space spread of output counts per neuron and of synapse sizes. */
  outputSigma: 0.5,
  sizeSigma: 0.7,
  /** Log-space spread of the size factor shared by the synapses of one pair. */
  pairSizeSigma: 0.35,
} as const;

export interface SynapseModelOptions {
  /** Mean output synapses per neuron. */
  synapsesPerNeuron: number;
  /** Moves connections among coregistered excitatory cells towards similar orientations. */
  likeToLike?: LikeToLike;
}

interface Fragment extends Segment {
  at: Point;
}

const um = (v: number) => v * XY_PER_UM;
const umZ = (v: number) => v * Z_PER_UM;

/** The segments of the cells (root id 0 has none), merged cells sharing one. */
export function cellSegments(cells: readonly Cell[]): Map<bigint, Segment> {
  const segments = new Map<bigint, Segment>();
  for (const c of cells) {
    if (c.root === 0n) continue;
    const s = segments.get(c.root);
    if (s) s.cells.push(c);
    else segments.set(c.root, { root: c.root, digits: Buffer.from(c.root.toString(), "latin1"), cells: [c] });
  }
  return segments;
}

export function* generateSynapses(
  cells: readonly Cell[],
  segments: ReadonlyMap<bigint, Segment>,
  rng: Random,
  roots: RootIds,
  options: SynapseModelOptions,
): Generator<Synapse> {
  const neuronCells = cells.filter((c) => c.root !== 0n && isNeuron(c.spec));
  if (neuronCells.length === 0) return;
  // Looked up by cell object, not by bigint root: hashing bigints is slow in the hot loop.
  const segmentByCell = new Map<Cell, Segment>(neuronCells.map((c) => [c, segments.get(c.root)!]));
  const segmentOf = (c: Cell) => segmentByCell.get(c)!;

  // Postsynaptic candidates by type, and a weighted choice of target type for each presynaptic type.
  const byType = new Map<CellTypeSpec, Cell[]>();
  for (const c of neuronCells) {
    const list = byType.get(c.spec);
    if (list) list.push(c);
    else byType.set(c.spec, [c]);
  }
  const targetTypes = [...byType.keys()];
  const targetChoice = new Map<string, WeightedChoice>();
  for (const spec of targetTypes) {
    const rule = WIRING[spec.type]!;
    targetChoice.set(
      spec.type,
      new WeightedChoice(targetTypes.map((t) => (rule.prefer[t.type] ?? 1) * byType.get(t)!.length)),
    );
  }
  const inputChoice = new WeightedChoice(neuronCells.map((c) => INPUT_DENSITY[c.spec.type] ?? 1));

  // Output counts average synapsesPerNeuron over the neuron mix.
  const neuronTypes = CELL_TYPES.filter(isNeuron);
  const meanScale =
    neuronTypes.reduce((s, t) => s + t.share * WIRING[t.type]!.outputScale, 0) /
    neuronTypes.reduce((s, t) => s + t.share, 0);
  const sigma = SYNAPSE_RATES.outputSigma;
  const medianOutputs = (rule: WiringRule) =>
    (options.synapsesPerNeuron * rule.outputScale * Math.exp((-sigma * sigma) / 2)) / meanScale;

  // Dendrite fragments, sorted by x so that an axon finds nearby ones by rank.
  const dendrites: Fragment[] = [];
  for (let i = 0; i < Math.max(8, Math.round(neuronCells.length * SYNAPSE_RATES.dendriteFragmentsPerNeuron)); i++) {
    const root = roots.next();
    dendrites.push({
      root,
      digits: Buffer.from(root.toString(), "latin1"),
      cells: [],
      at: {
        x: rng.int(BOUNDS.x[0], BOUNDS.x[1]),
        y: rng.int(PIA_Y, BOUNDS.y[1]),
        z: rng.int(BOUNDS.z[0], BOUNDS.z[1]),
      },
    });
  }
  dendrites.sort((a, b) => a.at.x - b.at.x);
  const nearbyDendrite = (p: Point): Fragment => {
    const rank =
      ((p.x - BOUNDS.x[0]) / (BOUNDS.x[1] - BOUNDS.x[0])) * dendrites.length + rng.normal() * dendrites.length * 0.03;
    return dendrites[Math.min(dendrites.length - 1, Math.max(0, Math.round(rank)))]!;
  };

  // Presynaptic sources: every cell segment of a neuron, and axon fragments, in a random order.
  const orphanInputs = neuronCells.length * options.synapsesPerNeuron * SYNAPSE_RATES.orphanInputsPerOutput;
  const axonCount = Math.round(orphanInputs / SYNAPSE_RATES.orphanAxonSynapses);
  const sources: (Segment | null)[] = [...new Set(neuronCells.map(segmentOf))];
  for (let i = 0; i < axonCount; i++) sources.push(null); // an axon fragment, made when its turn comes
  rng.shuffle(sources);

  const s: Synapse = {
    id: 0,
    valid: true,
    pre: sources[0] ?? dendrites[0]!,
    post: dendrites[0]!,
    size: 1,
    ctr: { x: 0, y: 0, z: 0 },
    prePoint: { x: 0, y: 0, z: 0 },
    postPoint: { x: 0, y: 0, z: 0 },
    preSupervoxel: 0n,
    postSupervoxel: 0n,
  };
  let nextId = 1_000_000 + rng.int(0, 9_000_000);

  /** Fills in one synapse at ctr (already set) between pre and post. */
  const finish = (pre: Segment, post: Segment, size: number): Synapse => {
    nextId += rng.chance(0.1) ? 1 + rng.int(1, 40) : 1; // ids with gaps, like a table with deletions
    s.id = nextId;
    s.valid = !rng.chance(SYNAPSE_RATES.invalid);
    s.pre = pre;
    s.post = post;
    s.size = Math.max(1, Math.round(size));
    // The pre and post points sit either side of the cleft, some 50–100 nm from its centre.
    const dx = rng.int(5, 25) * (rng.chance(0.5) ? 1 : -1);
    const dy = rng.int(5, 25) * (rng.chance(0.5) ? 1 : -1);
    const dz = rng.int(-1, 2);
    clampPoint(s.ctr.x + dx, s.ctr.y + dy, s.ctr.z + dz, s.prePoint);
    clampPoint(s.ctr.x - dx, s.ctr.y - dy, s.ctr.z - dz, s.postPoint);
    s.preSupervoxel = supervoxelId(s.prePoint, rng.int(1, SUPERVOXEL_SEGMENTS));
    s.postSupervoxel = supervoxelId(s.postPoint, rng.int(1, SUPERVOXEL_SEGMENTS));
    return s;
  };

  /** Where a synapse from `from` onto cell `onto` sits, by the presynaptic type's placement. */
  const placeOnCell = (from: Point, onto: Cell, placement: WiringRule["placement"]) => {
    if (placement === "perisomatic") {
      clampPoint(onto.x + rng.normal() * um(6), onto.y + rng.normal() * um(6), onto.z + rng.normal() * umZ(6), s.ctr);
    } else if (placement === "apical") {
      const y = onto.y - rng.next() * (onto.y - PIA_Y - um(10));
      clampPoint(onto.x + rng.normal() * um(20), y, onto.z + rng.normal() * umZ(20), s.ctr);
    } else {
      const y = onto.y + (from.y - onto.y) * 0.3 + rng.normal() * um(50);
      clampPoint(onto.x + rng.normal() * um(50), y, onto.z + rng.normal() * umZ(50), s.ctr);
    }
  };
  const placeOnFragment = (onto: Fragment) =>
    clampPoint(
      onto.at.x + rng.normal() * um(15),
      onto.at.y + rng.normal() * um(15),
      onto.at.z + rng.normal() * umZ(15),
      s.ctr,
    );

  for (const source of sources) {
    if (source) {
      // A neuron's axon (a merged root carries the outputs of both its cells).
      const rule = WIRING[source.cells[0]!.spec.type]!;
      const home = source.cells[0]!;
      const choice = targetChoice.get(home.spec.type)!;
      const repeat = (rule.contactsPerPartner - 1) / rule.contactsPerPartner;
      let remaining = 0;
      for (let k = 0; k < source.cells.length; k++) remaining += Math.round(rng.logNormal(medianOutputs(rule), sigma));
      let misses = 0;
      while (remaining > 0 && misses < 20) {
        const contacts = Math.min(remaining, 1 + rng.geometric(repeat));
        const pairSize = rng.logNormal(rule.sizeMedian, SYNAPSE_RATES.pairSizeSigma);
        if (rng.chance(rule.ontoOrphans)) {
          const onto = nearbyDendrite(home);
          for (let k = 0; k < contacts; k++) {
            placeOnFragment(onto);
            yield finish(source, onto, rng.logNormal(pairSize, SYNAPSE_RATES.sizeSigma));
          }
        } else {
          // Of two cells of the chosen type, the nearer one: connectivity falls off with distance.
          const pool = byType.get(targetTypes[choice.draw(rng)]!)!;
          const a = rng.pick(pool);
          const b = rng.pick(pool);
          const nearer = distanceUm(home, a) <= distanceUm(home, b) ? a : b;
          const onto = options.likeToLike ? options.likeToLike.retarget(home, nearer) : nearer;
          const post = segmentOf(onto);
          if (post === source) {
            misses++; // no autapses
            continue;
          }
          for (let k = 0; k < contacts; k++) {
            placeOnCell(home, onto, rule.placement);
            yield finish(source, post, rng.logNormal(pairSize, SYNAPSE_RATES.sizeSigma));
          }
        }
        remaining -= contacts;
      }
    } else {
      // An axon fragment with no nucleus, entering the volume and making a few synapses.
      const root = roots.next();
      const axon: Segment = { root, digits: Buffer.from(root.toString(), "latin1"), cells: [] };
      let remaining = 1 + rng.geometric(1 - 1 / SYNAPSE_RATES.orphanAxonSynapses);
      while (remaining > 0) {
        const contacts = Math.min(remaining, 1 + rng.geometric(0.15));
        const pairSize = rng.logNormal(ORPHAN_AXON_SIZE_MEDIAN, SYNAPSE_RATES.pairSizeSigma);
        if (rng.chance(SYNAPSE_RATES.orphanToOrphan)) {
          const onto = dendrites[rng.int(0, dendrites.length)]!;
          for (let k = 0; k < contacts; k++) {
            placeOnFragment(onto);
            yield finish(axon, onto, rng.logNormal(pairSize, SYNAPSE_RATES.sizeSigma));
          }
        } else {
          const onto = neuronCells[inputChoice.draw(rng)]!;
          for (let k = 0; k < contacts; k++) {
            placeOnCell(onto, onto, "dendritic");
            yield finish(axon, segmentOf(onto), rng.logNormal(pairSize, SYNAPSE_RATES.sizeSigma));
          }
        }
        remaining -= contacts;
      }
    }
  }
}
