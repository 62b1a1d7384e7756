import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { AREAS, CELL_TYPES, SYNAPSE_SIZE_MEDIAN, TARGET_PREFERENCE, type CellTypeSpec } from "./cell-types.js";
import { Random, runningSums } from "./random.js";
import { TableWriter } from "./table-writer.js";

export interface SampleOptions {
  out: string;
  cells: number;
  seed: number;
  /** Median output synapses per neuron (default 60). */
  synapsesPerNeuron?: number;
  /** Write name.csv.gz, as the public static exports are shipped. */
  gzip?: boolean;
  /** Also write the release's connection summary view, connections_with_nuclei. */
  connections?: boolean;
  onProgress?: (rowsWritten: number) => void;
}

export interface SampleSummary {
  dir: string;
  files: string[];
  cells: number;
  synapses: number;
}

interface Cell {
  nucleusId: number;
  root: bigint;
  spec: CellTypeSpec;
  position: [number, number, number];
  volume: number;
  typed: boolean;
}

const CREATED = "2020-09-28 22:40:41.780678+00:00";
const CREATED_SYN = "2020-11-04 06:48:43.742345+00:00";
const CREATED_ANNOTATION = "2023-05-10 17:21:54.398719+00:00";
const ROOT_BASE = 864691135000000000n;
const SUPERVOXEL_BASE = 88000000000000000n;

/**
 * Writes a synthetic MICrONS-like dataset as the CAVE exports a user would have
 * (`query_table(name).to_csv(...)`), with the real tables' names, columns and quirks: 18-digit
 * root ids, root id 0 for nuclei without a segment, a few nuclei sharing one root id (merges),
 * synapses onto and from fragments that have no nucleus, cells without a type, invalid rows,
 * positions in 4x4x40 nm voxels split into _x/_y/_z or packed as "[x y z]".
 */
