import { describePlan } from "../../planning/describe.js";
import type { LookupPlan } from "../../planning/plan.js";
import type { AnswerTable, TableCell } from "../../answers/answer.js";
import type { StatementResult } from "../protocol.js";
import { positionColumns, positionText } from "./positions.js";
import { MissingDataError, fmt, type CompileContext, type CompiledQuery, type Presentation } from "./types.js";
import { unitsTable } from "./lookup-units.js";

/** Everything the store knows about one root id or nucleus id, from each table that is loaded. */
export function compileLookup(ctx: CompileContext, plan: LookupPlan): CompiledQuery {
  const has = (t: string) => ctx.catalog.tables.has(t);
  const byRoot = plan.rootId !== undefined;
  const id = BigInt((plan.rootId ?? plan.nucleusId)!);
  const statements: { name: string; sql: string; params: bigint[] }[] = [];
  // Nuclei of the root, or the nucleus itself (with its root id).
  if (has("nucleus")) {
    statements.push({
      name: "nucleus",
      sql: `SELECT id AS nucleus_id, pt_root_id, volume, pt_position_x, pt_position_y, pt_position_z FROM nucleus WHERE ${byRoot ? "pt_root_id" : "id"} = ? ORDER BY id`,
      params: [id],
    });
  }
  if (has("cell_type")) {
    statements.push({
      name: "cell_type",
      sql: `SELECT target_id AS nucleus_id, pt_root_id, cell_type, classification_system, pt_position_x, pt_position_y, pt_position_z FROM cell_type WHERE ${byRoot ? "pt_root_id" : "target_id"} = ? ORDER BY target_id`,
      params: [id],
    });
  }
  if (has("mtype")) {
    statements.push({
      name: "mtype",
      sql: `SELECT target_id AS nucleus_id, cell_type AS mtype FROM mtype WHERE ${byRoot ? "pt_root_id" : "target_id"} = ?`,
      params: [id],
    });
  }
  if (!byRoot && !has("nucleus") && !has("cell_type")) {
    throw new MissingDataError(
      "Looking up a nucleus id needs the nucleus table (nucleus_detection_v0) or a cell-type table; neither is in this store.",
    );
  }
  // Root-level facts: for a nucleus, through its root id (found by the statements above).
  const rootExpr = byRoot
    ? "?"
    : `(SELECT pt_root_id FROM ${has("nucleus") ? "nucleus WHERE id" : "cell_type WHERE target_id"} = ? LIMIT 1)`;
  if (has("root_stats"))
    statements.push({
      name: "synapses",
      sql: `SELECT n_out, n_in, out_partners, in_partners FROM root_stats WHERE root_id = ${rootExpr} AND root_id != 0`,
      params: [id],
    });
  if (has("proofreading"))
    statements.push({
      name: "proofreading",
      sql: `SELECT * FROM proofreading WHERE pt_root_id = ${rootExpr} AND pt_root_id != 0 LIMIT 1`,
      params: [id],
    });
  if (has("coregistration"))
    statements.push({
      name: "coregistration",
      sql: `SELECT session, scan_idx, field, unit_id FROM coregistration WHERE pt_root_id = ${rootExpr} AND pt_root_id != 0`,
      params: [id],
    });
  // Area and tuning belong to a nucleus: those of the root's nuclei, or of the nucleus itself.
  const nucleusCol = byRoot ? "pt_root_id" : "target_id";
  if (has("area_assignment"))
    statements.push({
      name: "area",
      sql: `SELECT target_id AS nucleus_id, tag AS area, value AS border_distance_um FROM area_assignment WHERE ${nucleusCol} = ? AND ${nucleusCol} != 0 ORDER BY target_id`,
      params: [id],
    });
  if (has("cell_tuning"))
    statements.push({
      name: "tuning",
      sql: `SELECT target_id AS nucleus_id, degrees(pref_ori) AS pref_ori_deg, degrees(pref_dir) AS pref_dir_deg, pref_ori, pref_dir, osi AS gosi, dsi AS gdsi, n_scans, source_table FROM cell_tuning WHERE ${nucleusCol} = ? AND ${nucleusCol} != 0 ORDER BY target_id`,
      params: [id],
    });

  const labels = { typeLabel: (v: string) => ctx.vocabulary.cellTypeLabel(v) };
  return {
    statements: statements.map((s) => ({ sql: s.sql, params: s.params })),
    // (The plan in words, as every other answer says it; then the tables it was looked up in.)
    reading: `Read as: ${describePlan(plan, labels)} in ${statements.map((s) => s.name).join(", ")}.`,
    present: (results) =>
      presentLookup(
        ctx,
        plan,
        statements.map((s) => s.name),
        results,
      ),
  };
}

function rowsOf(result: StatementResult | undefined): Record<string, TableCell>[] {
  if (!result) return [];
  return result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i] ?? null])));
}

