/**
 * The CAVE tables connectome-chat knows, and how each is kept in the local store (the shape of a
 * spec is in table-spec.ts).
 */
import type { ColumnSpec, Role, TableSpec } from "./table-spec.js";

const rootId = (required = true): ColumnSpec => ({
  name: "pt_root_id",
  type: "INTEGER",
  from: ["pt_root_id", "root_id"],
  required,
  id: true,
});
const supervoxelId: ColumnSpec = {
  name: "pt_supervoxel_id",
  type: "INTEGER",
  from: ["pt_supervoxel_id", "supervoxel_id"],
  id: true,
};
const annotationId: ColumnSpec = { name: "id", type: "INTEGER", from: ["id"], id: true };
const targetId = (required = false): ColumnSpec => ({
  name: "target_id",
  type: "INTEGER",
  from: ["target_id", "nucleus_id", "nuc_id"],
  required,
  id: true,
});

const real = (name: string, required = false): ColumnSpec => ({ name, type: "REAL", from: [name], required });
const integer = (name: string, required = false): ColumnSpec => ({ name, type: "INTEGER", from: [name], required });

/**
 * The tuning tables: reference tables on nucleus_detection_v0, one row per matched scan unit (a
 * nucleus imaged in two scans has two). Columns as the CAVE schemas FunctionalPropertiesBCM and
 * DigitalTwinPropertiesBCM define them (CAVEconnectome/EMAnnotationSchemas,
 * emannotationschemas/schemas/functional_props.py, where every column is required); the digital
 * twin schema extends the first, so it has gOSI, gDSI and cc_abs too, adds OSI, DSI, cc_max,
 * cc_norm and the readout location, and gives angles in degrees in another convention
 * (converted in cell_tuning: store/tuning-summaries.ts). Stored as given.
 */
const tuningColumns = (extra: ColumnSpec[]): ColumnSpec[] => [
  annotationId,
  targetId(true),
  integer("session", true),
  integer("scan_idx", true),
  integer("unit_id", true),
  real("pref_ori", true),
  real("pref_dir", true),
  real("gOSI", true),
  real("gDSI", true),
  real("cc_abs", true),
  ...extra,
  supervoxelId,
  rootId(),
];

/** Columns of every CAVE annotation table that the store does not keep: bookkeeping, not data. */
export const BOOKKEEPING_COLUMNS = new Set(["created", "deleted", "superceded_id", "valid", "index", "Unnamed: 0", ""]);

const cellTypeLike = (
  role: "cell_types" | "mtypes",
  caveName: string,
  storeTable: string,
  description: string,
  fileNames: RegExp[],
): TableSpec => ({
  role,
  caveName,
  storeTable,
  description,
  fileNames,
  columns: [
    annotationId,
    targetId(true),
    { name: "classification_system", type: "TEXT", from: ["classification_system"], required: true },
    { name: "cell_type", type: "TEXT", from: ["cell_type"], required: true },
    supervoxelId,
    rootId(),
  ],
  positions: [{ name: "pt_position" }],
  indexes: [["pt_root_id"], ["target_id"], ["cell_type"]],
  keepExtraColumns: true,
});

