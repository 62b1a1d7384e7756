import { z } from "zod";

/**
 * The query plan: the semantic layer between a question's words and SQL. Both planners (the
 * offline one and an LLM through LangChain) produce these; plans are validated with this schema,
 * compiled to parameterized SQL over the store (src/querying/compile.ts), and never carry SQL text
 * of the user's (except the `sql` plan, which only a model may propose and which runs behind a gate).
 */

/** A 64-bit id as a string of digits: root ids exceed JavaScript's safe integers. */
export const IdString = z.string().regex(/^\d{1,20}$/, "an id is a string of digits");

export const CellClass = z.enum(["excitatory", "inhibitory", "neuron", "nonneuron"]);
export type CellClass = z.infer<typeof CellClass>;

/** A set of cells or roots. Empty (no field set) means "any", including fragments with no cell. */
export const Population = z
  .object({
    rootIds: z.array(IdString).min(1).optional().describe("specific root ids (pt_root_id)"),
    nucleusIds: z.array(IdString).min(1).optional().describe("specific nucleus ids (target_id / nucleus id)"),
    cellTypes: z.array(z.string()).min(1).optional().describe("cell types of aibs_metamodel_celltypes_v661, e.g. BC, 23P"),
    mtypes: z.array(z.string()).min(1).optional().describe("m-types of aibs_metamodel_mtypes_v661_v2, e.g. L5ET, DTC"),
    classes: z.array(CellClass).min(1).optional().describe("cell classes"),
  })
  .strict();
export type Population = z.infer<typeof Population>;

export const ChartKind = z.enum(["histogram", "bar", "heatmap", "scatter", "box"]);

export const SynapseGroup = z.enum([
  "pre_cell_type", "post_cell_type", "pre_class", "post_class", "pre_mtype", "post_mtype", "pre_root", "post_root",
]);
export type SynapseGroup = z.infer<typeof SynapseGroup>;

/** Synapse size bounds in voxels; inclusive unless said otherwise ("larger than 5000" excludes 5000). */
export const SizeFilter = z
  .object({
    min: z.number().optional(),
    max: z.number().optional(),
    minExclusive: z.boolean().optional(),
    maxExclusive: z.boolean().optional(),
  })
  .strict();

const common = {
  chart: ChartKind.optional().describe("draw the result as this chart"),
  limit: z.number().int().positive().max(100_000).optional().describe("top-k: keep this many rows"),
};

/** Synapses between two populations: counts, sizes, partners, fractions; grouped and ranked. */
export const SynapsePlan = z
  .object({
    kind: z.literal("synapses"),
    pre: Population.default({}),
    post: Population.default({}),
    size: SizeFilter.optional(),
    measure: z.enum(["count", "sum_size", "mean_size", "median_size", "min_size", "max_size", "count_partners", "fraction", "connection_probability"]),
    /** count_partners: which side's distinct roots are counted (default: the side not named by root ids). */
    partnerSide: z.enum(["pre", "post"]).optional(),
    /** fraction: of the pre population's outputs, or of the post population's inputs. */
    fractionOf: z.enum(["outputs", "inputs"]).optional(),
    groupBy: z.array(SynapseGroup).max(2).default([]),
    order: z.enum(["desc", "asc", "natural"]).default("natural"),
    ...common,
  })
  .strict();

/** Cells (rows of the cell-type table) or nuclei: counts and nucleus-volume / depth statistics. */
export const CellPlan = z
  .object({
    kind: z.literal("cells"),
    subject: z.enum(["cells", "nuclei"]).default("cells"),
    population: Population.default({}),
    measure: z.enum(["count", "mean_volume", "median_volume", "sum_volume", "min_volume", "max_volume", "mean_depth", "list", "fraction"]),
    within: Population.optional().describe("measure fraction: the whole; population is the part (\"what fraction of neurons are inhibitory\": within neurons, population inhibitory)"),
    groupBy: z.array(z.enum(["cell_type", "class", "mtype"])).max(1).default([]),
    order: z.enum(["desc", "asc", "natural"]).default("natural"),
    ...common,
  })
  .strict();

/** Everything known about one root id or nucleus id. */
export const LookupPlan = z
  .object({
    kind: z.literal("lookup"),
    rootId: IdString.optional(),
    nucleusId: IdString.optional(),
    /** What the question asked for, shown first. */
    fields: z
      .array(z.enum(["cell_type", "class", "mtype", "nucleus_id", "root_id", "position", "depth", "volume", "proofreading", "coregistration", "synapses"]))
      .default([]),
  })
  .strict()
  .refine((p) => (p.rootId === undefined) !== (p.nucleusId === undefined), "a lookup names exactly one root id or nucleus id");

