import type { Prepared } from "./prepare.js";

/*
 * "the mean nucleus volume of each layer 5 type, 5P-IT, 5P-ET and 5P-NP", "the L5 types (5P-IT, 5P-ET, 5P-NP)": a
 * layer said of types that the types listed right after are named for describes them; it is no place. It had cut
 * the cells to those whose soma lies at layer 5 depth (a 5P-IT cell deeper than L5 left out).
 */
const LAYER_TYPES = new RegExp(
  String.raw`\b(?:layer|L)[\s-]*(2\/3|23|[4-6])\s+((?:pyramidal\s+|excitatory\s+|PyC\s+|cell\s+)?types?)` +
    String.raw`(\s*[,(:–—-]\s*|\s+)(?=(23P|4P|[56]P-[A-Z]{2})\b)`,
  "gi",
);

/** The layer a type is named for: 23P → 2/3, 4P → 4, 5P-IT → 5, 6P-CT → 6. */
const layerOf = (type: string) => (type.startsWith("23") ? "23" : type[0]!);

export function layerTypes(p: Prepared): Prepared {
  const text = p.text.replace(LAYER_TYPES, (all, layer: string, types: string, gap: string, first: string) =>
    layer.replace("/", "") === layerOf(first) ? `${types}${gap}` : all,
  );
  return text === p.text ? p : { ...p, text };
}
