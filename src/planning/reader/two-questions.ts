import type { PlannerResult, QueryPlan } from "../plan.js";
import { anaphors } from "./anaphora.js";
import type { Item } from "./items.js";

/**
 * "What type is 8646…? and how many NGCs are in L1?": a second question after a question mark or
 * a semicolon, or after "and" when it starts with its own question word and verb.
 */
export function twoQuestions(
  items: Item[],
  readOnce: (q: string, last?: QueryPlan) => PlannerResult,
): [string, string] | { one: string; after?: QueryPlan } | undefined {
  // (A superlative asks too: "Which type has the most cells? How many BCs are there?" had been read as one plan.)
  const asks = (part: Item[]) =>
    part.some((i) =>
      i.tags.some((t) => ["count", "stat", "fraction", "val", "id", "qty", "lookup", "list", "sup"].includes(t.t)),
    );
  const names = (part: Item[]) =>
    new Set(part.flatMap((i) => i.tags.filter((t) => t.t === "val" || t.t === "id").map((t) => JSON.stringify(t))));
  const text = (part: Item[]) =>
    part
      .map((i) => i.text)
      .join(" ")
      .replace(/\s+([?,.!]|'s\b)/g, "$1")
      .replace(/^(and|,|separately|also)\s+/gi, "")
      .replace(/[?]*$/, "?")
      .replace(/[,;]\s*\?$/, "?")
      .trim();
  for (let k = 1; k < items.length - 1; k++) {
    const at = items[k]!;
    const first = items.slice(0, k);
    const second = items.slice(k + 1);
    const stop = /^[?;]$/.test(at.text);
    const andThenQuestion =
      /^and$/i.test(at.text) &&
      /^(how|what|which|where|who|is|are|does|do)$/i.test(
        second.find((i) => !/^(and|,|separately|also|then)$/i.test(i.text))?.text.split(" ")[0] ?? "",
      ) &&
      // ("how many BC and how many MC": one question asked twice over is a list.)
      !(
        second.find((i) => !/^(and|,|separately|also|then)$/i.test(i.text))?.text.toLowerCase() ===
          first[0]?.text.toLowerCase() && second.some((i) => i.tags.some((t) => t.t === "val"))
      );
    if (!(stop || andThenQuestion) || !asks(first) || !asks(second) || formOnly(second) || includedOnly(second))
      continue;
    // A second part that names cells of its own, and both read as questions: two questions. ("Where
    // are the MCs? Scatter of soma positions" elaborates the first; it names nothing new.)
    // ("… how many 5P-ET neurons are there, and how many are proofread?": a count of its own.)
    const countsAgain =
      second.some((i) => i.tags.some((t) => t.t === "count")) &&
      first.some((i) => i.tags.some((t) => t.t === "count")) &&
      second.some((i) => i.tags.some((t) => t.t === "flag" || t.t === "threshold"));
    const own = [...names(second)].some((n) => !names(first).has(n)) || anaphors(second).length > 0 || countsAgain;
    if (!own) continue;
    // ("how many BCs and what is their mean volume": the second may point at the first's cells.)
    const one = readOnce(text(first));
    const two = one.type === "plan" ? readOnce(text(second), one.plan) : undefined;
    if (one.type !== "plan" || two?.type !== "plan") continue;
    // ("How orientation-selective is 8646…? What is its gOSI?": the same question said twice.)
    if (JSON.stringify(one.plan) === JSON.stringify(two.plan) || narrower(two.plan, one.plan)) continue;
    if (anaphors(second).length && shownWith(two.plan, one.plan)) continue;
    // ("Which layer has the most inhibitory neurons? Can you rank the layers by …?": the ranking answers both.)
    if (rankingOf(two.plan, one.plan)) return { one: text(second) };
    // ("Where do the inputs to 8646… come from? Count its input synapses by the area of the presynaptic cell.")
    if (groupedAgain(two.plan, one.plan)) return { one: text(second), after: one.plan };
    return [text(first), text(second)];
  }
  return undefined;
}

/** The second plan is the first's, the same rows counted the same way, grouped as said more precisely. */
function groupedAgain(two: QueryPlan, one: QueryPlan): boolean {
  if (one.kind !== "query" || two.kind !== "query" || !two.groupBy.length || two.compare || one.compare) return false;
  const rows = (q: typeof one) => JSON.stringify([q.source, q.filter, q.pre, q.post, q.measure]);
  return rows(one) === rows(two) && JSON.stringify(one.groupBy) !== JSON.stringify(two.groupBy);
}

/** The second plan is the first's ranking in full: the same groups and order, with no limit where the first had 1. */
function rankingOf(two: QueryPlan, one: QueryPlan): boolean {
  if (one.kind !== "query" || two.kind !== "query" || one.limit !== 1 || two.limit !== undefined) return false;
  if (!one.order || one.order !== two.order) return false;
  const { limit: _a, ...a } = one;
  const { limit: _b, ...b } = two;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * "Which five coregistered 23P cells have the highest gOSI? List them with their gOSI.": the second lists the first's
 * cells with the quantity the first already gives; it says how to show the answer, and asks nothing more.
 */
function shownWith(two: QueryPlan, one: QueryPlan): boolean {
  if (one.kind !== "query" || two.kind !== "query" || two.measure.fn !== "list") return false;
  const of = "of" in one.measure ? one.measure.of : undefined;
  return Boolean(of) && (two.measure.with ?? []).every((x) => x === of);
}

/** "… ? Please list their root ids.": a second part that only says how to give the answer of the first. */
function formOnly(part: Item[]): boolean {
  const content = part.filter((i) => !i.fn);
  return (
    content.some((i) => i.tags.some((t) => t.t === "anaphor")) &&
    content.every((i) => i.tags.some((t) => t.t === "list" || t.t === "anaphor" || (t.t === "noun" && t.n === "root")))
  );
}

/**
 * "How big is the nucleus of 8646…? I'd like its volume in µm³.": a look-up of the same id asking for
 * some of what the first asked is the first said again, more precisely.
 */
function narrower(two: QueryPlan, one: QueryPlan): boolean {
  if (one.kind !== "lookup" || two.kind !== "lookup") return false;
  if (one.rootId !== two.rootId || one.nucleusId !== two.nucleusId) return false;
  return two.fields.length > 0 && two.fields.every((f) => one.fields.includes(f));
}

/** "… below the pia? glia too": a second part that only says a kind of cells is included in the first's. */
function includedOnly(part: Item[]): boolean {
  const mark = (i: Item) => /^(too|included|inclusive|including|incl\.?|as well)$/i.test(i.text);
  const kind = (i: Item) => i.tags.some((t) => t.t === "val" && ["class", "cell_type"].includes(String(t.dim)));
  const content = part.filter((i) => !i.fn && !mark(i) && !/^[?,.!]$/.test(i.text));
  return part.some(mark) && content.length > 0 && content.every(kind);
}
