import type { Filter, PlannerResult, QueryPlan } from "../plan.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";

/**
 * When the offline planner's reading is final, and when a model is asked.
 *
 * - A refusal (a write, an instruction inside the question, off-topic) is final: the model is
 *   never asked.
 * - A plan is final ("confident") unless one of two signs says the rules missed part of the
 *   question: a number written in the question that the plan does not use (not an id, top-k,
 *   size bound or bin count: "more than 100 output synapses", "in layer 5"), or a plan whose
 *   measure contradicts the question's form ("how many" read as a mean volume, "average"
 *   read as a plain count, "what proportion" read as a count). Such a plan is "in doubt": the
 *   model is asked, and its valid plan wins; if the model fails, the person is asked to rephrase.
 * - A question back about a cell-type name (unknown or ambiguous) stays a question back unless the
 *   model resolves the name to vocabulary values among the candidates the offline planner offered
 *   (the ambiguous name's options, or the unknown name's near spellings). With no candidates, the
 *   model is not asked: it could only guess.
 * - Any other question back ("I couldn't read that") goes to the model.
 */
export type Verdict =
  | { kind: "final" }
  | { kind: "doubt"; reason: string }
  | { kind: "names"; text: string; options: string[]; ambiguous: boolean }
  | { kind: "unread" };

const UNKNOWN_NAME = /^I don't know a cell type called "(.+?)"\./;
const AMBIGUOUS_NAME = /^"(.+?)" could mean /;

export function judgeOffline(question: string, result: PlannerResult, vocabulary: Vocabulary): Verdict {
  if (result.type === "refuse") return { kind: "final" };
  if (result.type === "clarify") {
    const values = new Set([...vocabulary.file.cellTypes, ...vocabulary.file.mtypes].map((e) => e.value));
    const unknown = UNKNOWN_NAME.exec(result.message);
    if (unknown) {
      const options = result.suggestions.map((s) => s.replace(/\s*\(.*$/, "")).filter((v) => values.has(v));
      return options.length ? { kind: "names", text: unknown[1]!, options, ambiguous: false } : { kind: "final" };
    }
    const ambiguous = AMBIGUOUS_NAME.exec(result.message);
    if (ambiguous) return { kind: "names", text: ambiguous[1]!, options: result.suggestions.filter((v) => values.has(v)), ambiguous: true };
    return { kind: "unread" };
  }
  // The offline reader answers only when every word was read: its plans are final.
  return { kind: "final" };
}

/** Why a plan (a model's) may have missed part of its question, or undefined when nothing suggests so. */
export function planDoubt(question: string, plan: QueryPlan): string | undefined {
  const unused = unusedNumbers(question, plan);
  if (unused.length) return `the number${unused.length > 1 ? "s" : ""} ${unused.join(", ")} in the question ${unused.length > 1 ? "are" : "is"} not part of the reading`;
  if (plan.kind !== "query") return undefined;
  const lower = question.toLowerCase();
  const fn = plan.measure.fn;
  const countAsked = /\bhow many\b|\bnumber of\b/.test(lower) && !/\bhow many (voxels?|µm|um|microns?|nm|cubic)\b/.test(lower);
  if (countAsked && !["count", "distinct", "list", "fraction", "histogram"].includes(fn) && !("of" in plan.measure && /synapses|partners/.test(plan.measure.of))) {
    return `the question asks how many, but the reading is a ${fn}`;
  }
  if (/\b(average|mean|median|typical)\b/.test(lower) && ["count", "distinct", "list", "sum"].includes(fn)) {
    return `the question asks for an average, but the reading is a ${fn}`;
  }
  if ((/\b(proportion|percent(age)?|fraction|share)\b|%/.test(lower)) && fn !== "fraction" && fn !== "probability") {
    return `the question asks for a share, but the reading is a ${fn}`;
  }
  return undefined;
}

/** Numbers written in the question (outside cell-type names such as 23P or "layer 4") that the plan does not use. */
export function unusedNumbers(question: string, plan: QueryPlan): string[] {
  const used = planNumbers(plan);
  const out: string[] = [];
  // Names with digits (23P, L2/3, 5P-ET, V1, layer 4, 90th) are words, not numbers.
  const words = question.replace(/(\d),(?=\d{3}\b)/g, "$1").split(/[\s,;:?!()]+/);
  for (const w of words) {
    if (!/^\d+(\.\d+)?$/.test(w)) continue;
    const key = /^\d{10,}$/.test(w) ? BigInt(w).toString() : String(Number(w));
    if (!used.has(key)) out.push(w);
  }
  return [...new Set(out)];
}

/** Every number and digit-string id in a plan, normalized (and those inside a SQL plan's text). */
export function planNumbers(plan: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "number") out.add(String(v));
    else if (typeof v === "string" && /^\d+$/.test(v)) out.add(/^\d{10,}$/.test(v) ? BigInt(v).toString() : String(Number(v)));
    else if (typeof v === "string") for (const m of v.matchAll(/\b\d+(?:\.\d+)?\b/g)) out.add(/^\d{10,}$/.test(m[0]) ? BigInt(m[0]).toString() : String(Number(m[0])));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(plan);
  return out;
}

/** Every filter of a plan, in its populations, parts and comparisons. */
function planFilters(plan: QueryPlan): Filter[] {
  if (plan.kind !== "query") return [];
  const parts = [...(plan.compare ?? []), ...(plan.measure.fn === "fraction" ? [plan.measure.part] : []),
    ...(plan.measure.fn === "ratio" ? [plan.measure.numerator, plan.measure.denominator] : [])];
  return [...plan.filter, ...plan.pre, ...plan.post, ...parts.flatMap((p) => [...(p.filter ?? []), ...(p.pre ?? []), ...(p.post ?? [])])];
}

/** Ids (root or nucleus) a plan names: each must come from the question or the conversation. */
export function planIds(plan: QueryPlan): string[] {
  if (plan.kind === "lookup") return [plan.rootId ?? plan.nucleusId!];
  if (plan.kind === "sql") return [...plan.sql.matchAll(/\b\d{6,20}\b/g)].map((m) => m[0]);
  return planFilters(plan).filter((f) => f.dim === "root_id" || f.dim === "nucleus_id").flatMap((f) => f.values ?? []);
}

/** Cell-type and m-type values a plan names. */
export function planTypes(plan: QueryPlan): { cellTypes: string[]; mtypes: string[] } {
  const filters = planFilters(plan);
  return {
    cellTypes: filters.filter((f) => f.dim === "cell_type").flatMap((f) => f.values ?? []),
    mtypes: filters.filter((f) => f.dim === "mtype").flatMap((f) => f.values ?? []),
  };
}
