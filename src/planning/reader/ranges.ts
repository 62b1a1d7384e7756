import { as, is, join, lower, type Atom } from "./atoms.js";
import { nounAfter, num, unitOf } from "./number-atoms.js";

/** "between 1000 and 2000 voxels", "from 300 to 500 µm", "depth 300-500 µm". */
export function ranges(atoms: Atom[]): Atom[] {
  for (let i = 0; i < atoms.length; i++) {
    // "[1000, 2000]": an interval, bounds included.
    if (
      lower(atoms[i]) === "[" &&
      num(atoms[i + 1]) !== undefined &&
      is(atoms[i + 2], "rel", "r", "and") &&
      num(atoms[i + 3]) !== undefined &&
      lower(atoms[i + 4]) === "]"
    ) {
      const qtyBefore = is(atoms[i - 1], "qty")
        ? i - 1
        : is(atoms[i - 2], "qty") && lower(atoms[i - 1]) === "in"
          ? i - 2
          : -1;
      const from = qtyBefore >= 0 ? qtyBefore : i;
      atoms = join(atoms, from, i + 5, {
        t: "threshold",
        op: "between",
        value: num(atoms[i + 1])!,
        max: num(atoms[i + 3])!,
        ...(qtyBefore >= 0 ? { qty: String(as(atoms[qtyBefore], "qty")!.q) } : {}),
      });
      i = from;
      continue;
    }
    // "depth 300 - 500 µm", "size 1000 to 2000": a quantity, then two numbers.
    if (
      is(atoms[i], "qty") &&
      num(atoms[i + 1]) !== undefined &&
      (lower(atoms[i + 2]) === "-" || is(atoms[i + 2], "rel", "r", "to")) &&
      num(atoms[i + 3]) !== undefined
    ) {
      const lo = num(atoms[i + 1])!;
      const hi = num(atoms[i + 3])!;
      const unit = unitOf(atoms[i + 4]);
      atoms = join(atoms, i, i + (unit ? 5 : 4), {
        t: "threshold",
        op: "between",
        value: Math.min(lo, hi),
        max: Math.max(lo, hi),
        ...(unit ? { unit } : {}),
        qty: String(as(atoms[i], "qty")!.q),
      });
      continue;
    }
    // "neurons 200-400 µm deep", "100 to 300 µm below the pia": two numbers with a unit or a quantity after.
    if (
      num(atoms[i]) !== undefined &&
      !is(atoms[i - 1], "cmp") &&
      (lower(atoms[i + 1]) === "-" || is(atoms[i + 1], "rel", "r", "to")) &&
      num(atoms[i + 2]) !== undefined
    ) {
      const unit = unitOf(atoms[i + 3]);
      const after = nounAfter(atoms, i + (unit ? 4 : 3));
      if (unit || after.what.qty) {
        const [lo, hi] = [num(atoms[i])!, num(atoms[i + 2])!];
        atoms = join(atoms, i, after.end, {
          t: "threshold",
          op: "between",
          value: Math.min(lo, hi),
          max: Math.max(lo, hi),
          ...(unit ? { unit } : {}),
          ...after.what,
        });
        continue;
      }
    }
    if (!is(atoms[i], "cmp", "op", "between")) continue;
    const lo = num(atoms[i + 1]);
    let j = i + 2;
    const u1 = unitOf(atoms[j]);
    if (u1) j++;
    if (
      lo === undefined ||
      !(is(atoms[j], "rel", "r", "and") || is(atoms[j], "rel", "r", "to") || lower(atoms[j]) === "-")
    )
      continue;
    const before = atoms[i - 1];
    const hi = num(atoms[j + 1]);
    if (hi === undefined) continue;
    j += 2;
    const u2 = unitOf(atoms[j]);
    if (u2) j++;
    const after = nounAfter(atoms, j);
    // "with depth between 100 and 300 µm", "size between 1000 and 2000": the quantity before.
    const qtyBefore =
      !after.what.qty && !after.what.noun && is(before, "qty") ? String(as(before, "qty")!.q) : undefined;
    const from = qtyBefore ? i - 1 : i;
    atoms = join(atoms, from, after.end, {
      t: "threshold",
      op: "between",
      value: Math.min(lo, hi),
      max: Math.max(lo, hi),
      unit: u2 ?? u1,
      ...after.what,
      ...(qtyBefore ? { qty: qtyBefore } : {}),
    });
    i = from;
  }
  return atoms;
}
