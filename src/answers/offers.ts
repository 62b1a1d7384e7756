import type { QueryPlan } from "../planning/plan.js";
import type { OfflineReader } from "../planning/reader/reader.js";
import type { CompileContext } from "../querying/compile/index.js";
import type { QueryExecutor } from "../querying/executor.js";
import type { AnswerChoice } from "./answer.js";
import { ChoiceStore, type ChoiceStoreOptions, type StoredChoice } from "./choices.js";
import type { Conversation } from "./conversation.js";
import { QuestionChecker, type CheckedQuestion } from "./suggest/check.js";
import { NextQuestions } from "./suggest/next-questions.js";
import { readingsOf } from "./suggest/readings.js";
import { loadSuggestionTemplates } from "./suggest/templates.js";

/**
 * How next questions are checked: `follow-up` as asked next in the same conversation (chat, bots),
 * `standalone` as asked with no conversation (a one-shot `ask`: the next `ask` remembers nothing),
 * `off` for none.
 */
export type SuggestionMode = "follow-up" | "standalone" | "off";

export interface OffersOptions {
  mode?: SuggestionMode;
  /** data/suggestions.json by default. */
  templatesFile?: string;
  choices?: ChoiceStoreOptions;
}

export interface Offered {
  suggestions: string[];
  choices: AnswerChoice[];
}

/** What an answer offers to ask next, and what a question back offers to pick; the ids clicks send back. */
export class Offers {
  private readonly store: ChoiceStore;
  private readonly checker: QuestionChecker;
  private readonly next: NextQuestions;
  private readonly mode: SuggestionMode;

  constructor(reader: OfflineReader, ctx: CompileContext, executor: QueryExecutor, options: OffersOptions = {}) {
    this.mode = options.mode ?? "follow-up";
    this.store = new ChoiceStore(options.choices);
    this.checker = new QuestionChecker(reader, ctx, executor);
    this.next = new NextQuestions(loadSuggestionTemplates(options.templatesFile), this.checker);
  }

  /** Next questions after an answer to `plan` (which is now the conversation's last plan). */
  async afterAnswer(plan: QueryPlan, conversation: Conversation): Promise<Offered> {
    if (this.mode === "off") return { suggestions: [], choices: [] };
    const context = this.mode === "follow-up" ? plan : undefined;
    return this.offer(await this.next.after(plan, context), "next", context, conversation);
  }

  /** The readings of a question asked back that can be answered, asked in the conversation as it stands. */
  async forQuestionBack(
    question: string,
    asked: { message: string; suggestions: string[] },
    conversation: Conversation,
  ): Promise<Offered> {
    if (this.mode === "off" || !asked.suggestions.length) return { suggestions: [], choices: [] };
    const context = this.mode === "follow-up" ? conversation.lastPlan : undefined;
    return this.offer(await readingsOf(question, asked, context, this.checker), "reading", context, conversation);
  }

  /** The choice behind an id, when it is ours, current and offered in this conversation. */
  pick(id: unknown, conversation: Conversation): StoredChoice | undefined {
    return this.store.get(id, conversation);
  }

  private offer(
    found: CheckedQuestion[],
    kind: AnswerChoice["kind"],
    context: QueryPlan | undefined,
    conversation: Conversation,
  ): Offered {
    const choices = found.map((q) => ({
      id: this.store.add(q.question, context, conversation),
      question: q.question,
      kind,
    }));
    return { suggestions: found.map((q) => q.question), choices };
  }
}
