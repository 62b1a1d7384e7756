import type { Prepared } from "./prepare.js";

const SIDE = String.raw`(onto|from|to|into|of|for|by)`;
// A short list of names: "864691135233646988 and 864691135183251314", "BC, MC and VIP", "V1 vs RL".
// (Not past a comma into the rest: "for each of BC and MC, the cell type …".)
const NAME = String.raw`(?![:;?])(?!(?:the|a|an|which|what|how|each|who)\b)[\w/+-]+`;
const LIST = String.raw`((?:${NAME}(?:\s*,\s*|\s+(?:and|&|vs\.?|or)\s+)){1,4}(?:${NAME}))`;
// "number of synapses onto each of A and B"
const EACH_OF = new RegExp(String.raw`\b${SIDE}\s+each\s+of\s+(?:the\s+)?${LIST}`, "gi");
// "A and B: number of synapses onto each?"
const LIST_FIRST = new RegExp(
  String.raw`^${LIST}\s*[:—–]\s*(.+?\b${SIDE})\s+each(?:\s+(?:one|of them|cell))?(\s*[?.!]*)$`,
  "i",
);
// "input syn count 8646… vs 8646…", "output synapse count of BCs": the count of their synapses.
const OWNED_COUNT =
  /\b(input|output|incoming|outgoing)\s+(?:synapses?|syns?)\s+counts?(?:\s*(of|for|:)(?!\w)|(?=\s+\d{15,20}\b))/gi;

/**
 * "each" said of names listed elsewhere: "synapses onto each of A and B" and "A and B: synapses onto
 * each?" are "synapses onto A and B each", one figure per name. A count of a side's synapses said
 * before its owner ("input syn count 8646…") is "number of input synapses 8646…". Every word stays.
 */
export function eachNamed(p: Prepared): Prepared {
  let text = p.text.replace(EACH_OF, "$1 $2 each").replace(OWNED_COUNT, "number of $1 synapses $2");
  const first = LIST_FIRST.exec(text);
  if (first) text = `${first[2]} ${first[1]} each${first[4]}`;
  text = text.replace(/\s+(?=[?.!]*$)/, "").replace(/\s{2,}/g, " ");
  return text === p.text ? p : { ...p, text };
}
