/**
 * The tables the sample writes: their MICrONS (minnie65_public) names and columns, as
 * `client.materialize.query_table(name).to_csv(path, index=False)` leaves them. Positions come
 * split into _x/_y/_z columns in some tables and packed as "[x y z]" in others, as real exports do.
 */
export const TABLES = {
  nucleus: {
    name: "nucleus_detection_v0",
    header: [
      "id",
      "created",
      "superceded_id",
      "valid",
      "volume",
      "pt_supervoxel_id",
      "pt_root_id",
      "pt_position_x",
      "pt_position_y",
      "pt_position_z",
      "bb_start_position",
      "bb_end_position",
    ],
  },
  cellTypes: {
    name: "aibs_metamodel_celltypes_v661",
    header: [
      "id",
      "created",
      "valid",
      "target_id",
      "classification_system",
      "cell_type",
      "pt_supervoxel_id",
      "pt_root_id",
      "pt_position",
    ],
  },
  mtypes: {
    name: "aibs_metamodel_mtypes_v661_v2",
    header: [
      "id",
      "created",
      "valid",
      "target_id",
      "classification_system",
      "cell_type",
      "pt_supervoxel_id",
      "pt_root_id",
      "pt_position",
    ],
  },
  areas: {
    name: "nucleus_functional_area_assignment",
    header: ["id", "created", "valid", "target_id", "tag", "value", "pt_supervoxel_id", "pt_root_id", "pt_position"],
  },
  proofreading: {
    name: "proofreading_status_and_strategy",
    header: [
      "id",
      "created",
      "valid",
      "valid_id",
      "pt_supervoxel_id",
      "pt_root_id",
      "status_dendrite",
      "status_axon",
      "strategy_dendrite",
      "strategy_axon",
      "pt_position_x",
      "pt_position_y",
      "pt_position_z",
    ],
  },
  coregistration: {
    name: "coregistration_manual_v4",
    header: [
      "id",
      "created",
      "valid",
      "target_id",
      "session",
      "scan_idx",
      "field",
      "unit_id",
      "residual",
      "score",
      "pt_supervoxel_id",
      "pt_root_id",
      "pt_position_x",
      "pt_position_y",
      "pt_position_z",
    ],
  },
  functional: {
    name: "functional_properties_v3_bcm",
    header: [
      "id",
      "created",
      "valid",
      "target_id",
      "session",
      "scan_idx",
      "unit_id",
      "pref_ori",
      "pref_dir",
      "gOSI",
      "gDSI",
      "cc_abs",
      "pt_supervoxel_id",
      "pt_root_id",
      "pt_position",
    ],
  },
  synapses: {
    name: "synapses_pni_2",
    header: [
      "id",
      "created",
      "superceded_id",
      "valid",
      "pre_pt_supervoxel_id",
      "pre_pt_root_id",
      "post_pt_supervoxel_id",
      "post_pt_root_id",
      "size",
      "pre_pt_position_x",
      "pre_pt_position_y",
      "pre_pt_position_z",
      "post_pt_position_x",
      "post_pt_position_y",
      "post_pt_position_z",
      "ctr_pt_position_x",
      "ctr_pt_position_y",
      "ctr_pt_position_z",
    ],
  },
  connections: {
    name: "connections_with_nuclei",
    header: ["pre_pt_root_id", "post_pt_root_id", "n_syn", "sum_size", "pre_nuc_id", "post_nuc_id"],
  },
} as const satisfies Record<string, { name: string; header: readonly string[] }>;

export type TableKey = keyof typeof TABLES;

/**
 * What the sample writes, as a number: raise it when a table is added or changes, so that an
 * embedded default store built by an older sample is rebuilt (cli/sample-store.ts). 2: the
 * functional properties and like-to-like wiring.
 */
export const SAMPLE_FORMAT = 2;

/** Bulk-upload timestamps of the big tables (every row of one upload carries the same one). */
export const CREATED = {
  nucleus: "2020-09-28 22:40:41.780678+00:00",
  synapses: "2020-11-04 06:48:43.742345+00:00",
  metamodel: "2023-04-20 18:05:30.176523+00:00",
  areas: "2023-08-14 21:33:12.410938+00:00",
  functional: "2023-09-21 16:02:47.318204+00:00",
} as const;

/** Packed "[x y z]", as a position array column is written by pandas. */
export const packed = (p: { x: number; y: number; z: number }): string => `[${p.x} ${p.y} ${p.z}]`;
/** Split x,y,z columns. */
export const split = (p: { x: number; y: number; z: number }): string => `${p.x},${p.y},${p.z}`;

/** A float column value as pandas writes it (rounded here): shortest round-trip text, "12.0" for whole numbers. */
export function decimal(v: number, places: number): string {
  const r = Math.round(v * 10 ** places) / 10 ** places;
  return Number.isInteger(r) ? `${r}.0` : String(r);
}
