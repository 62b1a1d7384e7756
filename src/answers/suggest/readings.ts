import type { QueryPlan } from "../../planning/plan.js";
import type { CheckedQuestion, QuestionChecker } from "./check.js";

/** Readings offered for a question asked back (Discord allows five buttons in a row). */
export const MAX_READINGS = 5;

/** The reader's ask-back for a word with several meanings: "\"bp\" could mean BC or BPC. Which one?". */
const AMBIGUOUS = /^"([^"]+)" could mean /;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The readings of a question asked back that can be answered as they stand. The reader's options
 * are either whole questions (the question without the words it could not read; each of two
 * questions asked in one) or, for a word with several meanings, the names it could mean, which are
 * put in the word's place. Each is checked as a question asked next (a plan, not another ask-back,
 * that compiles and runs); the others are left to the text.
 */
export async function readingsOf(
  question: string,
  asked: { message: string; suggestions: string[] },
  context: QueryPlan | undefined,
  checker: QuestionChecker,
): Promise<CheckedQuestion[]> {
  const word = AMBIGUOUS.exec(asked.message)?.[1];
  const candidates = asked.suggestions.map((option) => {
    if (word === undefined) return option;
    const at = new RegExp(`(?<![\\w-])${escape(word)}(?![\\w-])`, "i");
    return at.test(question) ? question.replace(at, option) : undefined;
  });
  const unique = [...new Set(candidates.filter((c): c is string => c !== undefined && c.trim() !== question.trim()))];
  const checked = await Promise.all(unique.slice(0, MAX_READINGS).map((c) => checker.first([c], context, () => true)));
  return checked.filter((c): c is CheckedQuestion => c !== undefined);
}
