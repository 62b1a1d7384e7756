import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, cliAsync, expectPlainFailure, sha } from "./support/cli.js";

/**
 * Importing safely (issue 15, items 2, 3 and 5): one import at a time per store, told plainly to
 * the other; `--db` that cannot be a store says which path and why; ids that do not fit say which
 * value, which column and the range. Each runs the built CLI.
 */
const ROOT = "864691135123456789";
const NUCLEUS = `id,created,valid,volume,pt_supervoxel_id,pt_root_id,pt_position_x,pt_position_y,pt_position_z
101,2020-09-28,t,250.5,88000000000000101,${ROOT},1000,2000,300
`;
const SYNAPSES = `id,valid,pre_pt_root_id,post_pt_root_id,size,ctr_pt_position_x,ctr_pt_position_y,ctr_pt_position_z
1,t,${ROOT},${ROOT},100,10,20,30
`;

let work: string;
let small: string;
let big: string;

function exportDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(work, "export-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cc-import-safety-"));
  small = exportDir({ "nucleus_detection_v0.csv": NUCLEUS, "synapses_pni_2.csv": SYNAPSES });
  // Large enough that two imports started together overlap for seconds.
  big = join(work, "big");
  const sample = cli(["sample", "--out", big, "--cells", "6000", "--seed", "9"]);
  expect(sample.status, sample.stderr).toBe(0);
});

describe("--db that cannot be a store", () => {
  it("/dev/null is refused, not reported as a success", () => {
    const run = cli(["import", small, "--db", "/dev/null"]);
    expectPlainFailure(run, /\/dev\/null: not a regular file \(a character device\)/);
  });

  it("a folder is named as a folder", () => {
    const folder = mkdtempSync(join(work, "folder-"));
    expectPlainFailure(cli(["import", small, "--db", folder]), new RegExp(`${folder}: is a folder`));
    expect(readdirSync(folder)).toEqual([]);
  });

  it("a file in a read-only folder names the folder and the reason", () => {
    // As root, permissions do not bind: the CLI then runs as nobody, with a folder nobody can write.
    const asRoot = process.getuid?.() === 0;
    const base = asRoot ? mkdtempSync("/tmp/cc-ro-") : mkdtempSync(join(work, "ro-"));
    try {
      const readOnly = join(base, "locked");
      mkdirSync(readOnly);
      const input = join(base, "in");
      mkdirSync(input);
      writeFileSync(join(input, "nucleus_detection_v0.csv"), NUCLEUS);
      for (const p of [base, input]) chmodSync(p, 0o755);
      chmodSync(join(input, "nucleus_detection_v0.csv"), 0o644);
      chmodSync(readOnly, 0o555);
      const target = join(readOnly, "store.db");
      const run = cli(["import", input, "--db", target], asRoot ? { uid: 65534, gid: 65534, cwd: "/" } : {});
      expectPlainFailure(run, new RegExp(`${target}: cannot write in ${readOnly} \\(permission denied\\)`));
      expect(existsSync(target)).toBe(false);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it("a file that is not a store is left alone", () => {
    const text = join(work, "notes.txt");
    writeFileSync(text, "root:x:0:0:root:/root:/bin/bash\n");
    const before = sha(text);
    expectPlainFailure(cli(["import", small, "--db", text]), /notes\.txt: not a connectome-chat store/);
    expect(sha(text)).toBe(before);
  });
});

describe("one import at a time", () => {
  it("two imports started together into a new path: one wins, the other is told another import holds it", async () => {
    const db = join(mkdtempSync(join(work, "race-")), "store.db");
    const runs = [cliAsync(["import", big, "--db", db]), cliAsync(["import", big, "--db", db])];
    const [a, b] = await Promise.all(runs.map((r) => r.done));
    const results = [a!, b!].sort((x, y) => (x.status ?? 9) - (y.status ?? 9));
    expect(
      results.map((r) => r.status),
      `${a!.stderr}\n${b!.stderr}`,
    ).toEqual([0, 1]);
    const [winner, loser] = results as [typeof a & {}, typeof a & {}];
    expect(loser.stderr).toMatch(/another import \(pid \d+\) holds .*store\.db; wait for it to finish/);
    expect(loser.ms).toBeLessThan(winner.ms);
    const info = cli(["info", "--db", db, "--json"]);
    expect(JSON.parse(info.stdout).tables.synapses_pni_2.rows).toBeGreaterThan(100_000);
    expect(readdirSync(join(db, ".."))).toEqual(["store.db"]);
  });

  it("a lock left by an import that died is cleaned up", () => {
    const db = join(mkdtempSync(join(work, "stale-")), "store.db");
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    writeFileSync(`${db}.import-lock`, JSON.stringify({ pid: Number(dead.stdout), started: new Date().toISOString() }));
    const run = cli(["import", small, "--db", db]);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(`${db}.import-lock`)).toBe(false);
  });

  it("a lock held by a live process stops a second import at once, naming the holder's pid", () => {
    const db = join(mkdtempSync(join(work, "held-")), "store.db");
    expect(cli(["import", small, "--db", db]).status).toBe(0);
    const before = sha(db);
    writeFileSync(`${db}.import-lock`, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
    const started = performance.now();
    const run = cli(["import", small, "--db", db]);
    expectPlainFailure(run, new RegExp(`another import \\(pid ${process.pid}\\) holds`));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(sha(db)).toBe(before);
    expect(existsSync(`${db}.import-lock`)).toBe(true);
  });
});

describe("ids that do not fit 0..2^63-1", () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      "a 20-digit root id",
      { "synapses_pni_2.csv": SYNAPSES.replace(`1,t,${ROOT},`, "1,t,18446744073709551615,") },
      'synapses_pni_2.csv, row 1, column "pre_pt_root_id": "18446744073709551615" is out of range',
    ],
    [
      "a negative root id",
      { "nucleus_detection_v0.csv": NUCLEUS.replace(`,${ROOT},`, ",-864691135999036084,") },
      'nucleus_detection_v0.csv, row 1, column "pt_root_id": "-864691135999036084" is negative',
    ],
  ];
  for (const [what, files, named] of cases) {
    it(`${what}: names the value, the column and the range`, () => {
      const db = join(mkdtempSync(join(work, "ids-")), "store.db");
      const run = cli(["import", exportDir(files), "--db", db]);
      expectPlainFailure(run, /root ids are unsigned 64-bit integers \(0 to 9223372036854775807 in the store\)/);
      expect(run.stderr).toContain(`${named}: root ids`);
      expect(existsSync(db)).toBe(false);
    });
  }
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});
