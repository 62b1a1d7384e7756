import type { PlannerResult } from "../plan.js";
import { contrastOfTwo } from "./divided-means.js";

/**
 * The contrast said as a word of its own, apart from the comparison: "ratio of mean nuc vol 5P-ET vs 23P",
 * "mean nucleus volume 5P-ET vs 23P, ratio?", "BC vs MC mean output syn size — and the difference?". Only
 * after a punctuation mark, at the start, or after "the"/"and"/"what's": "orientation difference" or "size
 * ratio" are measures of their own and are not taken.
 */
const CONTRAST_WORD = new RegExp(
  String.raw`(^|[,;:(–—-]\s*|\s)((?:and\s+)?(?:(?:what'?s|what\s+is|give(?:\s+me)?|so)\s+)?(?:the\s+|their\s+)?` +
    String.raw`(ratio|difference|diff)(?:\s+(?:of|between)(?=\s))?(?:\s+(?:please|pls))?)\s*\??(?=[\s,;:?).–—-]|$)`,
  "gi",
);
/** What may come right before the word: the start, a punctuation mark, or a function word that is part of it. */
const FREE_BEFORE = /(?:^|[,;:(–—-])\s*$/;
const LEADS = /^(?:and|what'?s|what|give|so|the|their)\b/i;

/**
 * Read again without the contrast word; when the rest reads as exactly two results (two compared sets, or a
 * grouping of two values) and no contrast of its own, the word asks for theirs: the first said over the second
 * for a ratio, the larger minus the smaller for "difference". Anything else (one result, three, a flow "BC to
 * MC") stays asked back.
 */
export async function contrastSaidApart(
  question: string,
  read: (q: string) => Promise<PlannerResult>,
): Promise<PlannerResult | undefined> {
  const found = [...question.matchAll(CONTRAST_WORD)];
  if (found.length !== 1) return undefined;
  const m = found[0]!;
  const before = question.slice(0, m.index! + m[1]!.length);
  if (!FREE_BEFORE.test(before) && !LEADS.test(m[2]!)) return undefined;
  const rest = `${before}${question.slice(m.index! + m[0].length)}`
    .replace(/\s*[,;:–—-]\s*([?.!]*)\s*$/, "$1")
    .replace(/^\s*[,;:–—-]\s*/, "")
    .trim();
  if (!rest) return undefined;
  return contrastOfTwo(await read(rest), m[3]!.toLowerCase() === "ratio" ? "ratio" : "difference");
}
