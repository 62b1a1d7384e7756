import { describe, it } from "vitest";
import { ask, RUN_TODO, useQuestionBench } from "./support/questions/bench.js";
import { FOLLOW_UPS } from "./support/questions/follow-ups.js";

/**
 * Follow-up conversations of the bench (support/questions/bench.ts, as in questions.test.ts): each
 * step judged against its gold, in one conversation.
 */

const bench = useQuestionBench();

describe("follow-ups keep the last plan in a conversation", () => {
  for (const seq of FOLLOW_UPS) {
    const name = `${seq.it}: ${seq.steps.map((s) => `"${s.q}"`).join(" → ")}`;
    if (seq.todo && !RUN_TODO) {
      it.todo(`${name} (reader: ${seq.todo})`);
      continue;
    }
    it(name, async () => {
      const conversation = bench.chat.newConversation();
      for (const step of seq.steps) await ask(bench, step, conversation);
    });
  }
});
