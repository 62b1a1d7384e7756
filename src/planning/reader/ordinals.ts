import { has, type Item } from "./items.js";
import type { Lexicon } from "./lexicon.js";

const ORDINALS: Record<string, number> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
  "5th": 5,
};

/**
 * "the second-largest nucleus", "2nd strongest input", "third biggest": a superlative with a place
 * in its order. The superlative keeps its sense and carries the place (`nth`), which the plan gives
 * as one group after the others (`rank`); a place said without a superlative is left unread.
 */
export function ordinalSuperlatives(items: Item[], lexicon: Lexicon): Item[] {
  const out: Item[] = [];
  for (const [k, item] of items.entries()) {
    const joined = /^([a-z0-9]+)-([a-z]+)$/i.exec(item.text);
    const nth = joined ? ORDINALS[joined[1]!.toLowerCase()] : undefined;
    const sup = joined ? (lexicon.phrases.get(joined[2]!.toLowerCase()) ?? []).filter((t) => t.t === "sup") : [];
    if (nth && sup.length) {
      out.push({ ...item, tags: sup.map((t) => ({ ...t, nth })) });
      continue;
    }
    const prev = out[out.length - 1];
    // ("the single largest synapse", "the very biggest": the superlative, said more strongly.)
    if (prev && /^(single|very|absolute)$/i.test(prev.text) && has(item, "sup")) {
      prev.tags = [];
      prev.fn = true;
    }
    // ("the size of the largest synapse": the size is what "largest" ranks synapses by, said first.)
    const [q, of] = out.filter((x) => !x.fn).slice(-2);
    const next = items[k + 1];
    if (
      has(q, "qty", "q", "size") &&
      /^of$/i.test(of?.text ?? "") &&
      has(item, "sup") &&
      has(next, "noun", "n", "synapse")
    )
      for (const x of [q!, of!]) Object.assign(x, { tags: [], fn: true, used: true });
    const place = prev ? ORDINALS[prev.text.toLowerCase()] : undefined;
    if (place && has(item, "sup")) {
      prev!.tags = [];
      prev!.fn = true;
      out.push({ ...item, tags: item.tags.map((t) => (t.t === "sup" ? { ...t, nth: place } : t)) });
      continue;
    }
    out.push(item);
  }
  return out.map((x, i) => ({ ...x, i }));
}
