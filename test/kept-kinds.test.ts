import { describe, expect, it } from "vitest";
import type { QueryPlan } from "../src/planning/plan.js";
import type { Item } from "../src/planning/reader/items.js";
import { droppedKind } from "../src/planning/reader/kept-kinds.js";

/*
 * The last check of a reading: a kind of group the reader consumed ("m-types", "area") must be in
 * the plan, or the question is asked back (a word read and then lost answers another question).
 */
const word = (i: number, text: string, tag: Item["tags"][number]): Item => ({
  i,
  start: i,
  end: i + 1,
  text,
  tags: [tag],
  fn: false,
  scope: false,
  used: true,
});
const items = [
  word(0, "m-types", { t: "noun", n: "mtype" }),
  word(1, "area", { t: "noun", n: "area" }),
  word(2, "RL", { t: "val", dim: "area", values: ["RL"] }),
];
const counted = (groupBy: { dim: "area" | "mtype" }[]): QueryPlan => ({
  kind: "query",
  source: "cells",
  filter: [{ dim: "area", values: ["RL"] }],
  pre: [],
  post: [],
  measure: { fn: "count" },
  groupBy,
});

describe("a kind of group read must be kept in the plan", () => {
  it("names the kind a plan lost ('m-types in area RL' grouped by area)", () => {
    expect(droppedKind(items, counted([{ dim: "area" }]))).toBe("m-types");
  });
  it("accepts a plan that uses every kind read (grouped by m-type, filtered by area)", () => {
    expect(droppedKind(items, counted([{ dim: "mtype" }]))).toBeUndefined();
  });
  it("ignores words not used and words with several readings", () => {
    const unused = [{ ...items[0]!, used: false }, items[1]!];
    expect(droppedKind(unused, counted([]))).toBeUndefined();
  });
});
