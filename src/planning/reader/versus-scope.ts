import type { Filter, QueryPlan, Side } from "../plan.js";
import { is } from "./atoms.js";
import type { Clause } from "./clause.js";
import { Unreadable } from "./filters.js";

/**
 * "avg syn size BC→23P vs MC": the type after "vs" is of the other side's kind (an interneuron, as BC is), not of
 * the kind it was set beside (23P), so it may replace either side: BC→23P vs BC→MC, or BC→23P vs MC→23P. It had been
 * read as the first, silently. Asked back with both readings. ("BC→23P vs 4P": 4P is of 23P's kind, the targets
 * compared.)
 */
export function versusScope(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query" || (plan.source !== "synapses" && plan.source !== "connections")) return;
  const after = c.pops.find((p) => !p.role && is(c.atoms[p.i - 1], "vs"));
  const named = after?.pop.filters.find((f) => f.dim === "cell_type")?.values;
  if (!after || named?.length !== 1) return;
  const b = named[0]!;
  const types = (fs: Filter[]) => fs.find((f) => f.dim === "cell_type" && !f.not)?.values ?? [];
  for (const side of ["pre", "post"] as Side[]) {
    const listed = types(plan[side]);
    const other = types(plan[side === "pre" ? "post" : "pre"]);
    if (listed.length !== 2 || listed[1] !== b || other.length !== 1) continue;
    const [a, t] = [listed[0]!, other[0]!];
    if (c.classOf(b) !== c.classOf(t) || c.classOf(a) === c.classOf(b)) return;
    const readings =
      side === "post"
        ? [`${t}→${a} vs ${t}→${b}`, `${t}→${a} vs ${b}→${a}`]
        : [`${a}→${t} vs ${b}→${t}`, `${a}→${t} vs ${a}→${b}`];
    throw new Unreadable(`Which comparison: ${readings[0]}, or ${readings[1]}?`, readings);
  }
}

/**
 * "MC vs BC as the postsynaptic cells: median size of the synapses they receive?": a "vs" said, and a plan
 * with one number for both sets pooled (no comparison, grouping or contrast). It had been answered so.
 */
export function versusKept(c: Clause, plan: QueryPlan): void {
  // (The "vs" may be inside a population's own words: "MC vs BC as the postsynaptic cells".)
  const said = c.atoms.some((a) => is(a, "vs") || a.items.some((i) => /^(vs\.?|versus)$/i.test(i.text)));
  if (plan.kind !== "query" || !said) return;
  const m = plan.measure;
  const split = plan.compare?.length || plan.groupBy.length || plan.contrast || plan.chart;
  const twoOfOne = m.fn === "ratio" || m.fn === "fraction" || (m.fn === "list" && (m.with?.length ?? 0) >= 2);
  if (split) return;
  if (twoOfOne) return ratioOfEach(plan);
  throw new Unreadable('One number for both sets together, or one each? Say "… per cell type" or "A and B together".');
}

/**
 * "E/I neuron ratio, L2/3 vs L5": the "vs" is between the sets the ratio (or share) is taken of, not between its
 * terms, when a set named with two values is left: one row each. It had been one ratio of both layers pooled.
 */
function ratioOfEach(plan: Extract<QueryPlan, { kind: "query" }>): void {
  const two = (f: Filter) => !f.not && (f.values?.length ?? 0) >= 2;
  const sets = [
    ...plan.filter.filter(two).map((f) => ({ dim: f.dim })),
    ...(["pre", "post"] as Side[]).flatMap((side) => plan[side].filter(two).map((f) => ({ dim: f.dim, side }))),
  ];
  if (sets.length > 1) throw new Unreadable('One number for all the sets together, or one each? Say "… per layer".');
  if (sets.length === 1) plan.groupBy.push(sets[0]!);
}

/**
 * "how many 23P cells receive more synapses from BCs than from MCs", "which 23P cells get more input from BC than
 * from MC": the two flows compared cell by cell, which a plan cannot say; it had counted the 23P cells with any BC
 * or MC synapse, per type, or listed every cell's two counts. Asked back, offering each cell's two counts. (Not
 * "do 23P cells receive more synapses from BCs than from MCs": the two flows, pooled, set side by side.)
 */
