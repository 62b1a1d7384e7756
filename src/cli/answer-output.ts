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
    // Always present, like links: the questions it can answer next (or the readings of a question asked back).
    suggestions: answer.suggestions ?? [],
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
  if (table && table.columns.length && !scalar && answer.status === "answered")
    out.push("", renderTable(table, options.maxRows));
  if (answer.chart) out.push("", `chart: ${answer.chart.file}`);
  // The URL alone on its line, so that a terminal makes it clickable and a copy takes all of it.
  for (const link of answer.links ?? []) out.push("", `${link.label}:`, link.url);
  if (options.showSql && answer.sql)
    out.push(
      "",
      `SQL: ${answer.sql}`,
      ...(answer.params?.length ? [`parameters: ${JSON.stringify(answer.params)}`] : []),
    );
  return out.join("\n");
}

/**
 * The answer's suggestions for a terminal: numbered in a chat (typing the number asks it), or as
 * the commands that ask them after a one-shot `ask`. Empty when there is none.
 */
export function suggestionLines(answer: Answer, how: { numbered: true } | { command: string }): string {
  const questions = answer.suggestions ?? [];
  if (!questions.length) return "";
  const readings = answer.status === "clarify";
  if ("numbered" in how) {
    const head = readings
      ? "Did you mean (type the number to ask it):"
      : "Next questions (type the number to ask one):";
    return ["", "", head, ...questions.map((q, i) => `  ${i + 1}. ${q}`)].join("\n");
  }
  const head = readings ? "Did you mean one of these? Ask it with:" : "Next, you could ask:";
  return ["", "", head, ...questions.map((q) => `  ${how.command} ${shellQuote(q)}`)].join("\n");
}

/** A question as one shell word: single quotes, with any single quote in it closed, escaped and reopened. */
export const shellQuote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