function presentLookup(
  ctx: CompileContext,
  plan: LookupPlan,
  names: string[],
  results: StatementResult[],
): Presentation {
  const get = (name: string) => rowsOf(results[names.indexOf(name)]);
  const nuclei = get("nucleus");
  const types = get("cell_type");
  const mtypes = get("mtype");
  const syn = get("synapses")[0];
  const proof = get("proofreading")[0];
  const coreg = get("coregistration");
  const areas = get("area");
  const tuning = get("tuning");
  const byRoot = plan.rootId !== undefined;
  const what = byRoot ? `Root ${plan.rootId}` : `Nucleus ${plan.nucleusId}`;

  // One row per nucleus of the root (or the one nucleus), merged across tables.
  const ids = [...new Set([...nuclei.map((n) => String(n.nucleus_id)), ...types.map((t) => String(t.nucleus_id))])];
  const depthOf = (y: TableCell) =>
    ctx.geometry && typeof y === "number" ? (y * ctx.geometry.voxelNm[1]!) / 1000 - ctx.geometry.piaYum : null;
  // ("where is its soma in nm": the position in that unit too, next to the voxels.)
  const inUnit = (voxels: TableCell[]) => positionColumns(voxels, plan.positionUnit, ctx.geometry?.voxelNm);
  const rows = ids.map((nid) => {
    const n = nuclei.find((x) => String(x.nucleus_id) === nid);
    const t = types.find((x) => String(x.nucleus_id) === nid);
    const m = mtypes.find((x) => String(x.nucleus_id) === nid);
    const a = areas.find((x) => String(x.nucleus_id) === nid);
    const tu = tuning.find((x) => String(x.nucleus_id) === nid);
    const x = n?.pt_position_x ?? t?.pt_position_x ?? null;
    const y = n?.pt_position_y ?? t?.pt_position_y ?? null;
    const z = n?.pt_position_z ?? t?.pt_position_z ?? null;
    return {
      pt_root_id: String(n?.pt_root_id ?? t?.pt_root_id ?? plan.rootId ?? ""),
      nucleus_id: nid,
      cell_type: t?.cell_type ?? null,
      classification_system: t?.classification_system ?? null,
      mtype: m?.mtype ?? null,
      volume_um3: n?.volume ?? null,
      position_x: x,
      position_y: y,
      position_z: z,
      ...inUnit([x, y, z]),
      depth_um: depthOf(y) === null ? null : Math.round(depthOf(y)! * 10) / 10,
      layer: layerOf(ctx, depthOf(y)),
      ...(areas.length ? { area: a?.area ?? null } : {}),
      ...(tuning.length
        ? {
            pref_ori_deg: round(tu?.pref_ori_deg, 2),
            pref_dir_deg: round(tu?.pref_dir_deg, 2),
            pref_ori_rad: round(tu?.pref_ori, 4),
            pref_dir_rad: round(tu?.pref_dir, 4),
            gosi: round(tu?.gosi, 4),
            gdsi: round(tu?.gdsi, 4),
            tuning_table: tu?.source_table ?? null,
          }
        : {}),
    };
  });
  // A root with synapses but no nucleus: a fragment, or a cell whose soma lies outside the volume.
  const noNucleus = byRoot && rows.length === 0;
  if (rows.length === 0 && (syn || proof || coreg.length)) {
    rows.push({
      pt_root_id: plan.rootId ?? "",
      nucleus_id: "",
      cell_type: null,
      classification_system: null,
      mtype: null,
      volume_um3: null,
      position_x: null,
      position_y: null,
      position_z: null,
      depth_um: null,
      layer: null,
    });
  }
  if (rows.length === 0) {
    return {
      table: { columns: [], rows: [] },
      headline: `${what} is not in this data: no nucleus, cell-type row or synapse has it.`,
      notFound: true,
    };
  }
  const extra: Record<string, TableCell> = {};
  if (syn)
    Object.assign(extra, {
      output_synapses: syn.n_out,
      input_synapses: syn.n_in,
      output_partners: syn.out_partners,
      input_partners: syn.in_partners,
    });
  if (proof)
    Object.assign(extra, {
      status_axon: proof.status_axon ?? null,
      status_dendrite: proof.status_dendrite ?? null,
      strategy_axon: proof.strategy_axon ?? null,
      strategy_dendrite: proof.strategy_dendrite ?? null,
    });
  if (coreg.length) {
    Object.assign(extra, {
      coregistered_units: coreg.map((c) => `session ${c.session} scan ${c.scan_idx} unit ${c.unit_id}`).join("; "),
      session: coreg[0]!.session ?? null,
      scan_idx: coreg[0]!.scan_idx ?? null,
      unit_id: coreg[0]!.unit_id ?? null,
    });
  }

  const columns = [...Object.keys(rows[0]!), ...Object.keys(extra)];
  const table: AnswerTable = {
    columns,
    rows: rows.map((r) => [...Object.values(r), ...Object.values(extra)] as TableCell[]),
  };
  const first = rows[0]!;
  const label = (t: TableCell) => (t ? `${t} (${ctx.vocabulary.cellTypeLabel(String(t))})` : "no cell type");
  const facts: string[] = [];
  // "Tell me about …" (no field asked): the facts a person wants first, the table has the rest.
  const everything = ["cell_type", "mtype", ...(byRoot ? ["nucleus_id"] : ["root_id"]), "volume", "depth", "synapses"];
  const want = new Set<string>(plan.fields.length ? plan.fields : everything);
  if (noNucleus) {
    // What it has instead of a cell type or a soma position: its synapses.
    facts.push(
      "no nucleus in this data (a fragment, or a cell whose soma is outside the volume), so no cell type, m-type or soma position",
    );
    if (syn)
      facts.push(
        `${fmt(syn.n_out)} output synapses onto ${fmt(syn.out_partners)} partners and ${fmt(syn.n_in)} input synapses from ${fmt(syn.in_partners)}`,
      );
  } else {
    if (want.has("cell_type") || want.has("class"))
      facts.push(
        `cell type ${label(first.cell_type)}${first.classification_system ? `, ${String(first.classification_system).replace("_", " ")}` : ""}`,
      );
    if (want.has("mtype")) facts.push(`m-type ${first.mtype ?? "not assigned"}`);
    if (want.has("nucleus_id") || (!byRoot && want.has("root_id")))
      facts.push(
        byRoot ? `nucleus id ${rows.map((r) => r.nucleus_id).join(", ") || "none"}` : `root id ${first.pt_root_id}`,
      );
    if (want.has("root_id") && byRoot) facts.push(`root id ${first.pt_root_id}`);
    if (want.has("volume"))
      facts.push(`nucleus volume ${first.volume_um3 === null ? "unknown" : `${fmt(first.volume_um3)} µm³`}`);
    if (want.has("position"))
      facts.push(
        first.position_x === null
          ? "soma position not recorded"
          : `soma at ${positionText(xyz(first), plan.positionUnit, ctx.geometry?.voxelNm)}`,
      );
    if (want.has("depth"))
      facts.push(`soma depth ${first.depth_um === null ? "unknown" : `${fmt(first.depth_um)} µm below pia`}`);
    if (want.has("synapses") && syn) facts.push(`${fmt(syn.n_out)} output and ${fmt(syn.n_in)} input synapses`);
  }
  if (want.has("proofreading"))
    facts.push(
      proof
        ? `proofreading: axon ${proof.status_axon ?? "?"} (${proof.strategy_axon ?? "no strategy"}), dendrite ${proof.status_dendrite ?? "?"}`
        : "not in the proofreading table",
    );
  if (want.has("coregistration"))
    facts.push(coreg.length ? `coregistered: ${extra.coregistered_units}` : "not coregistered");
  if (want.has("layer"))
    facts.push(
      first.layer ? `soma in ${first.layer} (${fmt(first.depth_um)} µm below pia)` : "layer unknown (no soma position)",
    );
  if (want.has("area")) {
    const tags = [...new Set(rows.map((r) => (r as { area?: TableCell }).area).filter((t) => t))];
    facts.push(
      tags.length === 0
        ? "no visual area assigned"
        : tags.length === 1
          ? `visual area ${tags[0]}`
          : `nuclei in two areas (${tags.join(", ")}): a merge of several cells, not one area`,
    );
  }
  if (want.has("tuning")) facts.push(tuningFact(first as Record<string, TableCell>, plan.radians === true));
  let headline = `${what}: ${facts.join("; ")}.`;
  if (byRoot && rows.length > 1)
    headline += ` This root holds ${rows.length} nuclei (likely a merge of several cells); each is listed.`;
  if (!byRoot && first.pt_root_id === "0")
    headline += " Its root id is 0: the nucleus has no segment in this materialization.";
  return { table: unitsTable(plan, coreg, first as Record<string, TableCell>) ?? table, headline };
}

