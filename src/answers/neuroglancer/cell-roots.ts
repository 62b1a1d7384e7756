import type { AnswerTable, TableCell } from "../answer.js";

/**
 * Which cells an answer names, read from its table alone: the values of its root-id columns.
 * Every answer that names cells (a look-up, partners, lists, top-k, the cells of a type, the
 * cells behind a chart) has one of these columns; counts and per-type tables have none.
 */
export const ROOT_ID_COLUMNS: readonly string[] = ["pt_root_id", "pre_pt_root_id", "post_pt_root_id", "root_id"];

export interface NamedRoots {
  /** Distinct root ids as digit strings, in the table's order: row by row, left to right. */
  roots: string[];
  /** True when the row cap cut the table, so more cells were named than it holds. */
  cut: boolean;
}

export function rootsInTable(table: AnswerTable | undefined): NamedRoots {
  if (!table) return { roots: [], cut: false };
  const columns = table.columns.flatMap((name, i) => (ROOT_ID_COLUMNS.includes(name) ? [i] : []));
  const seen = new Set<string>();
  for (const row of table.rows) {
    for (const i of columns) {
      const id = rootIdOf(row[i] ?? null);
      if (id !== undefined) seen.add(id);
    }
  }
  return { roots: [...seen], cut: columns.length > 0 && (table.totalRows ?? 0) > table.rows.length };
}

/**
 * A cell's root id as digits, or undefined. Ids come as digit strings (they exceed JavaScript's
 * safe integers); a small id can come as a number, and is exact as one. Root id 0 is a nucleus
 * with no segment: nothing to show.
 */
function rootIdOf(cell: TableCell): string | undefined {
  const text = typeof cell === "number" && Number.isSafeInteger(cell) ? String(cell) : cell;
  if (typeof text !== "string" || !/^\d+$/.test(text) || /^0+$/.test(text)) return undefined;
  return text;
}
