import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectomeChat } from "../src/answers/chat.js";
import { askBank, BANK_DIR, loadBank } from "./support/bank.js";
import { buildBenchData, loadRaw } from "./support/question-bench.js";

/**
 * Pseudo-SQL questions answered end to end on the sample (2,000 cells, seed 11) and judged against
 * gold SQL over the raw exports, as the bank is judged: the questions of test/bank/pseudo-sql/
 * (the ones with a gold answer must be answered right; the others, with a condition the data
 * cannot express, must be asked back). The set aside in test/bank/pseudo-sql-aside/ is not here.
 */

const LINES = loadBank(join(BANK_DIR, "pseudo-sql"));
let chat: ConnectomeChat;
let raw: Database.Database;

beforeAll(async () => {
  const data = await buildBenchData({ cells: 2000, seed: 11 });
  raw = loadRaw(data.dir);
  chat = await ConnectomeChat.open({ dbPath: data.db, plotDir: mkdtempSync(join(tmpdir(), "cc-pseudo-sql-plots-")) });
});

afterAll(async () => {
  await chat?.close();
  raw?.close();
});

describe("pseudo-SQL questions get the gold answer, or are asked back", () => {
  it("has questions of both kinds", () => {
    expect(LINES.filter((l) => l.kind === "refuse").length).toBeGreaterThanOrEqual(20);
    expect(LINES.filter((l) => l.kind !== "refuse").length).toBeGreaterThanOrEqual(60);
  });
  for (const line of LINES) {
    it(`${line.line}: ${line.q}`, async () => {
      const v = await askBank(chat, raw, line);
      expect(v.outcome, `${v.question}\n${v.why}\n${v.text}`).toBe("right");
    });
  }
});
