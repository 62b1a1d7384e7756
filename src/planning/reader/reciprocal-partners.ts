import type { Filter, Query } from "../plan.js";
import { is, text, use } from "./atoms.js";
import type { Clause } from "./clause.js";
import { isPlace } from "./dims.js";
import { popFilters, Unreadable } from "./filters.js";
import { oneRootPop } from "./flow-partners.js";

type Atom = Clause["atoms"][number];

/** Words the question may hold besides the cells, the one root and the two directions. */
const PLAIN = ["fn", "glue", "list", "count", "noun", "bothsides", "reciprocated", "bothways"];
const OUT = (a: Atom) => is(a, "verb", "v", "out") || (is(a, "pop") && a.tag.head === "target" && !filtered(a));
const IN = (a: Atom) => is(a, "verb", "v", "in") || (is(a, "pop") && a.tag.head === "source" && !filtered(a));
const filtered = (a: Atom) => ((a.tag.filters as Filter[] | undefined) ?? []).length > 0;

/**
 * Two directions joined by "and", with only the words of a flow between ("sends synapses to and gets
 * synapses from", "target and receive input from"); not a verb in a clause of its own ("synapses
 * received by 8646…, grouped by the type of the cell that makes them").
 */
function joinedDirections(c: Clause): boolean {
  const at = c.atoms.findIndex((a) => OUT(a) || IN(a));
  if (at < 0) return false;
  const second = OUT(c.atoms[at]!) ? IN : OUT;
  for (let j = at + 1; j < c.atoms.length && j <= at + 4; j++) {
    const a = c.atoms[j]!;
    if (second(a)) return c.atoms.slice(at + 1, j).some((x) => /^and$/i.test(text(x)));
    const between = is(a, "noun", "n", "synapse") || is(a, "rel") || is(a, "bothsides");
    if (!between) return false;
  }
  return false;
}

/**
 * "list the partners that 8646… both sends synapses to and gets synapses from", "which cells does
 * 8646… both target and receive input from", "reciprocal partners of 8646…": the cells with a synapse
 * onto the root and one from it (the one root's outputs and inputs had been read as one side, or as
 * synapses from the root onto itself). Listed, or counted when a count is asked.
 */
export function reciprocalPartners(c: Clause): Query | undefined {
  const root = c.pops.filter(oneRootPop);
  if (root.length !== 1) return undefined;
  const twoWays = joinedDirections(c);
  const reciprocal = c.find("reciprocated");
  if (!twoWays && !reciprocal) return undefined;
  // ("… in V1": a place said alone is of the cells asked for.)
  const place = (p: Clause["pops"][number]) => !p.pop.head && p.pop.filters.every(isPlace);
  const pops = c.pops.filter((p) => p !== root[0] && !OUT(p.atom) && !IN(p.atom));
  const asked = pops.filter((p) => !place(p));
  const relation = (a: Atom) =>
    ["to", "from", "and", "with", "of", "onto", "in", "upstream", "downstream"].some((r) => is(a, "rel", "r", r));
  const verb = (a: Atom) => ["be", "have", "connect"].some((v) => is(a, "verb", "v", v));
  const others = c.atoms.filter(
    (a) => !is(a, "pop") && !PLAIN.includes(a.tag.t) && !relation(a) && !verb(a) && !OUT(a) && !IN(a) && !is(a, "wh"),
  );
  if (asked.length > 1 || others.length || asked.some((p) => p.pop.topk || p.pop.sup || p.pop.thresholds.length)) {
    // (Two directions said of one root and read as one would drop a direction: asked back.)
    if (twoWays) throw new Unreadable("The cells that one root both targets and gets input from: which of them?");
    return undefined;
  }
  for (const p of c.pops) c.usePop(p);
  use(...c.atoms.filter((a) => a.tag.t !== "pop"));
  const id = root[0]!.pop.filters;
  const own = pops.flatMap((p) => popFilters(p.pop, c.classOf)).filter((f) => f.dim !== "root_id");
  return {
    kind: "query",
    source: "roots",
    filter: [...own, { dim: "in_synapses", min: 1, partners: id }, { dim: "out_synapses", min: 1, partners: id }],
    pre: [],
    post: [],
    measure: { fn: c.has("count") ? "count" : "list" },
    groupBy: [],
  };
}
