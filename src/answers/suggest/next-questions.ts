import type { QueryPlan } from "../../planning/plan.js";
import type { CheckedQuestion, QuestionChecker } from "./check.js";
import { shapeOf } from "./shape.js";
import { fill, fillDeep, holds, type SuggestionTemplates } from "./templates.js";

/** Next questions offered after an answer: enough to choose from, few enough to read at a glance. */
export const MAX_SUGGESTIONS = 3;

/**
 * Next questions after an answer, from the templates of the answered plan's shape (never from a
 * model), each checked as it would be asked: with the answered plan as the conversation's last plan
 * in a chat, or with none for a one-shot `ask` (the next `ask` remembers nothing).
 */
export class NextQuestions {
  constructor(
    private readonly templates: SuggestionTemplates,
    private readonly checker: QuestionChecker,
  ) {}

  async after(plan: QueryPlan, context: QueryPlan | undefined): Promise<CheckedQuestion[]> {
    const shape = shapeOf(plan);
    if (!shape) return [];
    const same = JSON.stringify(plan);
    const tries = (this.templates.shapes[shape.shape] ?? []).map((template) => {
      const phrasings = template.ask.map((a) => fill(a, shape.slots)).filter((q): q is string => q !== undefined);
      const expected = template.expect ? fillDeep(template.expect, shape.slots) : undefined;
      // The same question again is no next question; a plan other than the template meant is a misreading.
      const accept = (p: QueryPlan) => JSON.stringify(p) !== same && (expected === undefined || holds(p, expected));
      return this.checker.first(phrasings, context, accept);
    });
    // Checked side by side: their queries run on the executor's processes at once.
    const found = (await Promise.all(tries)).filter((q): q is CheckedQuestion => q !== undefined);
    // Two templates read into one plan (two phrasings of one question) offer it once.
    const seen = new Set<string>();
    const fresh = (q: CheckedQuestion) => !seen.has(JSON.stringify(q.plan)) && seen.add(JSON.stringify(q.plan));
    return found.filter(fresh).slice(0, MAX_SUGGESTIONS);
  }
}
