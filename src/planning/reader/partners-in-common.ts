import type { Filter, PlannerResult } from "../plan.js";
import { askedBack } from "./nested-statistics.js";
import { namedIn } from "./parentheticals.js";

/** "in common", "shared targets", "common inputs", "mutual partners": partners of two cells at once. */
const IN_COMMON =
  /\b(?:in\s+common|shared|mutual|common\s+(?:targets?|inputs?|outputs?|partners?|sources?|presyn\w*|postsyn\w*))\b/i;
/** "which cells get synapses from both A and B": the cells each of the two reaches. */
const FROM_BOTH = /\b(?:from|onto|to|by|of)\s+both\s+(?:the\s+)?\S+\s+(?:and|&)\s+\S+/i;

const ID = String.raw`(\d{15,20})`;
const AND = String.raw`\s*(?:,|and|&|\+)\s*`;
// ("postsyn partners", "post targets", "postsynaptic targets": the side may be said before any of the nouns.)
const HEAD =
  String.raw`((?:(?:post|pre)-?(?:syn(?:aptic)?)?\s+)?` +
  String.raw`(?:partners?|targets?|outputs?|inputs?|sources?|roots?|segments?)|` +
  String.raw`(?:input|output|upstream|downstream)\s+partners?)`;
/** "which …", "list …" (the roots listed) or "how many …", "# …" (counted). */
const LEAD = String.raw`(?:(how\s+many|#|(?:the\s+)?number\s+of)|which|what|list|show(?:\s+me)?)?`;
const END = String.raw`\s*[?.!]*\s*$`;
/** The whole question, when it asks nothing but the partners two named roots share. */
const WHOLE = [
  // "Which postsynaptic partners do A and B have in common?", "targets A and B share"
  new RegExp(
    String.raw`^\s*${LEAD}\s*(?:are\s+)?(?:the\s+)?${HEAD}\s+(?:do|does)?\s*${ID}${AND}` +
      String.raw`${ID}\s+(?:have\s+in\s+common|share|both\s+have)${END}`,
    "i",
  ),
  // "shared targets of A & B", "common inputs of A and B"
  new RegExp(
    String.raw`^\s*${LEAD}\s*(?:are\s+)?(?:the\s+)?(?:shared|common|mutual)\s+${HEAD}\s+` +
      String.raw`(?:of\s+)?${ID}${AND}${ID}${END}`,
    "i",
  ),
];
/** "which roots get synapses from both A and B" (targets), "which roots synapse onto both A and B" (sources). */
const BOTH = new RegExp(
  String.raw`^\s*(?:which|what|list(?:\s+the)?)\s+(roots?|segments?|partners?)\s+` +
    String.raw`(get|receive|synapse\s+onto|send\s+synapses\s+to|make\s+synapses\s+onto|target|contact)\s+` +
    String.raw`(?:synapses\s+|input\s+)?(?:from\s+|onto\s+|to\s+)?both\s+${ID}${AND}` +
    String.raw`${ID}${END}`,
  "i",
);

/**
 * Partners two named cells have in common: the roots with a synapse from each of them (their shared targets) or
 * onto each (their shared inputs), listed. Only when the whole question asks that and says which side; any other
 * question with those words is asked back: they had been read as each cell's partners one after the other
 * ("Which postsynaptic partners do A and B have in common?" listed both cells' targets), or as a share.
 */
export function partnersInCommon(question: string, result: PlannerResult): PlannerResult | undefined {
  const shared = sharedPartners(question);
  if (shared) return shared;
  if (result.type !== "plan" || result.plan.kind !== "query") return undefined;
  if (!IN_COMMON.test(question) && !FROM_BOTH.test(question)) return undefined;
  const ids = new Set(
    namedIn(result.plan)
      .filter((n) => n.dim === "root_id")
      .flatMap((n) => n.values ?? []),
  );
  if (!result.plan.compare && ids.size < 2) return undefined;
  return askedBack(
    result,
    'Partners in common to two cells: say which side, as "which targets do A and B have in common?" or "shared ' +
      "inputs of A and B\"; with anything more I can give each one's partners, for example " +
      '"top 20 targets of 8646…".',
  );
}

/** "(any root, fragments included)": a remark in brackets that says again that any root counts as a partner. */
const ANY_ROOT_SAID =
  /\s*\((?:[^()]*\b(?:any\s+(?:root|segment|partner)s?|fragments?|frags?|nucleus\s+or\s+not)\b[^()]*)\)/gi;

function sharedPartners(typed: string): PlannerResult | undefined {
  const question = typed.replace(ANY_ROOT_SAID, "");
  const whole = WHOLE.map((re) => re.exec(question)).find(Boolean);
  const both = whole ? undefined : BOTH.exec(question);
  const [counted, head, a, b] = whole
    ? [whole[1], whole[2]!, whole[3]!, whole[4]!]
    : both
      ? [undefined, both[2]!, both[3]!, both[4]!]
      : [];
  if (!head || a === b) return undefined;
  // (Targets receive from the two; sources send to them. "partners" alone says neither.)
  const side = whole
    ? /^(?:post|target|output|downstream)/i.test(head)
      ? "in_synapses"
      : /^(?:pre|input|source|upstream)/i.test(head)
        ? "out_synapses"
        : undefined
    : /^(?:get|receive)/i.test(head)
      ? "in_synapses"
      : "out_synapses";
  if (!side) return undefined;
  const from = (id: string): Filter => ({ dim: side, min: 1, partners: [{ dim: "root_id", values: [id] }] });
  const plan = {
    kind: "query" as const,
    source: "roots" as const,
    filter: [from(a!), from(b!)],
    pre: [],
    post: [],
    measure: { fn: counted ? ("count" as const) : ("list" as const) },
    groupBy: [],
  };
  return { type: "plan", plan, confidence: 1, reading: { used: question.split(/\s+/), unaccounted: [] } };
}