/** Whether two roots connect, in both directions. */
export const PairPlan = z.object({ kind: z.literal("pair"), a: IdString, b: IdString }).strict();

/** Proofreading status and strategy (proofreading_status_and_strategy). */
export const ProofreadingPlan = z
  .object({
    kind: z.literal("proofreading"),
    population: Population.default({}),
    axon: z.enum(["any", "proofread", "not_proofread", "axon_fully_extended", "axon_partially_extended", "axon_interareal"]).default("any"),
    dendrite: z.enum(["any", "proofread", "not_proofread", "dendrite_clean", "dendrite_extended"]).default("any"),
    groupBy: z.array(z.enum(["strategy_axon", "strategy_dendrite", "status_axon", "status_dendrite", "cell_type"])).max(1).default([]),
    measure: z.enum(["count", "list"]).default("count"),
    ...common,
  })
  .strict();

/** Coregistration with two-photon functional imaging (coregistration_manual_v4). */
export const CoregistrationPlan = z
  .object({
    kind: z.literal("coregistration"),
    population: Population.default({}),
    groupBy: z.array(z.enum(["cell_type", "session", "scan"])).max(1).default([]),
    measure: z.enum(["count", "list"]).default("count"),
    ...common,
  })
  .strict();

/** The distribution of one quantity, as a histogram (or a box per group). */
export const DistributionPlan = z
  .object({
    kind: z.literal("distribution"),
    variable: z.enum(["synapse_size", "nucleus_volume", "soma_depth", "out_degree", "in_degree"]),
    population: Population.default({}),
    /** For synapse_size: which side the population is on. */
    side: z.enum(["pre", "post"]).default("pre"),
    partners: Population.optional().describe("synapse_size only: the other side (\"sizes of synapses from 23P onto BC\": population 23P, side pre, partners BC)"),
    groupBy: z.enum(["cell_type", "none"]).default("none"),
    groupSide: z.enum(["pre", "post"]).optional().describe("synapse_size by cell type: whose type groups the synapses (default: side)"),
    bins: z.number().int().min(5).max(200).default(40),
    chart: z.enum(["histogram", "box"]).default("histogram"),
    statistics: z.boolean().default(false).describe("answer with summary statistics (median, quartiles) rather than bins"),
  })
  .strict();

/** Soma positions (x against depth), coloured by cell type or m-type. */
export const PositionsPlan = z
  .object({
    kind: z.literal("positions"),
    population: Population.default({}),
    colorBy: z.enum(["cell_type", "mtype"]).optional().describe("colour the somata by cell type or by m-type (default: m-type for a population named by m-types alone, else cell type)"),
    chart: z.literal("scatter").default("scatter"),
    limit: z.number().int().positive().optional(),
  })
  .strict();

/** A model-proposed read-only SELECT for what the plan language cannot express; runs only behind the SQL gate. */
export const SqlPlan = z.object({ kind: z.literal("sql"), sql: z.string().min(1), explanation: z.string().default("") }).strict();

export const QueryPlan = z.union([SynapsePlan, CellPlan, LookupPlan, PairPlan, ProofreadingPlan, CoregistrationPlan, DistributionPlan, PositionsPlan, SqlPlan]);
export type QueryPlan = z.infer<typeof QueryPlan>;
export type SynapsePlan = z.infer<typeof SynapsePlan>;
export type CellPlan = z.infer<typeof CellPlan>;
export type LookupPlan = z.infer<typeof LookupPlan>;
export type PairPlan = z.infer<typeof PairPlan>;
export type ProofreadingPlan = z.infer<typeof ProofreadingPlan>;
export type CoregistrationPlan = z.infer<typeof CoregistrationPlan>;
export type DistributionPlan = z.infer<typeof DistributionPlan>;
export type PositionsPlan = z.infer<typeof PositionsPlan>;
export type SqlPlan = z.infer<typeof SqlPlan>;

/** What a planner returns: a plan, a question back, or a refusal. */
export type PlannerResult =
  | { type: "plan"; plan: QueryPlan; confidence: number }
  | { type: "clarify"; message: string; suggestions: string[] }
  | { type: "refuse"; reason: string };
