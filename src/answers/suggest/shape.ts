import { namesOneRoot, type CellDim, type Filter, type QueryPlan } from "../../planning/plan.js";

/**
 * The shape of an answered plan, as data/suggestions.json keys its next questions, and the names that
 * fill its templates. Only shapes whose names can be said plainly are recognised: one cell type (or
 * m-type, or class) as people write it, one root id in full. Anything else gets no suggestions, which
 * is better than a suggestion that names the wrong cells.
 */
export interface PlanShape {
  shape: string;
  slots: Record<string, string>;
}

/** Dimensions whose single value is a name a person would type ("BC", "L2a", "inhibitory"). */
const TYPE_DIMS: readonly CellDim[] = ["cell_type", "mtype", "class"];
/** Classes that read as "<name> cells"; "neuron cells" and "nonneuron cells" do not. */
const CLASS_NAMES = new Set(["excitatory", "inhibitory"]);

/** The one type named by exactly these filters, or undefined. */
function oneType(filters: Filter[]): string | undefined {
  if (filters.length !== 1) return undefined;
  const [f] = filters as [Filter];
  if (!TYPE_DIMS.includes(f.dim as CellDim) || f.not || f.values?.length !== 1) return undefined;
  const value = f.values[0]!;
  return f.dim === "class" && !CLASS_NAMES.has(value) ? undefined : value;
}

/** The one root id named by exactly these filters, or undefined. */
function oneRoot(filters: Filter[]): string | undefined {
  const [f] = filters;
  return filters.length === 1 && f && namesOneRoot(f) ? f.values[0] : undefined;
}

const grouped = (plan: { groupBy: { dim: string; side?: string }[] }, dim: string, side?: string) =>
  plan.groupBy.length === 1 && plan.groupBy[0]!.dim === dim && plan.groupBy[0]!.side === side;

export function shapeOf(plan: QueryPlan): PlanShape | undefined {
  if (plan.kind === "lookup") return plan.rootId ? { shape: "root-lookup", slots: { root: plan.rootId } } : undefined;
  if (plan.kind !== "query" || plan.compare) return undefined;
  const q = plan;
  if (q.source === "cells") {
    const type = oneType(q.filter);
    const count = q.measure.fn === "count";
    if (q.filter.length === 0 && count && grouped(q, "cell_type")) return { shape: "cells-by-type", slots: {} };
    if (!type) return undefined;
    if (q.measure.fn === "count" && !q.groupBy.length) return { shape: "type-count", slots: { type } };
    if (q.measure.fn === "list") return { shape: "type-cells", slots: { type } };
    if (q.measure.fn === "count" && q.groupBy.length === 1) return { shape: "type-grouped", slots: { type } };
    return undefined;
  }
  if (q.source !== "synapses" && q.source !== "connections") return undefined;
  const rows = q.filter.length === 0;
  const preRoot = oneRoot(q.pre);
  const postRoot = oneRoot(q.post);
  if (rows && preRoot && !q.post.length) {
    if (grouped(q, "root_id", "post")) return { shape: "root-outputs", slots: { root: preRoot } };
    if (grouped(q, "cell_type", "post")) return { shape: "root-outputs-by-type", slots: { root: preRoot } };
  }
  if (rows && postRoot && !q.pre.length) {
    if (grouped(q, "root_id", "pre")) return { shape: "root-inputs", slots: { root: postRoot } };
    if (grouped(q, "cell_type", "pre")) return { shape: "root-inputs-by-type", slots: { root: postRoot } };
  }
  if (q.source !== "synapses" || !rows) return undefined;
  const pre = oneType(q.pre);
  const post = oneType(q.post);
  const count = q.measure.fn === "count";
  if (count && pre && post && !q.groupBy.length) return { shape: "type-to-type", slots: { pre, post } };
  if (count && pre && !q.post.length) {
    if (!q.groupBy.length) return { shape: "type-outputs", slots: { type: pre } };
    if (grouped(q, "cell_type", "post")) return { shape: "type-targets", slots: { type: pre } };
  }
  if (count && post && !q.pre.length) {
    if (!q.groupBy.length) return { shape: "type-inputs", slots: { type: post } };
    if (grouped(q, "cell_type", "pre")) return { shape: "type-sources", slots: { type: post } };
  }
  const sizeStat = "of" in q.measure && q.measure.of === "size" && q.measure.fn !== "histogram";
  if (sizeStat && !q.pre.length && !q.post.length && !q.groupBy.length) return { shape: "synapse-size", slots: {} };
  return undefined;
}
