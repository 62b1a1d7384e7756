import { DEFAULT_VOCABULARY } from "../../src/answers/chat.js";
import { planShapeProblem } from "../../src/planning/plan-check.js";
import type { Query, QueryPlan } from "../../src/planning/plan.js";
import { OfflineReader } from "../../src/planning/reader/reader.js";
import { Vocabulary } from "../../src/planning/vocabulary/vocabulary.js";

/** The offline reader with the project's vocabulary, as the chat uses it (no model, no store). */
export const reader = new OfflineReader(Vocabulary.load(DEFAULT_VOCABULARY));

/** The reader's plan of a question, or what it did instead ("clarify", "refuse"). */
export const planOf = async (q: string): Promise<QueryPlan | string> => {
  const r = await reader.plan(q);
  return r.type === "plan" ? r.plan : r.type;
};

/** The reader's plan of a question expected to be a query (a test of its fields fails plainly if not). */
export const queryOf = async (q: string): Promise<Query> => (await planOf(q)) as Query;

/** What is answered: the reader's plan when the plan check lets it through, else "clarify". */
export const answeredPlan = async (q: string): Promise<QueryPlan | string> => {
  const plan = await planOf(q);
  return typeof plan === "object" && planShapeProblem(plan) ? "clarify" : plan;
};

/** A plan written by hand: the number of cells, with these fields added (to test what the plan check accepts). */
export const cellCount = (more: Partial<Query> = {}): Query => ({
  kind: "query",
  source: "cells",
  filter: [],
  pre: [],
  post: [],
  measure: { fn: "count" },
  groupBy: [],
  ...more,
});
