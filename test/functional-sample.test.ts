import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI } from "./support/store.js";

/*
 * The sample's functional half, written and imported by the command line as a user would:
 * functional_properties_v3_bcm for the coregistered cells, and like-to-like wiring among the
 * coregistered excitatory neurons, checked with plain SQL over the imported store.
 */
const cli = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

let root: string;
let db: Database.Database;
let info: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "cc-func-sample-"));
  cli("sample", "--out", join(root, "a"), "--cells", "2000", "--seed", "7");
  cli("import", join(root, "a"), "--db", join(root, "a.db"));
  info = cli("info", "--db", join(root, "a.db"));
  db = new Database(join(root, "a.db"), { readonly: true });
});
afterAll(() => db?.close());

const all = (sql: string) => db.prepare(sql).all() as Record<string, number>[];

describe("the sample's functional tables", () => {
  it("are listed by info, with the tuning and area summaries", () => {
    expect(info).toMatch(/functional_properties_v3_bcm\s+172 rows/);
    expect(info).toMatch(/cell_tuning\s+142 rows/);
    expect(info).toMatch(/root_area\s+\d/);
  });

  it("has one tuning row per coregistered scan unit, some nuclei in two scans", () => {
    const units = "target_id, session, scan_idx, unit_id";
    const unmatched = all(`SELECT ${units} FROM functional_properties EXCEPT SELECT ${units} FROM coregistration
      UNION ALL SELECT ${units} FROM coregistration EXCEPT SELECT ${units} FROM functional_properties`);
    expect(unmatched).toEqual([]);
    const scans = all("SELECT n_scans, count(*) AS n FROM cell_tuning GROUP BY n_scans ORDER BY n_scans");
    expect(scans.map((r) => r.n_scans)).toEqual([1, 2]);
    expect(scans[1]!.n).toBeGreaterThan(10);
  });

  it("gives angles in radians as the real table does: pref_ori in [0, π), pref_dir in [0, 2π), equal mod π", () => {
    const [r] = all(`SELECT min(pref_ori) AS lo, max(pref_ori) AS hi, max(pref_dir) AS dir,
      max(abs(pref_ori - (pref_dir - pi() * floor(pref_dir / pi())))) AS off,
      min(gOSI) AS osi, max(gOSI) AS osiMax, min(cc_abs) AS cc FROM functional_properties`);
    expect(r!.lo).toBeGreaterThanOrEqual(0);
    expect(r!.hi).toBeLessThan(Math.PI);
    expect(r!.dir).toBeLessThan(2 * Math.PI);
    expect(r!.dir).toBeGreaterThan(Math.PI); // some cells prefer the opposite direction
    expect(r!.off).toBeLessThan(2e-6); // both rounded to 6 places
    expect(r!.osi).toBeGreaterThan(0);
    expect(r!.osiMax).toBeLessThan(1);
    expect(r!.cc).toBeGreaterThan(0);
  });

  it("is byte-identical for the same seed", () => {
    cli("sample", "--out", join(root, "b"), "--cells", "2000", "--seed", "7");
    const files = readdirSync(join(root, "a")).sort();
    expect(readdirSync(join(root, "b")).sort()).toEqual(files);
    expect(files).toContain("functional_properties_v3_bcm.csv");
    for (const f of files) {
      expect(readFileSync(join(root, "b", f)).equals(readFileSync(join(root, "a", f))), f).toBe(true);
    }
  });
});

// Coregistered excitatory neurons (one nucleus per root), their best scan's preferred orientation,
// and every ordered pair of two of them with the circular difference of orientations (0 to 90°).
const PAIRS = `
  WITH matched AS (
    SELECT t.pt_root_id AS root, t.pref_ori AS ori FROM cell_tuning t
      JOIN root_cell_type c ON c.pt_root_id = t.pt_root_id AND c.classification_system = 'excitatory_neuron'
     WHERE t.pt_root_id IN (SELECT pt_root_id FROM cell_tuning GROUP BY pt_root_id HAVING count(*) = 1)),
  pairs AS (
    SELECT a.root AS pre, b.root AS post, degrees(min(abs(a.ori - b.ori), pi() - abs(a.ori - b.ori))) AS delta
      FROM matched a JOIN matched b ON a.root != b.root)
  SELECT CASE WHEN delta < 22.5 THEN 'similar' WHEN delta > 67.5 THEN 'orthogonal' ELSE 'between' END AS bin,
         count(*) AS pairs, count(c.n_syn) AS connected, coalesce(sum(c.n_syn), 0) AS synapses
    FROM pairs p LEFT JOIN connection c ON c.pre_pt_root_id = p.pre AND c.post_pt_root_id = p.post
   GROUP BY bin`;

describe("like-to-like wiring in the sample", () => {
  it("connects coregistered excitatory pairs of similar orientation more often than orthogonal ones", () => {
    type Bin = { bin: string; pairs: number; connected: number; synapses: number };
    const bins = new Map((db.prepare(PAIRS).all() as Bin[]).map((r) => [r.bin, r]));
    const similar = bins.get("similar")!;
    const orthogonal = bins.get("orthogonal")!;
    // Enough pairs in each bin that the difference is not one of a few connections.
    expect(similar.pairs).toBeGreaterThan(3000);
    expect(orthogonal.pairs).toBeGreaterThan(3000);
    expect(similar.connected / similar.pairs).toBeGreaterThan(1.5 * (orthogonal.connected / orthogonal.pairs));
    expect(similar.synapses / similar.pairs).toBeGreaterThan(orthogonal.synapses / orthogonal.pairs);
  });
});
