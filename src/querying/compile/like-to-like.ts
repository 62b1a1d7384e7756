import type { Group, Query } from "../../planning/plan.js";
import { describeGroup, describePlan, describeRows } from "../../planning/describe.js";
import { Sql, raw, sql } from "../sql.js";
import { circularDifference, ORI_BIN_WIDTH, oriBins, orientationDegrees } from "./orientation.js";
import { rootSet } from "./summary-rows.js";
import { likeToLikeGroupsLine, likeToLikeLine } from "./like-to-like-text.js";
import { groupKey } from "./flow.js";
import { groupColumns } from "./synapse-rows.js";
import { permutationLine, permutationTest } from "./permutation.js";
import { MissingDataError, UnknownValueError, type CompileContext, type CompiledQuery } from "./types.js";

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * Like-to-like: connection probability as a function of the difference in preferred orientation.
 * Over the functionally matched roots (those with a tuning) of the pre and post populations, each
 * bin's possible pairs are the ordered pairs (a, b), a ≠ b, whose orientations differ by the bin's
 * range, and its connected pairs those with at least one synapse a → b in the connection table.
 *
 * The possible pairs are counted without enumerating them (10,000 matched neurons are 100M ordered
 * pairs): for each a and each bin edge t, the b within t of a's orientation are those whose
 * orientation lies in the open interval (θa − t, θa + t) on the circle. With b's orientations
 * written three times (θ − 180, θ, θ + 180) the interval needs no wrapping, and every count is a
 * running count over one sorted list of b's orientations and the interval ends: O((|A|·bins + |B|)
 * log) in a single window function. Connected pairs come from the connection table, one row each.
 * The two agree with the per-pair bin floor(d / w) up to floating-point ties at a bin edge.
 */
