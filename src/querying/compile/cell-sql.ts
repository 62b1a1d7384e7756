import { excludesKind, type Dim, type Filter } from "../../planning/plan.js";
import { Sql, raw, sql } from "../sql.js";
import { CLASS_VALUES, DIMS, PROOFREAD_VALUES, isCellDim } from "./dims.js";
import { partnerCountCondition } from "./partner-counts.js";
import { MissingDataError, UnknownValueError, type CompileContext } from "./types.js";

/**
 * SQL for the dimensions of one cell: a row `ct` of the cell-type table (or of the nucleus or m-type
 * table, which share its columns), with the tables a dimension needs joined on demand by nucleus id
 * or root id. Root-level dimensions are also written as conditions on any root-id column, which is
 * how populations restrict either side of a synapse.
 */
export class CellRow {
  private readonly joins = new Map<string, string>();

  /** base: the row's table; `ct` has target_id (nucleus id) and pt_root_id; a nucleus row has id. */
  constructor(
    readonly ctx: CompileContext,
    readonly base: "cell_type" | "nucleus" | "mtype" = "cell_type",
  ) {}

  get nucleusId(): string {
    return this.base === "nucleus" ? "ct.id" : "ct.target_id";
  }

  from(): Sql {
    return raw(`FROM ${this.base} ct${[...this.joins.values()].join("")}`);
  }

  private join(alias: string, clause: string): void {
    if (!this.joins.has(alias)) this.joins.set(alias, ` ${clause}`);
  }

  /** A SQL expression for a cell-level dimension of this row (joins added as needed). */
  expr(dim: Dim, outer = false): string {
    const kind = outer ? "LEFT JOIN" : "JOIN";
    requireDim(this.ctx, dim);
    switch (dim) {
      case "root_id":
        return "ct.pt_root_id";
      case "nucleus_id":
        return this.nucleusId;
      case "cell_type":
      case "class":
        if (this.base === "cell_type") return dim === "class" ? "ct.classification_system" : "ct.cell_type";
        this.join("t", `${kind} cell_type t ON t.target_id = ${this.nucleusId}`);
        return dim === "class" ? "t.classification_system" : "t.cell_type";
      case "mtype":
        if (this.base === "mtype") return "ct.cell_type";
        this.join("m", `${kind} mtype m ON m.target_id = ${this.nucleusId}`);
        return "m.cell_type";
      case "area":
        this.join("a", `${kind} area_assignment a ON a.target_id = ${this.nucleusId}`);
        return "a.tag";
      case "depth":
      case "layer": {
        const depth = depthExpr(this.ctx, "ct.pt_position_y");
        return dim === "depth" ? depth : layerCase(this.ctx, depth);
      }
      case "volume":
        if (this.base === "nucleus") return "ct.volume";
        this.join("n", `${kind} nucleus n ON n.id = ${this.nucleusId}`);
        return "n.volume";
      case "pref_ori":
      case "pref_dir":
      case "osi":
      case "dsi":
      case "cc":
        this.join("tu", `${kind} cell_tuning tu ON tu.target_id = ${this.nucleusId}`);
        return dim === "pref_ori" || dim === "pref_dir" ? `degrees(tu.${dim})` : `tu.${dim}`;
      case "scans":
        // (A cell imaged in two scans has two coregistration rows, one per scan unit.)
        return `(SELECT count(*) FROM coregistration co WHERE co.target_id = ${this.nucleusId})`;
      case "out_synapses":
      case "in_synapses":
      case "out_partners":
      case "in_partners":
        this.join("rs", `LEFT JOIN root_stats rs ON rs.root_id = ct.pt_root_id`);
        return `coalesce(rs.${ROOT_STAT[dim]}, 0)`;
      case "axon_strategy":
      case "dendrite_strategy":
        this.join("p", `LEFT JOIN proofreading p ON p.pt_root_id = ct.pt_root_id AND ct.pt_root_id != 0`);
        return `coalesce(p.strategy_${dim === "axon_strategy" ? "axon" : "dendrite"}, 'not in the proofreading table')`;
      default:
        throw new UnknownValueError(`"${DIMS[dim].label}" cannot be used as a grouping of cells.`);
    }
  }

