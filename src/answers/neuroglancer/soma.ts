import type { StatementResult } from "../../querying/protocol.js";
import type { Statement } from "../../querying/executor.js";

/**
 * Where a link opens: the soma of the first cell that has one. A root with no nucleus (a fragment,
 * or a cell whose soma is outside the volume) gives no position, so the next cell's is used.
 */
export type Position = [number, number, number];

/** Tables holding a soma position by root id, best first: the nucleus table, else the cell types'. */
const POSITION_TABLES = ["nucleus", "cell_type"];

/** One statement reading the positions of `roots` (undefined when the store holds no positions). */
export function somaStatement(roots: string[], tables: Set<string>): Statement | undefined {
  const table = POSITION_TABLES.find((t) => tables.has(t));
  if (!table || roots.length === 0) return undefined;
  return {
    sql: `SELECT pt_root_id, pt_position_x, pt_position_y, pt_position_z FROM ${table}
      WHERE pt_root_id IN (${roots.map(() => "?").join(", ")}) AND pt_position_x IS NOT NULL
        AND pt_position_y IS NOT NULL AND pt_position_z IS NOT NULL
      ORDER BY ${table === "nucleus" ? "id" : "target_id"}`,
    params: roots.map((r) => BigInt(r)),
  };
}

/** The position of the first root, in `roots` order, that the statement found. */
export function firstSoma(roots: string[], result: StatementResult | undefined): Position | undefined {
  const found = new Map<string, Position>();
  for (const [root, x, y, z] of result?.rows ?? []) {
    const key = String(root);
    // A root with several nuclei (a merge) opens at its first nucleus.
    if (!found.has(key)) found.set(key, [Number(x), Number(y), Number(z)]);
  }
  for (const root of roots) {
    const position = found.get(root);
    if (position) return position;
  }
  return undefined;
}
