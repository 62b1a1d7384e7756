import { z } from "zod";

/**
 * The plan language: one small algebra over the MICrONS tables, in the manner of a semantic layer
 * (Malloy, dbt MetricFlow). A question is a source of rows, filters on them, a measure, and a shape
 * (grouping, comparison of named sets, order, top-k, chart). The offline reader and an LLM planner
 * both write plans in it; the compiler (src/querying/compile) turns a plan into parameterized SQL,
 * choosing the cheapest exact table; "Read as" is generated from the plan (src/planning/describe.ts).
 *
 * Units: depth in µm below pia, nucleus volume in µm³, synapse size in the table's voxels,
 * orientations and directions in degrees (0 is a horizontal bar moving upward, increasing clockwise).
 */

/** A 64-bit id as a string of digits: root ids exceed JavaScript's safe integers. */
export const IdString = z.string().regex(/^\d{1,20}$/, "an id is a string of digits");

export const CellClass = z.enum(["excitatory", "inhibitory", "neuron", "nonneuron"]);
export type CellClass = z.infer<typeof CellClass>;

/**
 * What a cell (a nucleus with its root) can be filtered or grouped by. Root-level dimensions
 * (proofreading, synapse counts, whether it has a nucleus) belong to its root id.
 */
export const CellDim = z.enum([
  "root_id",
  "nucleus_id",
  "cell_type",
  "mtype",
  "class",
  "area",
  "layer",
  "depth",
  "volume",
  "proofread",
  "axon_proofread",
  "dendrite_proofread",
  "axon_strategy",
  "dendrite_strategy",
  "coregistered",
  "tuned",
  "pref_ori",
  "pref_dir",
  "osi",
  "dsi",
  "cc",
  "scans",
  "has_nucleus",
  "typed",
  "out_synapses",
  "in_synapses",
  "out_partners",
  "in_partners",
]);
export type CellDim = z.infer<typeof CellDim>;

/**
 * Dimensions of one synapse (size) or one connection (synapses and summed size of a connected pair; whether
 * the pair is also connected the other way, reciprocal).
 */
export const RowDim = z.enum(["size", "synapses", "total_size", "ori_difference", "reciprocal"]);
export type RowDim = z.infer<typeof RowDim>;

/**
 * Reciprocal connections counted between one population and itself ("reciprocally connected 23P pairs"):
 * each pair is two connections, one each way, and is counted once.
 */
export function countsReciprocalPairsOnce(q: Pick<Query, "source" | "filter" | "pre" | "post" | "measure">): boolean {
  return (
    q.source === "connections" &&
    q.measure.fn === "count" &&
    q.filter.some((f) => f.dim === "reciprocal" && f.is !== false && !f.not) &&
    JSON.stringify(q.pre) === JSON.stringify(q.post)
  );
}

export const Dim = z.union([CellDim, RowDim]);
export type Dim = z.infer<typeof Dim>;

/** The fields of one condition (see Filter). */
const FILTER_FIELDS = {
  dim: Dim,
  values: z.array(z.string().min(1)).min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  minExclusive: z.boolean().optional(),
  maxExclusive: z.boolean().optional(),
  is: z.boolean().optional(),
  near: z.number().optional(),
  within: z.number().positive().optional(),
  not: z.boolean().optional().describe("the opposite of the condition (cells that are not neurons)"),
};

interface Conditions {
  values?: string[];
  min?: number;
  max?: number;
  is?: boolean;
  near?: number;
  within?: number;
}

/** Exactly one kind of condition. */
const oneKind = (f: Conditions) =>
  [f.values !== undefined, f.min !== undefined || f.max !== undefined, f.is !== undefined, f.near !== undefined].filter(
    Boolean,
  ).length === 1;
const ONE_KIND = "a filter has exactly one of values, a range, is, or near";
const nearWithin = (f: Conditions) => (f.near === undefined) === (f.within === undefined);
const NEAR_WITHIN = "near and within go together";

/** A condition on the other side of a per-root count: plain conditions only, no nested counts. */
export const PartnerFilter = z.object(FILTER_FIELDS).strict().refine(oneKind, ONE_KIND).refine(nearWithin, NEAR_WITHIN);
export type PartnerFilter = z.infer<typeof PartnerFilter>;

