import type { QueryPlan } from "../plan.js";
import type { Prepared } from "./prepare.js";

/*
 * "# syn V1→RL vs RL→V1 (by source area)", "avg syn/conn 23P→BC vs BC→23P (by presyn type)", "…, labelled by the
 * source area": a flow and its reverse, one row each, already labelled by where each flow starts; the grouping said
 * only names the rows, so it is set aside as context (it had made the comparison unreadable).
 */
const NAME = String.raw`([\w/-]+?)(?:\s+(?:cells?|neurons?|pyramidal(?:\s+cells)?))?`;
const FLOW = new RegExp(
  String.raw`(?:\bfrom\s+)?${NAME}\s*(?:→|->|=>|\s(?:to|onto)\s)\s*${NAME}(?=[\s,.;:?)]|$)`,
  "gi",
);
/** Words for where a flow starts. */
const SOURCE = String.raw`(?:source|presyn(?:aptic)?|pre|sending|origin)`;
const LABEL = new RegExp(
  String.raw`\s*[,;.]?\s*\(?\s*(?:(?:label(?:l?ed)?(?:\s+each(?:\s+one)?)?|grouped|split|keyed|broken\s+down)\s+)?` +
    String.raw`by\s+(?:the\s+)?${SOURCE}\s+(?:cell\s+)?(?:area|type|region)s?` +
    String.raw`\s*\)?(?=\s*[,.;?!]|\s*$)`,
  "gi",
);

/** "…, and the other way round from BC onto 23P": the reverse, named after it. */
const OTHER_WAY =
  /\s*,?\s*(and|or)\s+(?:the\s+other\s+way\s+a?round|in\s+the\s+other\s+direction|the\s+reverse)\s*,?\s*(?=from\b)/gi;

/**
 * "from RL neurons onto V1 neurons and from V1 neurons onto RL neurons": a flow and its reverse said as two "from …
 * onto …" phrases, said as the comparison the reader reads, "RL neurons→V1 neurons vs V1 neurons→RL neurons".
 */
const WORDS = String.raw`([\w/-]+(?:\s+[\w/-]+){0,2}?)`;
const TWO_FROMS = new RegExp(
  String.raw`\bfrom\s+${WORDS}\s+(?:onto|to|into)\s+${WORDS}\s*,?\s*(?:and|vs\.?|versus|or)\s+` +
    String.raw`(?:(?:how\s+many\s+)?(?:synapses\s+|connections\s+)?)?from\s+${WORDS}\s+(?:onto|to|into)\s+${WORDS}` +
    String.raw`(?=\s*[,.;:?!)]|\s*$)`,
  "i",
);
const bare = (x: string) => x.toLowerCase().replace(/\s+(?:cells?|neurons?)$/, "");

function bothWays(text: string): string {
  const m = TWO_FROMS.exec(text);
  if (!m) return text;
  const [, a, b, c, d] = m as unknown as [string, string, string, string, string];
  if (bare(a) !== bare(d) || bare(b) !== bare(c) || bare(a) === bare(b)) return text;
  return text.slice(0, m.index) + `${a}→${b} vs ${c}→${d}` + text.slice(m.index + m[0].length);
}

export function bothWaysLabels(p: Prepared): Prepared {
  const flows = [...p.text.matchAll(FLOW)].map((m) => [m[1]!.toLowerCase(), m[2]!.toLowerCase()] as const);
  const reversed = flows.some(([a, b], k) => a !== b && flows.some(([c, d], j) => j !== k && c === b && d === a));
  if (!reversed) return p;
  const said: string[] = [];
  const text = bothWays(p.text.replace(OTHER_WAY, " $1 ")).replace(LABEL, (label) => {
    said.push(label.replace(/^[\s,;.(]+|[\s)]+$/g, ""));
    return "";
  });
  return text === p.text ? p : { ...p, text, context: [...p.context, ...said] };
}

/** "(by source area)", "labelled by the presynaptic type", as set aside above; or the same of the targets. */
const BY_SOURCE = new RegExp(String.raw`\bby\s+(?:the\s+)?${SOURCE}\b`, "i");
const BY_TARGET = /\bby\s+(?:the\s+)?(?:target|postsyn(?:aptic)?|post|receiving)\b/i;

/**
 * The two rows of a flow and its reverse, named as asked: by where each starts ("V1", "RL") when the question
 * labels them by the source, by where each ends when by the target. Each row's side holds one value, so the
 * label is only its name; a plan of any other shape is returned as it is.
 */
export function labelledAsAsked(plan: QueryPlan, context: string[]): QueryPlan {
  if (plan.kind !== "query" || plan.compare?.length !== 2) return plan;
  const side = context.some((x) => BY_SOURCE.test(x)) ? "pre" : context.some((x) => BY_TARGET.test(x)) ? "post" : "";
  if (!side) return plan;
  const labels = plan.compare.map((part) => {
    const named = (part[side] ?? []).filter((f) => !f.not);
    return named.length === 1 && named[0]!.values?.length === 1 ? String(named[0]!.values[0]) : undefined;
  });
  if (labels.some((l) => l === undefined) || labels[0] === labels[1]) return plan;
  return { ...plan, compare: plan.compare.map((part, k) => ({ ...part, label: labels[k]! })) };
}
