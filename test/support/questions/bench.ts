import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectomeChat } from "../../../src/answers/chat.js";
import type { Answer } from "../../../src/answers/answer.js";
import type { Conversation } from "../../../src/answers/conversation.js";
import { buildBenchData, fill, goldRows, judge, loadRaw, type Expect, type GoldValue } from "../question-bench.js";
import { PARAMS } from "./golds.js";

/**
 * The question bench of questions.test.ts, questions-asked-back.test.ts and
 * questions-follow-ups.test.ts: what the question bank (test/bank, judged by test/bank.test.ts)
 * cannot judge. Each case is judged against its gold, computed with plain SQL over the raw CSV
 * exports (the views of ../shared/eval/check.py: syn, ct, root_type, nuc, proof, coreg; and mt for
 * m-types).
 */

export interface Case {
  /** What the test shows, in words. */
  it: string;
  /** The question; {NAME} is a bench parameter (a root or nucleus id picked by gold SQL). */
  q: string;
  expect: Expect | "clarify" | "refused";
  /** Gold SQL over the raw views (for answered questions). */
  gold?: string;
  /** Ranked: how many of the top rows must agree. */
  k?: number;
  /** The reply's text must match this. */
  text?: RegExp;
  /** The answer must carry a chart of this kind. */
  chart?: string;
  /** Extra checks on the answer (with the bench, for golds and parameters). */
  check?: (answer: Answer, bench: QuestionBench) => void;
  /**
   * The reader does not do this yet (what it does instead): the case is listed as a todo, not run,
   * until the reader is fixed. Questions that are asked back are also the bank's known misses.
   */
  todo?: string;
}

/** A follow-up: its steps run in one conversation, in order. */
export interface FollowUp {
  it: string;
  steps: Case[];
  todo?: string;
}

/** The chat over the bench's store, the raw exports for golds, and the bench parameters. */
export interface QuestionBench {
  chat: ConnectomeChat;
  raw: Database.Database;
  params: Record<string, string>;
}

/** RUN_TODO=1 runs the todos too, to see which the reader now does. */
export const RUN_TODO = process.env.RUN_TODO === "1";

/** The bench of a test file: built before its tests (the object is filled then), closed after. */
export function useQuestionBench(): QuestionBench {
  const bench = { params: {} } as QuestionBench;
  beforeAll(async () => {
    const data = await buildBenchData({ cells: 2000, seed: 11 });
    const raw = (bench.raw = loadRaw(data.dir));
    const params = bench.params;
    for (const [name, query] of PARAMS) {
      const v = goldRows(raw, fill(query, params))[0]?.[0];
      if (v === undefined || v === null) throw new Error(`bench parameter ${name} found nothing`);
      params[name] = String(v);
    }
    bench.chat = await ConnectomeChat.open({
      dbPath: data.db,
      plotDir: mkdtempSync(join(tmpdir(), "cc-questions-plots-")),
    });
    // (The first answer loads the reader and the store's statements; done here, it is not timed as a test's.)
    await bench.chat.answer("how many cells are there?");
    // (Building the sample store takes a while on a loaded machine: the hook gets its own time.)
  }, 120_000);
  afterAll(async () => {
    await bench.chat?.close();
    bench.raw?.close();
  });
  return bench;
}

/** Asks one question (in a conversation) and checks the answer against its gold. */
export async function ask(bench: QuestionBench, c: Case, conversation: Conversation): Promise<void> {
  const { chat, raw, params } = bench;
  const question = fill(c.q, params);
  const answer = await chat.answer(question, conversation);
  const where = `"${question}" → ${answer.status}: ${answer.text.split("\n").join(" | ").slice(0, 400)}`;
  if (c.expect === "clarify" || c.expect === "refused") {
    expect(answer.status, where).toBe(c.expect);
    expect(answer.table?.rows.length ?? 0, where).toBe(0);
    expect(answer.text.length, where).toBeGreaterThan(10);
  } else {
    const gold: GoldValue[][] = goldRows(raw, fill(c.gold!, params));
    const verdict = judge(c.expect, gold, answer, c.k);
    expect(verdict.ok, `${where}\n${verdict.why}`).toBe(true);
  }
  if (c.text) expect(answer.text, where).toMatch(c.text);
  if (c.chart) expect(answer.chart?.kind, where).toBe(c.chart);
  c.check?.(answer, bench);
}

export const title = (c: Case) => `${c.it}: "${c.q}"`;
export const suite = (bench: QuestionBench, name: string, cases: Case[]) =>
  describe(name, () => {
    for (const c of cases) {
      if (c.todo && !RUN_TODO) it.todo(`${title(c)} (reader: ${c.todo})`);
      // (A gold computed over the raw synapse export may take seconds on a loaded machine.)
      else it(title(c), () => ask(bench, c, bench.chat.newConversation()), 30_000);
    }
  });