export async function writeSample(options: SampleOptions): Promise<SampleSummary> {
  const rng = new Random(options.seed);
  const perNeuron = options.synapsesPerNeuron ?? 60;
  const ext = options.gzip ? ".csv.gz" : ".csv";
  mkdirSync(options.out, { recursive: true });
  const files: string[] = [];
  const open = (name: string, header: string[]) => {
    const path = join(options.out, name + ext);
    files.push(path);
    return new TableWriter(path, header, Boolean(options.gzip));
  };

  // Cells: type by share, soma depth by type, log-normal nucleus volume.
  const typeSums = runningSums(CELL_TYPES.map((t) => t.share));
  const usedRoots = new Set<bigint>();
  const newRoot = () => {
    for (;;) {
      const r = ROOT_BASE + BigInt(rng.int(100_000_000, 999_999_999));
      if (!usedRoots.has(r)) {
        usedRoots.add(r);
        return r;
      }
    }
  };
  const cells: Cell[] = [];
  for (let i = 0; i < options.cells; i++) {
    const spec = CELL_TYPES[rng.weighted(typeSums)]!;
    const depth = rng.uniform(spec.depthUm[0], spec.depthUm[1]);
    const position: [number, number, number] = [Math.round(rng.uniform(600, 1400) * 250), Math.round((depth + 400) * 250), Math.round(rng.uniform(15000, 27000))];
    const volume = Math.round(rng.logNormal(spec.cellClass === "nonneuron" ? 180 : 300, 0.25) * 1000) / 1000;
    cells.push({ nucleusId: 100000 + i * 7 + rng.int(0, 7), root: newRoot(), spec, position, volume, typed: rng.next() > 0.03 });
  }
  // Quirks: nuclei with no segment, and merges (two nuclei of one type on one root id).
  for (let k = 0; k < Math.max(1, Math.floor(options.cells / 150)); k++) rng.pick(cells).root = 0n;
  const neurons = () => cells.filter((c) => c.spec.cellClass !== "nonneuron" && c.root !== 0n);
  for (let k = 0; k < 3; k++) {
    const a = rng.pick(neurons());
    const b = neurons().find((c) => c !== a && c.spec.type === a.spec.type && c.root !== a.root);
    if (b) b.root = a.root;
  }
  const neuronCells = neurons();

  const nucleus = open("nucleus_detection_v0", ["id", "created", "superceded_id", "valid", "volume", "pt_supervoxel_id", "pt_root_id", "pt_position_x", "pt_position_y", "pt_position_z", "bb_start_position", "bb_end_position"]);
  for (const c of cells) await nucleus.row([c.nucleusId, CREATED, "", "t", c.volume, SUPERVOXEL_BASE + BigInt(c.nucleusId), c.root, ...c.position, "[nan nan nan]", "[nan nan nan]"]);
  await nucleus.close();

  const celltypes = open("aibs_metamodel_celltypes_v661", ["id", "created", "valid", "target_id", "classification_system", "cell_type", "pt_supervoxel_id", "pt_root_id", "pt_position"]);
  const mtypes = open("aibs_metamodel_mtypes_v661_v2", ["id", "created", "valid", "target_id", "classification_system", "cell_type", "pt_supervoxel_id", "pt_root_id", "pt_position_x", "pt_position_y", "pt_position_z"]);
  const areas = open("nucleus_functional_area_assignment", ["id", "created", "valid", "target_id", "tag", "value", "pt_supervoxel_id", "pt_root_id", "pt_position"]);
  const areaSums = runningSums(AREAS.map((a) => a.share));
  let typeRow = 0;
  let mtypeRow = 0;
  for (const c of cells) {
    const packed = `[${c.position.join(" ")}]`;
    if (c.typed) {
      await celltypes.row([++typeRow, CREATED_ANNOTATION, "t", c.nucleusId, c.spec.cellClass, c.spec.type, SUPERVOXEL_BASE + BigInt(c.nucleusId), c.root, packed]);
      if (c.spec.mtypes.length) {
        await mtypes.row([++mtypeRow, CREATED_ANNOTATION, "t", c.nucleusId, c.spec.cellClass === "excitatory_neuron" ? "excitatory" : "inhibitory", rng.pick(c.spec.mtypes), SUPERVOXEL_BASE + BigInt(c.nucleusId), c.root, ...c.position]);
      }
    }
    await areas.row([areas.rows + 1, CREATED_ANNOTATION, "t", c.nucleusId, AREAS[rng.weighted(areaSums)]!.tag, Math.round(rng.uniform(0, 400) * 100) / 100, SUPERVOXEL_BASE + BigInt(c.nucleusId), c.root, packed]);
  }
  await Promise.all([celltypes.close(), mtypes.close(), areas.close()]);

  // Synapses: each neuron's outputs go to types it prefers, with repeated contacts, and to fragments.
  const byType = new Map<string, Cell[]>();
  for (const c of neuronCells) {
    const list = byType.get(c.spec.type);
    if (list) list.push(c);
    else byType.set(c.spec.type, [c]);
  }
  const types = [...byType.keys()];
  const fragments = Array.from({ length: Math.max(10, neuronCells.length * 2) }, newRoot);
  const synapses = open("synapses_pni_2", ["id", "created", "superceded_id", "valid", "pre_pt_supervoxel_id", "pre_pt_root_id", "post_pt_supervoxel_id", "post_pt_root_id", "size", "pre_pt_position_x", "pre_pt_position_y", "pre_pt_position_z", "post_pt_position_x", "post_pt_position_y", "post_pt_position_z", "ctr_pt_position_x", "ctr_pt_position_y", "ctr_pt_position_z"]);
  const edges = options.connections ? new Map<string, [number, number]>() : undefined;
  let id = 0;
  const writeSynapse = async (pre: bigint, post: bigint, size: number, at: [number, number, number]) => {
    id++;
    const valid = rng.next() < 0.002 ? "f" : "t";
    const ctr = [at[0] + rng.int(-4000, 4000), at[1] + rng.int(-4000, 4000), at[2] + rng.int(-300, 300)];
    await synapses.row([id, CREATED_SYN, "", valid, 96000000000000000n + BigInt(id), pre, post === 0n ? 0 : 97000000000000000n + BigInt(id), post, size, ctr[0]! - 10, ctr[1]!, ctr[2]!, ctr[0]! + 10, ctr[1]!, ctr[2]!, ...ctr]);
    if (edges && valid === "t") {
      const key = `${pre},${post}`;
      const e = edges.get(key) ?? [0, 0];
      e[0]++;
      e[1] += size;
      edges.set(key, e);
    }
    if (options.onProgress && id % 100_000 === 0) options.onProgress(id);
  };
  for (const c of neuronCells) {
    const prefer = TARGET_PREFERENCE[c.spec.type] ?? {};
    const sums = runningSums(types.map((t) => (prefer[t] ?? 1) * byType.get(t)!.length));
    const n = Math.max(1, Math.round(rng.logNormal(perNeuron, 0.6)));
    const partners: bigint[] = [];
    for (let k = 0; k < n; k++) {
      let post: bigint;
      if (partners.length && rng.next() < 0.3) post = rng.pick(partners); // a repeated contact
      else if (rng.next() < 0.35) post = rng.pick(fragments);
      else post = rng.pick(byType.get(types[rng.weighted(sums)]!)!).root;
      if (post === c.root) continue;
      partners.push(post);
      await writeSynapse(c.root, post, Math.max(1, Math.round(rng.logNormal(SYNAPSE_SIZE_MEDIAN[c.spec.cellClass], 0.9))), c.position);
    }
  }
  // Inputs from axon fragments that have no nucleus.
  for (let k = 0; k < Math.floor((neuronCells.length * perNeuron) / 3); k++) {
    const post = rng.pick(neuronCells);
    await writeSynapse(rng.pick(fragments), post.root, Math.max(1, Math.round(rng.logNormal(1500, 0.9))), post.position);
  }
  await synapses.close();

  if (edges) {
    // The connection summary view: one row per (pre, post) pair of valid synapses, with the nucleus
    // id of each side when that root has exactly one nucleus.
    const nuclei = new Map<bigint, number[]>();
    for (const c of cells) {
      if (c.root === 0n) continue;
      const list = nuclei.get(c.root);
      if (list) list.push(c.nucleusId);
      else nuclei.set(c.root, [c.nucleusId]);
    }
    const one = (root: bigint) => (nuclei.get(root)?.length === 1 ? nuclei.get(root)![0]! : "");
    const connections = open("connections_with_nuclei", ["pre_pt_root_id", "post_pt_root_id", "n_syn", "sum_size", "pre_nuc_id", "post_nuc_id"]);
    const keys = [...edges.keys()].map((k) => k.split(",").map(BigInt) as [bigint, bigint]).sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
    for (const [pre, post] of keys) {
      const [n, size] = edges.get(`${pre},${post}`)!;
      await connections.row([pre, post, n, size, one(pre), one(post)]);
    }
    await connections.close();
  }

  // Proofreading of a random eighth of the neurons; coregistration of a tenth of excitatory ones.
  const proof = open("proofreading_status_and_strategy", ["id", "created", "valid", "valid_id", "pt_supervoxel_id", "pt_root_id", "status_dendrite", "status_axon", "strategy_dendrite", "strategy_axon", "pt_position_x", "pt_position_y", "pt_position_z"]);
  const proofSums = runningSums([3, 3, 1, 3]);
  const strategies = ["axon_fully_extended", "axon_partially_extended", "axon_interareal", "none"];
  for (const c of sample(rng, neuronCells, Math.max(1, Math.floor(neuronCells.length / 8)))) {
    const axon = strategies[rng.weighted(proofSums)]!;
    await proof.row([proof.rows + 1, "2024-05-01 00:00:00+00:00", "t", c.root, SUPERVOXEL_BASE + BigInt(c.nucleusId), c.root, "t", axon === "none" ? "f" : "t", rng.next() < 0.5 ? "dendrite_clean" : "dendrite_extended", axon, ...c.position]);
  }
  await proof.close();
  const excitatory = neuronCells.filter((c) => c.spec.cellClass === "excitatory_neuron");
  const coreg = open("coregistration_manual_v4", ["id", "created", "valid", "target_id", "session", "scan_idx", "field", "unit_id", "residual", "score", "pt_supervoxel_id", "pt_root_id", "pt_position_x", "pt_position_y", "pt_position_z"]);
  for (const c of sample(rng, excitatory, Math.max(1, Math.floor(excitatory.length / 10)))) {
    await coreg.row([coreg.rows + 1, "2024-05-01 00:00:00+00:00", "t", c.nucleusId, rng.pick([4, 5, 6, 7, 8, 9]), rng.pick([2, 4, 6, 7]), rng.int(1, 7), rng.int(1, 9000), Math.round(rng.uniform(1, 12) * 1000) / 1000, Math.round(rng.uniform(1, 30) * 1000) / 1000, SUPERVOXEL_BASE + BigInt(c.nucleusId), c.root, ...c.position]);
  }
  await coreg.close();

  return { dir: options.out, files, cells: cells.length, synapses: id };
}

/** k distinct items, in a seeded random order. */
function sample<T>(rng: Random, items: T[], k: number): T[] {
  const copy = [...items];
  for (let i = 0; i < Math.min(k, copy.length); i++) {
    const j = i + rng.int(0, copy.length - i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, Math.min(k, copy.length));
}
