import type { Prepared } from "./prepare.js";

const SIDE = String.raw`(pre|post)(?:-?synaptic|syn)`;
// "How many distinct neurons is 8646… presynaptic to?"
const ASKED_FIRST = new RegExp(String.raw`^how many (.+?) (?:is|are) (.+?) ${SIDE} to\s*([?.!]*)$`, "i");
// "8646… is postsynaptic to how many inhibitory neurons?"
const ASKED_LAST = new RegExp(String.raw`^(.+?) (?:is|are) ${SIDE} to how many (.+?)\s*([?.!]*)$`, "i");

// "where r most of the thick tufted cells", "Where are functionally matched cells scarcest, by area?"
const BY_AREA = String.raw`\s*(?:,?\s*(?:by|per) area)?\s*([?.!]*)$`;
const WHERE_MOST = new RegExp(
  String.raw`^(.*?)\bwhere (?:are|r|is|do we find) (?:the )?most (?:of (?:the )?)?(.+?)${BY_AREA}`,
  "i",
);
const FEW = "scarcest|rarest|fewest|least common|least numerous";
const WHERE_WORD = new RegExp(
  String.raw`^(.*?)\bwhere (?:are|r|is) (.+?) (${FEW}|most common|most numerous|most abundant|commonest)${BY_AREA}`,
  "i",
);

// "Which three cell types are BPCs presynaptic to most often?"
const WHICH_STRANDED = new RegExp(String.raw`^(which|what) (.+?) (?:is|are) (.+?) ${SIDE} to\b(.*)$`, "i");

// "number of distinct partners 8646… synapses onto", "partners that it sends synapses to"
const OBJECT_FIRST = new RegExp(
  String.raw`\b(partners|targets|cells|neurons|roots|segments)\s+(?:that\s+)?(\d{15,20}|it)\s+` +
    String.raw`(?:synapses|synapse|projects|connects|sends\s+synapses|makes\s+synapses)\s+(?:onto|to)\b` +
    // (Only where the clause ends: "which of the cells that 8646… synapses onto are coregistered" says more.)
    String.raw`(?=\s*(?:$|[?.!,(]))`,
  "i",
);

const flip = (side: string) => (side.toLowerCase() === "pre" ? "post" : "pre");

/**
 * "How many neurons is 8646… presynaptic to?", "8646… is postsynaptic to how many inhibitory
 * neurons?": the cells counted stand apart from the relation that places them; said the way the
 * reader knows, the relation turned round: "how many neurons are postsynaptic to 8646…". And "where
 * are most of the 5P-ET cells", "where are tuned cells scarcest": which area has the most (fewest).
 */
export function strandedSides(p: Prepared): Prepared {
  const objectFirst = OBJECT_FIRST.exec(p.text);
  if (objectFirst) {
    const [all, counted, owner] = objectFirst as unknown as [string, string, string];
    return { ...p, text: p.text.replace(all, `${counted} postsynaptic to ${owner}`) };
  }
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
  const which = WHICH_STRANDED.exec(p.text);
  if (which && !/\b(pre|post)(?:-?synaptic|syn)\b/i.test(which[2]!)) {
    const [, wh, kinds, owner, side, rest] = which as unknown as string[];
    return { ...p, text: `${wh} ${kinds} are ${flip(side!)}synaptic to ${owner}${rest}` };
  }
  const most = WHERE_MOST.exec(p.text);
  if (most) return { ...p, text: `${most[1]}which area has the most ${most[2]}${most[3]}` };
  const word = WHERE_WORD.exec(p.text);
  if (word) {
    const dir = new RegExp(`^(${FEW})$`, "i").test(word[3]!) ? "fewest" : "most";
    return { ...p, text: `${word[1]}which area has the ${dir} ${word[2]}${word[4]}` };
  }
  return p;
}
