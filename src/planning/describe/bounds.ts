import type { Having } from "../plan.js";

/** The bound in words: "above 40", "at least 50", "from 10 to 20"; a share's bound as a percentage. */
export function boundWords(h: Having, share: boolean): string {
  const n = (x: number) => (share ? `${+(x * 100).toFixed(4)}%` : String(+x.toFixed(6)));
  if (h.min !== undefined && h.max !== undefined)
    return `${h.minExclusive ? "over" : "from"} ${n(h.min)} ${h.maxExclusive ? "to under" : "to"} ${n(h.max)}`;
  if (h.min !== undefined) return `${h.minExclusive ? "above" : "at least"} ${n(h.min)}`;
  return `${h.maxExclusive ? "below" : "at most"} ${n(h.max!)}`;
}