export function compileLikeToLike(ctx: CompileContext, q: Query): CompiledQuery {
  if (!ctx.catalog.tables.has("cell_tuning")) {
    throw new MissingDataError(
      "Like-to-like connectivity needs the tuning of the functionally matched cells " +
        "(functional_properties_v3_bcm or digital_twin_properties_bcm_coreg_v4); this store has neither.",
    );
  }
  const others = q.groupBy.filter((g) => g.dim !== "ori_difference");
  const binning = q.groupBy.find((g) => g.dim === "ori_difference");
  if (!binning || others.length > 1 || q.groupBy.length > 2 || q.compare || q.filter.length) {
    throw new UnknownValueError(
      "Connection probability by orientation difference takes the difference and at most one " +
        "other grouping (type, area or layer), with conditions on either side; ask one restriction at a time.",
    );
  }
  const group = others[0];
  const width = binning.width ?? ORI_BIN_WIDTH;
  const bins = oriBins(width);
  // One orientation per root, from its best-predicted nucleus (as TUNING_BY_ROOT: SQLite takes the
  // bare column from the row holding max(cc)). Read through cell_tuning's index by root: a join
  // with the grouped subquery was a 10,000 × 10,000 nested loop in SQLite 3.53.
  const matched = (filters: Query["pre"]) => sql`SELECT r, x FROM (SELECT t.pt_root_id AS r,
      ${raw(orientationDegrees("t.pref_ori"))} AS x, max(t.cc) AS cc FROM cell_tuning t
    WHERE t.pt_root_id != 0 AND t.pt_root_id IN (${rootSet(ctx, filters)}) GROUP BY t.pt_root_id) WHERE x IS NOT NULL`;
  const sides = groupedSides(ctx, group, matched(q.pre), matched(q.post));
  const edges = raw(bins.map((b) => `(${b.index}, ${b.lo}, ${b.hi})`).join(", "));
  // floor(d / w): the counts put 90° itself (and anything past the last edge) in the last bin.
  const difference = `CAST(${circularDifference("a.x", "b.x")} / ${width} AS INTEGER)`;
  // Every count is per group g (one group, 0, without a grouping): a window partition, and the
  // two roots of a pair share g.
  const text = sql`WITH a AS MATERIALIZED (${sides.a}), b AS MATERIALIZED (${sides.b}),
    edges(j, lo, hi) AS (VALUES ${edges}),
    groups AS (SELECT DISTINCT g FROM a),
    /* b's orientations (tie 1), and each a's interval ends: θa + t counts the b below it (tie 0
       sorts before an equal b: strictly below), θa − t the b at or below it (tie 2). */
    ev(g, key, tie, k, sign) AS (
      SELECT g, x - 180, 1, NULL, 0 FROM b UNION ALL SELECT g, x, 1, NULL, 0 FROM b
      UNION ALL SELECT g, x + 180, 1, NULL, 0 FROM b
      UNION ALL SELECT a.g, a.x + edges.lo, 0, edges.j, 1 FROM a JOIN edges ON edges.j > 0
      UNION ALL SELECT a.g, a.x - edges.lo, 2, edges.j, -1 FROM a JOIN edges ON edges.j > 0),
    run AS (SELECT g, k, sign, tie,
      sum(tie = 1) OVER (PARTITION BY g ORDER BY key, tie ROWS UNBOUNDED PRECEDING) AS below FROM ev),
    /* For bin edge k: the (a, b) pairs, a self-pair included, differing by less than the edge. */
    closer AS (SELECT g, k, sum(sign * below) AS n FROM run WHERE tie != 1 GROUP BY g, k),
    /* How many a, b, and roots in both, per group: materialized once (correlated counts were
       evaluated again, each with an index of its own, wherever possible used them). */
    sizes AS MATERIALIZED (SELECT gs.g AS g, coalesce(na.n, 0) AS na, coalesce(nb.n, 0) AS nb, coalesce(nab.n, 0) AS nab
      FROM groups gs LEFT JOIN (SELECT g, count(*) AS n FROM a GROUP BY g) na ON na.g = gs.g
      LEFT JOIN (SELECT g, count(*) AS n FROM b GROUP BY g) nb ON nb.g = gs.g
      LEFT JOIN (SELECT a.g AS g, count(*) AS n FROM a JOIN b ON a.r = b.r AND b.g = a.g GROUP BY a.g) nab
        ON nab.g = gs.g),
    possible AS (SELECT sizes.g AS g, edges.j, edges.lo, edges.hi,
        coalesce(upto.n, na * nb) - coalesce(below.n, 0) - CASE WHEN edges.j = 0 THEN nab ELSE 0 END AS n
      FROM sizes JOIN edges LEFT JOIN closer below ON below.k = edges.j AND below.g = sizes.g
      LEFT JOIN closer upto ON upto.k = edges.j + 1 AND upto.g = sizes.g),
    /* A's outputs, each looked up in B (CROSS JOIN fixes that order: SQLite 3.53 chose to scan the
       whole table by post). LIMIT -1 keeps the pairs a co-routine, each pair's bin computed once;
       the bins are counted side by side in one pass (a GROUP BY by bin sorted the 2M pairs). */
    pairs AS (SELECT ${raw(group ? "a.g AS g, " : "")}${raw(difference)} AS j, c.n_syn AS s
      FROM a CROSS JOIN connection c ON c.pre_pt_root_id = a.r
      CROSS JOIN b ON b.r = c.post_pt_root_id${raw(group ? " AND b.g = a.g" : "")}
      WHERE c.pre_pt_root_id != c.post_pt_root_id LIMIT -1),
    counted AS MATERIALIZED (SELECT ${raw(group ? "g" : "0 AS g")}, ${raw(binCounts(bins.length))}
      FROM pairs${raw(group ? " GROUP BY g" : "")}),
    conn AS (SELECT g, edges.j AS j, ${raw(unpivot(bins.length, "n"))} AS n, ${raw(unpivot(bins.length, "s"))} AS syn
      FROM counted JOIN edges),
    rates AS (SELECT p.g AS g, p.j, p.lo, p.hi, p.n AS possible, coalesce(k.n, 0) AS connected,
        coalesce(k.syn, 0) AS syn, coalesce(k.n, 0) * 1.0 / nullif(p.n, 0) AS pr, p.n * 1.0 AS n
      FROM possible p LEFT JOIN conn k ON k.j = p.j AND k.g = p.g)
    SELECT ${raw(group ? `g AS ${groupKey(group)}, ` : "")}lo AS ori_difference, hi AS bin_end,
      possible AS possible_pairs,
      connected AS connected_pairs, round(pr, 6) AS connection_probability,
      ${wilson("-")} AS ci_low, ${wilson("+")} AS ci_high,
      syn AS synapses, round(syn * 1.0 / nullif(connected, 0), 3) AS synapses_per_pair
    FROM rates ORDER BY g, j`;
  const labels = { typeLabel: (v: string) => ctx.vocabulary.cellTypeLabel(v) };
  const flow = describeRows({ ...q, filter: [] }, labels).replace(/^connections /, "");
  const key = group ? groupKey(group) : undefined;
  const test = q.test && !group ? permutationStatements(sides) : [];
  return {
    statements: [{ sql: text.text, params: text.params }, ...test],
    reading:
      `Read as: ${describePlan(q, labels)}, over the functionally matched roots (one tuning each, best cc_abs); ` +
      "possible pairs are ordered pairs of distinct roots; from the connection table and the tuning table.",
    ids: {
      rootIds: [...q.pre, ...q.post].filter((f) => f.dim === "root_id" && !f.not).flatMap((f) => f.values ?? []),
      nucleusIds: [],
    },
    present: ([result, roots, connected]) => {
      const table = { columns: result!.columns, rows: result!.rows };
      const tested =
        q.test && roots && connected ? permutationText(roots.rows, connected.rows, q.test.permutations) : "";
      const pairs = table.rows.reduce((n, r) => n + Number(r[table.columns.indexOf("possible_pairs")] ?? 0), 0);
      const per = group ? `, per ${describeGroup(group)}` : "";
      return {
        table,
        headline: key
          ? likeToLikeGroupsLine(table, key, `${flow}${per}`, width)
          : tested
            ? `${likeToLikeLine(table, flow, width).replace(/; no significance test was run.*$/, ".")} ${tested}`
            : likeToLikeLine(table, flow, width),
        chart: {
          kind: "errorbar",
          x: "ori_difference",
          x2: "bin_end",
          y: "connection_probability",
          low: "ci_low",
          high: "ci_high",
          label: "connected_pairs",
          total: "possible_pairs",
          ...(key ? { color: key } : {}),
          xTitle: "difference in preferred orientation (°)",
          yTitle: "connection probability",
          title:
            `Connection probability ${matchedOnly(q) ? "among functionally matched neurons" : flow}${per}, ` +
            "by difference in " +
            `preferred orientation (${pairs.toLocaleString("en-US")} ordered pairs)`,
        },
      };
    },
  };
}

