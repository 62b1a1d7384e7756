import { twoResults } from "../plan-check.js";
import type { QueryPlan } from "../plan.js";
import type { Clause } from "./clause.js";
import { as, is, lower, silent, text, use, type Atom } from "./atoms.js";
import { Unreadable } from "./filters.js";

/**
 * "how many more 23P than 4P cells", "the difference in mean synapse size between BC and MC
 * outputs", "how many times more 23P than 4P": the plan gives the two results and their difference
 * (or ratio). One asked of anything but two results is asked back, not answered as the two numbers.
 */
export function contrastAsSaid(c: Clause, plan: QueryPlan): void {
  // (Searched in the words' own tags: "5P-ET minus 5P-IT" is one list of two by now.)
  const tag = c.atoms.flatMap((a) => a.items.flatMap((i) => i.tags)).find((t) => t.contrast !== undefined);
  if (!tag) return;
  // ("5P-ET minus 23P": the difference in the order said, whichever is larger.)
  const contrast = tag.contrast === "ratio" ? "ratio" : tag.contrast === "minus" ? "minus" : "difference";
  if (plan.kind === "query" && twoResults(plan)) {
    plan.contrast = contrast;
    return;
  }
  throw new Unreadable(
    `The ${contrast === "minus" ? "difference" : contrast} of which two? ` +
      'For example "how many more 23P than 4P cells".',
  );
}

/**
 * "Where are functionally matched cells scarcest, by area?" had drawn their soma positions: a
 * superlative read (its words used) whose plan orders nothing and takes no extreme is asked back.
 */
export function superlativeKept(c: Clause, plan: QueryPlan): void {
  if (plan.kind !== "query") return;
  // ("which cell type has the largest nuclei bottom 5?": two directions said, one order kept.)
  // ("Which inhibitory neuron has the most output synapses, smallest first?": an order with its own direction too.)
  const directed = (t: { t: string; dir?: unknown } | undefined) =>
    t?.t === "sup" || (t?.t === "order" && t.dir !== undefined);
  const supers = c.atoms.flatMap((a) => a.items).filter((i) => i.used && directed(i.tags[0]));
  const other = supers.find((i) => i.tags[0]!.dir !== supers[0]!.tags[0]!.dir);
  if (plan.order && other)
    throw new Unreadable(`I read both "${supers[0]!.text}" and "${other.text}": which one do you mean?`);
  if (plan.order || plan.rank || ["max", "min"].includes(plan.measure.fn)) return;
  const said = c.atoms.flatMap((a) => a.items).find((i) => i.used && i.tags.some((t) => t.t === "sup"));
  if (said) throw new Unreadable(`I read "${said.text}" but could not keep it in my reading; please rephrase.`);
}

/** A comparative of how many ("more", "fewer", "less"), not of a quantity ("bigger", "deeper"). */
export const COUNTING = /^(more|fewer|less)$/;
/** Words before a comparative that ask for a contrast of two results, not what is measured ("how much bigger"). */
export const ASKS_CONTRAST = /^(how (many|much)( times)?|#)$/;

/**
 * "how many more 23P than 4P", "how much bigger": the two results' difference is asked, not only
 * each; "how many times more": their ratio.
 */
export function askedDifference(atoms: Atom[], comparative: number): Atom[] {
  const before = atoms[comparative - 1];
  if (comparative < 1 || !is(before, "count")) return atoms;
  const contrast = /^(how (many|much)|#)$/.test(lower(before))
    ? "difference"
    : /^how many times$/.test(lower(before))
      ? "ratio"
      : undefined;
  if (!contrast) return atoms;
  // ("how much bigger are 5P-ET nuclei than 23P nuclei", "how much deeper are BCs than MCs": the difference of what
  // the word implies, their mean volume or depth; "how much" only asks for it. It had been the two counts'.)
  const word = String(as(atoms[comparative], "vs")?.more ?? lower(atoms[comparative]));
  let out = atoms;
  if (!COUNTING.test(word)) {
    const measured = atoms.some((a) => (is(a, "qty") && !is(a, "qty", "q", "big")) || is(a, "per_connection"));
    if (!measured)
      throw new Unreadable(`"${lower(before)} ${word}" by what? For example "how much bigger are BC nuclei".`);
    use(before);
    out = atoms.map((a) => (a === before ? { tag: { t: "fn" }, alt: [], items: a.items } : a));
  }
  return [...out, silent({ t: "fn", contrast }, out[out.length - 1]!)];
}
