import type { Filter, Part, Query } from "../plan.js";

/** Kinds whose values, named together, are one row each. */
export const GROUPABLE = new Set(["cell_type", "mtype", "class", "area", "layer"]);

/**
 * Named sets that are values of one kind ("BC vs MC", "excitatory, inhibitory and non-neuronal") are
 * a grouping by that kind, restricted to them: the rows carry the data's own values (excitatory_neuron).
 */
export function compareAsGroups(q: Query): Query {
  const parts = q.compare;
  if (!parts) return q;
  // ("E/I ratio (excitatory vs inhibitory inputs)": the sets compared are the ratio's own terms.)
  const terms = (p: Part) => JSON.stringify([p.filter ?? [], p.pre ?? [], p.post ?? []]);
  const m = q.measure;
  if (
    m.fn === "ratio" &&
    parts.length === 2 &&
    [terms(m.numerator), terms(m.denominator)].every((t) => parts.some((p) => terms(p) === t))
  ) {
    const out: Query = { ...q };
    delete out.compare;
    return out;
  }
  // ("coregistered E and I cells": a condition every set has is the rows' own, said once.)
  const key = (f: Filter) => JSON.stringify(f);
  const shared = (k: "filter" | "pre" | "post") =>
    (parts[0]![k] ?? []).filter((f) => parts.every((p) => (p[k] ?? []).some((g) => key(g) === key(f))));
  // (Not for lists: "list the 23P cells in V1 vs LM" stays two lists, which one table cannot show.)
  const hoist = m.fn !== "list";
  const common = hoist
    ? { filter: shared("filter"), pre: shared("pre"), post: shared("post") }
    : { filter: [], pre: [], post: [] };
  const own = (p: Part, k: "filter" | "pre" | "post") =>
    (p[k] ?? []).filter((f) => !common[k].some((g) => key(g) === key(f)));
  const one = parts.map((p) => {
    const sides = (["filter", "pre", "post"] as const).filter((k) => own(p, k).length > 0);
    if (sides.length !== 1 || own(p, sides[0]!).length !== 1) return undefined;
    const f = own(p, sides[0]!)[0]!;
    return f.values?.length === 1 && !f.not && GROUPABLE.has(f.dim) ? { side: sides[0]!, f } : undefined;
  });
  if (one.some((x) => !x)) return q;
  const { side, f } = one[0]!;
  if (!one.every((x) => x!.side === side && x!.f.dim === f.dim)) return q;
  const values = one.map((x) => x!.f.values![0]!);
  if (f.dim === "class" && values.includes("neuron") && !q.groupBy.some((g) => g.dim === "class")) return q;
  const groupSide = side === "filter" ? undefined : side;
  const covered = q.groupBy.some((g) => g.dim === f.dim && g.side === groupSide);
  if (!covered && q.groupBy.length >= 2) return q;
  q = {
    ...q,
    filter: [...q.filter, ...common.filter],
    pre: [...q.pre, ...common.pre],
    post: [...q.post, ...common.post],
  };
  if (covered) {
    // "neurons vs glia (by class)", "matrix from BC, MC onto 23P": the grouping asked for covers the
    // sets compared, which still restrict it.
    const out: Query = { ...q, [side]: [...q[side], { dim: f.dim, values }] };
    delete out.compare;
    return out;
  }
  // (Presynaptic first: the rows of a table from A onto B.)
  const group = { dim: f.dim, ...(groupSide ? { side: groupSide } : {}) };
  const out: Query = {
    ...q,
    groupBy:
      groupSide === "post" && q.groupBy.some((g) => g.side === "pre") ? [...q.groupBy, group] : [group, ...q.groupBy],
  };
  delete out.compare;
  out[side] = [...q[side], { dim: f.dim, values }];
  return out;
}