/** The most connected pairs a permutation test reads (each permutation goes over all of them). */
const MAX_TEST_PAIRS = 500_000;

/** The matched roots with their orientations, and the connected pairs among them, for the test. */
function permutationStatements(sides: { a: Sql; b: Sql }): CompiledQuery["statements"] {
  const roots = sql`WITH a AS MATERIALIZED (${sides.a}), b AS MATERIALIZED (${sides.b})
    SELECT r, x FROM a UNION SELECT r, x FROM b`;
  const pairs = sql`WITH a AS MATERIALIZED (${sides.a}), b AS MATERIALIZED (${sides.b})
    SELECT c.pre_pt_root_id, c.post_pt_root_id FROM a CROSS JOIN connection c ON c.pre_pt_root_id = a.r
    CROSS JOIN b ON b.r = c.post_pt_root_id WHERE c.pre_pt_root_id != c.post_pt_root_id
    LIMIT ${raw(String(MAX_TEST_PAIRS + 1))}`;
  return [
    { sql: roots.text, params: roots.params, rowCap: 10_000_000 },
    { sql: pairs.text, params: pairs.params, rowCap: MAX_TEST_PAIRS + 1 },
  ];
}

/** Runs the permutation test over the rows read, or says why it was not run. */
function permutationText(roots: unknown[][], pairs: unknown[][], permutations: number): string {
  if (pairs.length > MAX_TEST_PAIRS) {
    return (
      `No permutation test was run: there are more than ${MAX_TEST_PAIRS.toLocaleString("en-US")} ` +
      "connected pairs, " +
      "and each permutation goes over all of them; ask it of a smaller population."
    );
  }
  const index = new Map(roots.map((r, i) => [String(r[0]), i]));
  const x = Float64Array.from(roots.map((r) => Number(r[1])));
  const pre = Int32Array.from(pairs.map((p) => index.get(String(p[0]))!));
  const post = Int32Array.from(pairs.map((p) => index.get(String(p[1]))!));
  if (!pre.length) return "No permutation test was run: there are no connected pairs.";
  return permutationLine(permutationTest(x, pre, post, permutations));
}