  /** A condition of a cell-level or root-level filter on this row. */
  condition(f: Filter): Sql {
    // Per nucleus: coregistered, functionally characterized, typed.
    const table = { coregistered: "coregistration", tuned: "cell_tuning", typed: "cell_type" }[f.dim as string];
    if (table) {
      requireDim(this.ctx, f.dim);
      const positive = (f.is ?? true) !== Boolean(f.not);
      return raw(
        `${this.nucleusId} ${positive ? "IN" : "NOT IN"} (SELECT target_id FROM ${table} WHERE target_id IS NOT NULL)`,
      );
    }
    if (DIMS[f.dim].level === "root" && f.dim !== "root_id") return rootCondition(this.ctx, "ct.pt_root_id", f);
    return valueCondition(this.ctx, this.expr(f.dim === "layer" ? "depth" : f.dim), f);
  }
}

const ROOT_STAT = {
  out_synapses: "n_out",
  in_synapses: "n_in",
  out_partners: "out_partners",
  in_partners: "in_partners",
} as const;

/** Depth below pia (µm) of a voxel y column. */
export function depthExpr(ctx: CompileContext, yColumn: string): string {
  const g = ctx.geometry;
  if (!g) throw new MissingDataError("Soma depth needs data/cortex_geometry.json, which could not be read.");
  return `(${yColumn} * ${g.voxelNm[1]} / 1000.0 - ${g.piaYum})`;
}

/**
 * The layer of a depth, from the geometry's boundaries (a soma at a boundary belongs to the deeper
 * layer). L6a and L6b are one layer, L6, as people count cells per layer.
 */
export function layerCase(ctx: CompileContext, depth: string): string {
  const layers = ctx.geometry!.layers;
  return `CASE ${layers.map((l) => `WHEN ${depth} < ${l.bottom_um} THEN '${l.name.replace(/^L6[ab]$/, "L6")}'`).join(" ")} ELSE NULL END`;
}

/** The depth range of a layer name ("L6" spans L6a and L6b). */
export function layerRange(ctx: CompileContext, name: string): { min: number; max: number } {
  const layers = ctx.geometry?.layers ?? [];
  const hit = layers.filter((l) => l.name === name || (name === "L6" && /^L6/.test(l.name)));
  if (!hit.length)
    throw new UnknownValueError(`There is no layer "${name}"; layers are ${layers.map((l) => l.name).join(", ")}.`);
  return { min: Math.min(...hit.map((l) => l.top_um)), max: Math.max(...hit.map((l) => l.bottom_um)) };
}

/** A condition on a value expression: categories, a range, or an angle within some degrees of another. */
export function valueCondition(ctx: CompileContext, expr: string, f: Filter): Sql {
  let cond: Sql;
  if (f.dim === "layer" && f.values) {
    // expr is the depth: a layer is a depth range.
    const ranges = f.values.map((v) => layerRange(ctx, v));
    cond = Sql.join(
      ranges.map((r) => raw(`(${expr} >= ${r.min} AND ${expr} < ${r.max})`)),
      " OR ",
    );
    cond = sql`(${cond})`;
  } else if (f.values) {
    const values =
      f.dim === "class"
        ? f.values.flatMap((v) => CLASS_VALUES[v] ?? [v])
        : f.dim === "root_id" || f.dim === "nucleus_id"
          ? f.values.map((v) => BigInt(v))
          : f.values;
    cond = sql`${raw(expr)} IN (${values})`;
  } else if (f.near !== undefined) {
    const period = f.dim === "pref_dir" ? 360 : 180;
    const d = `abs(((${expr}) - ${f.near}) - ${period} * round(((${expr}) - ${f.near}) / ${period}.0))`;
    cond = raw(`${d} <= ${f.within}`);
  } else if (f.is !== undefined) {
    throw new Error(`${f.dim} is not a yes/no dimension of a cell`);
  } else {
    const parts: string[] = [];
    if (f.min !== undefined) parts.push(`${expr} ${f.minExclusive ? ">" : ">="} ${Number(f.min)}`);
    if (f.max !== undefined) parts.push(`${expr} ${f.maxExclusive ? "<" : "<="} ${Number(f.max)}`);
    cond = raw(parts.join(" AND "));
  }
  return f.not ? sql`NOT coalesce(${cond}, 0)` : cond;
}