const round = (v: TableCell | undefined, digits = 1): TableCell =>
  typeof v === "number" ? Math.round(v * 10 ** digits) / 10 ** digits : (v ?? null);

function layerOf(ctx: CompileContext, depth: number | null): string | null {
  if (depth === null || !ctx.geometry) return null;
  return ctx.geometry.layers.find((l) => depth < l.bottom_um)?.name ?? null;
}

/** Preferred orientation and direction in degrees (or radians on request), with the convention stated. */
function tuningFact(row: Record<string, TableCell>, radians: boolean): string {
  if (row.gosi === undefined || row.gosi === null) return "no functional properties (not functionally matched)";
  const angle = (deg: TableCell, rad: TableCell) => (radians ? `${fmt(rad)} rad` : `${fmt(deg)}°`);
  return (
    `preferred orientation ${angle(row.pref_ori_deg ?? null, row.pref_ori_rad ?? null)}, preferred direction ` +
    `${angle(row.pref_dir_deg ?? null, row.pref_dir_rad ?? null)} (0 is a horizontal bar moving upward, increasing clockwise), ` +
    `gOSI ${fmt(row.gosi)}, gDSI ${fmt(row.gdsi ?? null)}; from ${row.tuning_table ?? "the functional table"}`
  );
}

const xyz = (r: { position_x: TableCell; position_y: TableCell; position_z: TableCell }) => [
  r.position_x,
  r.position_y,
  r.position_z,
];
