import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { importTables } from "../src/store/import/importer.js";
import { readStoreInfo } from "../src/store/info.js";
import { writeFeatherCopy, writeParquetCopy } from "./support/columnar-fixtures.js";

/*
 * The two tuning tables and the area table, written by hand so that every cell_tuning and
 * root_area row is known exactly, then imported as CSV, gzipped CSV, Parquet and Feather.
 */
const ROOT_A = "864691135123456789";
const ROOT_B = "864691135987654321";
const ROOT_M = "864691135555555555"; // a merge: two nuclei on one root, in two areas
const POS = "[1000 2000 300]";

// Nucleus 201: two scans, the second predicts it better. 202: one scan, and one invalid row.
// 204: two scans of equal cc_abs: the earlier session is kept.
const V3_HEADER =
  "id,created,valid,target_id,session,scan_idx,unit_id,pref_ori,pref_dir,gOSI,gDSI,cc_abs," +
  "pt_supervoxel_id,pt_root_id,pt_position";
const V3 = `${V3_HEADER}
1,2023-09-21,t,201,4,7,11,0.5,3.641593,0.1,0.02,0.3,88000000000000201,${ROOT_A},${POS}
2,2023-09-21,t,201,5,3,12,0.6,0.6,0.2,0.03,0.6,88000000000000201,${ROOT_A},${POS}
3,2023-09-21,t,202,6,2,13,2.010759,5.152352,0.084251,0.030395,0.52677,88000000000000202,${ROOT_B},${POS}
4,2023-09-21,f,202,6,4,14,1.0,1.0,0.9,0.9,0.99,88000000000000202,${ROOT_B},${POS}
5,2023-09-21,t,204,7,3,15,0.914503,0.914503,0.255712,0.031162,0.4,88000000000000204,0,${POS}
6,2023-09-21,t,204,6,6,16,1.5,4.641593,0.3,0.04,0.4,88000000000000204,0,${POS}
`;
const V3_ROWS = [
  [201n, BigInt(ROOT_A), 0.6, 0.6, 0.2, 0.03, 0.6, 5n, 3n, 12n, 2n, "functional_properties_v3_bcm"],
  // A real row (v1300, nucleus 153275), on another nucleus.
  [
    202n,
    BigInt(ROOT_B),
    2.010759,
    5.152352,
    0.084251,
    0.030395,
    0.52677,
    6n,
    2n,
    13n,
    1n,
    "functional_properties_v3_bcm",
  ],
  [204n, 0n, 1.5, 4.641593, 0.3, 0.04, 0.4, 6n, 6n, 16n, 2n, "functional_properties_v3_bcm"],
];

// Degrees, 0 = a vertical bar moving right, counter-clockwise. Nucleus 301's better scan has the
// lower cc_max: the ranking is by cc_abs (cc_max is the normalizing ceiling, not a performance).
const TWIN_HEADER =
  "id,created,valid,target_id,session,scan_idx,unit_id,pref_ori,pref_dir,gOSI,gDSI,cc_abs," +
  "OSI,DSI,cc_max,cc_norm,readout_loc_x,readout_loc_y,pt_supervoxel_id,pt_root_id,pt_position";
const TWIN = `${TWIN_HEADER}
1,2024-05-01,t,301,4,7,21,30.0,210.0,0.1,0.01,0.2,0.15,0.02,0.9,0.22,0.1,-0.2,88000000000000301,${ROOT_A},${POS}
2,2024-05-01,t,301,5,3,22,0.0,0.0,0.25,0.05,0.5,0.3,0.06,0.7,0.71,0.1,-0.2,88000000000000301,${ROOT_A},${POS}
3,2024-05-01,t,302,6,2,23,120.0,300.0,0.4,0.2,0.45,0.5,0.25,0.8,0.56,-0.5,0.5,88000000000000302,${ROOT_B},${POS}
`;
// (90° − 0°) = 90° → π/2; (90° − 120°) mod 180° = 150° → 5π/6; (90° − 300°) mod 360° = 150° → 5π/6.
const TWIN_ROWS = (source: string) => [
  [301n, BigInt(ROOT_A), Math.PI / 2, Math.PI / 2, 0.25, 0.05, 0.5, 5n, 3n, 22n, 2n, source],
  [302n, BigInt(ROOT_B), (5 * Math.PI) / 6, (5 * Math.PI) / 6, 0.4, 0.2, 0.45, 6n, 2n, 23n, 1n, source],
];

const AREAS = `id,created,valid,target_id,tag,value,pt_supervoxel_id,pt_root_id,pt_position
1,2023-08-14,t,201,V1,150.5,88000000000000201,${ROOT_A},${POS}
2,2023-08-14,t,202,V1,80.25,88000000000000202,${ROOT_B},${POS}
3,2023-08-14,t,205,V1,12.5,88000000000000205,${ROOT_M},${POS}
4,2023-08-14,t,206,RL,13.5,88000000000000206,${ROOT_M},${POS}
5,2023-08-14,t,207,V1,40.0,88000000000000207,${ROOT_M},${POS}
6,2023-08-14,t,204,LM,33.0,88000000000000204,0,${POS}
`;
const ROOT_AREA = [
  [BigInt(ROOT_A), "V1", 1n],
  [BigInt(ROOT_M), "RL", 1n],
  [BigInt(ROOT_M), "V1", 2n],
  [BigInt(ROOT_B), "V1", 1n],
];

function csvDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "cc-func-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function gzipDir(from: string): string {
  const dir = `${from}-gz`;
  mkdirSync(dir);
  for (const f of readdirSync(from)) writeFileSync(join(dir, `${f}.gz`), gzipSync(readFileSync(join(from, f))));
  return dir;
}

