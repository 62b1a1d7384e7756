import type { Prepared } from "./prepare.js";

const TIMES_AS = /\bhow many times as (many|much|large|big|numerous)\b(.+?)\bas\b/gi;

/**
 * "how many times as many output synapses do BCs make as MCs": the ratio asked with "as … as" is
 * the one asked with "more … than", which the reader knows ("how many times more … than MCs").
 */
export function asManyAs(p: Prepared): Prepared {
  const text = p.text.replace(TIMES_AS, (_, how: string, between: string) => {
    const more = /^(many|much|numerous)$/i.test(how) ? "more" : how.toLowerCase() === "big" ? "bigger" : "larger";
    return `how many times ${more}${between}than`;
  });
  return text === p.text ? p : { ...p, text };
}