export const TABLES: TableSpec[] = [
  {
    role: "nucleus",
    caveName: "nucleus_detection_v0",
    storeTable: "nucleus",
    description: "nucleus detections (one per soma), with volume and position",
    fileNames: [/^nucleus_detection_v\d+/, /^nucleus_detection/],
    columns: [
      { name: "id", type: "INTEGER", from: ["id", "nucleus_id"], required: true, id: true },
      { name: "volume", type: "REAL", from: ["volume"] },
      supervoxelId,
      rootId(),
    ],
    positions: [{ name: "pt_position" }],
    primaryKey: "id",
    indexes: [["pt_root_id"]],
    keepExtraColumns: false,
  },
  cellTypeLike(
    "cell_types",
    "aibs_metamodel_celltypes_v661",
    "cell_type",
    "cell types (classification_system, cell_type) per nucleus",
    [/^aibs_metamodel_celltypes/, /^aibs_soma_nuc_metamodel_preds/, /^cell_type/],
  ),
  cellTypeLike("mtypes", "aibs_metamodel_mtypes_v661_v2", "mtype", "morphological types (m-types) per nucleus", [
    /^aibs_metamodel_mtypes/,
    /mtypes/,
  ]),
  {
    role: "synapses",
    caveName: "synapses_pni_2",
    storeTable: "synapse",
    description: "every synapse: pre and post root ids, size in voxels, position",
    fileNames: [/^synapses_pni_2/, /^synapses?(_|$)/],
    columns: [
      { name: "id", type: "INTEGER", from: ["id", "synapse_id"], id: true },
      { name: "pre_pt_root_id", type: "INTEGER", from: ["pre_pt_root_id"], required: true, id: true },
      { name: "post_pt_root_id", type: "INTEGER", from: ["post_pt_root_id"], required: true, id: true },
      { name: "size", type: "INTEGER", from: ["size", "synapse_size"], required: true },
    ],
    positions: [{ name: "ctr_pt_position" }],
    primaryKey: "id",
    // Built after loading. One covering index by (pre, post): it feeds the connection summary in
    // order, and a neuron's input synapses are found through connection_by_post and then this.
    indexes: [["pre_pt_root_id", "post_pt_root_id", "size"]],
    keepExtraColumns: false,
  },
  {
    role: "proofreading",
    caveName: "proofreading_status_and_strategy",
    storeTable: "proofreading",
    description: "proofreading status and strategy of axons and dendrites",
    fileNames: [/^proofreading_status_and_strategy/, /^proofreading_status_public_release/, /^proofreading/],
    columns: [
      annotationId,
      { name: "valid_id", type: "INTEGER", from: ["valid_id"], id: true },
      supervoxelId,
      rootId(),
      { name: "status_dendrite", type: "TEXT", from: ["status_dendrite"] },
      { name: "status_axon", type: "TEXT", from: ["status_axon"] },
      { name: "strategy_dendrite", type: "TEXT", from: ["strategy_dendrite"] },
      { name: "strategy_axon", type: "TEXT", from: ["strategy_axon"] },
    ],
    positions: [{ name: "pt_position" }],
    indexes: [["pt_root_id"]],
    keepExtraColumns: true,
  },
  {
    role: "coregistration",
    caveName: "coregistration_manual_v4",
    storeTable: "coregistration",
    description: "EM cells matched to two-photon functional recordings (session, scan, unit)",
    fileNames: [/^coregistration_manual_v\d+/, /^coregistration/, /^apl_functional_coreg/],
    columns: [
      annotationId,
      targetId(),
      { name: "session", type: "INTEGER", from: ["session"] },
      { name: "scan_idx", type: "INTEGER", from: ["scan_idx"] },
      { name: "field", type: "INTEGER", from: ["field"] },
      { name: "unit_id", type: "INTEGER", from: ["unit_id"] },
      { name: "residual", type: "REAL", from: ["residual"] },
      { name: "score", type: "REAL", from: ["score"] },
      supervoxelId,
      rootId(),
    ],
    positions: [{ name: "pt_position" }],
    indexes: [["pt_root_id"], ["target_id"]],
    keepExtraColumns: true,
  },
  {
    role: "functional",
    caveName: "functional_properties_v3_bcm",
    storeTable: "functional_properties",
    description: "tuning of coregistered cells per scan unit (radians; gOSI, gDSI, cc_abs)",
    fileNames: [/^functional_properties/],
    columns: tuningColumns([]),
    positions: [{ name: "pt_position" }],
    indexes: [["pt_root_id"], ["target_id"]],
    keepExtraColumns: true,
  },
  {
    role: "digital_twin",
    caveName: "digital_twin_properties_bcm_coreg_v4",
    storeTable: "digital_twin_properties",
    description: "digital-twin tuning of coregistered cells per scan unit (degrees; OSI, DSI, cc_max, cc_norm too)",
    fileNames: [/^digital_twin_properties/],
    columns: tuningColumns(["OSI", "DSI", "cc_max", "cc_norm", "readout_loc_x", "readout_loc_y"].map((n) => real(n))),
    positions: [{ name: "pt_position" }],
    indexes: [["pt_root_id"], ["target_id"]],
    keepExtraColumns: true,
  },
  {
    role: "areas",
    caveName: "nucleus_functional_area_assignment",
    storeTable: "area_assignment",
    description: "brain area (V1, RL, AL, LM) of each nucleus",
    fileNames: [/^nucleus_functional_area_assignment/, /area_assignment/],
    columns: [
      annotationId,
      targetId(),
      { name: "tag", type: "TEXT", from: ["tag", "area"], required: true },
      { name: "value", type: "REAL", from: ["value"] },
      supervoxelId,
      rootId(false),
    ],
    positions: [{ name: "pt_position" }],
    indexes: [["pt_root_id"], ["target_id"], ["tag"]],
    keepExtraColumns: true,
  },
  {
    role: "connections",
    caveName: "connections_with_nuclei",
    storeTable: "connection",
    description: "the connection summary: one row per (pre, post) root pair with synapse count and summed size",
    fileNames: [/^connections_with_nuclei/, /^connections?(_|$)/],
    columns: [
      { name: "pre_pt_root_id", type: "INTEGER", from: ["pre_pt_root_id"], required: true, id: true },
      { name: "post_pt_root_id", type: "INTEGER", from: ["post_pt_root_id"], required: true, id: true },
      { name: "n_syn", type: "INTEGER", from: ["n_syn", "syn_count", "n_synapses"], required: true },
      { name: "sum_size", type: "INTEGER", from: ["sum_size", "syn_size_sum", "total_size"] },
    ],
    positions: [],
    indexes: [],
    keepExtraColumns: false,
  },
];

export const TABLE_BY_ROLE = new Map(TABLES.map((t) => [t.role, t] as const));

export function tableSpec(role: Role): TableSpec {
  const spec = TABLE_BY_ROLE.get(role);
  if (!spec) throw new Error(`unknown table role ${role}`);
  return spec;
}

/** Role names accepted by `--table ROLE=FILE`, with friendly aliases. */
export const ROLE_ALIASES: Record<string, Role> = {
  nucleus: "nucleus",
  nuclei: "nucleus",
  cell_types: "cell_types",
  celltypes: "cell_types",
  "cell-types": "cell_types",
  mtypes: "mtypes",
  "m-types": "mtypes",
  synapses: "synapses",
  synapse: "synapses",
  proofreading: "proofreading",
  coregistration: "coregistration",
  coreg: "coregistration",
  functional: "functional",
  functional_properties: "functional",
  digital_twin: "digital_twin",
  "digital-twin": "digital_twin",
  digital_twin_properties: "digital_twin",
  areas: "areas",
  area: "areas",
  connections: "connections",
  connection: "connections",
};
