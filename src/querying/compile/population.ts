import type { CellClass, Population } from "../../planning/plan.js";
import { Sql, sql, raw } from "../sql.js";
import { MissingDataError, UnknownValueError, type CompileContext } from "./types.js";

/** classification_system values of each class, in the cell-type table and the m-type table. */
export const CLASS_VALUES: Record<CellClass, string[]> = {
  excitatory: ["excitatory_neuron", "excitatory"],
  inhibitory: ["inhibitory_neuron", "inhibitory"],
  neuron: ["excitatory_neuron", "inhibitory_neuron", "excitatory", "inhibitory"],
  nonneuron: ["nonneuron", "non_neuron", "glia"],
};

export const isAny = (p: Population) => !p.rootIds && !p.nucleusIds && !p.cellTypes && !p.mtypes && !p.classes;
export const hasIds = (p: Population) => Boolean(p.rootIds || p.nucleusIds);
export const classValues = (classes: CellClass[]) => [...new Set(classes.flatMap((c) => CLASS_VALUES[c]))];

/** Ids as exact 64-bit parameters. */
export const idParams = (ids: string[]) => ids.map((id) => BigInt(id));

/** Checks a population's names against the data, so an unknown type is asked back, never counted as zero. */
export function checkPopulation(ctx: CompileContext, p: Population): void {
  for (const t of p.cellTypes ?? []) {
    if (!ctx.catalog.tables.has("cell_type")) throw new MissingDataError("this store has no cell-type table (aibs_metamodel_celltypes_v661); import it to ask about cell types");
    if (!ctx.catalog.cellTypes.has(t)) {
      throw new UnknownValueError(`There is no cell type "${t}" in this data.`, [...ctx.catalog.cellTypes.keys()]);
    }
  }
  for (const t of p.mtypes ?? []) {
    if (!ctx.catalog.tables.has("mtype")) throw new MissingDataError("this store has no m-type table (aibs_metamodel_mtypes_v661_v2); import it to ask about m-types");
    if (!ctx.catalog.mtypes.has(t)) throw new UnknownValueError(`There is no m-type "${t}" in this data.`, [...ctx.catalog.mtypes.keys()]);
  }
  if (p.classes && !ctx.catalog.tables.has("cell_type")) {
    throw new MissingDataError("this store has no cell-type table (aibs_metamodel_celltypes_v661), which says which cells are excitatory or inhibitory");
  }
  if (p.nucleusIds && !ctx.catalog.tables.has("nucleus") && !ctx.catalog.tables.has("cell_type")) {
    throw new MissingDataError("this store has no nucleus table (nucleus_detection_v0) to find nucleus ids in");
  }
}

/**
 * The root ids of a population as a subquery (or a parameter list), or null for "any root".
 * Conditions of one population narrow each other (BC and inhibitory: basket cells).
 */
export function rootSet(ctx: CompileContext, p: Population): Sql | null {
  if (isAny(p)) return null;
  const sets: Sql[] = [];
  if (p.rootIds) sets.push(sql`SELECT column1 AS pt_root_id FROM (VALUES ${raw(p.rootIds.map(() => "(?)").join(", "))})`.with(idParams(p.rootIds)));
  if (p.nucleusIds) {
    sets.push(
      ctx.catalog.tables.has("nucleus")
        ? sql`SELECT pt_root_id FROM nucleus WHERE id IN (${idParams(p.nucleusIds)})`
        : sql`SELECT pt_root_id FROM cell_type WHERE target_id IN (${idParams(p.nucleusIds)})`,
    );
  }
  if (p.cellTypes || (p.classes && !p.mtypes)) {
    const where: Sql[] = [];
    if (p.cellTypes) where.push(sql`cell_type IN (${p.cellTypes})`);
    if (p.classes) where.push(sql`classification_system IN (${classValues(p.classes)})`);
    sets.push(sql`SELECT pt_root_id FROM root_cell_type WHERE ${Sql.join(where, " AND ")}`);
  }
  if (p.mtypes) {
    const where: Sql[] = [sql`cell_type IN (${p.mtypes})`];
    if (p.classes) where.push(sql`classification_system IN (${classValues(p.classes)})`);
    sets.push(sql`SELECT pt_root_id FROM root_mtype WHERE ${Sql.join(where, " AND ")}`);
  }
  if (sets.length === 1) return sets[0]!;
  return Sql.join(sets.map((s) => sql`SELECT pt_root_id FROM (${s})`), " INTERSECT ");
}

/**
 * A population's conditions on a cell-type row `ct`, with its m-type row joined as `m` when the
 * population names m-types (one row per nucleus on both sides).
 */
