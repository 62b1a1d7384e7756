import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importTables } from "../src/store/import/importer.js";
import { CLI } from "./support/store.js";
import {
  CELL_TYPES,
  NUCLEUS,
  ROOT_A,
  ROOT_B,
  ROOT_C,
  SYNAPSES,
  base,
  exportDir,
  importTinyExport,
  open,
} from "./support/tiny-export.js";

/**
 * Importing CAVE exports into the store, over a tiny export whose figures are all known
 * (support/tiny-export.ts). Bad input is in import-bad-input.test.ts, the sql command in
 * cli-sql.test.ts.
 */

const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

let dbPath: string;
beforeAll(async () => {
  dbPath = await importTinyExport();
});

describe("import", () => {
  it("reports exactly the valid rows of every table in info --json, keyed by CAVE table name", () => {
    const info = JSON.parse(cli("info", "--db", dbPath, "--json").stdout);
    expect(info.tables.nucleus_detection_v0.rows).toBe(3);
    expect(info.tables.aibs_metamodel_celltypes_v661.rows).toBe(3);
    expect(info.tables.synapses_pni_2.rows).toBe(4);
    expect(info.tables.synapses_pni_2.invalid_rows).toBe(1);
    expect(info.voxel_resolution_nm).toEqual([4, 4, 40]);
  });

  it("keeps root ids exact: stored as INTEGER, read back as BigInt, printed as the same digits", () => {
    const db = open(dbPath);
    const roots = db.prepare("SELECT pt_root_id, typeof(pt_root_id) AS t FROM nucleus ORDER BY id").all() as {
      pt_root_id: bigint;
      t: string;
    }[];
    db.close();
    expect(roots.map((r) => r.pt_root_id)).toEqual([BigInt(ROOT_A), BigInt(ROOT_B), 0n]);
    expect(new Set(roots.map((r) => r.t))).toEqual(new Set(["integer"]));
    const out = JSON.parse(cli("sql", "--db", dbPath, "--json", "SELECT pt_root_id FROM nucleus ORDER BY id").stdout);
    expect(out.rows).toEqual([[ROOT_A], [ROOT_B], [0]]);
  });

  it("reads packed and split positions alike (with or without commas), in voxels", () => {
    const db = open(dbPath);
    const ct = db
      .prepare("SELECT target_id, pt_position_x, pt_position_y, pt_position_z FROM cell_type ORDER BY target_id")
      .raw(true)
      .all();
    const nuc = db
      .prepare("SELECT id, pt_position_x, pt_position_y, pt_position_z FROM nucleus ORDER BY id")
      .raw(true)
      .all();
    db.close();
    expect(ct).toEqual(nuc);
    expect(ct[2]).toEqual([104n, 1300n, 2300n, 330n]);
  });

  it("builds the connection summary, per-root totals, type connectivity and the size distribution exactly", () => {
    const db = open(dbPath);
    expect(
      db
        .prepare("SELECT pre_pt_root_id, post_pt_root_id, n_syn, sum_size FROM connection ORDER BY 1, 2")
        .raw(true)
        .all(),
    ).toEqual([
      [BigInt(ROOT_A), BigInt(ROOT_C), 1n, 50n],
      [BigInt(ROOT_A), BigInt(ROOT_B), 2n, 400n],
      [BigInt(ROOT_B), BigInt(ROOT_A), 1n, 20n],
    ]);
    expect(
      db
        .prepare("SELECT n_out, n_in, out_partners, in_partners FROM root_stats WHERE root_id = ?")
        .raw(true)
        .get(BigInt(ROOT_A)),
    ).toEqual([3n, 1n, 2n, 1n]);
    expect(
      db.prepare("SELECT pre_type, post_type, n_syn, sum_size FROM cell_type_connectivity ORDER BY 1").raw(true).all(),
    ).toEqual([
      ["23P", "BC", 1n, 20n],
      ["BC", "23P", 2n, 400n],
    ]);
    expect(db.prepare("SELECT size, n FROM synapse_size_counts ORDER BY size").raw(true).all()).toEqual([
      [20n, 1n],
      [50n, 1n],
      [100n, 1n],
      [300n, 1n],
    ]);
    db.close();
  });

  it(
    "counts a root once per type in type connectivity, " + "even when two classification systems give it that type",
    async () => {
      const path = join(mkdtempSync(join(tmpdir(), "cc-store-twice-")), "store.db");
      const twice =
        `${CELL_TYPES}5,2023-05-10,t,105,aibs_coarse_inhibitory,BC,88000000000000105,${ROOT_A},[1000 ` + `2000 300]\n`;
      await importTables({ paths: [exportDir({ ...base(), "aibs_metamodel_celltypes_v661.csv": twice })], db: path });
      const db = open(path);
      expect(
        db
          .prepare("SELECT pre_type, post_type, n_syn, sum_size, n_pairs FROM cell_type_connectivity ORDER BY 1")
          .raw(true)
          .all(),
      ).toEqual([
        ["23P", "BC", 1n, 20n, 1n],
        ["BC", "23P", 2n, 400n, 1n],
      ]);
      db.close();
    },
  );

  it("counts synapse sizes per cell type on each side, whether synapses or cell types came first", async () => {
    const expected = [
      ["post", "23P", 100n, 1n],
      ["post", "23P", 300n, 1n],
      ["post", "BC", 20n, 1n],
      ["pre", "23P", 20n, 1n],
      ["pre", "BC", 50n, 1n],
      ["pre", "BC", 100n, 1n],
      ["pre", "BC", 300n, 1n],
    ];
    const sizes = (path: string) => {
      const db = open(path);
      const rows = db
        .prepare("SELECT side, cell_type, size, n FROM cell_type_size_counts ORDER BY 1, 2, 3")
        .raw(true)
        .all();
      db.close();
      return rows;
    };
    // Counted while the synapses stream in (cell types are loaded first in one import).
    expect(sizes(dbPath)).toEqual(expected);
    // Built in SQL when the cell types arrive after the synapses.
    const later = join(mkdtempSync(join(tmpdir(), "cc-later-")), "store.db");
    await importTables({ paths: [exportDir({ "synapses_pni_2.csv": SYNAPSES })], db: later });
    await importTables({ paths: [exportDir({ "aibs_metamodel_celltypes_v661.csv": CELL_TYPES })], db: later });
    expect(sizes(later)).toEqual(expected);
  });

  it("gives the same database from gzipped CSV", async () => {
    const gz = join(mkdtempSync(join(tmpdir(), "cc-gz-")), "store.db");
    const files = Object.fromEntries(Object.entries(base()).map(([k, v]) => [`${k}.gz`, v]));
    await importTables({ paths: [exportDir(files)], db: gz });
    const dump = (p: string) => {
      const db = open(p);
      const rows = ["synapse", "nucleus", "cell_type", "connection"].map((t) =>
        db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw(true).all(),
      );
      db.close();
      return JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? v.toString() : v));
    };
    expect(dump(gz)).toBe(dump(dbPath));
  });

  it("replaces a table on re-import and adds a table imported later", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "cc-re-")), "store.db");
    await importTables({ paths: [exportDir(base())], db: path });
    const fewer = SYNAPSES.split("\n").slice(0, 3).join("\n") + "\n";
    await importTables({ paths: [exportDir({ "synapses_pni_2.csv": fewer })], db: path });
    const proofreading =
      "id,created,valid,valid_id,pt_supervoxel_id,pt_root_id," +
      "status_dendrite,status_axon,strategy_dendrite,strategy_axon\n" +
      `1,2024,t,${ROOT_A},1,${ROOT_A},t,t,dendrite_clean,axon_fully_extended\n`;
    await importTables({
      paths: [exportDir({ "proofreading_status_and_strategy.csv": proofreading })],
      db: path,
    });
    const info = JSON.parse(cli("info", "--db", path, "--json").stdout);
    expect(info.tables.synapses_pni_2.rows).toBe(2);
    expect(info.tables.nucleus_detection_v0.rows).toBe(3);
    expect(info.tables.proofreading_status_and_strategy.rows).toBe(1);
    expect(info.summaries.connection).toBe(1);
  });

  it("reports files it does not know instead of dropping them silently, and maps them with --table", () => {
    const dir = exportDir({ ...base(), "my_favourite_cells.csv": CELL_TYPES.replace(/,BC,/, ",MC,") });
    const path = join(mkdtempSync(join(tmpdir(), "cc-unknown-")), "store.db");
    const first = cli("import", dir, "--db", path);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/not imported \(unknown table.*my_favourite_cells\.csv/);
    // The mapped file is path enough: no PATH argument is needed beside --table.
    const mapped = cli("import", "--table", `cell_types=${join(dir, "my_favourite_cells.csv")}`, "--db", path);
    expect(mapped.status, mapped.stderr).toBe(0);
    const db = open(path);
    expect(db.prepare("SELECT cell_type FROM cell_type WHERE target_id = 101").pluck().get()).toBe("MC");
    db.close();
  });

  it("names a mapped file's table after the CAVE table its role holds, unless the file is named like one", () => {
    const dir = exportDir({
      "nucleus_detection_v0.csv": NUCLEUS,
      "syn_export_2024.csv": SYNAPSES,
      "allen_v1_column_types_slanted_ref.csv": CELL_TYPES,
    });
    const path = join(mkdtempSync(join(tmpdir(), "cc-mapped-")), "store.db");
    const mapped = cli(
      "import",
      join(dir, "nucleus_detection_v0.csv"),
      "--table",
      `synapses=${join(dir, "syn_export_2024.csv")}`,
      "--table",
      `cell_types=${join(dir, "allen_v1_column_types_slanted_ref.csv")}`,
      "--db",
      path,
    );
    expect(mapped.status, mapped.stderr).toBe(0);
    const tables = Object.keys(JSON.parse(cli("info", "--db", path, "--json").stdout).tables).sort();
    // Any table of the cell-type shape is a classification of its own: its name says which.
    expect(tables).toEqual(["allen_v1_column_types_slanted_ref", "nucleus_detection_v0", "synapses_pni_2"]);
  });

  it("says what to give when an import names no file at all", () => {
    const path = join(mkdtempSync(join(tmpdir(), "cc-nothing-")), "store.db");
    const nothing = cli("import", "--db", path);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toMatch(
      /nothing to import: give the folders or files .* or map a file with --table ROLE=FILE/,
    );
    expect(nothing.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path)).toBe(false);
  });

  it("leaves a synapse of unknown size out of size statistics instead of counting it below every size", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "cc-sizes-")), "store.db");
    const unsized = `${SYNAPSES}6,2020-11-04,,t,1,${ROOT_A},2,${ROOT_C},,15,25,35,x\n`;
    await importTables({ paths: [exportDir({ ...base(), "synapses_pni_2.csv": unsized })], db: path });
    const ask = spawnSync(
      process.execPath,
      [CLI, "ask", "--db", path, "--json", `median size of synapses from ${ROOT_A}`],
      { encoding: "utf8" },
    );
    // Known sizes of its valid outputs: 50, 100, 300.
    expect(JSON.parse(ask.stdout).table.rows).toEqual([[100, 3]]);
  });

  it("answers connection questions from connections_with_nuclei alone", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "cc-conn-")), "store.db");
    const connections =
      "pre_pt_root_id,post_pt_root_id,n_syn,sum_size,pre_nuc_id,post_nuc_id\n" +
      `${ROOT_A},${ROOT_B},2,400,101,102\n${ROOT_B},${ROOT_A},1,20,102,101\n`;
    await importTables({
      paths: [
        exportDir({ "aibs_metamodel_celltypes_v661.csv": CELL_TYPES, "connections_with_nuclei.csv.gz": connections }),
      ],
      db: path,
    });
    const db = open(path);
    expect(db.prepare("SELECT n_out, n_in FROM root_stats WHERE root_id = ?").raw(true).get(BigInt(ROOT_A))).toEqual([
      2n,
      1n,
    ]);
    db.close();
    const ask = spawnSync(process.execPath, [CLI, "ask", "--db", path, "--json", "What is the median synapse size?"], {
      encoding: "utf8",
    });
    expect(JSON.parse(ask.stdout).text).toMatch(/only the connection summary/);
  });
});
