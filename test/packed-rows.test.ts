import { describe, expect, it } from "vitest";
import { forEachPackedRow, RowPacker, type StoreValue } from "../src/store/import/packed-rows.js";

function unpack(packer: RowPacker): { values: StoreValue[]; rowNumber: number }[] {
  const out: { values: StoreValue[]; rowNumber: number }[] = [];
  forEachPackedRow(packer.take().packed, (values, rowNumber) => out.push({ values: [...values], rowNumber }));
  return out;
}

describe("rows packed for the hand-over between the reading and the inserting thread", () => {
  it("come back with every value as it went in: exact 64-bit ids, numbers, text and nulls, with their row numbers", () => {
    const rows: StoreValue[][] = [
      [864691135572359841n, 864691136023954316n, 5724, "t", null],
      [-(2n ** 63n), 2n ** 63n - 1n, 0.125, "", 3],
      [0n, null, -1, "Martinotti / SST", 1e300],
    ];
    const packer = new RowPacker(5, 8);
    rows.forEach((row, i) => packer.add(row, [2, 5, 9][i]!));
    expect(unpack(packer)).toEqual(rows.map((values, i) => ({ values, rowNumber: [2, 5, 9][i] })));
  });

  it("keep an integer too wide for SQLite as the same BigInt, so that its insert fails as it would without the hand-over", () => {
    const packer = new RowPacker(1);
    packer.add([2n ** 64n + 7n], 1);
    expect(unpack(packer)[0]!.values).toEqual([2n ** 64n + 7n]);
  });

  it("start a fresh batch after each take, and say when a batch is full", () => {
    const packer = new RowPacker(2, 2);
    packer.add([1n, "a"], 1);
    expect(packer.full).toBe(false);
    packer.add([2n, "b"], 2);
    expect(packer.full).toBe(true);
    expect(unpack(packer).map((r) => r.values)).toEqual([
      [1n, "a"],
      [2n, "b"],
    ]);
    expect(packer.length).toBe(0);
    packer.add([3n, null], 3);
    expect(unpack(packer)).toEqual([{ values: [3n, null], rowNumber: 3 }]);
  });
});