export function cellRowConditions(p: Population): Sql[] {
  return [...(p.cellTypes ? [sql`ct.cell_type IN (${p.cellTypes})`] : []), ...(p.mtypes ? [sql`m.cell_type IN (${p.mtypes})`] : []), ...rowIdConditions(p)];
}

/** Class, root ids and nucleus ids on a row `ct` of the cell-type or m-type table (the same columns in both). */
export function rowIdConditions(p: Population): Sql[] {
  const out: Sql[] = [];
  if (p.classes) out.push(sql`ct.classification_system IN (${classValues(p.classes)})`);
  if (p.rootIds) out.push(sql`ct.pt_root_id IN (${idParams(p.rootIds)})`);
  if (p.nucleusIds) out.push(sql`ct.target_id IN (${idParams(p.nucleusIds)})`);
  return out;
}

/**
 * `column` within population `p`. When the other side is a few named roots, a type or class is
 * checked per candidate row by primary key (a correlated EXISTS) instead of first listing every
 * cell of the type: "how many neurons does 8646… connect to" takes 1 ms instead of 300.
 */
export function inPopulation(ctx: CompileContext, column: string, p: Population, otherSideNamed: boolean): Sql | null {
  const typesOnly = !p.rootIds && !p.nucleusIds && !p.mtypes && (p.cellTypes || p.classes);
  if (!otherSideNamed || !typesOnly) return inRoots(column, rootSet(ctx, p));
  const conds: Sql[] = [raw(`t.pt_root_id = ${column}`)];
  if (p.cellTypes) conds.push(sql`t.cell_type IN (${p.cellTypes})`);
  if (p.classes) conds.push(sql`t.classification_system IN (${classValues(p.classes)})`);
  return sql`EXISTS (SELECT 1 FROM root_cell_type t WHERE ${Sql.join(conds, " AND ")})`;
}

/** Whether a population is a few named roots or nuclei. */
export const isNamed = (p: Population) => Boolean(p.rootIds || p.nucleusIds);

/** `column IN (roots)`, or nothing for "any". */
export function inRoots(column: string, roots: Sql | null): Sql | null {
  return roots ? sql`${raw(column)} IN (${roots})` : null;
}

export function where(conditions: (Sql | null | undefined)[]): Sql {
  const present = conditions.filter((c): c is Sql => Boolean(c));
  return present.length ? sql` WHERE ${Sql.join(present, " AND ")}` : raw("");
}

/** How a population reads in a sentence: "basket cells (BC)", "root 864691135…", "any cell or fragment". */
export function describePopulation(ctx: CompileContext, p: Population, fallback = "any cell or fragment"): string {
  const parts: string[] = [];
  if (p.rootIds) parts.push(p.rootIds.length === 1 ? `root ${p.rootIds[0]}` : `roots ${p.rootIds.join(", ")}`);
  if (p.nucleusIds) parts.push(p.nucleusIds.length === 1 ? `nucleus ${p.nucleusIds[0]}` : `nuclei ${p.nucleusIds.join(", ")}`);
  const label = (t: string) => `${ctx.vocabulary.cellTypeLabel(t)} (${t})`;
  if (p.cellTypes) parts.push(p.cellTypes.map(label).join(" or "));
  if (p.mtypes) parts.push(p.mtypes.map((t) => `m-type ${t}`).join(" or "));
  if (p.classes) {
    const names = p.classes.map((c) => ({ excitatory: "excitatory neurons", inhibitory: "inhibitory neurons", neuron: "neurons", nonneuron: "non-neuronal cells" })[c]);
    parts.push(p.cellTypes || p.mtypes ? `(${names.join("/")})` : names.join(" or "));
  }
  return parts.length ? parts.join(" ") : fallback;
}

export function requireTables(ctx: CompileContext, tables: { table: string; cave: string; why: string }[]): void {
  for (const t of tables) {
    if (!ctx.catalog.tables.has(t.table)) {
      throw new MissingDataError(`This needs the ${t.cave} table, which is not in this store (${t.why}). Import it with connectome-chat import.`);
    }
  }
}

/** Type names in the order scientists list them (cortical order, from the vocabulary). */
export function typeNamesInOrder(ctx: CompileContext): string[] {
  return [...ctx.vocabulary.file.cellTypes, ...ctx.vocabulary.file.mtypes].map((e) => e.value);
}

/** An ORDER BY key that sorts a type column in cortical order, unknown names last. */
export function typeOrder(ctx: CompileContext, column: string): string {
  const order = typeNamesInOrder(ctx);
  return `CASE ${column} ${order.map((v, i) => `WHEN '${v.replace(/'/g, "''")}' THEN ${i}`).join(" ")} ELSE ${order.length} END, ${column}`;
}
