import type { Having, PlannerResult } from "../plan.js";
import { denominatorSaid } from "./denominator-said.js";
import { boundIn } from "./group-bound-words.js";

/** A share said in words: "a third", "one half", "two thirds", "three quarters". */
const SHARE_WORDS: Record<string, number> = { half: 1 / 2, third: 1 / 3, quarter: 1 / 4, fifth: 1 / 5, tenth: 1 / 10 };
const COUNTS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4 };
const SHARE_SAID = new RegExp(
  String.raw`\b(?:(a|one|two|three|four)[\s-]+)?(half|thirds?|quarters?|fifths?|tenths?)\b`,
  "i",
);

/**
 * "Which BCs send more than 40% of their output synapses onto 23P?", "23P ids w/ >1/3 of input syn from inh
 * neurons": cells kept by their own share of their synapses. The cells, their synapses and the part are read as
 * "what fraction of each BC's output synapses onto 23P" (one share per cell); the bound is then put on those
 * shares. Only when that reading is one row per cell of a share; anything else is left as it was asked back.
 */
const ASKED = new RegExp(
  String.raw`^\s*(?:(?:which|what|list|name|show(?:\s+me)?|give\s+me|find|get\s+me)\s+(?:(?:all|the)\s+)*)?` +
    String.raw`(?<cells>[^%,:;?]+?)\s+(?:(?:root\s+)?ids?\s+)?(?:(?:that|which|who|whose)\s+)?` +
    String.raw`(?:have|has|send|sends|make|makes|get|gets|receive|receives|put|puts|direct|directs|with|w\/)\s+` +
    String.raw`(?<bound>[^%]*?(?:%|percent\b|per\s*cent\b)|[^%]*?\d\s*\/\s*\d+|[^%/]*?${SHARE_SAID.source})` +
    String.raw`\s+of\s+(?:all\s+)?(?:of\s+)?(?:(?:their|its|the(?:ir)?)\s+)?(?<rest>[^?]+?)\s*[?.!]*\s*$`,
  "i",
);

export async function cellsAboveAShare(
  question: string,
  read: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult | undefined> {
  const m = ASKED.exec(question)?.groups;
  if (!m) return undefined;
  const having = shareBound(m.bound!);
  if (!having) return undefined;
  const cells = m.cells!.trim();
  const owner = /s$/i.test(cells) ? `${cells}'` : `${cells}'s`;
  const said = `what fraction of each ${owner} ${m.rest}?`;
  const first = await read(said);
  // ("… (denom = all their outputs)": the whole said again, as of any share.)
  const result = first.type === "clarify" ? ((await denominatorSaid(said, first, read)) ?? first) : first;
  if (result.type !== "plan" || result.plan.kind !== "query") return undefined;
  const plan = result.plan;
  const [g, more] = plan.groupBy;
  if (plan.measure.fn !== "fraction" || plan.measure.across || !g || more || g.dim !== "root_id") return undefined;
  if (plan.compare || plan.limit || plan.having) return undefined;
  const reading = result.reading ?? { used: [], unaccounted: [] };
  return { ...result, plan: { ...plan, having }, reading: { ...reading, used: [...reading.used, m.bound!.trim()] } };
}

/** "more than 40%" → above 0.4; "over a third", "> 1/3" → above 1/3 (a share, 0 to 1). */
function shareBound(said: string): Having | undefined {
  const words = SHARE_SAID.exec(said);
  const slash = /(\d+)\s*\/\s*(\d+)/.exec(said);
  const value = words
    ? (COUNTS[(words[1] ?? "a").toLowerCase()] ?? 1) * SHARE_WORDS[words[2]!.toLowerCase().replace(/s$/, "")]!
    : slash
      ? Number(slash[1]) / Number(slash[2])
      : undefined;
  const shown = value === undefined ? said : said.replace(words?.[0] ?? slash![0], "1");
  const bound = boundIn(shown);
  if (!bound || bound.after || bound.before) return undefined;
  if (value === undefined && !bound.percent) return undefined;
  const scale = (x?: number) => (x === undefined ? undefined : value !== undefined ? value * x : x / 100);
  const h: Having = { ...bound.having, min: scale(bound.having.min), max: scale(bound.having.max) };
  if (h.min === undefined) delete h.min;
  if (h.max === undefined) delete h.max;
  if ([h.min, h.max].some((x) => x !== undefined && (x <= 0 || x >= 1))) return undefined;
  return h;
}