/**
 * The two populations, each root with the group it is counted in (g): with no side, both roots
 * in the same group (like-to-like within each area); with a side, that side's group, the other
 * side's roots repeated in every group.
 */
function groupedSides(ctx: CompileContext, group: Group | undefined, a: Sql, b: Sql): { a: Sql; b: Sql } {
  if (!group) return { a: sql`SELECT r, x, 0 AS g FROM (${a})`, b: sql`SELECT r, x, 0 AS g FROM (${b})` };
  const { joins, select } = groupColumns(ctx, [{ ...group, side: "pre" }], "m", () => "m.r");
  const expr = select[0]!.replace(/ AS \w+$/, "");
  const keyed = (rows: Sql) => sql`SELECT DISTINCT m.r AS r, m.x AS x, ${raw(expr)} AS g
    FROM (${rows}) m${raw(joins.join(""))} WHERE ${raw(expr)} IS NOT NULL`;
  if (!group.side) return { a: keyed(a), b: keyed(b) };
  const every = (rows: Sql, groups: string) => sql`SELECT m.r AS r, m.x AS x, gs.g AS g FROM (${rows}) m
    JOIN (SELECT DISTINCT g FROM ${raw(groups)}) gs`;
  return group.side === "pre" ? { a: keyed(a), b: every(b, "a") } : { a: every(a, "b"), b: keyed(b) };
}

/** Connected pairs and their synapses per bin, as columns n0, s0, n1, s1 … of one row (per group). */
const binCounts = (count: number) =>
  Array.from({ length: count }, (_, j) => {
    // (The last bin holds 90° itself: floor(90 / w) is one past it when w divides 90.)
    const at = j === count - 1 ? `j >= ${j}` : `j = ${j}`;
    return `count(CASE WHEN ${at} THEN 1 END) AS n${j}, sum(CASE WHEN ${at} THEN s END) AS s${j}`;
  }).join(", ");

/** Column n0, n1 … (or s0 …) of bin edges.j. */
const unpivot = (count: number, name: string) =>
  `CASE edges.j ${Array.from({ length: count }, (_, j) => `WHEN ${j} THEN ${name}${j}`).join(" ")} END`;

/** Both sides are just "the functionally matched cells": the title can say so in four words. */
const matchedOnly = (q: Query) =>
  [...q.pre, ...q.post].every((f) => (f.dim === "tuned" || f.dim === "coregistered") && f.is === true && !f.not);

/** Wilson score interval for a binomial share pr of n (95%), in SQL over the `rates` columns. */
function wilson(sign: "-" | "+"): Sql {
  const z2 = Z95 * Z95;
  return raw(
    `CASE WHEN n > 0 THEN round((pr + ${z2} / (2 * n) ${sign} ${Z95} * sqrt(pr * (1 - pr) / n + ${z2} / (4 * n * n)))` +
      ` / (1 + ${z2} / n), 6) END`,
  );
}
