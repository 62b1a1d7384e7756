import type { Item } from "./items.js";
import { FLOW_NOUN_NAMES } from "./shape.js";

/**
 * "8646… top-5 downstream by weight", "X upstream, top 3": "upstream"/"downstream" with nothing
 * after it that it could be said of (no name, no "of") stands for the partners on that side, as
 * "downstream partners" does. Before a name ("downstream BC of X") or "of" it keeps its sense.
 */
export function danglingSides(items: Item[]): Item[] {
  items.forEach((item, k) => {
    const side = item.tags.find((t) => t.t === "rel" && (t.r === "upstream" || t.r === "downstream"));
    if (!side || !/^(up|down)stream$/i.test(item.text)) return;
    const next = items.slice(k + 1).find((x) => !x.fn || /^(by|of|from|to|onto)$/i.test(x.text));
    const ends = !next || /^(by|,|\(|\?)$/i.test(next.text) || next.tags.some((t) => t.t === "topk" || t.t === "order");
    if (ends) item.tags = [{ t: "noun", n: side.r === "downstream" ? "target" : "source" }];
  });
  return items;
}

/**
 * "what fraction of BPC output synapses target Martinotti cells": after synapses or outputs,
 * "target(s)" is what they do, not the noun ("target MC cells" had read the MCs as the targets of
 * something and turned the share around).
 */
export function verbAfterFlowNoun(items: Item[]): Item[] {
  items.forEach((item, k) => {
    const verb = item.tags.find((t) => t.t === "verb");
    if (!verb || item.tags[0]?.t !== "noun") return;
    const before = items.slice(0, k).filter((x) => !x.fn);
    const last = before[before.length - 1];
    if (last?.tags.some((t) => t.t === "noun" && FLOW_NOUN_NAMES.has(String(t.n)))) item.tags = [verb];
  });
  return items;
}
