import type { CoregistrationPlan, ProofreadingPlan } from "../../planning/plan.js";
import { Sql, raw, sql } from "../sql.js";
import { checkPopulation, describePopulation, inRoots, requireTables, rootSet, where } from "./population.js";
import { fmt, type CompileContext, type CompiledQuery, type Presentation } from "./types.js";
import type { StatementResult } from "../protocol.js";

/** Status values that mean "proofread", in proofreading_status_and_strategy ('t') and the older public-release table ('clean', 'extended'). */
const PROOFREAD = ["t", "true", "True", "TRUE", "1", "clean", "extended"];

/** Proofreading: counts of distinct roots in the proofreading table, by status or strategy. */
export function compileProofreading(ctx: CompileContext, plan: ProofreadingPlan): CompiledQuery {
  requireTables(ctx, [{ table: "proofreading", cave: "proofreading_status_and_strategy", why: "it records which axons and dendrites were proofread" }]);
  checkPopulation(ctx, plan.population);
  const conds: (Sql | null)[] = [inRoots("p.pt_root_id", rootSet(ctx, plan.population)), raw("p.pt_root_id != 0")];
  const status = (column: string, value: string): Sql | null => {
    if (value === "any") return null;
    if (value === "proofread") return sql`${raw(column)} IN (${PROOFREAD})`;
    if (value === "not_proofread") return sql`(${raw(column)} IS NULL OR ${raw(column)} NOT IN (${PROOFREAD}))`;
    return null;
  };
  conds.push(status("p.status_axon", plan.axon), status("p.status_dendrite", plan.dendrite));
  if (plan.axon.startsWith("axon_")) conds.push(sql`p.strategy_axon = ${plan.axon}`);
  if (plan.dendrite.startsWith("dendrite_")) conds.push(sql`p.strategy_dendrite = ${plan.dendrite}`);
  const group = plan.groupBy[0];
  const joins = group === "cell_type" ? raw(" JOIN root_cell_type t ON t.pt_root_id = p.pt_root_id") : raw("");
  const groupCol = group === "cell_type" ? "t.cell_type" : group ? `p.${group}` : null;
  const body = sql`FROM proofreading p${joins}${where(conds)}`;
  let text: Sql;
  if (plan.measure === "list") text = sql`SELECT DISTINCT p.pt_root_id, p.status_axon, p.status_dendrite, p.strategy_axon, p.strategy_dendrite ${body} ORDER BY 1${plan.limit ? sql` LIMIT ${plan.limit}` : raw("")}`;
  else if (groupCol) text = sql`SELECT ${raw(`${groupCol} AS ${group}`)}, count(DISTINCT p.pt_root_id) AS neurons ${body} GROUP BY 1 ORDER BY ${raw(plan.chart || plan.limit ? "neurons DESC, 1" : "1")}${plan.limit ? sql` LIMIT ${plan.limit}` : raw("")}`;
  else text = sql`SELECT count(DISTINCT p.pt_root_id) AS neurons ${body}`;

  const axon = { any: "", proofread: "a proofread axon", not_proofread: "an axon not proofread", axon_fully_extended: "a fully extended axon (strategy axon_fully_extended)", axon_partially_extended: "a partially extended axon (axon_partially_extended)", axon_interareal: "an interareal axon (axon_interareal)" }[plan.axon];
  const dendrite = { any: "", proofread: "a proofread dendrite", not_proofread: "a dendrite not proofread", dendrite_clean: "a cleaned dendrite (dendrite_clean)", dendrite_extended: "an extended dendrite (dendrite_extended)" }[plan.dendrite];
  const having = [axon, dendrite].filter(Boolean).join(" and ");
  const who = describePopulation(ctx, plan.population, "neurons");
  const what = `${who} in the proofreading table${having ? ` with ${having}` : ""}`;
  return {
    statements: [{ sql: text.text, params: text.params }],
    reading: `Read as: number of distinct root ids of ${what}${group ? `, per ${group.replace(/_/g, " ")}` : ""}; from ${ctx.catalog.caveNames.get("proofreading") ?? "proofreading_status_and_strategy"}.`,
    ids: { rootIds: plan.population.rootIds ?? [], nucleusIds: plan.population.nucleusIds ?? [] },
    present: (results) => presentCount(results[0]!, "neurons", what, group, plan.measure === "list"),
  };
}

/** Coregistration: cells matched to two-photon recordings. */
export function compileCoregistration(ctx: CompileContext, plan: CoregistrationPlan): CompiledQuery {
  requireTables(ctx, [{ table: "coregistration", cave: "coregistration_manual_v4", why: "it matches EM cells to functional recordings" }]);
  checkPopulation(ctx, plan.population);
  const conds = [inRoots("g.pt_root_id", rootSet(ctx, plan.population)), raw("g.pt_root_id != 0")];
  const group = plan.groupBy[0];
  const joins = group === "cell_type" ? raw(" JOIN root_cell_type t ON t.pt_root_id = g.pt_root_id") : raw("");
  const groupCol = group === "cell_type" ? "t.cell_type" : group === "session" ? "g.session" : group === "scan" ? "g.session || '-' || g.scan_idx" : null;
  const body = sql`FROM coregistration g${joins}${where(conds)}`;
  let text: Sql;
  if (plan.measure === "list") text = sql`SELECT g.pt_root_id, g.target_id AS nucleus_id, g.session, g.scan_idx, g.field, g.unit_id ${body} ORDER BY 1${plan.limit ? sql` LIMIT ${plan.limit}` : raw("")}`;
  else if (groupCol) text = sql`SELECT ${raw(`${groupCol} AS ${group}`)}, count(DISTINCT g.pt_root_id) AS neurons ${body} GROUP BY 1 ORDER BY 1`;
  else text = sql`SELECT count(DISTINCT g.pt_root_id) AS neurons ${body}`;
  const what = `${describePopulation(ctx, plan.population, "neurons")} coregistered with two-photon functional imaging`;
  return {
    statements: [{ sql: text.text, params: text.params }],
    reading: `Read as: number of distinct root ids of ${what}${group ? `, per ${group}` : ""}; from ${ctx.catalog.caveNames.get("coregistration") ?? "coregistration_manual_v4"}.`,
    ids: { rootIds: plan.population.rootIds ?? [], nucleusIds: plan.population.nucleusIds ?? [] },
    present: (results) => presentCount(results[0]!, "neurons", what, group, plan.measure === "list"),
  };
}

function presentCount(result: StatementResult, valueCol: string, what: string, group: string | undefined, list: boolean): Presentation {
  const table = { columns: result.columns, rows: result.rows };
  if (list) return { table, headline: `${result.rows.length}${result.truncated ? "+" : ""} ${what}.` };
  const vi = result.columns.indexOf(valueCol);
  if (!group) return { table, headline: `${fmt(result.rows[0]?.[vi] ?? 0)} ${what}.` };
  return {
    table,
    headline: `${what.charAt(0).toUpperCase() + what.slice(1)}, per ${group.replace(/_/g, " ")}: ${result.rows.length} groups.`,
    chart: { kind: "bar", x: group, y: valueCol, xTitle: group.replace(/_/g, " "), yTitle: "neurons" },
  };
}
