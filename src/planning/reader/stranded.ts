import type { Prepared } from "./prepare.js";

const SIDE = String.raw`(pre|post)(?:-?synaptic|syn)`;
// "How many distinct neurons is 8646… presynaptic to?"
const ASKED_FIRST = new RegExp(String.raw`^how many (.+?) (?:is|are) (.+?) ${SIDE} to\s*([?.!]*)$`, "i");
// "8646… is postsynaptic to how many inhibitory neurons?"
const ASKED_LAST = new RegExp(String.raw`^(.+?) (?:is|are) ${SIDE} to how many (.+?)\s*([?.!]*)$`, "i");

const flip = (side: string) => (side.toLowerCase() === "pre" ? "post" : "pre");

/**
 * "How many neurons is 8646… presynaptic to?", "8646… is postsynaptic to how many inhibitory
 * neurons?": the cells counted stand apart from the relation that places them; said the way the
 * reader knows, the relation turned round: "how many neurons are postsynaptic to 8646…".
 */
export function strandedSides(p: Prepared): Prepared {
  const first = ASKED_FIRST.exec(p.text);
  if (first) {
    const [, counted, owner, side, end] = first as unknown as string[];
    return { ...p, text: `how many ${counted} are ${flip(side!)}synaptic to ${owner}${end}` };
  }
  const last = ASKED_LAST.exec(p.text);
  if (last) {
    const [, owner, side, counted, end] = last as unknown as string[];
    return { ...p, text: `how many ${counted} are ${flip(side!)}synaptic to ${owner}${end}` };
  }
  return p;
}