/** A root's own synapse and partner counts (per-root quantities; see PER_ROOT_COUNTS). */
const COUNT_DIMS = ["in_synapses", "out_synapses", "in_partners", "out_partners"] as const;

/**
 * One condition. Exactly one of: `values` (any of these categories or ids), a range (`min`/`max`),
 * `is` (a yes/no dimension), or `near` with `within` (a circular orientation, degrees).
 */
export const Filter = z
  .object({
    ...FILTER_FIELDS,
    partners: z
      .array(PartnerFilter)
      .min(1)
      .optional()
      .describe("a per-root count: only synapses (or partners) whose other side meets these (BC with ≥50 onto 23P)"),
  })
  .strict()
  .refine(oneKind, ONE_KIND)
  .refine(nearWithin, NEAR_WITHIN)
  .refine(
    (f) => !f.partners || (COUNT_DIMS as readonly string[]).includes(f.dim),
    "partners narrow only a synapse or partner count",
  );
export type Filter = z.infer<typeof Filter>;

/** Whether a filter names exactly one root id (not "not", not a list): "8646…'s inputs". */
export function namesOneRoot(f: Filter): f is Filter & { values: [string] } {
  return f.dim === "root_id" && !f.not && f.values?.length === 1;
}

export const Side = z.enum(["pre", "post"]);
export type Side = z.infer<typeof Side>;

/** A grouping: a dimension of the cells (on one side for synapses and connections), or binned. */
export const Group = z
  .object({
    dim: Dim,
    side: Side.optional().describe("synapses and connections: whose dimension (presynaptic or postsynaptic)"),
    width: z.number().positive().optional().describe("bin width for a numeric dimension (ori_difference: 22.5)"),
  })
  .strict();
export type Group = z.infer<typeof Group>;

/** A named set: extra conditions on the cells, the rows, or either side of a synapse. */
export const Part = z
  .object({
    label: z.string().optional(),
    filter: z.array(Filter).optional(),
    pre: z.array(Filter).optional(),
    post: z.array(Filter).optional(),
  })
  .strict();
export type Part = z.infer<typeof Part>;

/** Whether a part names any condition (a part that names none is every row of its whole). */
export const namesCondition = (p: Part): boolean => [p.pre, p.post, p.filter].some((x) => x?.length);

/** Categories whose distinct values can be counted ("how many cell types does X target"). */
export const KindDim = z.enum(["cell_type", "mtype", "class", "area", "layer", "axon_strategy", "dendrite_strategy"]);
export type KindDim = z.infer<typeof KindDim>;

/**
 * What is measured: a dimension's numeric value on the source's rows. On connections, a cell's
 * tuning (pref_ori, pref_dir, osi, dsi) is the partner's, of the measure's `side`; ori_difference is
 * the circular difference (0–90°) of the two roots' preferred orientations.
 */
export const Quantity = z.enum([
  "size",
  "synapses",
  "total_size",
  "volume",
  "depth",
  "pref_ori",
  "pref_dir",
  "osi",
  "dsi",
  "cc",
  "out_synapses",
  "in_synapses",
  "out_partners",
  "in_partners",
  "ori_difference",
]);
export type Quantity = z.infer<typeof Quantity>;

/** A root's own synapse and partner counts (per-root quantities, narrowed by a plan's `partners`). */
export const PER_ROOT_COUNTS: readonly Quantity[] = COUNT_DIMS;

/**
 * A kind of cell left out ("not 23P", "non-inhibitory"). Said alone of a side it leaves every other root,
 * fragments too (compiled as the complement; read as "any cell or fragment, not …").
 */
export const excludesKind = (f: Filter): boolean =>
  (f.dim === "cell_type" || f.dim === "class") && f.not === true && !!f.values?.length;

/** Connections: the cell (pre or post) whose quantity is measured, one tuning per root (best cc). */
const QtySide = Side.optional().describe(
  "connections: whose tuning is measured (the presynaptic or postsynaptic root)",
);

