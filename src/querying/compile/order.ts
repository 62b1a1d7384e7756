import type { CompileContext } from "./types.js";

/** Type names in the order scientists list them (cortical order, from the vocabulary). */
export function typeNamesInOrder(ctx: CompileContext): string[] {
  return [...ctx.vocabulary.file.cellTypes, ...ctx.vocabulary.file.mtypes].map((e) => e.value);
}

const AREA_ORDER = ["V1", "RL", "AL", "LM"];

/** An ORDER BY for group keys in their natural order: types in cortical order, areas V1 first, the rest as they sort. */
export function naturalOrder(ctx: CompileContext, keys: string[]): string {
  // (A layer may be named whole, "L6", where the geometry splits it into L6a and L6b.)
  const layers = (ctx.geometry?.layers.map((l) => l.name) ?? []).flatMap((n) => (n === "L6a" ? ["L6", n] : [n]));
  return keys
    .map((k) => {
      const caseOf = (names: string[]) =>
        `CASE ${k} ${names.map((v, i) => `WHEN '${v.replace(/'/g, "''")}' THEN ${i}`).join(" ")} ELSE ${names.length} END, ${k}`;
      if (/(^|_)(cell_type|mtype)$/.test(k)) return caseOf(typeNamesInOrder(ctx));
      if (/(^|_)area$/.test(k)) return caseOf(AREA_ORDER);
      if (/(^|_)layer$/.test(k)) return caseOf(layers);
      return k;
    })
    .join(", ");
}
