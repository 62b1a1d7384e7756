import type { Prepared } from "./prepare.js";

/** "A vs B: which one receives more synapses?": two things named first, then "which" of them. */
const TOPIC_THEN_WHICH = new RegExp(
  String.raw`^\s*([^,:;?]{1,60}?)\s+(?:vs\.?|versus)\s+([^,:;?]{1,60}?)\s*[:—–-]+\s*` +
    String.raw`which(?:\s+one|\s+of\s+(?:the\s+)?(?:two|them|both))?\s+([^?]+)(\?*)\s*(.*)$`,
  "i",
);

/**
 * "8646…A vs 8646…B: which one receives more synapses? totals pls": said the way the reader reads a choice between
 * two, "which receives more synapses, 8646…A or 8646…B?". (The "vs" had found nothing to replace.)
 */
export function whichOfTopic(p: Prepared): Prepared {
  const m = TOPIC_THEN_WHICH.exec(p.text);
  if (!m) return p;
  const [, a, b, asked, mark, rest] = m as unknown as [string, string, string, string, string, string];
  const text = `which ${asked.trim()}, ${a} or ${b}${mark || "?"}${rest ? ` ${rest}` : ""}`;
  return { ...p, text };
}
