import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, expectPlainFailure } from "./support/cli.js";
import { buildTestStore } from "./support/store.js";

/**
 * Bad values get a plain message, never a stack trace (issue 15, items 4, 5, 6 and 9): the built
 * CLI is run as a person would run it, with a store that is not one, ids out of range, numeric
 * flags out of range and a chart folder that is a file.
 */
let db: string;
let work: string;

beforeAll(async () => {
  db = (await buildTestStore({ cells: 600, seed: 4 })).db;
  work = mkdtempSync(join(tmpdir(), "cc-plain-"));
});

/** `ask --json`'s one JSON object, whatever went wrong. */
function askJson(args: string[]) {
  const run = cli(["ask", "--json", ...args]);
  const lines = run.stdout.trim().split("\n");
  expect(lines, `stdout: ${run.stdout}\nstderr: ${run.stderr}`).toHaveLength(1);
  return { run, answer: JSON.parse(lines[0]!) as { status: string; text: string } };
}

describe("a --db that is not a connectome-chat store", () => {
  const notStores = () => {
    const sqlite = join(work, "other.sqlite");
    const other = new Database(sqlite);
    other.exec("CREATE TABLE IF NOT EXISTS notes (text TEXT)");
    other.close();
    return [
      ["a text file", "/etc/passwd"],
      ["a folder", work],
      ["an SQLite database of something else", sqlite],
    ] as const;
  };

  it("sql and ask say so in one line naming the file and how to make a store", () => {
    for (const [what, path] of notStores()) {
      for (const command of [
        ["sql", "--db", path, "SELECT 1"],
        ["ask", "--db", path, "How many cells are there?"],
      ]) {
        const run = cli(command);
        const named = path.replace(/[/.]/g, "\\$&");
        expectPlainFailure(run, new RegExp(`${named}: (not a connectome-chat store|is a folder)`));
        expect(run.stderr, `${command[0]} on ${what}`).toMatch(/connectome-chat import/);
      }
    }
  });

  it("ask --json prints one JSON object with status error, and nothing on stderr but that", () => {
    for (const [, path] of notStores()) {
      const { run, answer } = askJson(["--db", path, "How many cells are there?"]);
      expect(run.status).not.toBe(0);
      expect(answer.status).toBe("error");
      expect(answer.text).toContain(path);
      expect(run.stderr).toBe("");
    }
  });

  it("ask --json prints one JSON error object for a missing store and for a flag out of range", () => {
    const missing = askJson(["--db", join(work, "nowhere.db"), "How many cells are there?"]);
    expect(missing.answer).toMatchObject({ status: "error", text: expect.stringMatching(/no such store/) });
    const flag = askJson(["--db", db, "--timeout", "0", "How many cells are there?"]);
    expect(flag.answer).toMatchObject({ status: "error", text: expect.stringMatching(/--timeout/) });
    expect(flag.run.status).not.toBe(0);
  });
});

describe("root ids outside 0..2^63-1 in a question", () => {
  it("names a value above 2^63-1 and says root ids are unsigned 64-bit integers", () => {
    const { answer } = askJson(["--db", db, "How many output synapses does 9223372036854775808 have?"]);
    expect(answer.status).toBe("clarify");
    expect(answer.text).toContain("9223372036854775808");
    expect(answer.text).toMatch(/unsigned 64-bit integers/);
    expect(answer.text).not.toMatch(/Something went wrong|too big/);
  });

  it("names a negative id instead of answering for the positive one", () => {
    const { answer } = askJson(["--db", db, "How many output synapses does -864691135999036084 have?"]);
    expect(answer.status).toBe("clarify");
    expect(answer.text).toContain("-864691135999036084");
    expect(answer.text).toMatch(/unsigned 64-bit integers/);
    expect(answer.text).not.toMatch(/Root id 864691135999036084 is not in this data/);
  });

  it("still reads the largest id, 2^63-1, as an id", () => {
    const { answer } = askJson(["--db", db, "How many output synapses does 9223372036854775807 have?"]);
    expect(answer.text).toMatch(/9223372036854775807 is not in this data/);
  });
});

describe("numeric flags are checked against a range", () => {
  const timeout = /--timeout must be a whole number from 10 to 3,600,000/;
  const cases: [string[], RegExp][] = [
    [["sql", "--db", "DB", "--timeout", "2147483648", "SELECT 1"], timeout],
    [["sql", "--db", "DB", "--timeout", "0", "SELECT 1"], /--timeout must be a whole number from 10 to 3,600,000/],
    [["sql", "--db", "DB", "--max-rows", "0", "SELECT 1"], /--max-rows must be a whole number from 1 to 1,000,000/],
    [["sql", "--db", "DB", "--max-rows", "1e3", "SELECT 1"], /--max-rows must be a whole number from 1 to 1,000,000/],
    [["ask", "--db", "DB", "--timeout", "99999999999", "How many cells?"], /--timeout must be a whole number from 10/],
    [["chat", "--db", "DB", "--max-rows", "-1"], /--max-rows must be a whole number from 0 to 1,000,000/],
    [["slack", "--http", "--port", "70000"], /--port must be a whole number from 0 to 65,535/],
    [["discord", "--timeout", "4294967296"], /--timeout must be a whole number from 10/],
    [["sample", "--out", "OUT", "--cells", "0"], /--cells must be a whole number from 1 to 100,000,000/],
    [["import", "IN", "--db", "DB", "--version", "-3"], /--version must be a whole number from 0 to 2,147,483,647/],
  ];
  for (const [args, message] of cases) {
    const flag = args.findIndex((a, i) => i > 0 && /^--(timeout|max-rows|port|cells|version)$/.test(a));
    it(`${args[0]} ${args[flag]} ${args[flag + 1]} is refused with the range`, () => {
      const run = cli(args.map((a) => (a === "DB" ? db : a === "OUT" ? join(work, "sample") : a === "IN" ? work : a)));
      expect(run.status).not.toBe(0);
      expect(run.stderr.split("\n")[0]).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at |took longer than/);
    });
  }
});

describe("--plot-dir naming a file", () => {
  it("says what is wrong instead of EEXIST", () => {
    const file = join(work, "plots-file");
    writeFileSync(file, "not a folder\n");
    const run = cli(["ask", "--db", db, "--plot-dir", file, "plot the synapse size distribution"]);
    expectPlainFailure(run, /--plot-dir .*plots-file is a file, not a folder/);
    expect(run.stdout).not.toMatch(/EEXIST/);
    const json = askJson(["--db", db, "--plot-dir", file, "plot the synapse size distribution"]);
    expect(json.answer).toMatchObject({ status: "error", text: expect.stringMatching(/is a file, not a folder/) });
  });
});
