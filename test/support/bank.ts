import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { z } from "zod";
import type { ConnectomeChat } from "../../src/answers/chat.js";
import { PROJECT_ROOT } from "../../src/project-root.js";
import { goldRows, judge, type Expect } from "./question-bench.js";

/**
 * The question bank (test/bank/*.jsonl, in ../shared/eval/questions.jsonl's format): loading, gold
 * answers from plain SQL over the raw exports, and judging an answer as check.py does. A question
 * counts as answered right, asked back (or refused), or answered wrong.
 */
export const BankLine = z
  .object({
    q: z.string(),
    kind: z.enum(["scalar", "ranked", "pairs", "set", "triples", "chart", "refuse"]),
    intent: z.string().optional(),
    cat: z.string().optional(),
    gold: z.string().optional(),
    params: z.record(z.string(), z.string()).optional(),
    alts: z.array(z.string()).optional(),
    k: z.number().optional(),
    chart: z.string().optional(),
    expect_status: z.enum(["clarify", "refused"]).optional(),
  })
  .passthrough();
export type BankLine = z.infer<typeof BankLine> & { file: string; line: number };

export const BANK_DIR = join(PROJECT_ROOT, "test", "bank");

/** The list of questions the reader is known to ask back instead of answering (not a bank file). */
export const KNOWN_MISSES = "known-misses.jsonl";

/** Every line of the bank files under `dir` (the held-out part is in its own folder). */
export function loadBank(dir = BANK_DIR): BankLine[] {
  const out: BankLine[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".jsonl") && n !== KNOWN_MISSES)
    .sort()) {
    readFileSync(join(dir, name), "utf8")
      .split("\n")
      .forEach((text, i) => {
        if (!text.trim() || text.startsWith("#")) return;
        out.push({ ...BankLine.parse(JSON.parse(text)), file: name, line: i + 1 });
      });
  }
  return out;
}

export const KnownMiss = z.object({ q: z.string(), reason: z.string().min(1) }).strict();
export type KnownMiss = z.infer<typeof KnownMiss>;

/** test/bank/known-misses.jsonl: one line per question (its text as in the bank) with why it is asked back. */
export function loadKnownMisses(dir = BANK_DIR): KnownMiss[] {
  const path = join(dir, KNOWN_MISSES);
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((t) => t.trim() && !t.startsWith("#"))
    .map((t) => KnownMiss.parse(JSON.parse(t)));
}

export type Outcome = "right" | "asked" | "wrong";

export interface Verdict {
  outcome: Outcome;
  why: string;
  question: string;
  status: string;
  text: string;
}

/** Asks one bank question (in a fresh conversation) and judges the answer. */
export async function askBank(chat: ConnectomeChat, raw: Database.Database, line: BankLine): Promise<Verdict> {
  const params: Record<string, string> = {};
  let question = line.q;
  let gold = line.gold ?? "";
  for (const [name, query] of Object.entries(line.params ?? {})) {
    const v = goldRows(raw, fillIn(query, params))[0]?.[0];
    params[name] = String(v);
    question = question.replaceAll(`{${name}}`, params[name]!);
    gold = gold.replaceAll(`{${name}}`, params[name]!);
  }
  const answer = await chat.answer(question, chat.newConversation());
  const base = { question, status: answer.status, text: answer.text };
  if (line.kind === "refuse") {
    const ok = answer.status === "clarify" || answer.status === "refused";
    return {
      ...base,
      outcome: ok ? "right" : answer.status === "answered" ? "wrong" : "asked",
      why: ok ? "" : `status ${answer.status}`,
    };
  }
  if (answer.status !== "answered")
    return { ...base, outcome: answer.status === "error" ? "wrong" : "asked", why: `status ${answer.status}` };
  if (line.kind === "chart") {
    const ok = answer.chart !== undefined && (!line.chart || answer.chart.kind === line.chart);
    return {
      ...base,
      outcome: ok ? "right" : "wrong",
      why: ok ? "" : `chart ${answer.chart?.kind ?? "none"}, expected ${line.chart}`,
    };
  }
  const rows = goldRows(raw, gold);
  let verdict = judge(line.kind as Expect, rows, answer, line.k);
  for (const alt of line.alts ?? []) {
    if (verdict.ok) break;
    verdict = judge(line.kind as Expect, goldRows(raw, fillIn(alt, params)), answer, line.k);
  }
  return { ...base, outcome: verdict.ok ? "right" : "wrong", why: verdict.why };
}

const fillIn = (text: string, params: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (m, n: string) => params[n] ?? m);

/** Accuracy (right / all) and precision (right among answered). */
export function score(verdicts: { outcome: Outcome; answered: boolean }[]): {
  n: number;
  right: number;
  asked: number;
  wrong: number;
  answered: number;
  accuracy: number;
  precision: number;
} {
  const right = verdicts.filter((v) => v.outcome === "right").length;
  const wrong = verdicts.filter((v) => v.outcome === "wrong").length;
  const asked = verdicts.length - right - wrong;
  const answered = verdicts.filter((v) => v.answered);
  const answeredRight = answered.filter((v) => v.outcome === "right").length;
  return {
    n: verdicts.length,
    right,
    asked,
    wrong,
    answered: answered.length,
    accuracy: right / Math.max(1, verdicts.length),
    precision: answeredRight / Math.max(1, answered.length),
  };
}
