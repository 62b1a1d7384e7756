import type { Prepared } from "./prepare.js";

/*
 * Two things compared, said the way a meeting says it: "How many basket cells and how many Martinotti cells are
 * there?", "What % of the neurons in V1 are coregistered, and how does that compare with RL?", "For MC vs BC, what's
 * the mean … per cell in each group?". Said again as one comparison ("BC vs MC", "in V1 vs RL"), which the reader
 * reads (the first two had been asked back as two questions, or as two shares of one whole).
 */

// "how many BCs and how many MCs are there in L4" (not "…, and how many does 8646… have": another subject; not "how
// many BCs and how many synapses do they make": two questions).
const NOT_SECOND = String.raw`do|does|did|are|is|of|synapses?|syns?|outputs?|inputs?|partners?|connections?`;
const HOW_MANY_AND = new RegExp(
  String.raw`\bhow many\s+([^,?;:]+?),?\s+and\s+how many\s+(?!(?:${NOT_SECOND})\b)([^,?;:]+?)` +
    String.raw`(?=\s+(?:are there|do we have|exist|are|in|with|among|onto|from)\b|\s*[?.!]*\s*$)`,
  "gi",
);

/** The areas and the layers said by name (same-for.ts reads them too). */
export const AREA = String.raw`V1|RL|AL|LM`;
export const LAYER = String.raw`L1|L2\/3|L23|L4|L5|L6|layer\s*(?:1|2\/3|4|5|6)`;
// "…, and how does that compare with RL?", "… How does it compare to L5?"
const COMPARE_WITH = new RegExp(
  String.raw`[,;.]?\s*(?:and\s+)?how\s+(?:does|do|would)\s+(?:that|it|this|these|those)\s+compare\s+` +
    String.raw`(?:with|to|against)\s+(?:the\s+)?(?:area\s+|layer\s+)?(${AREA}|${LAYER})\s*(?:\?|\.|!)*\s*$`,
  "i",
);

// "… in each group", "for both groups", "for each of the two": the sets compared, said again.
const EACH_GROUP = /\s*,?\s*\b(?:in|for|of)\s+(?:each|both)\s+(?:group|groups|set|sets|of the two|of them)\b/gi;

// "the coregistered 4P cells and of the coregistered 23P cells", "coregistered layer 2/3 pyramidal cells and
// coregistered layer 4 pyramidal cells": two sets that share a qualifier, said once ("coregistered 4P and 23P
// cells"); read as one group of cells of both types, it had been asked back. (Only a qualifier: "L5 ET vs L5 IT"
// share a word of their names.)
const SHARED_FIRST = new RegExp(
  String.raw`\b(?:the\s+)?((?:coregistered|coreg|proofread|axon-proofread|dendrite-proofread|tuned|matched|` +
    String.raw`functionally\s+matched)\s+)` +
    String.raw`((?:[\w/-]+\s+){0,2}?[\w/-]+)(\s+(?:cells|neurons))?\s*,?\s+(?:and|vs\.?|versus)\s+` +
    String.raw`(?:of\s+|for\s+)?(?:the\s+)?\1((?:(?!cells\b|neurons\b)[\w/-]+\s+){0,2}(?!cells\b|neurons\b)[\w/-]+)` +
    String.raw`(\s+(?:cells|neurons))?\b`,
  "gi",
);

// "for BC→23P and for MC→23P", "of MC→23P and of BC→23P synapses": the word said again before the second flow.
const FLOW_AND_AGAIN = /([\w/-]+\s*(?:→|->)\s*[\w/-]+)\s+and\s+(?:for|of)\s+(?=[\w/-]+\s*(?:→|->))/gi;
// "from excitatory neurons onto BCs and onto MCs": a side's word said again before the second set of cells.
// ("mean soma depth of BC and of MC", "what % of 23P and of 4P are coregistered": the same with "of" and "for".)
const SIDE_AND_AGAIN = /\b(onto|from|into|of|for)\s+([\w/-]+)\s+and\s+\1\s+(?=[\w/-])/gi;
// "how many synapses from BC onto 23P, and from MC?": the second set said last, after the word of its side.
// ("what % of 23P are coregistered, and what % of 4P?": the measure said again too.)
const AND_AGAIN_LAST = new RegExp(
  String.raw`,?\s+and\s+(?:what\s+(?:%|percent(?:age)?|fraction|share|proportion)\s+|how\s+many\s+)?` +
    String.raw`(onto|from|into|of|for)\s+([\w/-]+)(?:\s+cells)?\s*([?.!]*)\s*$`,
  "i",
);

/** The one place of the dimension of `other` said in the question, or undefined when none or more than one. */
function theOnePlace(text: string, other: string): RegExpExecArray | undefined {
  const kind = new RegExp(`^(?:${AREA})$`, "i").test(other) ? AREA : LAYER;
  const said = [...text.matchAll(new RegExp(String.raw`\b(?:${kind})\b`, "gi"))];
  return said.length === 1 ? said[0] : undefined;
}

export function comparedLater(p: Prepared): Prepared {
  let text = p.text
    .replace(FLOW_AND_AGAIN, "$1 and ")
    .replace(SIDE_AND_AGAIN, "$1 $2 and ")
    .replace(HOW_MANY_AND, (_, a: string, b: string) => `how many ${a} vs ${b}`)
    .replace(
      SHARED_FIRST,
      (_, shared: string, a: string, cells1?: string, b?: string, cells2?: string) =>
        `${shared}${a} and ${b}${cells2 ?? cells1 ?? ""}`,
    );
  text = secondSaidLast(text);
  const compare = COMPARE_WITH.exec(text);
  if (compare) {
    const head = text.slice(0, compare.index);
    const place = theOnePlace(head, compare[1]!);
    if (place) {
      const at = place.index + place[0].length;
      text = `${head.slice(0, at)} vs ${compare[1]}${head.slice(at)}?`;
    }
  }
  if (/\bvs\.?\b|\bversus\b/i.test(text)) text = text.replace(EACH_GROUP, "");
  return text === p.text ? p : { ...p, text };
}

/** "… from BC onto 23P, and from MC?" said as "… from BC and MC onto 23P?" when the word is said once before. */
function secondSaidLast(text: string): string {
  const last = AND_AGAIN_LAST.exec(text);
  if (!last) return text;
  const head = text.slice(0, last.index);
  const first = [...head.matchAll(new RegExp(String.raw`\b${last[1]}\s+([\w/-]+)`, "gi"))];
  if (first.length !== 1) return text;
  const at = first[0]!.index! + first[0]![0].length;
  return `${head.slice(0, at)} and ${last[2]}${head.slice(at)}${last[3] ?? ""}`;
}
