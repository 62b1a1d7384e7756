import type { Group, Query } from "../../planning/plan.js";
import { describePlan, describeRows } from "../../planning/describe.js";
import { Sql, raw, sql } from "../sql.js";
import { groupKey } from "./flow.js";
import { compileLikeToLike } from "./like-to-like.js";
import { naturalOrder } from "./order.js";
import { withPercent } from "./present.js";
import { rootSet } from "./summary-rows.js";
import { groupColumns } from "./synapse-rows.js";
import { MissingDataError, UnknownValueError, fmt, type CompileContext, type CompiledQuery } from "./types.js";

/**
 * Connection probability from one population to another: of the ordered pairs of distinct roots
 * (a in pre, b in post, a ≠ b), the share with at least one synapse a → b, from the connection
 * table. Grouped by a dimension of either side, each group's possible pairs are its own
 * |A_g| × |B_h| − |A_g ∩ B_h|.
 */
export function compileProbability(ctx: CompileContext, q: Query): CompiledQuery {
  if (q.source !== "connections") throw new UnknownValueError("Connection probability is a measure of connections.");
  if (!ctx.catalog.tables.has("connection")) {
    throw new MissingDataError(
      "Connection probability needs the connection summary, built from synapses_pni_2 or imported as connections_with_nuclei.",
    );
  }
  if (!q.pre.length || !q.post.length) {
    throw new UnknownValueError(
      'Connection probability is between two named populations ("connection probability from BC to 23P").',
    );
  }
  // Grouped by the pair's orientation difference: like-to-like, counted without enumerating pairs.
  if (q.groupBy.some((g) => g.dim === "ori_difference")) return compileLikeToLike(ctx, q);
  if (q.groupBy.some((g) => !g.side) || q.compare || q.filter.length) {
    throw new UnknownValueError(
      "Connection probability is computed per cell group of either side; other groupings are not available yet.",
    );
  }
  const side = (s: "pre" | "post") => {
    const groups = q.groupBy.filter((g) => g.side === s);
    const { joins, select } = groupColumns(ctx, groups, "p", () => "p.root_id");
    const cols = ["p.root_id AS r", ...select].join(", ");
    return {
      groups,
      sql: sql`SELECT DISTINCT ${raw(cols)} FROM (${rootSet(ctx, s === "pre" ? q.pre : q.post)}) p${raw(joins.join(""))} WHERE p.root_id != 0`,
    };
  };
  const a = side("pre");
  const b = side("post");
  const ka = a.groups.map(groupKey);
  const kb = b.groups.map(groupKey);
  const keys = [...ka, ...kb];
  const keySel = keys.length ? `${keys.join(", ")}, ` : "";
  // (Qualified: a key named like a column of the connection table, "post_pt_root_id", is otherwise ambiguous.)
  const qualified = keys.map((k) => (ka.includes(k) ? `a.${k}` : `b.${k}`));
  const groupBy = keys.length ? ` GROUP BY ${qualified.join(", ")}` : "";
  const countBy = (alias: string, k: string[]) =>
    `SELECT ${k.length ? `${k.join(", ")}, ` : ""}count(*) AS n FROM ${alias}${k.length ? ` GROUP BY ${k.join(", ")}` : ""}`;
  const on = (k: string[], x: string, y: string) =>
    k.length ? k.map((c) => `${x}.${c} = ${y}.${c}`).join(" AND ") : "1";
  const text = sql`WITH a AS MATERIALIZED (${a.sql}), b AS MATERIALIZED (${b.sql}),
    na AS (${raw(countBy("a", ka))}), nb AS (${raw(countBy("b", kb))}),
    ab AS (SELECT ${raw(
      keys
        .map((k) => (ka.includes(k) ? `a.${k}` : `b.${k}`))
        .map((e, i) => `${e} AS ${keys[i]}`)
        .concat("count(*) AS n")
        .join(", "),
    )}
      FROM a JOIN b ON a.r = b.r${raw(groupBy)}),
    k AS (SELECT ${raw(
      keys
        .map((k) => (ka.includes(k) ? `a.${k}` : `b.${k}`))
        .map((e, i) => `${e} AS ${keys[i]}`)
        .concat("count(*) AS n")
        .join(", "),
    )}
      FROM connection c JOIN a ON a.r = c.pre_pt_root_id JOIN b ON b.r = +c.post_pt_root_id
      WHERE c.pre_pt_root_id != c.post_pt_root_id${raw(groupBy)})
    SELECT ${raw(keySel ? keys.map((k) => (ka.includes(k) ? `na.${k}` : `nb.${k}`)).join(", ") + ", " : "")}coalesce(k.n, 0) AS connected_pairs,
      na.n * nb.n - coalesce(ab.n, 0) AS possible_pairs,
      round(coalesce(k.n, 0) * 1.0 / nullif(na.n * nb.n - coalesce(ab.n, 0), 0), 6) AS connection_probability
    FROM na JOIN nb ON 1
      LEFT JOIN ab ON ${raw(on(ka, "ab", "na"))} AND ${raw(on(kb, "ab", "nb"))}
      LEFT JOIN k ON ${raw(on(ka, "k", "na"))} AND ${raw(on(kb, "k", "nb"))}`;
  const order = keys.length
    ? raw(
        ` ORDER BY ${q.order ? `connection_probability ${q.order === "desc" ? "DESC" : "ASC"}, ` : ""}${naturalOrder(ctx, keys)}`,
      )
    : raw("");
  const full = sql`SELECT * FROM (${text})${order}${raw(q.limit ? ` LIMIT ${q.limit}` : "")}`;
  const labels = { typeLabel: (v: string) => ctx.vocabulary.cellTypeLabel(v) };
  const flow = describeRows(q, labels).replace(/^connections /, "");
  return {
    statements: [{ sql: full.text, params: full.params }],
    reading: `Read as: ${describePlan(q, labels)}; from the connection table.`,
    ids: {
      rootIds: [...q.pre, ...q.post].filter((f) => f.dim === "root_id").flatMap((f) => f.values ?? []),
      nucleusIds: [],
    },
    present: ([result]) => {
      const r = result!;
      const col = (name: string, row = r.rows[0]) => row?.[r.columns.indexOf(name)] ?? null;
      const table = { columns: r.columns, rows: r.rows };
      withPercent(table, "connection_probability");
      if (!keys.length) {
        const p = col("connection_probability");
        return {
          table,
          headline:
            p === null
              ? `There are no pairs ${flow} in this data.`
              : `Connection probability ${flow}: ${(Number(p) * 100).toFixed(2)}% (${fmt(col("connected_pairs") as number)} connected pairs of ${fmt(col("possible_pairs") as number)} possible).`,
        };
      }
      const shown = r.rows
        .slice(0, 6)
        .map(
          (row) =>
            `${keys.map((k) => col(k, row)).join(" → ")} ${(Number(col("connection_probability", row) ?? 0) * 100).toFixed(2)}%`,
        );
      return {
        table,
        headline: `Connection probability ${flow}, per ${q.groupBy.map(describeGroupShort).join(" and ")}: ${shown.join("; ")}${r.rows.length > 6 ? "; …" : ""}.`,
        chart:
          keys.length === 1
            ? {
                kind: "bar",
                x: keys[0]!,
                y: "connection_probability",
                xTitle: keys[0]!.replace(/_/g, " "),
                yTitle: "connection probability",
              }
            : // Two groupings: a pre × post matrix of probabilities.
              keys.length === 2
              ? {
                  kind: "heatmap",
                  x: keys[1]!,
                  y: keys[0]!,
                  color: "connection_probability",
                  xTitle: keys[1]!.replace(/_/g, " "),
                  yTitle: keys[0]!.replace(/_/g, " "),
                  colorTitle: "connection probability",
                }
              : undefined,
      };
    },
  };
}

const describeGroupShort = (g: Group) =>
  `${g.side === "pre" ? "presynaptic" : "postsynaptic"} ${g.dim.replace(/_/g, " ")}`;