export const Measure = z.discriminatedUnion("fn", [
  z.object({ fn: z.literal("count") }).strict(),
  z
    .object({ fn: z.literal("distinct"), side: Side.optional().describe("count distinct roots (of this side)") })
    .strict(),
  z.object({ fn: z.enum(["sum", "mean", "median", "min", "max", "stddev"]), of: Quantity, side: QtySide }).strict(),
  z.object({ fn: z.literal("percentile"), of: Quantity, p: z.number().min(0).max(100), side: QtySide }).strict(),
  z
    .object({
      fn: z.literal("fraction"),
      part: Part,
      across: z
        .literal(true)
        .optional()
        .describe(
          "with groupBy: each group's share of all the rows together (where BC outputs go, per target type); " +
            "without it, the share within each group",
        ),
    })
    .strict()
    .describe("share of the source's rows that are also in part"),
  z.object({ fn: z.literal("ratio"), numerator: Part, denominator: Part }).strict(),
  z
    .object({ fn: z.literal("probability") })
    .strict()
    .describe("connections: connected pairs over possible pairs"),
  z
    .object({
      fn: z.literal("list"),
      with: z
        .array(Quantity)
        .min(1)
        .max(4)
        .optional()
        .describe(
          "cells: each cell's values of these (two with chart scatter: the first against the second); " +
            "connections: each connected pair's synapses and these (a tuning of the `side` root, or ori_difference)",
        ),
      side: QtySide,
    })
    .strict()
    .describe("cells, nuclei, roots: the rows themselves; connections: one row per connected pair"),
  z
    .object({
      fn: z.literal("histogram"),
      of: Quantity,
      bins: z.number().int().min(5).max(200).default(40),
      side: QtySide,
    })
    .strict(),
  z.object({ fn: z.literal("quartiles"), of: Quantity, side: QtySide }).strict(),
  z
    .object({ fn: z.literal("kinds"), dim: KindDim, side: Side.optional() })
    .strict()
    .describe("how many distinct values of a category among the rows: how many m-types are inhibitory"),
]);
export type Measure = z.infer<typeof Measure>;

export const Source = z.enum(["cells", "nuclei", "roots", "synapses", "connections"]);
export type Source = z.infer<typeof Source>;

/** The quantities each source measures (`of`): what the compiler accepts and the model's prompt lists. */
export const SOURCE_QUANTITIES: Record<Source, Quantity[]> = {
  cells: [
    "volume",
    "depth",
    "pref_ori",
    "pref_dir",
    "osi",
    "dsi",
    "cc",
    "out_synapses",
    "in_synapses",
    "out_partners",
    "in_partners",
  ],
  nuclei: ["volume", "depth"],
  roots: ["out_synapses", "in_synapses", "out_partners", "in_partners"],
  synapses: ["size"],
  connections: ["synapses", "total_size", "pref_ori", "pref_dir", "osi", "dsi", "ori_difference"],
};

/**
 * Groups kept by their own measure ("which types have a median out-degree above 40"), a SQL HAVING: bounds on
 * the measure's value per group, in its unit (a share as a fraction, 0–1). `count`: the answer is how many groups
 * were kept ("how many types have at least 50 cells in L5"), not the groups.
 */
export const Having = z
  .object({
    min: z.number().optional(),
    max: z.number().optional(),
    minExclusive: z.boolean().optional(),
    maxExclusive: z.boolean().optional(),
    count: z.boolean().optional().describe("answer the number of groups kept"),
  })
  .strict()
  .refine((h) => h.min !== undefined || h.max !== undefined, "a bound on groups has a min or a max");
export type Having = z.infer<typeof Having>;

/** Measures with one number per group, which a bound on groups can hold. */
export const BOUNDABLE: readonly Measure["fn"][] = [
  "count",
  "distinct",
  "sum",
  "mean",
  "median",
  "min",
  "max",
  "stddev",
  "percentile",
  "fraction",
  "ratio",
  "kinds",
];

/** rose: a histogram of orientations (or directions) drawn round, as a rose of wedges. */
export const ChartKind = z.enum(["histogram", "bar", "heatmap", "scatter", "box", "rose"]);
export type ChartKind = z.infer<typeof ChartKind>;

/**
 * A question over one source:
 * - cells: rows of the cell-type table (one per nucleus with a type); nuclei: rows of the nucleus table;
 *   roots: distinct root ids (segments), with their annotations and synapse counts;
 * - synapses: one row per synapse; connections: one row per connected (pre, post) pair of roots.
 */
