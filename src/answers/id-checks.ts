import type { StoreCatalog } from "../querying/catalog.js";
import type { CompiledQuery } from "../querying/compile/index.js";

/**
 * Statements that check each id a question named is in the data, and the message for those that
 * are not. Used before an answer (an unknown id is asked back) and before a suggestion is offered.
 */
export function idChecks(catalog: StoreCatalog, compiled: CompiledQuery) {
  const has = (t: string) => catalog.tables.has(t);
  const rootIds = [...new Set(compiled.ids?.rootIds ?? [])];
  const nucleusIds = [...new Set(compiled.ids?.nucleusIds ?? [])];
  const statements: { sql: string; params: bigint[] }[] = [];
  const rootSources = [
    has("root_stats") && "SELECT 1 FROM root_stats WHERE root_id = ?",
    has("cell_type") && "SELECT 1 FROM cell_type WHERE pt_root_id = ?",
    has("nucleus") && "SELECT 1 FROM nucleus WHERE pt_root_id = ?",
  ].filter(Boolean);
  const nucleusSources = [
    has("nucleus") && "SELECT 1 FROM nucleus WHERE id = ?",
    has("cell_type") && "SELECT 1 FROM cell_type WHERE target_id = ?",
  ].filter(Boolean);
  const check = (sources: (string | false)[], id: string) => ({
    sql: `SELECT ${sources.map((s) => `EXISTS (${s})`).join(" OR ") || "1"} AS present`,
    params: sources.map(() => BigInt(id)),
  });
  for (const id of rootIds) statements.push(check(rootSources, id));
  for (const id of nucleusIds) statements.push(check(nucleusSources, id));
  return {
    statements,
    missing: (results: { rows: unknown[][] }[]) => {
      const out: string[] = [];
      results.forEach((r, i) => {
        if (Number(r.rows[0]?.[0] ?? 0) === 1) return;
        out.push(
          i < rootIds.length
            ? `Root id ${rootIds[i]} is not in this data (no cell, nucleus or synapse has it).`
            : `Nucleus ${nucleusIds[i - rootIds.length]} is not in this data.`,
        );
      });
      return out;
    },
  };
}
