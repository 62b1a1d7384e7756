import type { Filter, Query } from "../../planning/plan.js";
import { layerRange } from "./cell-sql.js";
import { MissingDataError, UnknownValueError, type CompileContext } from "./types.js";

/**
 * Checks the names a plan uses against the data, so that an unknown cell type or area is asked
 * back, never counted as zero.
 */
export function checkValues(ctx: CompileContext, q: Query): void {
  const all: Filter[] = [
    ...q.filter,
    ...q.pre,
    ...q.post,
    ...(q.compare ?? []).flatMap((p) => [...(p.filter ?? []), ...(p.pre ?? []), ...(p.post ?? [])]),
    ...partsOf(q).flatMap((p) => [...(p.filter ?? []), ...(p.pre ?? []), ...(p.post ?? [])]),
  ];
  for (const f of all) check(ctx, f);
  classClash(ctx, q);
}

/**
 * A class and types of another class on one side ("onto BC … onto excitatory neurons"): no cell is
 * both, so every figure would be 0; the mark of a question read onto the wrong side.
 */
function classClash(ctx: CompileContext, q: Query): void {
  const sets = [{}, ...(q.compare ?? [])];
  const parts = [{}, ...partsOf(q)];
  for (const key of ["filter", "pre", "post"] as const) {
    const base = q[key];
    for (const a of sets)
      for (const b of parts) {
        const fs = [...base, ...((a as Query)[key] ?? []), ...((b as Query)[key] ?? [])].filter(
          (f) => f.values && !f.not,
        );
        const classes = fs
          .filter((f) => f.dim === "class")
          .flatMap((f) => f.values!)
          .filter((v) => v !== "neuron");
        const types = fs.filter((f) => f.dim === "cell_type").flatMap((f) => f.values!);
        if (!classes.length || !types.length) continue;
        if (types.every((t) => !classes.includes(shortClass(ctx.vocabulary.classOf(t))))) {
          throw new UnknownValueError(
            `I read one group of cells as both ${classes.join("/")} and ${types.join("/")}, ` +
              'which no cell is; please rephrase (say which side, e.g. "inputs from excitatory cells onto BC").',
          );
        }
      }
  }
}

/** "excitatory_neuron" or "excitatory" → "excitatory". */
const shortClass = (c: string | undefined) => (c ?? "").replace(/_neuron$/, "");

function partsOf(q: Query) {
  const m = q.measure;
  return m.fn === "fraction" ? [m.part] : m.fn === "ratio" ? [m.numerator, m.denominator] : [];
}

function check(ctx: CompileContext, f: Filter): void {
  const known = (what: string, values: Map<string, unknown> | Set<string>, table: string, cave: string) => {
    if (!ctx.catalog.tables.has(table))
      throw new MissingDataError(`This store has no ${cave} table; import it to ask about ${what}s.`);
    for (const v of f.values ?? []) {
      if (!values.has(v))
        throw new UnknownValueError(`There is no ${what} "${v}" in this data.`, [...values.keys()].map(String));
    }
  };
  switch (f.dim) {
    case "cell_type":
      return known("cell type", ctx.catalog.cellTypes, "cell_type", "aibs_metamodel_celltypes_v661");
    case "mtype":
      return known("m-type", ctx.catalog.mtypes, "mtype", "aibs_metamodel_mtypes_v661_v2");
    case "area":
      return known("visual area", ctx.catalog.areas, "area_assignment", "nucleus_functional_area_assignment");
    case "layer":
      for (const v of f.values ?? []) layerRange(ctx, v);
      return;
    case "class":
      if (!ctx.catalog.tables.has("cell_type")) {
        throw new MissingDataError(
          "This store has no cell-type table (aibs_metamodel_celltypes_v661), which says which cells are excitatory or inhibitory.",
        );
      }
      return;
    default:
      return;
  }
}
