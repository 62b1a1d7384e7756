import type { PlannerResult, QueryPlan } from "../plan.js";
import type { Vocabulary } from "../vocabulary/vocabulary.js";
import { planFilters } from "../plan-check.js";
import { planDoubt } from "./question-check.js";

/**
 * When the offline reader's result is final and when a model is asked; and what a plan names (its
 * filters, ids and types), for the checks of a model's plan.
 *
 * - A refusal (a write, an instruction inside the question, off-topic) is final: the model is
 *   never asked.
 * - A question back that the person must settle is final: an id cut short or out of range, two
 *   questions in one (the reader gives no reading for those). A model could only guess the id, or
 *   answer half of the question.
 * - An ambiguous name ("L5 pyramidal" could mean 5P-IT, 5P-ET or 5P-NP) goes to the model, which
 *   may resolve it only to some of those options, and must use them.
 * - Any other question back (words the reader did not understand, a shape it cannot compose) goes
 *   to the model. The reader's reading without the words it did not understand is kept: a model
 *   plan that is exactly that reading ignored those words, and is not taken.
 * - A plan is final unless the form checks (`planDoubt`) find it at odds with the question: the
 *   reader answers only when every word was read, and the form checks are a second, independent
 *   look; when they disagree the model is asked, and if it fails the person is asked to rephrase.
 *   The same checks are applied to every plan a model proposes.
 */
export type Verdict =
  | { kind: "final" }
  | { kind: "doubt"; reason: string }
  | { kind: "names"; text: string; options: string[] }
  | { kind: "unread"; without: string[] };

const AMBIGUOUS_NAME = /^"(.+?)" could mean /;

export function judgeOffline(question: string, result: PlannerResult, vocabulary: Vocabulary): Verdict {
  if (result.type === "refuse") return { kind: "final" };
  if (result.type === "clarify") {
    if (!result.reading) return { kind: "final" };
    const ambiguous = AMBIGUOUS_NAME.exec(result.message);
    if (ambiguous) {
      const values = new Set([...vocabulary.file.cellTypes, ...vocabulary.file.mtypes].map((e) => e.value));
      const options = result.suggestions.filter((v) => values.has(v));
      return { kind: "names", text: asWritten(question, ambiguous[1]!), options };
    }
    return { kind: "unread", without: result.reading.unaccounted.length ? result.suggestions : [] };
  }
  const doubt = planDoubt(question, result.plan, vocabulary);
  return doubt ? { kind: "doubt", reason: doubt } : { kind: "final" };
}

/** A phrase the reader quotes in lower case, as the question wrote it ("l5 pyramidal" → "L5 pyramidal"). */
function asWritten(question: string, phrase: string): string {
  const at = question.toLowerCase().indexOf(phrase.toLowerCase());
  return at < 0 ? phrase : question.slice(at, at + phrase.length);
}

/** Ids (root or nucleus) a plan names: each must come from the question or the conversation. */
export function planIds(plan: QueryPlan): string[] {
  if (plan.kind === "lookup") return [plan.rootId ?? plan.nucleusId!];
  if (plan.kind === "sql") return [...plan.sql.matchAll(/\b\d{6,20}\b/g)].map((m) => m[0]);
  return planFilters(plan)
    .filter((f) => f.dim === "root_id" || f.dim === "nucleus_id")
    .flatMap((f) => f.values ?? []);
}

/** Cell-type and m-type values a plan names. */
export function planTypes(plan: QueryPlan): { cellTypes: string[]; mtypes: string[] } {
  const filters = planFilters(plan);
  return {
    cellTypes: filters.filter((f) => f.dim === "cell_type").flatMap((f) => f.values ?? []),
    mtypes: filters.filter((f) => f.dim === "mtype").flatMap((f) => f.values ?? []),
  };
}
