import { is, join, lower, type Atom } from "./atoms.js";

/** "90th percentile", "90th pct", "percentile 90", "p90 of size", "p90 # inputs": each becomes one percentile atom. */
export function percentiles(atoms: Atom[]): Atom[] {
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const p = /^p(\d{1,2}(?:\.\d+)?)$/i.exec(lower(a));
    // "p90 of size", "size p90" (not "at P30", a mouse's age): beside a quantity, or before "of".
    const besideQuantity =
      is(atoms[i + 1], "qty") ||
      // ("p90 # input syn per 23P", "p10 synapse size of MC outputs": before a count or what is counted.)
      is(atoms[i + 1], "count") ||
      is(atoms[i + 1], "noun") ||
      is(atoms[i - 1], "qty") ||
      lower(atoms[i + 1]) === "of" ||
      is(atoms[i + 1], "rel", "r", "of");
    if (p && besideQuantity) atoms = join(atoms, i, i + 1, { t: "pctl", p: Number(p[1]) });
    // ("90th percentile", "90th pct", "90 percentile"; not "90 pct", ninety percent.)
    else if (
      a.tag.t === "num" &&
      ((a.tag.ordinal && /^pct( of)?$/.test(lower(atoms[i + 1]))) || is(atoms[i + 1], "percentile"))
    )
      atoms = join(atoms, i, i + 2, { t: "pctl", p: Number(a.tag.value) });
    else if (is(a, "percentile") && atoms[i + 1]?.tag.t === "num")
      atoms = join(atoms, i, i + 2, { t: "pctl", p: Number(atoms[i + 1]!.tag.value) });
  }
  return atoms;
}
