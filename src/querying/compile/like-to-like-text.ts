import type { AnswerTable } from "../../answers/answer.js";
import { fmt } from "./types.js";

/**
 * The one-line summary of a like-to-like table: the most similar bin against the most different,
 * each with its pair counts and interval, so that nobody reads a trend from a dozen pairs. It
 * reports numbers only: no test is run, so none is claimed.
 */
export function likeToLikeLine(table: AnswerTable, flow: string, width: number): string {
  const col = (row: AnswerTable["rows"][number], name: string) => row[table.columns.indexOf(name)] ?? null;
  const rows = table.rows;
  const possible = rows.reduce((s, r) => s + Number(col(r, "possible_pairs") ?? 0), 0);
  const head = `Connection probability ${flow}, by difference in preferred orientation (${rows.length} bins of ${width}°)`;
  if (!rows.length || possible === 0) {
    return `${head}: there are no pairs of functionally matched neurons ${flow} in this data.`;
  }
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const range = (r: AnswerTable["rows"][number]) => `${fmt(col(r, "ori_difference"))}–${fmt(col(r, "bin_end"))}°`;
  const bin = (r: AnswerTable["rows"][number]) => {
    const n = Number(col(r, "possible_pairs") ?? 0);
    if (!n) return `${range(r)}: no pairs`;
    return (
      `${range(r)}: ${pct(col(r, "connection_probability"))} (${fmt(col(r, "connected_pairs"))} connected of ` +
      `${fmt(n)} pairs; 95% CI ${pct(col(r, "ci_low"))}–${pct(col(r, "ci_high"))})`
    );
  };
  const p0 = Number(col(first, "connection_probability"));
  const p1 = Number(col(last, "connection_probability"));
  const ratio =
    col(first, "possible_pairs") && col(last, "possible_pairs") && p1 > 0 ? `; ratio ${(p0 / p1).toFixed(2)}` : "";
  const spp = (r: AnswerTable["rows"][number]) =>
    col(r, "synapses_per_pair") === null ? "none" : fmt(col(r, "synapses_per_pair"));
  return (
    `${head}: most similar ${bin(first)} vs most different ${bin(last)}${ratio}. ` +
    `Synapses per connected pair: ${spp(first)} vs ${spp(last)}. ` +
    `${fmt(possible)} ordered pairs in all; no significance test was run (every bin is in the table).`
  );
}

const pct = (v: unknown) => (v === null || v === undefined ? "n/a" : `${(Number(v) * 100).toFixed(2)}%`);

/**
 * The summary of a like-to-like table with one row per group and bin: for each group, its most
 * similar and most different bins (probability, connected of possible pairs). Numbers only.
 */
export function likeToLikeGroupsLine(table: AnswerTable, key: string, flow: string, width: number): string {
  const col = (row: AnswerTable["rows"][number], name: string) => row[table.columns.indexOf(name)] ?? null;
  const groups = [...new Set(table.rows.map((r) => String(col(r, key))))];
  const head = `Connection probability ${flow}, by difference in preferred orientation (bins of ${width}°)`;
  if (!groups.length) return `${head}: there are no pairs of functionally matched neurons in this data.`;
  const bin = (r: AnswerTable["rows"][number]) =>
    `${pct(col(r, "connection_probability"))} ` +
    `(${fmt(col(r, "connected_pairs"))}/${fmt(col(r, "possible_pairs"))})`;
  const shown = groups.slice(0, 6).map((g) => {
    const rows = table.rows.filter((r) => String(col(r, key)) === g);
    return `${g} ${bin(rows[0]!)} most similar vs ${bin(rows[rows.length - 1]!)} most different`;
  });
  const more = groups.length > 6 ? `; ${groups.length - 6} more groups in the table` : "";
  return `${head}, connected/possible pairs: ${shown.join("; ")}${more}. No significance test was run.`;
}
