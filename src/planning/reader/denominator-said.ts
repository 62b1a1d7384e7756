import { canonicalPlan } from "../canonical-plan.js";
import type { PlannerResult, Query } from "../plan.js";

/** "(denom = all 23P outputs)", "(denominator: all 5P-ET inputs)". */
const BRACKETED = /\s*\(\s*(?:0\s*(?:-|–|to)\s*1\s*[,;]\s*)?denom(?:inator)?\s*(?:=|:|is)\s*([^()]+?)\s*\)/i;
/** "(all outputs = denom)": the same, said the other way round. */
const BRACKETED_IS = /\s*\(\s*([^()=]+?)\s*=\s*denom(?:inator)?\s*\)/i;
/** "(out of all 23P inputs)": the whole in brackets. */
const BRACKETED_OUT_OF = /\s*\(\s*out\s+of\s+((?:all|every)\s+[^()]+?)\s*\)/i;
/** "(all inputs as denominator)", "(all outputs as 100%)". */
const BRACKETED_AS = /\s*\(\s*([^()]+?)\s+as\s+(?:the\s+)?(?:denominator|100\s*%)\s*\)/i;
/** "Use every 23P output synapse as the denominator.", "Counting all their output synapses as 100%, …". */
const TAKEN = new RegExp(
  String.raw`(?:^|[,.;:]\s*|\s)(?:use|using|take|taking|with|counting|count)\s+([^.;:?()]+?)\s*,?\s+as\s+` +
    String.raw`(?:the\s+)?(?:denominator\b|100\s*%)\s*(?:\([^()]*\)\s*)?[,.;]?`,
  "i",
);
/** "As denominator please take all their input synapses.": the whole said after the question. */
const TAKE_AS =
  /(?:[?.;,]\s*|\s)as\s+(?:the\s+)?denominator,?\s+(?:please\s+)?(?:take|use)\s+([^.;?()]+?)\s*(?=[.!?;]|$)[.!?;]*/i;
/** "…? Denominator = every synapse those cells receive.", "…; denominator: all their output synapses, …". */
const DENOMINATOR_IS =
  /(?:[?.;,]\s*|\s)denom(?:inator)?\s*(?:=|:|is|being|should be|must be)\s*([^.;?(),]+?)\s*(?=[.!?,;]|$)[.!?;]*/i;
/** "…? As a fraction between 0 and 1, out of all their input synapses.": the whole said after the question. */
const OUT_OF_ALL = new RegExp(
  String.raw`(?:[?.;]\s*|,\s*)(?:as\s+a\s+fraction(?:\s+between\s+0\s+and\s+1)?\s*,?\s*)?` +
    String.raw`out\s+of\s+(all\s+[^,.;?()]+?)\s*[.?!]*$`,
  "i",
);
/** "(0-1)", "as a fraction between 0 and 1": a fraction, not a percent, as every share is given. */
const ZERO_TO_ONE = /\s*\(\s*0\s*(?:-|–|to)\s*1\s*\)|,?\s*(?:as\s+a\s+fraction\s+)?between\s+0\s+and\s+1\b,?/gi;
/** "all their input synapses", "every synapse those cells receive": the whole said with a pronoun, by its side. */
const POINTED = /\b(?:their|its|those|these|them|they)\b/i;
/** "all inputs", "all output synapses": the whole said by its side alone. */
const SIDE_ONLY = /^(?:all|every|each|of|the|input|inputs|output|outputs|incoming|outgoing|synapses?|syn|\s)+$/i;
const INPUT_WORDS = /\b(?:inputs?|incoming|receives?|received|onto|to)\b/i;
const OUTPUT_WORDS = /\b(?:outputs?|outgoing|makes?|made|sends?|sent|from)\b/i;

/** The whole of a share of synapses, as a plan without its part. */
const wholeOf = (q: Query) => canonicalPlan({ source: q.source, filter: q.filter, pre: q.pre, post: q.post });

