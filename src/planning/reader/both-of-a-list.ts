import type { Filter, Group, QueryPlan, Side } from "../plan.js";
import type { Clause } from "./clause.js";
import { lower, text } from "./atoms.js";
import { Unreadable } from "./filters.js";

type Alt = { label: string; filters: Filter[] };
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * "how many 23P cells receive input from both BCs and MCs", "which BCs synapse onto both 23P and
 * 4P": the named cells with at least one synapse from (or onto) each of the list, one condition per
 * member on the cells' own synapses. A question that asks anything else of them ("… from every
 * inhibitory type", cells not named, a threshold on the synapses) is asked back: one row per member
 * of the list would answer another question.
 */
export function bothOfAList(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query") return;
  const j = c.atoms.findIndex((a, i) => /^both$/i.test(lower(a)) && (alternatives(c, i + 1)?.length ?? 0) > 1);
  // ("… receive input from every inhibitory cell type": from each of them at once, not per type.)
  const every = c.atoms.find((a) => a.tag.t === "pop" && /^(every|all)\b/i.test(lower(a)) && a.tag.head === "type");
  const named = j >= 0 ? text(c.atoms[j + 1]) : every ? text(every) : undefined;
  if (named === undefined) return;
  const alts = j >= 0 ? alternatives(c, j + 1)! : [];
  const listed = alts.length ? listFilter(plan, alts) : undefined;
  const list = listed?.side;
  const cells = list && (list === "pre" ? "post" : "pre");
  // ("… from both BC and MC" has been split per member by now: a grouping by the list's own kind.)
  const perMember = (g: Group) => g.dim === listed?.filter.dim && g.side === list;
  const counted = plan.measure.fn === "distinct" && plan.measure.side === cells && plan.groupBy.every(perMember);
  const rows =
    plan.measure.fn === "count" &&
    plan.groupBy.some((g) => g.dim === "root_id" && g.side === cells) &&
    plan.groupBy.every((g) => (g.dim === "root_id" && g.side === cells) || perMember(g));
  const asked = counted || rows;
  const plain = plan.source === "synapses" && !plan.filter.length && !plan.compare && !plan.limit && !plan.rank;
  if (list && cells && asked && plain && plan[cells].length) {
    const own = plan[list].filter((f) => f !== listed.filter);
    const dim = list === "pre" ? "in_synapses" : "out_synapses";
    const each = alts.map((alt) => ({ dim, min: 1, partners: [...own, ...alt.filters] }));
    Object.assign(plan, { source: "roots", filter: [...plan[cells], ...each], pre: [], post: [], groupBy: [] });
    plan.measure = counted ? { fn: "count" } : { fn: "list" };
    delete plan.order;
    return;
  }
  if (!asked && plan.measure.fn !== "distinct") return;
  throw new Unreadable(
    `The cells connected with each of "${named}" at once are not something I can count; ` +
      "ask about each of them on its own.",
  );
}

const alternatives = (c: Clause, i: number) => c.atoms[i]?.tag.alts as Alt[] | undefined;

/** The condition holding the list ("BC and MC" as one condition on the cell type), and its side. */
function listFilter(plan: Extract<QueryPlan, { kind: "query" }>, alts: Alt[]) {
  const values = alts.flatMap((a) => a.filters.flatMap((f) => f.values ?? []));
  const holds = (f: Filter) => same([...(f.values ?? [])].sort(), [...values].sort());
  const on = (["pre", "post"] as const).flatMap((side) => plan[side].filter(holds).map((filter) => ({ side, filter })));
  return on.length === 1 ? (on[0] as { side: Side; filter: Filter }) : undefined;
}
