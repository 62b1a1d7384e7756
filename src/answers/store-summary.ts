import type { Answer } from "./answer.js";
import { readStoreInfo } from "../store/info.js";

/**
 * "What tables are loaded?", "which materialization version is this?": the store's own import log,
 * the same facts as `connectome-chat info`, as a reply and a table.
 */
export function storeSummary(dbPath: string): [string, Partial<Answer>] {
  const info = readStoreInfo(dbPath, { summaries: false });
  const tables = Object.entries(info.tables);
  const version =
    info.version === null
      ? "materialization version not recorded (import with --version N to record it)"
      : `materialization version ${info.version}`;
  const lines = tables.map(
    ([name, t]) => `${name}: ${t.rows === null ? "not counted" : t.rows.toLocaleString("en-US")} rows`,
  );
  const text = [
    `This store holds ${tables.length} CAVE table${tables.length === 1 ? "" : "s"}, ${version}, last imported ${info.imported_at ?? "at an unknown time"}:`,
    ...lines.map((l) => `• ${l}`),
  ].join("\n");
  return [
    text,
    {
      interpretation:
        "Read as: a question about the store itself; from its import log (as connectome-chat info shows it).",
      table: {
        columns: ["cave_table", "rows", "imported_at"],
        rows: tables.map(([name, t]) => [name, t.rows, t.imported_at]),
      },
    },
  ];
}