export function comparedCellByCell(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query" || (plan.source !== "synapses" && plan.source !== "connections")) return;
  // ("more … than …": the comparative may be read as a count, and the sets joined by "than" as one list.)
  if (!c.atoms.some((a) => a.items.some((i) => /^than$/i.test(i.text)))) return;
  const compared = (["pre", "post"] as Side[]).filter((side) =>
    plan[side].some((f) => f.dim === "cell_type" && !f.not && (f.values?.length ?? 0) >= 2),
  );
  if (compared.length !== 1) return;
  const other: Side = compared[0] === "pre" ? "post" : "pre";
  const cells = c.pops.find((p) => p.role === other);
  if (!cells) return;
  const counted = plan.measure.fn === "distinct" && plan.measure.side === other;
  const listed = plan.groupBy.some((g) => g.side === other && g.dim === "root_id");
  // ("which 5P-NP cells …? List them." is "list 5P-NP cells …" by now.)
  const said = (a: Clause["atoms"][number] | undefined) => is(a, "count") || is(a, "list");
  const asked = cells.pop.wh !== undefined || said(c.atoms[cells.i - 1]) || relative(c, cells.i + 1);
  if (!counted && !listed && !asked) return;
  const [a, b] = plan[compared[0]!].find((f) => f.dim === "cell_type")!.values!;
  const kind = plan[other].find((f) => f.dim === "cell_type" && !f.not)?.values?.[0];
  const each = `each ${kind ? `${kind} ` : ""}cell`;
  const example =
    other === "post"
      ? `synapses from ${a} and from ${b} onto ${each}`
      : `synapses from ${each} onto ${a} and onto ${b}`;
  throw new Unreadable(
    "Which cells have more with one than with the other, cell by cell, I cannot compare yet. I can give each " +
      `cell's two counts side by side: "${example}".`,
    [example],
  );
}

/** "23P cells that receive …", "cells which get …": a relative clause said of the cells. */
const relative = (c: Clause, i: number) => /^(that|which|who|whose)\b/i.test(c.atoms[i]?.items[0]?.text ?? "");

/**
 * "8646… out syn → 23P vs BC vs MC": three sets compared with two "vs", read as two sets ("23P" and "BC or MC"),
 * which answered a comparison nobody asked. A comparison keeps one set per name set beside another; fewer sets
 * than were said is asked back.
 */
export function everySetKept(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query" || !plan.compare?.length) return;
  const said = c.atoms.flatMap((a) => a.items).filter((i) => /^(vs\.?|versus)$/i.test(i.text)).length;
  if (said < 2 || plan.compare.length > said) return;
  throw new Unreadable(
    `I read ${plan.compare.length} sets where ${said + 1} were compared; please name each set on its own, ` +
      'e.g. "synapses from BC onto 23P, 4P and 5P-IT, per target type".',
  );
}

/**
 * "thick-tufted vs L2/3 pyramidal: mean nucleus volume of the thick-tufted cells relative to the L2/3 ones": sets
 * compared that share cells (one set "5P-ET or 23P", the other "5P-ET") were not read apart, and the figures set
 * side by side meant nothing. Asked back.
 */
export function setsApart(plan: QueryPlan): void {
  if (plan.kind !== "query" || (plan.compare?.length ?? 0) < 2) return;
  const valuesOf = (set: NonNullable<typeof plan.compare>[number], dim: string) =>
    [...(set.filter ?? []), ...(set.pre ?? []), ...(set.post ?? [])].find((f) => f.dim === dim && !f.not)?.values;
  const sets = plan.compare!;
  for (const [i, a] of sets.entries())
    for (const b of sets.slice(i + 1))
      for (const dim of ["cell_type", "class", "area", "layer", "mtype", "root_id"]) {
        const [x, y] = [valuesOf(a, dim), valuesOf(b, dim)];
        if (!x || !y || x.join() === y.join() || !x.some((v) => y.includes(v))) continue;
        throw new Unreadable(
          `I read the sets compared as "${a.label}" and "${b.label}", which share cells; which sets do you mean?`,
        );
      }
}