/**
 * A share of synapses whose denominator is said again: "% of 23P output syn onto inh neurons (denom = all 23P
 * outputs)", "Use every 23P output synapse as the denominator." The question is read without it, then the
 * denominator alone ("how many 23P outputs"); when that is the share's whole, the question is that plan and the
 * denominator is context. A denominator that is not the whole read (or said of no share) is asked back, even when
 * the question was read as a plan: the words had been taken for the whole they contradict.
 */
export async function denominatorSaid(
  question: string,
  result: PlannerResult,
  read: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult | undefined> {
  const m =
    BRACKETED.exec(question) ??
    BRACKETED_IS.exec(question) ??
    BRACKETED_OUT_OF.exec(question) ??
    BRACKETED_AS.exec(question) ??
    TAKEN.exec(question) ??
    TAKE_AS.exec(question) ??
    DENOMINATOR_IS.exec(question) ??
    OUT_OF_ALL.exec(question);
  if (!m) return undefined;
  // ("all inputs incl frags": fragments are counted anyway; see restated-defaults.json.)
  const said = m[1]!.replace(FRAGMENTS_TOO, "").trim();
  const rest = `${question.slice(0, m.index)}${m.index === 0 ? "" : " "}${question.slice(m.index + m[0].length)}`
    .replace(ZERO_TO_ONE, "")
    .replace(/\s+([?.,])/g, "$1")
    .trim();
  // ("counting every input syn onto X as the denominator, what fraction is from inh neurons?": the whole said only
  // as the denominator is the share's whole.)
  const first = result.type === "plan" ? result : await readWithWhole(rest, said, read);
  if (first.type !== "plan") return undefined;
  const plan = first.plan;
  const share = plan.kind === "query" && plan.measure.fn === "fraction";
  if (!share || plan.kind !== "query" || !(await isWhole(said, plan, read))) {
    if (result.type !== "plan") return undefined;
    const message = share
      ? `"${said}" is not the whole of the share I read; please say the share again with that whole.`
      : `"${said}" reads as the whole of a share, but I read no share; for example "what fraction of BC outputs ` +
        `go onto 23P?"`;
    return { type: "clarify", message, suggestions: [] };
  }
  if (result.type === "plan") return undefined;
  const reading = first.reading ?? { used: [], unaccounted: [] };
  return { ...first, reading: { ...reading, context: [...(reading.context ?? []), m[0].trim()] } };
}

const FRAGMENTS_TOO = new RegExp(
  String.raw`,?\s*(?:\(\s*)?(?:incl\.?|including|with|plus|also(?:\s+the\s+ones)?(?:\s+from)?)?\s*` +
    String.raw`(?:orphan\s+)?(?:frags?|fragments)\b[^)]*\)?\s*$`,
  "i",
);
const SHARE_ASKED =
  /((?:^|[:;]\s*)(?:so\s+)?(?:what|which)\s+(?:fraction|share|percent(?:age)?|proportion|%))\s+(?!of\b)/i;

/** The question without its denominator; and when that has no whole, with the denominator as its whole. */
async function readWithWhole(rest: string, said: string, read: (q: string) => Promise<PlannerResult>) {
  if (!SHARE_ASKED.test(rest)) return read(rest);
  const whole = said.replace(/^(?:all|every|each)\s+/i, "all ");
  const withWhole = await read(rest.replace(SHARE_ASKED, `$1 of ${whole} `));
  return withWhole.type === "plan" ? withWhole : read(rest);
}

/** Is the denominator said the share's whole? ("all their input synapses": by its side alone.) */
async function isWhole(said: string, plan: Query, read: (q: string) => Promise<PlannerResult>): Promise<boolean> {
  if (!POINTED.test(said) && !SIDE_ONLY.test(said)) {
    const whole = await read(`how many ${said.replace(/^(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?/i, "")}?`);
    return whole.type === "plan" && whole.plan.kind === "query" && wholeOf(whole.plan) === wholeOf(plan);
  }
  const input = INPUT_WORDS.test(said);
  const output = OUTPUT_WORDS.test(said);
  if (input === output) return !input && plan.source !== "cells";
  return input ? plan.post.length > 0 && !plan.pre.length : plan.pre.length > 0 && !plan.post.length;
}
