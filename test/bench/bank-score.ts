/**
 * `npm run bank`: asks every question of the bank and prints the score per file and family:
 * accuracy (right over all), precision (right over those answered), and each miss.
 *
 *   npm run bank -- [--heldout] [--dir FOLDER] [--all] [--file NAME] [--cat CAT] [--verbose] [--cells N] [--seed S]
 *
 * Questions are asked in-process on the project's sample (2,000 cells, seed 11 by default).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ConnectomeChat } from "../../src/answers/chat.js";
import { BANK_DIR, askBank, loadBank, score, type BankLine } from "../support/bank.js";
import { buildBenchData, loadRaw } from "../support/question-bench.js";

const { values } = parseArgs({
  options: {
    heldout: { type: "boolean", default: false },
    dir: { type: "string" },
    all: { type: "boolean", default: false },
    file: { type: "string" },
    cat: { type: "string" },
    verbose: { type: "boolean", default: false },
    cells: { type: "string", default: "2000" },
    seed: { type: "string", default: "11" },
    quiet: { type: "boolean", default: false },
  },
});

async function main(): Promise<void> {
  let lines: BankLine[] = [];
  if (values.dir)
    lines.push(...loadBank(join(BANK_DIR, values.dir)).map((l) => ({ ...l, file: `${values.dir}/${l.file}` })));
  else if (!values.heldout || values.all) lines.push(...loadBank());
  if (values.heldout || values.all) {
    const dir = join(BANK_DIR, "heldout");
    if (existsSync(dir)) lines.push(...loadBank(dir).map((l) => ({ ...l, file: `heldout/${l.file}` })));
  }
  if (values.file) lines = lines.filter((l) => l.file.includes(values.file!));
  if (values.cat) lines = lines.filter((l) => l.cat === values.cat);
  const data = await cachedData(Number(values.cells), Number(values.seed));
  const raw = loadRaw(data.dir);
  const plotDir = mkdtempSync(join(tmpdir(), "cc-bank-plots-"));
  const chat = await ConnectomeChat.open({ dbPath: data.db, plotDir });
  const results: {
    line: BankLine;
    outcome: "right" | "asked" | "wrong";
    answered: boolean;
    why: string;
    text: string;
    question: string;
  }[] = [];
  for (const line of lines) {
    try {
      const v = await askBank(chat, raw, line);
      results.push({ line, ...v, answered: v.status === "answered" });
    } catch (e) {
      results.push({
        line,
        outcome: "wrong",
        answered: false,
        why: `error: ${(e as Error).message}`,
        text: "",
        question: line.q,
      });
    }
  }
  await chat.close();
  rmSync(plotDir, { recursive: true, force: true });
  const table = (key: (l: BankLine) => string) => {
    const groups = new Map<string, typeof results>();
    for (const r of results) groups.set(key(r.line), [...(groups.get(key(r.line)) ?? []), r]);
    console.log(`| ${key === byFile ? "file" : "family"} | n | right | asked back | wrong | accuracy | precision |`);
    console.log("|---|---:|---:|---:|---:|---:|---:|");
    for (const [k, rs] of [...groups].sort()) {
      const s = score(rs);
      console.log(
        `| ${k} | ${s.n} | ${s.right} | ${s.asked} | ${s.wrong} | ${pct(s.accuracy)} | ${pct(s.precision)} |`,
      );
    }
  };
  if (!values.quiet) {
    for (const r of results) {
      if (r.outcome === "right") continue;
      console.log(
        `${r.outcome === "wrong" ? "WRONG" : "ASKED"} [${r.line.file}:${r.line.line} ${r.line.intent ?? ""}] ${r.question}\n      ${r.why.slice(0, 300)}` +
          `${values.verbose ? `\n      ${r.text.replace(/\n/g, " | ").slice(0, 400)}` : ""}`,
      );
    }
  }
  table(byFile);
  table((l) => l.cat ?? "other");
  const s = score(results);
  console.log(
    `\nall: ${s.n} questions, ${s.right} right, ${s.asked} asked back, ${s.wrong} wrong; accuracy ${pct(s.accuracy)}, precision of answered ${pct(s.precision)} (${s.answered} answered)`,
  );
}

const byFile = (l: BankLine) => l.file;

/** The sample and its store, built once per size and seed in the temp folder (delete it after changing the importer). */
async function cachedData(cells: number, seed: number): Promise<{ dir: string; db: string }> {
  const dir = join(tmpdir(), `cc-bank-${cells}-${seed}`);
  const db = join(dir, "store.db");
  if (existsSync(db)) return { dir: join(dir, "export"), db };
  const built = await buildBenchData({ cells, seed });
  mkdirSync(dir, { recursive: true });
  cpSync(built.dir, join(dir, "export"), { recursive: true });
  cpSync(built.db, db);
  return { dir: join(dir, "export"), db };
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
