import type Database from "better-sqlite3";
// Types only from schema.ts, which imports this module's steps: no cycle at run time.
import type { SummaryStep } from "./schema.js";
import { tableSpec } from "./tables.js";

/**
 * Summaries for the functional half of the dataset, built at import like the others.
 *
 * `cell_tuning`: one row per nucleus, the scan unit whose model predicts it best (highest cc_abs,
 * as the MICrONS tutorial keeps it: 12,094 rows become 10,631 at v1300), with `n_scans` saying how
 * many rows the nucleus had and `source_table` the CAVE table they came from. Angles are in
 * functional_properties_v3_bcm's convention: radians, pref_ori in [0, π), pref_dir in [0, 2π),
 * 0 = a horizontal bar moving upward, increasing clockwise (the BCM pipeline's "clock convention").
 * osi and dsi are the global indexes gOSI and gDSI, which both tables have; cc is cc_abs (the
 * digital twin's cc_max is the ceiling used to normalize it, not a performance).
 *
 * `root_area`: each root's visual area in one lookup, with the nuclei behind it. A root whose
 * nuclei lie in two areas (a merge) has two rows, so that it is reported, not silently assigned.
 */

/**
 * digital_twin_properties_bcm_coreg_v4 gives degrees, 0 = a vertical bar moving right, increasing
 * counter-clockwise (its column descriptions in the CAVE schema DigitalTwinPropertiesBCM and the
 * MICrONS tutorial's annotation-tables page). Moving right is 90° clockwise from moving up, so
 * v3 = (90° − dt) mod period, the same map the BCM pipeline uses for its clock convention:
 * (−μ + π/2) mod π. SQLite's % truncates to integers, hence x − p·floor(x/p).
 */
const fromTwinDegrees = (column: string, period: number) =>
  `radians((90.0 - ${column}) - ${period}.0 * floor((90.0 - ${column}) / ${period}.0))`;

/** A source of tuning rows and how its angles become the store's convention. */
interface TuningSource {
  role: "functional" | "digital_twin";
  table: string;
  caveName: string;
  ori: string;
  dir: string;
}

// The successor first: when a store holds both tables, cell_tuning comes from the digital twin.
const SOURCES: TuningSource[] = [
  { ...names("digital_twin"), ori: fromTwinDegrees("pref_ori", 180), dir: fromTwinDegrees("pref_dir", 360) },
  { ...names("functional"), ori: "pref_ori", dir: "pref_dir" },
];

function names(role: TuningSource["role"]) {
  const spec = tableSpec(role);
  return { role, table: spec.storeTable, caveName: spec.caveName };
}

/**
 * Gives cell_tuning's rows the name of the CAVE table as the import log has it (the file's own
 * name, say digital_twin_properties_bcm_coreg_auto_phase3_fwd_v2) rather than the role's usual
 * table. Run after the log is written: the summary SQL cannot read the log, which the LLM gate's
 * schema does not have.
 */
export function nameTuningSource(db: Database.Database): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cell_tuning'").get();
  if (!exists) return;
  const rename = db.prepare(`UPDATE cell_tuning
    SET source_table = coalesce((SELECT cave_table FROM import_log WHERE role = ? AND store_table IS NOT NULL), source_table)
    WHERE source_table = ?`);
  for (const s of SOURCES) rename.run(s.role, s.caveName);
}

// IF NOT EXISTS: several steps share the name (the first whose table is present builds it), and
// the LLM gate's schema runs every step's SQL on one empty database.
const tuningSteps: SummaryStep[] = SOURCES.map((s) => ({
  name: "cell_tuning",
  needs: [s.table],
  sql: `
    CREATE TABLE IF NOT EXISTS cell_tuning (target_id INTEGER PRIMARY KEY, pt_root_id INTEGER,
      pref_ori REAL, pref_dir REAL, osi REAL, dsi REAL, cc REAL, session INTEGER, scan_idx INTEGER, unit_id INTEGER,
      n_scans INTEGER NOT NULL, source_table TEXT NOT NULL) STRICT;
    INSERT INTO cell_tuning
      SELECT target_id, pt_root_id, ${s.ori}, ${s.dir}, gOSI, gDSI, cc_abs, session, scan_idx, unit_id, n_scans,
             '${s.caveName}'
        FROM (SELECT *, count(*) OVER (PARTITION BY target_id) AS n_scans,
                     row_number() OVER (PARTITION BY target_id
                       ORDER BY cc_abs DESC NULLS LAST, session, scan_idx, unit_id) AS rank
                FROM ${s.table} WHERE target_id IS NOT NULL)
       WHERE rank = 1;
    CREATE INDEX IF NOT EXISTS cell_tuning_by_root ON cell_tuning (pt_root_id);`,
}));

const rootArea: SummaryStep = {
  name: "root_area",
  // Both columns are optional in an area export; without them there is no root to place.
  needs: ["area_assignment.pt_root_id", "area_assignment.target_id"],
  sql: `
    CREATE TABLE root_area (pt_root_id INTEGER NOT NULL, tag TEXT NOT NULL, n_nuclei INTEGER NOT NULL,
      PRIMARY KEY (pt_root_id, tag)) STRICT, WITHOUT ROWID;
    INSERT INTO root_area SELECT pt_root_id, tag, count(DISTINCT target_id) FROM area_assignment
      WHERE pt_root_id IS NOT NULL AND pt_root_id != 0 AND tag IS NOT NULL GROUP BY pt_root_id, tag;
    CREATE INDEX root_area_by_tag ON root_area (tag, pt_root_id);`,
};

export const FUNCTION_SUMMARY_STEPS: SummaryStep[] = [...tuningSteps, rootArea];
