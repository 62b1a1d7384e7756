import { mulberry32 } from "../../sample/random.js";

/**
 * A permutation test of like-to-like wiring: is the mean difference in preferred orientation of the
 * connected pairs smaller than if the orientations were dealt out at random among the same matched
 * neurons? The connections stay as they are; the orientations are shuffled (Fisher–Yates, with a
 * fixed seed so that the same question gets the same p-value) `permutations` times. One-sided p:
 * (1 + the permutations whose mean is at most the observed one) / (1 + permutations).
 */
export interface PermutationResult {
  observed: number;
  nullMean: number;
  nullLow: number;
  nullHigh: number;
  p: number;
  permutations: number;
  neurons: number;
  pairs: number;
  seed: number;
}

export const PERMUTATION_SEED = 1;

/** x: each neuron's orientation (degrees, 0–180); pre/post: the connected pairs as indices into x. */
export function permutationTest(
  x: Float64Array,
  pre: Int32Array,
  post: Int32Array,
  permutations: number,
  seed = PERMUTATION_SEED,
): PermutationResult {
  const mean = (v: Float64Array) => {
    let s = 0;
    for (let i = 0; i < pre.length; i++) {
      const d = Math.abs(v[pre[i]!]! - v[post[i]!]!);
      s += d > 90 ? 180 - d : d;
    }
    return pre.length ? s / pre.length : NaN;
  };
  const observed = mean(x);
  const rnd = mulberry32(seed);
  const v = Float64Array.from(x);
  const nulls = new Float64Array(permutations);
  let atMost = 0;
  for (let k = 0; k < permutations; k++) {
    for (let i = v.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const t = v[i]!;
      v[i] = v[j]!;
      v[j] = t;
    }
    nulls[k] = mean(v);
    if (nulls[k]! <= observed) atMost++;
  }
  const sorted = Float64Array.from(nulls).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    observed,
    nullMean: nulls.reduce((s, n) => s + n, 0) / permutations,
    nullLow: at(0.025),
    nullHigh: at(0.975),
    p: (1 + atMost) / (1 + permutations),
    permutations,
    neurons: x.length,
    pairs: pre.length,
    seed,
  };
}

/** The result in one sentence, with the number of permutations and what was tested. */
export function permutationLine(r: PermutationResult): string {
  const f = (n: number) => n.toFixed(1);
  const n = (k: number) => k.toLocaleString("en-US");
  const p = r.p < 0.001 ? r.p.toExponential(1) : r.p.toFixed(3);
  return (
    `Permutation test (${n(r.permutations)} random permutations of the preferred orientations among the ` +
    `${n(r.neurons)} matched neurons, seed ${r.seed}): the ${n(r.pairs)} connected pairs differ by ` +
    `${f(r.observed)}° on average, against ${f(r.nullMean)}° (95% of permutations ${f(r.nullLow)}–${f(r.nullHigh)}°) ` +
    `when orientations are dealt at random; one-sided p = ${p} (the smallest possible with ${n(r.permutations)} ` +
    `permutations is ${(1 / (1 + r.permutations)).toPrecision(2)}).`
  );
}
