import type { QueryPlan } from "../plan.js";
import { anaphors, resolvedWithin } from "./anaphora.js";
import { PARTNER_HEADS } from "./shape.js";
import type { Item } from "./items.js";

/** The one root a plan is about, if it names exactly one ("what type is 8646…", "inputs of 8646…"). */
export function oneRoot(plan: QueryPlan): string | undefined {
  if (plan.kind === "lookup") return plan.rootId;
  if (plan.kind !== "query") return undefined;
  const ids = [...plan.filter, ...plan.pre, ...plan.post]
    .filter((f) => f.dim === "root_id")
    .flatMap((f) => f.values ?? []);
  return ids.length === 1 ? String(ids[0]) : undefined;
}

/**
 * The question with a pointing word replaced by the one root it points at: "8646… how many partners
 * with 3+ synapses from it" (after a preposition, the one root named), or "how many synapses does
 * it make?" after a question about one root. Undefined when there is nothing to replace.
 */
export function withPointedId(question: string, items: Item[], lastPlan?: QueryPlan): string | undefined {
  const pointing = anaphors(items);
  if (!pointing.length) return undefined;
  const ids = [
    ...new Set(items.flatMap((i) => i.tags.filter((t) => t.t === "id" && t.kind === "root").map((t) => String(t.id)))),
  ];
  const afterPreposition = pointing.filter(
    (a) => /^it$/i.test(a.text) && /^(from|to|onto|into|by|on|with|of)$/i.test(items[a.i - 1]?.text ?? ""),
  );
  // ("by # syn onto it, who are the 5 strongest inputs of 8646…": the one root may be named after "it" too.)
  if (ids.length === 1 && afterPreposition.length) {
    return question.replace(/\b(from|to|onto|into|by|on|with|of) it\b/gi, `$1 ${ids[0]}`);
  }
  // ("8646… — count its downstream partners": "its" before partners is the one root's, as "8646…'s".)
  const possessive = pointing.filter((a) => {
    const next = items.slice(a.i + 1).find((x) => !x.fn);
    const owned = next?.tags.some((t) => t.t === "noun" && PARTNER_HEADS.has(String(t.n)));
    return /^its$/i.test(a.text) && owned && items.some((i) => i.i < a.i && i.tags.some((t) => t.t === "id"));
  });
  if (ids.length === 1 && possessive.length === pointing.length) return question.replace(/\bits\b/gi, `${ids[0]}'s`);
  // ("who are its 3 strongest inputs, 8646…": the one root named last, after a comma, is the one "its" points at.)
  const last = /^(.*?)\bits\b(.*?),\s*(\d{15,20})\s*([?.!]*)\s*$/i.exec(question);
  if (ids.length === 1 && last && pointing.length === 1 && last[3] === ids[0])
    return `${last[1]}the${last[2]} of ${ids[0]}${last[4]}`;
  const id = lastPlan && oneRoot(lastPlan);
  if (!id || resolvedWithin(items)) return undefined;
  return question
    .replace(/\b(its|their)\b/gi, `${id}'s`)
    .replace(/\b(it|them|they)\b/gi, id)
    .replace(/\b(this|that) (cell|neuron)\b/gi, id);
}
