import type { PlannerResult, QueryPlan } from "../plan.js";
import { findMentions, tokenize } from "../offline/mentions.js";
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
  const doubt = planDoubt(question, result.plan, vocabulary);
  return doubt ? { kind: "doubt", reason: doubt } : { kind: "final" };
}

/** Why a plan may have missed part of its question, or undefined when nothing suggests so. */
export function planDoubt(question: string, plan: QueryPlan, vocabulary: Vocabulary): string | undefined {
  const unused = unusedNumbers(question, plan, vocabulary);
  if (unused.length) return `the number${unused.length > 1 ? "s" : ""} ${unused.join(", ")} in the question ${unused.length > 1 ? "are" : "is"} not part of the offline reading`;
  const lower = question.toLowerCase();
  const measure = "measure" in plan ? plan.measure : undefined;
  const countAsked = /\bhow many\b|\bnumber of\b/.test(lower) && !/\bhow many (voxels?|µm|um|microns?|nm|cubic)\b/.test(lower);
  if (countAsked && measure && /volume|size|depth/.test(measure)) {
    return `the question asks how many, but the offline reading is a ${measure.replace("_", " ")}`;
  }
  const averageAsked = /\b(average|mean|median|typical)\b/.test(lower);
  if (averageAsked && (plan.kind === "cells" || plan.kind === "synapses") && measure && ["count", "count_partners", "list", "sum_size", "sum_volume"].includes(measure)) {
    return `the question asks for an average, but the offline reading is a ${measure.replace("_", " ")}`;
  }
  const shareAsked = /\b(proportion|percent(age)?|ratio|fraction|share)\b|%/.test(lower);
  if (shareAsked && (plan.kind === "cells" || plan.kind === "synapses") && measure !== "fraction") {
    return `the question asks for a share, but the offline reading is a ${measure?.replace("_", " ") ?? plan.kind}`;
  }
  return undefined;
}

/** Numbers written in the question (outside cell-type names such as 23P or "layer 4") that the plan does not use. */
export function unusedNumbers(question: string, plan: QueryPlan, vocabulary: Vocabulary): string[] {
  const tokens = tokenize(question.replace(/(\d),(?=\d{3}\b)/g, "$1"));
  const inNames = new Set<number>();
  for (const m of findMentions(tokens, vocabulary)) if (m.kind === "term") for (let i = m.start; i < m.end; i++) inNames.add(i);
  const used = planNumbers(plan);
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (inNames.has(i) || !/^\d+(\.\d+)?$/.test(t.text)) return;
    const key = /^\d{10,}$/.test(t.text) ? BigInt(t.text).toString() : String(Number(t.text));
    if (!used.has(key)) out.push(t.text);
  });
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

/** Ids (root or nucleus) a plan names: each must come from the question or the conversation. */
export function planIds(plan: QueryPlan): string[] {
  const ids: string[] = [];
  const pop = (p?: { rootIds?: string[]; nucleusIds?: string[] }) => ids.push(...(p?.rootIds ?? []), ...(p?.nucleusIds ?? []));
  switch (plan.kind) {
    case "synapses": pop(plan.pre); pop(plan.post); break;
    case "lookup": if (plan.rootId) ids.push(plan.rootId); if (plan.nucleusId) ids.push(plan.nucleusId); break;
    case "pair": ids.push(plan.a, plan.b); break;
    case "sql": for (const m of plan.sql.matchAll(/\b\d{6,20}\b/g)) ids.push(m[0]); break;
    default: pop(plan.population);
  }
  return ids;
}

/** Cell-type and m-type values a plan names (in any population). */
export function planTypes(plan: QueryPlan): { cellTypes: string[]; mtypes: string[] } {
  const cellTypes: string[] = [];
  const mtypes: string[] = [];
  const pop = (p?: { cellTypes?: string[]; mtypes?: string[] }) => {
    cellTypes.push(...(p?.cellTypes ?? []));
    mtypes.push(...(p?.mtypes ?? []));
  };
  if (plan.kind === "synapses") {
    pop(plan.pre);
    pop(plan.post);
  } else if ("population" in plan) pop(plan.population);
  return { cellTypes, mtypes };
}