/** A condition of a root-level filter on a root-id column (a cell's root, or either side of a synapse). */
export function rootCondition(ctx: CompileContext, column: string, f: Filter): Sql {
  requireDim(ctx, f.dim);
  // "is: false" and "not" both turn membership around; together they cancel.
  const inSet = (set: string, params: unknown[] = []): Sql => {
    const positive = (f.is === undefined || f.is) !== Boolean(f.not);
    return new Sql(`${column} ${positive ? "IN" : "NOT IN"} (${set})`, params as never[]);
  };
  switch (f.dim) {
    case "root_id":
      return valueCondition(ctx, column, f);
    case "axon_proofread":
    case "dendrite_proofread":
    case "proofread": {
      const marks = PROOFREAD_VALUES.map(() => "?").join(", ");
      if (f.dim === "proofread") {
        return inSet(
          `SELECT pt_root_id FROM proofreading WHERE status_axon IN (${marks}) OR status_dendrite IN (${marks})`,
          [...PROOFREAD_VALUES, ...PROOFREAD_VALUES],
        );
      }
      const col = f.dim === "axon_proofread" ? "status_axon" : "status_dendrite";
      return inSet(`SELECT pt_root_id FROM proofreading WHERE ${col} IN (${marks})`, PROOFREAD_VALUES);
    }
    case "axon_strategy":
    case "dendrite_strategy": {
      const col = f.dim === "axon_strategy" ? "strategy_axon" : "strategy_dendrite";
      const values = f.values ?? [];
      const set = new Sql(
        `SELECT pt_root_id FROM proofreading WHERE ${col} IN (${values.map(() => "?").join(", ")})`,
        values,
      );
      return new Sql(`${column} ${f.not ? "NOT IN" : "IN"} (${set.text})`, set.params);
    }
    case "coregistered":
      return inSet("SELECT pt_root_id FROM coregistration WHERE pt_root_id != 0");
    case "tuned":
      return inSet("SELECT pt_root_id FROM cell_tuning WHERE pt_root_id != 0");
    case "typed":
      return inSet("SELECT pt_root_id FROM cell_type WHERE pt_root_id != 0");
    case "has_nucleus":
      return inSet("SELECT pt_root_id FROM nucleus WHERE pt_root_id != 0");
    case "out_synapses":
    case "in_synapses":
    case "out_partners":
    case "in_partners": {
      if (f.partners) return partnerCountCondition(ctx, column, f);
      const stat = ROOT_STAT[f.dim];
      // A root with no synapses has a count of 0, which a range may include.
      const cond = valueCondition(ctx, `coalesce((SELECT ${stat} FROM root_stats WHERE root_id = ${column}), 0)`, f);
      return cond;
    }
    default:
      throw new Error(`${f.dim} is not a root-level dimension`);
  }
}

/**
 * The conditions of a population on a root-id column: cell-level filters together on one cell row
 * of that root (a root with two nuclei is in when either nucleus matches all of them), root-level
 * filters on the root itself. Empty: any root, fragments included.
 */
