import { describe, expect, it } from "vitest";
import { permutationTest } from "../src/querying/compile/permutation.js";

describe("the permutation test of like-to-like wiring", () => {
  it("finds strong like-to-like wiring improbable by chance, and none where there is none", () => {
    // 40 neurons in two orientation groups (10° and 100°): wired within groups, or across them.
    const x = Float64Array.from({ length: 40 }, (_, i) => (i < 20 ? 10 : 100));
    const within: [number, number][] = [];
    const across: [number, number][] = [];
    for (let i = 0; i < 20; i++) {
      within.push([i, (i + 1) % 20], [20 + i, 20 + ((i + 1) % 20)]);
      across.push([i, 20 + i], [20 + i, i]);
    }
    const run = (pairs: [number, number][]) =>
      permutationTest(x, Int32Array.from(pairs.map((p) => p[0])), Int32Array.from(pairs.map((p) => p[1])), 999);
    const like = run(within);
    expect(like.observed).toBe(0);
    expect(like.p).toBeCloseTo(1 / 1000, 6);
    expect(like.nullMean).toBeGreaterThan(40);
    const unlike = run(across);
    expect(unlike.observed).toBe(90);
    expect(unlike.p).toBe(1);
  });

  it("gives the same p-value for the same question (a fixed seed)", () => {
    const x = Float64Array.from({ length: 30 }, (_, i) => (i * 37) % 180);
    const pre = Int32Array.from({ length: 60 }, (_, i) => i % 30);
    const post = Int32Array.from({ length: 60 }, (_, i) => (i * 7 + 3) % 30);
    expect(permutationTest(x, pre, post, 500)).toEqual(permutationTest(x, pre, post, 500));
  });
});
