import type { QueryPlan } from "../planning/plan.js";
import type { Answer } from "./answer.js";

/**
 * One thread's memory: the last plan (for follow-ups such as "and onto 4P?" or "plot that") and
 * the last answer (for "show the SQL"). Adapters keep one per thread; threads never share one.
 */
export interface Conversation {
  lastPlan?: QueryPlan;
  lastAnswer?: Answer;
  turns: number;
}

export const newConversation = (): Conversation => ({ turns: 0 });