export function populationOnRoot(ctx: CompileContext, column: string, filters: Filter[], otherPinned = false): Sql[] {
  // When the other side is one root, its index finds the rows; a unary + keeps SQLite from instead
  // looking up every cell of this population (100k lookups on a full store: 300 ms, not 5).
  const col = otherPinned ? `+${column}` : column;
  const allCellFilters = filters.filter((f) => isCellDim(f.dim) && DIMS[f.dim].level === "cell");
  // ("targets other than 23P": a kind left out, nothing else said, leaves every other root, fragments too.)
  const complement = allCellFilters.every(excludesKind) && ctx.catalog.tables.has("root_cell_type");
  const cellFilters = complement ? [] : allCellFilters;
  const rootFilters = filters.filter((f) => !allCellFilters.includes(f));
  const out = rootFilters.map((f) => rootCondition(ctx, column, f));
  for (const f of complement ? allCellFilters : []) {
    const cond = valueCondition(ctx, f.dim === "class" ? "classification_system" : "cell_type", { ...f, not: false });
    out.push(sql`${raw(col)} NOT IN (SELECT pt_root_id FROM root_cell_type WHERE ${cond})`);
  }
  if (cellFilters.length) {
    const typeOnly = cellFilters.every((f) => (f.dim === "cell_type" || f.dim === "class") && f.values && !f.not);
    if (typeOnly && ctx.catalog.tables.has("root_cell_type")) {
      // The root-to-type map is indexed by type: cheaper than scanning cell rows.
      const conds = cellFilters.map((f) =>
        valueCondition(ctx, f.dim === "class" ? "classification_system" : "cell_type", f),
      );
      out.push(sql`${raw(col)} IN (SELECT pt_root_id FROM root_cell_type WHERE ${Sql.join(conds, " AND ")})`);
    } else {
      // Without a type among them, every nucleus of the root counts (a root's area is its nucleus's);
      // a soma depth or layer is a cell's, of the cell-type table, as for cells ("onto L4 cells").
      const dims = cellFilters.map((f) => f.dim);
      const typed = dims.some((d) => d === "cell_type" || d === "class" || d === "mtype");
      const placed = dims.some((d) => d === "layer" || d === "depth");
      const row = new CellRow(
        ctx,
        typed || placed || !ctx.catalog.tables.has("nucleus") ? baseFor(ctx, dims) : "nucleus",
      );
      const conds = cellFilters.map((f) => row.condition(f));
      out.push(
        sql`${raw(col)} IN (SELECT ct.pt_root_id ${row.from()} WHERE ct.pt_root_id != 0 AND ${Sql.join(conds, " AND ")})`,
      );
    }
  }
  return out;
}

/** The cell table some dimensions are best read from: m-types alone from the m-type table. */
export function baseFor(ctx: CompileContext, used: Dim[]): "cell_type" | "mtype" | "nucleus" {
  const dims = new Set(used);
  // Cells named only by functional annotations (coregistration, tuning): every nucleus of those tables
  // counts, whether or not it has a cell-type row (a cell's area is a cell-type row's, by convention).
  const annotations = ["coregistered", "tuned", "pref_ori", "pref_dir", "osi", "dsi", "typed"];
  const typedDims = ["cell_type", "class", "mtype"];
  if (
    ctx.catalog.tables.has("nucleus") &&
    used.some((d) => annotations.includes(d)) &&
    !used.some((d) => typedDims.includes(d))
  )
    return "nucleus";
  if (dims.has("mtype") && !dims.has("cell_type") && !dims.has("class")) return "mtype";
  if (!ctx.catalog.tables.has("cell_type")) return ctx.catalog.tables.has("nucleus") ? "nucleus" : "cell_type";
  return "cell_type";
}

/** Fails with a plain message when the table a dimension needs is not in the store. */
export function requireDim(ctx: CompileContext, dim: Dim): void {
  const t = DIMS[dim].table;
  if (t && !ctx.catalog.tables.has(t.table)) {
    throw new MissingDataError(
      `This needs the ${t.cave} table (for ${DIMS[dim].label}), which is not in this store. ` +
        "Import it with connectome-chat import.",
    );
  }
}
