import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sha } from "./support/cli.js";
import { CLI } from "./support/store.js";
import { ROOT_A, ROOT_C, SYNAPSES, exportDir, importTinyExport, manySynapses } from "./support/tiny-export.js";

/** An import of bad files fails with a message naming the fault, and changes no store. */

const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

let dbPath: string;
beforeAll(async () => {
  dbPath = await importTinyExport();
});

describe("bad input", () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      "a missing required column",
      { "synapses_pni_2.csv": SYNAPSES.replace("post_pt_root_id,", "post_root,") },
      /synapses_pni_2\.csv.*missing required column "post_pt_root_id"/,
    ],
    [
      "a malformed row",
      { "synapses_pni_2.csv": `${SYNAPSES}6,2020,,t,1,${ROOT_A},2\n` },
      /synapses_pni_2\.csv, row 6: malformed row: expected 13 fields, found 7/,
    ],
    [
      "a root id that is not an integer",
      { "synapses_pni_2.csv": SYNAPSES.replace(`,${ROOT_C},50`, ",12ab,50") },
      /synapses_pni_2\.csv, row 3, column "post_pt_root_id": "12ab" is not an integer id/,
    ],
    [
      "an unreadable gzip file",
      { "raw:synapses_pni_2.csv.gz": "not gzip at all" },
      /synapses_pni_2\.csv\.gz.*not valid gzip/,
    ],
    // Rows go in many to a statement: the row at fault is still the one named.
    [
      "a synapse id given twice, deep in a file",
      { "synapses_pni_2.csv": manySynapses(200, { row: 150, id: 77 }) },
      /synapses_pni_2\.csv, row 150, column "id": duplicate id 77/,
    ],
  ];
  for (const [what, files, message] of cases) {
    it(
      `fails on ${what} with a message naming file, row and column, ` +
        `and leaves the existing database byte-for-byte unchanged`,
      async () => {
        const before = sha(dbPath);
        const dir = exportDir(files);
        const r = cli("import", dir, "--db", dbPath);
        expect(r.status).not.toBe(0);
        expect(r.stderr).toMatch(message);
        expect(r.stderr.trim().split("\n")).toHaveLength(1); // a message, not a stack trace
        expect(sha(dbPath)).toBe(before);
        expect(existsSync(`${dbPath}-journal`)).toBe(false);
      },
    );
  }

  it("leaves no database behind when a new one fails", () => {
    const path = join(mkdtempSync(join(tmpdir(), "cc-new-")), "never.db");
    const r = cli("import", exportDir({ "synapses_pni_2.csv": SYNAPSES.replace("size,", "sz,") }), "--db", path);
    expect(r.status).not.toBe(0);
    expect(existsSync(path)).toBe(false);
  });
});
