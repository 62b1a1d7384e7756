import type { Reading } from "../plan.js";
import type { Item } from "./items.js";

/**
 * PRECISE's test (Popescu, Etzioni and Kautz, 2003): a question is answered only when each of its
 * words was taken into the plan or is a function word. The words left over are named when asking back.
 */
export function account(items: Item[]): Reading {
  const used: string[] = [];
  const unaccounted: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) unaccounted.push(run.join(" "));
    run = [];
  };
  // ("boxplot gosi by are": a "by" with nothing read after it groups by nothing; it is left over.)
  const punct = (x: Item) => /^[?!.,;:()[\]{}"'…-]+$/.test(x.text);
  const last = items.findLastIndex((x) => x.used || (!x.fn && !x.scope && !punct(x) && !connective(x)));
  for (const [k, item] of items.entries()) {
    // (Only "by", "per", "between": "which area is X in" strands its "in" as English does.)
    if (!item.used && !item.fn && k > last && connective(item) && /^(by|per|between)$/i.test(item.text)) {
      run.push(item.text);
    } else if (item.used) {
      flush();
      used.push(item.corrected ? `${item.text} (read as ${item.corrected})` : item.text);
    } else if (item.fn && item.corrected) {
      // (A function word typed with a typo is named with what it was read as, so the reading shows it.)
      flush();
      used.push(`${item.text} (read as ${item.corrected})`);
    } else if (item.fn || item.scope || /^[?!.,;:()[\]{}"'…-]+$/.test(item.text) || connective(item)) {
      // Function words and punctuation between two unread words keep them one phrase.
      if (run.length && item.fn && !/^[?!.,;:]+$/.test(item.text)) run.push(item.text);
      else flush();
    } else run.push(item.text);
  }
  flush();
  // A trailing function word ("in the") is not part of what was not understood.
  return { used, unaccounted: unaccounted.map((u) => u.replace(/\s+(the|a|an|of|in|and|or|to|with)$/i, "")) };
}

/**
 * Connectives ("and", "with", "of", "in", "to") carry no meaning alone: what they join is either read
 * or itself left over (and then named, with them).
 */
const CONNECTIVES = new Set(["and", "with", "of", "in", "for", "by", "to", "from", "on", "at", "between"]);
const connective = (item: Item) =>
  item.tags.length > 0 &&
  item.tags.every(
    (t) =>
      (t.t === "rel" && CONNECTIVES.has(String(t.r))) ||
      (t.t === "verb" && (t.v === "be" || t.v === "have")) ||
      // (Not "per": "total synapse size … per synapse" divides, and a "per" left unread drops the division.)
      (t.t === "per" && /^(by|for each|each|across)$/i.test(item.text)) ||
      // (Not "both of them" with nothing said of both sides: it points at cells the question never named.)
      (t.t === "bothsides" && !/\b(them|they)\b/i.test(item.text)) ||
      (t.t === "cmp" && t.op === "between"),
  );

export const quoteList = (xs: string[]) =>
  xs.length <= 1
    ? `"${xs[0] ?? ""}"`
    : `${xs
        .slice(0, -1)
        .map((x) => `"${x}"`)
        .join(", ")} and "${xs[xs.length - 1]}"`;
