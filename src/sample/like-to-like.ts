/**
 * Like-to-like wiring among the coregistered excitatory neurons: a connection from one of them onto
 * another is kept with a probability that falls with the difference in preferred orientation, and
 * otherwise moved to another coregistered cell of the same type (the nearer of two, as the wiring
 * chooses). Moving a connection, rather than adding or dropping one, keeps every other statistic of
 * the sample: synapses per type pair, outputs per neuron, inputs of the coregistered cells as a
 * group. The decisions come from a stream of their own, so the synapse stream is not shifted.
 */
import type { CellTypeSpec } from "./cell-types.js";
import type { Cell } from "./cells.js";
import { distanceUm } from "./geometry.js";
import type { Random } from "./random.js";
import type { Tuning } from "./tuning.js";

export const LIKE_TO_LIKE = {
  /**
   * A connection is kept with probability exp(κ (cos 2Δθ − 1)): 1 for the same orientation,
   * exp(−2κ) for orthogonal ones. κ = 0.4 makes similar pairs about twice as likely to connect as
   * orthogonal ones (the MICrONS data show a weaker effect; the sample should show it plainly).
   */
  kappa: 0.5,
  /** Cells tried before the first choice is kept anyway. */
  tries: 6,
} as const;

export class LikeToLike {
  /** Coregistered excitatory cells by type: where a moved connection may go. */
  private readonly pools = new Map<CellTypeSpec, Cell[]>();

  constructor(
    private readonly tunings: ReadonlyMap<Cell, Tuning>,
    private readonly rng: Random,
  ) {
    for (const cell of tunings.keys()) {
      if (cell.spec.cellClass !== "excitatory_neuron") continue;
      const pool = this.pools.get(cell.spec);
      if (pool) pool.push(cell);
      else this.pools.set(cell.spec, [cell]);
    }
  }

  /** The cell a connection from `home` chosen onto `onto` lands on. */
  retarget(home: Cell, onto: Cell): Cell {
    const from = this.tunings.get(home);
    if (!from || home.spec.cellClass !== "excitatory_neuron" || onto.root === home.root) return onto;
    const pool = this.pools.get(onto.spec);
    if (!pool || !this.tunings.has(onto)) return onto;
    let candidate = onto;
    for (let k = 0; k < LIKE_TO_LIKE.tries; k++) {
      const keep = candidate.root !== home.root && this.rng.chance(this.keep(from, this.tunings.get(candidate)!));
      if (keep) return candidate;
      const a = this.rng.pick(pool);
      const b = this.rng.pick(pool);
      candidate = distanceUm(home, a) <= distanceUm(home, b) ? a : b;
    }
    return onto;
  }

  private keep(a: Tuning, b: Tuning): number {
    return Math.exp(LIKE_TO_LIKE.kappa * (Math.cos(2 * (a.ori - b.ori)) - 1));
  }
}