function rows(path: string, sql: string): unknown[][] {
  const db = new Database(path, { readonly: true });
  db.defaultSafeIntegers(true);
  const out = db.prepare(sql).raw(true).all() as unknown[][];
  db.close();
  // REAL columns come back as numbers; the rest as BigInt.
  return out;
}

const tuning = (db: string) => rows(db, "SELECT * FROM cell_tuning ORDER BY target_id");

/** Row by row: integers and text exactly, angles converted in SQL to 12 places. */
function expectRows(actual: unknown[][], expected: unknown[][]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((row, i) =>
    row.forEach((v, k) => {
      const want = expected[i]![k];
      if (typeof want === "number") expect(v as number).toBeCloseTo(want, 12);
      else expect(v).toEqual(want);
    }),
  );
}

let csv: string;
beforeAll(() => {
  csv = csvDir({ "functional_properties_v3_bcm.csv": V3, "nucleus_functional_area_assignment.csv": AREAS });
});

describe("functional_properties_v3_bcm and the area table, in every format", () => {
  const formats: [string, () => Promise<string>][] = [
    ["CSV", async () => csv],
    ["gzipped CSV", async () => gzipDir(csv)],
    [
      "Parquet",
      async () => {
        await writeParquetCopy(csv, `${csv}-pq`, "SNAPPY");
        return `${csv}-pq`;
      },
    ],
    [
      "Feather",
      async () => {
        await writeFeatherCopy(csv, `${csv}-fe`, "LZ4_FRAME");
        return `${csv}-fe`;
      },
    ],
  ];
  for (const [format, dir] of formats) {
    it(`builds cell_tuning (best cc_abs per nucleus, n_scans) and root_area from ${format}`, async () => {
      const db = join(mkdtempSync(join(tmpdir(), "cc-func-db-")), "store.db");
      await importTables({ paths: [await dir()], db });
      expect(tuning(db)).toEqual(V3_ROWS);
      expect(rows(db, "SELECT pt_root_id, tag, n_nuclei FROM root_area ORDER BY pt_root_id, tag")).toEqual(ROOT_AREA);
      // The imported tables stay as given: every valid scan unit, every nucleus's area.
      expect(rows(db, "SELECT count(*) FROM functional_properties")).toEqual([[5n]]);
      expect(rows(db, "SELECT target_id, tag FROM area_assignment WHERE pt_root_id = 0")).toEqual([[204n, "LM"]]);
      const info = readStoreInfo(db);
      expect(info.tables.functional_properties_v3_bcm?.rows).toBe(5);
      expect(info.tables.functional_properties_v3_bcm?.invalid_rows).toBe(1);
      expect(info.summaries).toMatchObject({ cell_tuning: 3, root_area: 4 });
    });
  }
});

describe("digital_twin_properties_bcm_coreg_v4, in every format", () => {
  let twin: string;
  beforeAll(() => {
    twin = csvDir({ "digital_twin_properties_bcm_coreg_v4.csv": TWIN });
  });
  const formats: [string, () => Promise<string>][] = [
    ["CSV", async () => twin],
    ["gzipped CSV", async () => gzipDir(twin)],
    [
      "Parquet",
      async () => {
        await writeParquetCopy(twin, `${twin}-pq`, "ZSTD");
        return `${twin}-pq`;
      },
    ],
    [
      "Feather",
      async () => {
        await writeFeatherCopy(twin, `${twin}-fe`, "ZSTD");
        return `${twin}-fe`;
      },
    ],
  ];
  for (const [format, dir] of formats) {
    it(`converts degrees to the v3 convention in radians and ranks by cc_abs, from ${format}`, async () => {
      const db = join(mkdtempSync(join(tmpdir(), "cc-twin-db-")), "store.db");
      await importTables({ paths: [await dir()], db });
      expectRows(tuning(db), TWIN_ROWS("digital_twin_properties_bcm_coreg_v4"));
      // The imported table keeps the CAVE values, degrees and all.
      const first = rows(db, "SELECT pref_ori, OSI, cc_max FROM digital_twin_properties ORDER BY id LIMIT 1");
      expect(first).toEqual([[30, 0.15, 0.9]]);
      expect(readStoreInfo(db).tables.digital_twin_properties_bcm_coreg_v4?.rows).toBe(3);
    });
  }

  it("takes cell_tuning from the digital twin when both tables are in the store, and says so", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "cc-both-")), "store.db");
    await importTables({ paths: [csv], db });
    expect(tuning(db)).toEqual(V3_ROWS);
    await importTables({ paths: [twin], db });
    expectRows(tuning(db), TWIN_ROWS("digital_twin_properties_bcm_coreg_v4"));
    const tables = Object.keys(readStoreInfo(db).tables);
    expect(tables).toEqual(
      expect.arrayContaining(["functional_properties_v3_bcm", "digital_twin_properties_bcm_coreg_v4"]),
    );
  });

  it("names the CAVE table the rows came from as the file names it", async () => {
    const auto = csvDir({ "digital_twin_properties_bcm_coreg_auto_phase3_fwd_v2.csv": TWIN });
    const db = join(mkdtempSync(join(tmpdir(), "cc-auto-")), "store.db");
    await importTables({ paths: [auto], db });
    expectRows(tuning(db), TWIN_ROWS("digital_twin_properties_bcm_coreg_auto_phase3_fwd_v2"));
  });

  it("fails on a tuning file without its angles, naming the file and the column", async () => {
    const broken = csvDir({ "digital_twin_properties_bcm_coreg_v4.csv": TWIN.replace("pref_ori,", "orientation,") });
    await expect(importTables({ paths: [broken], db: join(broken, "store.db") })).rejects.toThrow(
      /digital_twin_properties_bcm_coreg_v4\.csv.*missing required column "pref_ori"/,
    );
  });
});
