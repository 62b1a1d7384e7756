import type { PlannerResult } from "../plan.js";
import { askedBack } from "./nested-statistics.js";

/** "% of syn from partners w/ ≥2 syn", "fraction of its input synapses …": the whole said is synapses. */
const OF_SYNAPSES =
  /(?:%|\bpct\b|\bpercent(?:age)?\b|\bfraction\b|\bshare\b|\bproportion\b)\s+of\s+(?:(?:the|all|its|their|his|her)\s+)*(?:(?:input|output|incoming|outgoing)\s+)?(?:syn|syns|synapses?)\b/i;

/**
 * A share read over connections (pairs) where the question asks a share of synapses: "what % of 8646…'s input
 * synapses come from partners with ≥ 2 synapses" weighs each pair by its synapses, and the share of pairs is
 * another number (it had been answered as the share of pairs). Asked back.
 */
export function synapseShareOfConnections(question: string, result: PlannerResult): PlannerResult | undefined {
  if (result.type !== "plan" || result.plan.kind !== "query") return undefined;
  if (result.plan.source !== "connections" || result.plan.measure.fn !== "fraction") return undefined;
  if (!OF_SYNAPSES.test(question)) return undefined;
  return askedBack(
    result,
    "A share of synapses by the connections they are in (each pair weighed by its synapses) is not something I " +
      "can compute yet. I can give the share of connections, e.g. \"what % of 8646…'s input connections have at " +
      'least 2 synapses".',
  );
}
