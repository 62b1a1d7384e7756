/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) and the draws the sample needs. The same
 * seed gives the same sequence on every platform, so the same seed gives byte-identical files.
 *
 * Independent streams (`Random.stream(seed, "synapses")`) keep one part of the generator from
 * shifting another: adding a column to a small table does not change every synapse.
 */
export class Random {
  // State in typed arrays: plain number fields above 2^30 would be boxed on every update.
  private readonly s = new Uint32Array(4);
  private readonly spare = new Float64Array(1);
  private hasSpare = false;

  constructor(seed: number) {
    // splitmix32 expands one 32-bit seed into the four words of state.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s[0] = next();
    this.s[1] = next();
    this.s[2] = next();
    this.s[3] = next() | 1;
    for (let i = 0; i < 12; i++) this.uint32(); // warm up
  }

  /** A stream of its own for one part of the sample, from the user's seed and a label. */
  static stream(seed: number, label: string): Random {
    // Seeds are integers; fold the high part in so that seeds above 2^32 still differ.
    let h = (Math.floor(seed / 4294967296) ^ 0x811c9dc5) >>> 0;
    h = Math.imul(h ^ (seed >>> 0), 0x01000193) >>> 0;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new Random(h);
  }

  uint32(): number {
    const s = this.s;
    const a = s[0]!,
      b = s[1]!,
      c = s[2]!,
      d = s[3]!;
    // sfc32; the Uint32Array stores wrap modulo 2^32.
    const t = (a + b + d) >>> 0;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    s[3] = d + 1;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** An integer in [lo, hiExclusive). */
  int(lo: number, hiExclusive: number): number {
    return lo + Math.floor(this.next() * (hiExclusive - lo));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare[0]!;
    }
    const u = 1 - this.next(); // (0, 1]
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare[0] = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Geometric count of extra successes: 0, 1, 2, … with P(k) = (1 - p) p^k, mean p / (1 - p). */
  geometric(p: number): number {
    if (p <= 0) return 0;
    return Math.floor(Math.log(1 - this.next()) / Math.log(p));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }

  /** k distinct items in a random order (fewer when there are fewer). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, Math.max(0, Math.min(k, items.length)));
  }
}

/** Draws an index with probability proportional to its weight (binary search on running sums). */
export class WeightedChoice {
  private readonly sums: Float64Array;
  readonly total: number;

  constructor(weights: readonly number[]) {
    this.sums = new Float64Array(weights.length);
    let s = 0;
    weights.forEach((w, i) => {
      if (!(w >= 0)) throw new Error(`negative or missing weight at ${i}`);
      s += w;
      this.sums[i] = s;
    });
    this.total = s;
  }

  draw(rng: Random): number {
    if (!(this.total > 0)) throw new Error("no positive weight to draw from");
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sums[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * mulberry32: a small seeded generator of floats in [0, 1), for where one short stream is enough
 * and it must repeat on every run (chart examples, a permutation test, benchmark stores). The
 * sample's own tables use `Random`, whose independent streams keep one table from shifting another.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