export const Query = z
  .object({
    kind: z.literal("query"),
    source: Source,
    filter: z.array(Filter).default([]).describe("conditions on the source's rows (cells; a synapse's size)"),
    pre: z.array(Filter).default([]).describe("synapses and connections: conditions on the presynaptic cell"),
    post: z.array(Filter).default([]).describe("synapses and connections: conditions on the postsynaptic cell"),
    measure: Measure,
    groupBy: z.array(Group).max(2).default([]),
    compare: z.array(Part).min(2).max(8).optional().describe("one result per named set (A vs B)"),
    contrast: z
      .enum(["difference", "minus", "ratio", "sum"])
      .optional()
      .describe(
        "two results (two compared sets, or a grouping of two values): the larger minus the smaller, " +
          "the first said minus the second ('A minus B'), " +
          "the first over the second, or both added (synapses between A and B, both directions in total)",
      ),
    partners: z
      .array(Filter)
      .min(1)
      .optional()
      .describe("roots: a per-root synapse or partner count takes only synapses whose other side meets these"),
    having: Having.optional().describe(
      "with groupBy: keep only the groups whose measure is within these bounds (types with more than 100 cells)",
    ),
    order: z.enum(["desc", "asc"]).optional().describe("order groups by the measure"),
    limit: z.number().int().positive().max(100_000).optional(),
    perGroup: z
      .literal(true)
      .optional()
      .describe(
        "with two groupings, order and limit: the top K of the second grouping within each value of the first " +
          "(for each area, the type with the most cells)",
      ),
    rank: z
      .number()
      .int()
      .min(2)
      .max(1000)
      .optional()
      .describe("with order and limit 1: the group at this place in the order (the second-largest: 2)"),
    chart: ChartKind.optional(),
    radians: z
      .boolean()
      .optional()
      .describe("a list of connections: the partners' angles (and orientation differences) in radians, not degrees"),
    test: z
      .object({
        kind: z.literal("permutation"),
        permutations: z.number().int().min(100).max(100_000).default(1000),
      })
      .strict()
      .optional()
      .describe("like-to-like only: shuffle the preferred orientations among the matched neurons this many times"),
  })
  .strict();
export type Query = z.infer<typeof Query>;

export const LookupField = z.enum([
  "cell_type",
  "class",
  "mtype",
  "nucleus_id",
  "root_id",
  "position",
  "depth",
  "layer",
  "volume",
  "proofreading",
  "coregistration",
  "synapses",
  "area",
  "tuning",
]);
export type LookupField = z.infer<typeof LookupField>;

/** Everything known about one root id or nucleus id. */
export const LookupPlan = z
  .object({
    kind: z.literal("lookup"),
    rootId: IdString.optional(),
    nucleusId: IdString.optional(),
    fields: z.array(LookupField).default([]).describe("what was asked for, shown first"),
    radians: z.boolean().optional().describe("give angles in radians"),
    positionUnit: z.enum(["nm", "um"]).optional().describe("give the soma position in nm or µm, not in voxels"),
  })
  .strict()
  .refine((p) => (p.rootId === undefined) !== (p.nucleusId === undefined), "a lookup names one root id or nucleus id");
export type LookupPlan = z.infer<typeof LookupPlan>;

/** A model-proposed read-only SELECT for what the plan language cannot express; runs only behind the SQL gate. */
export const SqlPlan = z
  .object({ kind: z.literal("sql"), sql: z.string().min(1), explanation: z.string().default("") })
  .strict();
export type SqlPlan = z.infer<typeof SqlPlan>;

export const QueryPlan = z.union([Query, LookupPlan, SqlPlan]);
export type QueryPlan = z.infer<typeof QueryPlan>;

/** What a planner returns: a plan, a question back, or a refusal. */
export type PlannerResult =
  | { type: "plan"; plan: QueryPlan; confidence: number; reading?: Reading }
  | { type: "clarify"; message: string; suggestions: string[]; reading?: Reading }
  | { type: "refuse"; reason: string };

/** The fate of the question's words: used by the plan, or not accounted for. */
export interface Reading {
  used: string[];
  unaccounted: string[];
  /** Parts of the question taken as context, not as part of the query (a greeting, a citation). */
  context?: string[];
}
