import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSample } from "../src/sample/index.js";
import { importTables } from "../src/store/import/importer.js";

// `sample --synapses N`: the real table's shape (most synapses on a fragment without a nucleus, many
// fragment roots), and the store built from it keeps its per-root totals exact (issue 16).
const root = mkdtempSync(join(tmpdir(), "cc-scale-"));
const dir = join(root, "sample");
const db = join(root, "store.db");

beforeAll(async () => {
  await writeSample({ out: dir, cells: 400, seed: 5, synapsesPerNeuron: 20, synapses: 30_000 });
  await importTables({ paths: [dir], db });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a sample with the real synapse table's shape", () => {
  it("writes the rows asked for, mostly with a fragment on one side, from many fragment roots", () => {
    const lines = readFileSync(join(dir, "synapses_pni_2.csv"), "latin1").trim().split("\n").slice(1);
    expect(lines).toHaveLength(30_000);
    const nuclei = new Set(
      readFileSync(join(dir, "nucleus_detection_v0.csv"), "latin1")
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(",").at(-1)),
    );
    const ids = lines.map((l) => Number(l.split(",")[0]));
    expect(new Set(ids).size).toBe(ids.length);
    const pairs = lines.map((l) => l.split(",")).map((f) => [f[5]!, f[7]!] as const);
    const onFragment = pairs.filter(([pre, post]) => !nuclei.has(pre) || !nuclei.has(post)).length;
    expect(onFragment / pairs.length).toBeGreaterThan(0.8);
    const fragmentRoots = new Set(pairs.flat().filter((r) => r.startsWith("864691136")));
    expect(fragmentRoots.size).toBeGreaterThan(5_000);
  });

  it("keeps root_stats as the one GROUP BY over both sides of every connection gave it", () => {
    const store = new Database(db, { readonly: true });
    const reference = `SELECT root, sum(n_out), sum(n_in), sum(out_partners), sum(in_partners), sum(out_size),
        sum(in_size)
      FROM (SELECT pre_pt_root_id AS root, sum(n_syn) AS n_out, 0 AS n_in, count(*) AS out_partners, 0 AS in_partners,
                   sum(sum_size) AS out_size, 0 AS in_size FROM connection GROUP BY pre_pt_root_id
            UNION ALL
            SELECT post_pt_root_id, 0, sum(n_syn), 0, count(*), 0, sum(sum_size) FROM connection
              GROUP BY post_pt_root_id)
      GROUP BY root`;
    const stats = "SELECT root_id, n_out, n_in, out_partners, in_partners, out_size, in_size FROM root_stats";
    const count = (sql: string) => (store.prepare(`SELECT count(*) AS n FROM (${sql})`).get() as { n: number }).n;
    expect(count(stats)).toBeGreaterThan(5_000);
    expect(count(`${stats} EXCEPT ${reference}`)).toBe(0);
    expect(count(`${reference} EXCEPT ${stats}`)).toBe(0);
    store.close();
  });
});
