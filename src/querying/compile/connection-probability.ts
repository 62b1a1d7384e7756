import type { SynapsePlan } from "../../planning/plan.js";
import { sql } from "../sql.js";
import { describePopulation, isAny, rootSet } from "./population.js";
import { MissingDataError, UnknownValueError, fmt, type CompileContext, type CompiledQuery } from "./types.js";

/**
 * Connection probability from one population to another: of the ordered pairs of distinct roots
 * (a in pre, b in post, a ≠ b), the share with at least one synapse a → b. Counted from the
 * connection table, so an autapse (a → a) is never a pair, and a root in both populations is not
 * paired with itself in the possible pairs either.
 */
export function compileConnectionProbability(ctx: CompileContext, plan: SynapsePlan): CompiledQuery {
  if (!ctx.catalog.tables.has("connection")) {
    throw new MissingDataError("Connection probability needs the connection summary, built from synapses_pni_2 or imported as connections_with_nuclei.");
  }
  if (isAny(plan.pre) || isAny(plan.post) || plan.groupBy.length) {
    throw new UnknownValueError("Connection probability is between two named populations (\"connection probability from BC to 23P\"), one pair of them at a time.", []);
  }
  const pre = rootSet(ctx, plan.pre)!;
  const post = rootSet(ctx, plan.post)!;
  const text = sql`WITH a AS MATERIALIZED (SELECT DISTINCT pt_root_id AS r FROM (${pre}) WHERE pt_root_id != 0),
      b AS MATERIALIZED (SELECT DISTINCT pt_root_id AS r FROM (${post}) WHERE pt_root_id != 0),
      k AS (SELECT count(*) AS n FROM connection c WHERE c.pre_pt_root_id IN (SELECT r FROM a) AND +c.post_pt_root_id IN (SELECT r FROM b)
              AND c.pre_pt_root_id != c.post_pt_root_id),
      p AS (SELECT (SELECT count(*) FROM a) * (SELECT count(*) FROM b) - (SELECT count(*) FROM a JOIN b USING (r)) AS n)
    SELECT k.n AS connected_pairs, p.n AS possible_pairs, round(1.0 * k.n / nullif(p.n, 0), 6) AS connection_probability FROM k, p`;
  const flow = `from ${describePopulation(ctx, plan.pre)} onto ${describePopulation(ctx, plan.post)}`;
  return {
    statements: [{ sql: text.text, params: text.params }],
    reading: `Read as: connection probability ${flow}: pairs of distinct neurons with at least one synapse, over all such pairs; from the connection summary.`,
    present: ([result]) => {
      const [connected, possible, probability] = result!.rows[0] ?? [0, 0, null];
      return {
        table: { columns: result!.columns, rows: result!.rows },
        headline: probability === null
          ? `There are no pairs ${flow} in this data.`
          : `Connection probability ${flow}: ${(Number(probability) * 100).toFixed(2)}% (${fmt(connected ?? 0)} connected pairs of ${fmt(possible ?? 0)} possible).`,
      };
    },
  };
}
