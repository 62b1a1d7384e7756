import { as, is, join, lower, type Atom } from "./atoms.js";

/* Angles with a tolerance: preferred orientations and directions "within 15° of vertical". */

const num = (a: Atom | undefined) => (a && a.tag.t === "num" && !a.tag.ordinal ? Number(a.tag.value) : undefined);
const unitOf = (a: Atom | undefined) => (a && is(a, "unit") ? String(as(a, "unit")!.u) : undefined);

/** "within 15° of vertical", "within 20 degrees of 45°", "±15° of horizontal", "90° ± 15°", "~135 (±10)". */
export function angles(atoms: Atom[]): Atom[] {
  for (let i = 0; i < atoms.length; i++) {
    if (!is(atoms[i], "cmp", "op", "near")) continue;
    const centered = centerBefore(atoms, i);
    if (centered) {
      const dim = angleQty(atoms, centered.from);
      atoms = join(atoms, dim?.at ?? centered.from, centered.to, {
        t: "near",
        center: centered.center,
        within: centered.within,
        ...(dim ? { dim: dim.q } : {}),
      });
      i = centered.from;
      continue;
    }
    const w = num(atoms[i + 1]);
    if (w === undefined) continue;
    let j = i + 2;
    const unit = unitOf(atoms[j]) ?? (atoms[i + 1]!.tag.unit as string | undefined);
    if (unitOf(atoms[j])) j++;
    if (is(atoms[j], "rel", "r", "of") || lower(atoms[j]) === "of") j++;
    // ("preferred orientations within 30° of each other": a difference of the pair's orientations.)
    const pair = /^(each other|one another)$/i.test(lower(atoms[j]));
    const said = angleQty(atoms, i);
    if (pair && said?.q === "pref_ori" && unit !== "rad") {
      const difference = { t: "threshold", op: "lte", value: w, unit: "deg", qty: "ori_difference", text: "within" };
      atoms = join(atoms, said.at, j + 1, difference);
      i = said.at;
      continue;
    }
    let center: number | undefined;
    if (is(atoms[j], "angle")) center = Number(as(atoms[j], "angle")!.value);
    else if (num(atoms[j]) !== undefined) {
      center = num(atoms[j]);
      if (unitOf(atoms[j + 1])) j++;
    }
    if (center === undefined) continue;
    const dim = angleQty(atoms, i);
    atoms = join(atoms, dim?.at ?? i, j + 1, {
      t: "near",
      center,
      within: unit === "rad" ? (w * 180) / Math.PI : w,
      ...(dim ? { dim: dim.q } : {}),
    });
  }
  return atoms;
}

/** "a preferred direction within 30° of 270°": the angle named just before a tolerance, joined with it. */
function angleQty(atoms: Atom[], at: number): { at: number; q: string } | undefined {
  let j = at - 1;
  while (j >= 0 && /^(a|an|the|of|is|at|=|:)$/i.test(lower(atoms[j]))) j--;
  const q = as(atoms[j], "qty")?.q;
  return q === "pref_ori" || q === "pref_dir" ? { at: j, q: String(q) } : undefined;
}

/** "90° ± 15°", "~135 (±10)", "0 deg +- 20": the center said before the tolerance, in degrees. */
function centerBefore(
  atoms: Atom[],
  at: number,
): { from: number; to: number; center: number; within: number } | undefined {
  let j = at - 1;
  const inner = lower(atoms[j]) === "(";
  if (inner) j--;
  if (unitOf(atoms[j]) === "deg") j--;
  const center = num(atoms[j]);
  // ("(0 deg +- 20)": the whole said in brackets.)
  const outer = !inner && lower(atoms[j - 1]) === "(";
  const open = inner || outer;
  if (outer) j--;
  const within = num(atoms[at + 1]);
  if (center === undefined || within === undefined || center < 0 || center > 360 || !(within > 0 && within <= 90))
    return undefined;
  let to = at + 2;
  if (unitOf(atoms[to]) === "deg") to++;
  if (open && lower(atoms[to]) === ")") to++;
  const from = is(atoms[j - 1], "approx") || lower(atoms[j - 1]) === "~" ? j - 1 : j;
  return { from, to, center, within };
}
