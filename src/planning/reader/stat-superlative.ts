import { as, is, lower, type Atom } from "./atoms.js";

/**
 * "the root with the max gDSI", "which BC has the min nucleus volume": "max"/"min" said of one of
 * several things (after "with the", "has the") picks the one, as "highest"/"lowest" does; it is not
 * the maximum value alone ("what is the max gDSI").
 */
export function statsAsSuperlatives(atoms: Atom[]): Atom[] {
  return atoms.map((a, i) => {
    const fn = as(a, "stat")?.fn;
    if (fn !== "max" && fn !== "min") return a;
    const article = /^the$/.test(lower(atoms[i - 1]));
    const owner = atoms[article ? i - 2 : i - 1];
    if (!/^(with|has|have|having|had)$/.test(lower(owner)) || !is(atoms[i + 1], "qty")) return a;
    return { ...a, tag: { t: "sup", dir: fn === "max" ? "desc" : "asc" }, alt: [] };
  });
}
