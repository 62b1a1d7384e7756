/**
 * Rows of the per-cell tables: nuclei, cell types, m-types, visual areas and proofreading status
 * (coregistration.ts and tuning.ts write the functional tables). Each function yields CSV lines in
 * the column order of tables.ts.
 */
import { INHIBITORY_MTYPES, isNeuron } from "./cell-types.js";
import type { Cell } from "./cells.js";
import { areaOf } from "./geometry.js";
import { randomTimestamp, type RootIds } from "./ids.js";
import { Random, WeightedChoice } from "./random.js";
import { CREATED, decimal, packed, split } from "./tables.js";

export function* nucleusRows(cells: readonly Cell[]): Generator<string> {
  for (const c of cells) {
    yield `${c.nucleusId},${CREATED.nucleus},,t,${decimal(c.volume, 8)},${c.supervoxel},${c.root},${split(c)},[nan nan nan],[nan nan nan]`;
  }
}

/** aibs_metamodel_celltypes_v661: a row per typed cell; the id is the nucleus id, as in the release. */
export function* cellTypeRows(cells: readonly Cell[]): Generator<string> {
  for (const c of cells) {
    if (!c.typed) continue;
    yield `${c.nucleusId},${CREATED.metamodel},t,${c.nucleusId},${c.spec.cellClass},${c.spec.type},${c.supervoxel},${c.root},${packed(c)}`;
  }
}

/**
 * The m-type of a neuron: excitatory m-types follow depth within the type's range (L2a above L3b,
 * L4a above L4c, …); inhibitory ones follow the type (BC→PTC, MC→DTC, BPC→ITC, NGC→STC) with
 * some disagreement between the two classifiers, as in the release.
 */
export function mtypeOf(c: Cell, rng: Random): string {
  const list = c.spec.mtypes;
  if (c.spec.cellClass === "inhibitory_neuron") return rng.chance(0.85) ? list[0]! : rng.pick(INHIBITORY_MTYPES);
  const [lo, hi] = c.spec.depthUm;
  const rel = Math.min(0.999, Math.max(0, (c.depthUm - lo) / (hi - lo) + rng.normal() * 0.12));
  return list[Math.floor(rel * list.length)]!;
}

export function* mtypeRows(cells: readonly Cell[], rng: Random): Generator<string> {
  for (const c of cells) {
    if (!c.typed || !isNeuron(c.spec)) continue;
    const system = c.spec.cellClass === "excitatory_neuron" ? "excitatory" : "inhibitory";
    yield `${c.nucleusId},${CREATED.metamodel},t,${c.nucleusId},${system},${mtypeOf(c, rng)},${c.supervoxel},${c.root},${packed(c)}`;
  }
}

/**
 * nucleus_functional_area_assignment: every nucleus's area (V1, RL, AL, LM) and, as `value`, the
 * distance in µm to the area boundary (the release takes the mean distance to the 10 nearest
 * nuclei of another area, so it is never near zero).
 */
export function* areaRows(cells: readonly Cell[], rng: Random): Generator<string> {
  for (const c of cells) {
    const { area, boundaryUm } = areaOf(c);
    const value = boundaryUm + 12 + Math.abs(rng.normal()) * 8;
    yield `${c.nucleusId},${CREATED.areas},t,${c.nucleusId},${area},${decimal(value, 6)},${c.supervoxel},${c.root},${packed(c)}`;
  }
}

const AXON_STRATEGIES = ["axon_partially_extended", "axon_fully_extended", "axon_interareal", "none"] as const;

export const PROOFREADING_RATES = {
  /** Share of single-nucleus neurons that were proofread. */
  proofread: 0.05,
  /** Proofread cells whose root changed since (valid_id, the root at assessment, differs). */
  editedSince: 0.1,
  axonStrategyWeights: [0.72, 0.13, 0.06, 0.09],
} as const;

/** proofreading_status_and_strategy: a sample of clean (single-nucleus) neurons. */
export function* proofreadingRows(cells: readonly Cell[], rng: Random, roots: RootIds): Generator<string> {
  const perRoot = new Map<bigint, number>();
  for (const c of cells) perRoot.set(c.root, (perRoot.get(c.root) ?? 0) + 1);
  const eligible = cells.filter((c) => c.root !== 0n && isNeuron(c.spec) && perRoot.get(c.root) === 1);
  if (eligible.length === 0) return;
  const chosen = rng.sample(eligible, Math.max(1, Math.round(eligible.length * PROOFREADING_RATES.proofread)));
  const axon = new WeightedChoice(PROOFREADING_RATES.axonStrategyWeights);
  let id = 0;
  for (const c of chosen) {
    const strategyAxon = AXON_STRATEGIES[axon.draw(rng)]!;
    const validId = rng.chance(PROOFREADING_RATES.editedSince) ? roots.next() : c.root;
    const created = randomTimestamp(rng, "2023-03-01T00:00:00Z", "2024-09-30T00:00:00Z");
    const dendrite = rng.chance(0.55) ? "dendrite_clean" : "dendrite_extended";
    yield `${++id},${created},t,${validId},${c.supervoxel},${c.root},t,${strategyAxon === "none" ? "f" : "t"},${dendrite},${strategyAxon},${split(c)}`;
  }
}
