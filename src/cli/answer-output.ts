import type { Answer } from "../answers/answer.js";
import { renderTable } from "../answers/table-format.js";

/** The `--json` shape of ../shared/eval/CONTRACT.md: status, text, table, chart, and the rest. */
export function answerToJson(answer: Answer): string {
  return JSON.stringify({
    status: answer.status,
    text: answer.text,
    ...(answer.table ? { table: answer.table } : {}),
    ...(answer.chart ? { chart: { kind: answer.chart.kind, file: answer.chart.file } } : {}),
    // Always present, so a script can read it without checking: empty when no cells are named.
    links: answer.links ?? [],
    ...(answer.interpretation ? { interpretation: answer.interpretation } : {}),
    ...(answer.sql ? { sql: answer.sql, params: answer.params } : {}),
    ...(answer.suggestions ? { suggestions: answer.suggestions } : {}),
    ...(answer.reading ? { reading: answer.reading } : {}),
    ...(answer.planner ? { planner: answer.planner } : {}),
    timings: answer.timings,
  });
}

/** The answer as a person reads it in a terminal: the text, an aligned table, the chart's path, links. */
export function answerToText(answer: Answer, options: { maxRows: number; showSql?: boolean }): string {
  const out = [answer.text];
  const table = answer.table;
  const scalar = table && table.rows.length === 1 && table.columns.length === 1;
  if (table && table.columns.length && !scalar && answer.status === "answered") out.push("", renderTable(table, options.maxRows));
  if (answer.chart) out.push("", `chart: ${answer.chart.file}`);
  // The URL alone on its line, so that a terminal makes it clickable and a copy takes all of it.
  for (const link of answer.links ?? []) out.push("", `${link.label}:`, link.url);
  if (options.showSql && answer.sql) out.push("", `SQL: ${answer.sql}`, ...(answer.params?.length ? [`parameters: ${JSON.stringify(answer.params)}`] : []));
  return out.join("\n");
}
