import type { Prepared } from "./prepare.js";

/*
 * "Of all possible L5 IT → L5 ET cell pairs, what percentage are actually connected?", "out of all possible
 * presynaptic-23P / postsynaptic-SST pairs, what fraction are connected": a connection probability, said by its
 * definition. Said as the reader reads it, "connection probability L5 IT → L5 ET, in percent". And in a definition
 * beside it, "(connected pairs over all possible MC→5P-ET pairs)", the flow said again is the flow asked.
 */
const SHARE =
  String.raw`(?:(?:what|which)\s+(percentage|percent|%|fraction|share|proportion)|` +
  String.raw`give\s+me\s+the\s+(percentage|percent|fraction|share|proportion)|how\s+many\s+(percent))`;
const POSSIBLE = new RegExp(
  String.raw`\b(?:out\s+)?of\s+all\s+(?:the\s+)?possible\s+(?:ordered\s+)?(.+?)\s+(?:cell\s+)?pairs\b\s*` +
    String.raw`(\([^)]*\))?\s*,?\s*${SHARE}\s+(?:of\s+them\s+)?(?:that\s+)?(?:are|is|were|get|got)\s+` +
    String.raw`(?:actually\s+|really\s+)?connected(?:\s+by\s+at\s+least\s+one\s+synapse)?`,
  "i",
);
const SIDES = /^presyn(?:aptic)?[-\s]+(.+?)\s*\/\s*postsyn(?:aptic)?[-\s]+(.+)$/i;
const FLOW_AGAIN = /\bconnected\s+pairs\s+(over|out\s+of)\s+all\s+possible\s+[^()]*?(?:→|->|\bto\b)[^()]*?\s+pairs\b/gi;

/** "chance that a given L4 pyramid connects onto a given L2/3 pyramidal cell": the same, said of two cells. */
const ONE_PAIR = new RegExp(
  String.raw`\b(?:the\s+)?(?:chance|probability|likelihood|odds)\s+(?:that\s+)?(?:a|one)\s+` +
    String.raw`(?:given\s+|random\s+|single\s+)?` +
    String.raw`(.+?)\s+(?:connects?|synapses?|makes?\s+a\s+synapse|is\s+connected)\s+(?:onto|to|on|with)\s+` +
    String.raw`(?:a|one)\s+(?:given\s+|random\s+|single\s+)?(.+?)(?=\s*[,;:?(]|\s*$)`,
  "i",
);

export function possiblePairs(p: Prepared): Prepared {
  let text = p.text.replace(FLOW_AGAIN, "connected pairs $1 all possible pairs");
  text = text.replace(ONE_PAIR, (_all, pre: string, post: string) => `connection probability ${pre} → ${post}`);
  text = text.replace(
    POSSIBLE,
    (_all, flow: string, bracket: string | undefined, ...shares: (string | undefined)[]) => {
      const sides = SIDES.exec(flow.trim());
      const named = sides ? `${sides[1]!} → ${sides[2]!}` : flow.trim();
      const percent = shares.slice(0, 3).some((s) => s && /^(?:percent|percentage|%)$/i.test(s));
      return `connection probability ${named}${bracket ? ` ${bracket}` : ""}${percent ? ", in percent" : ""}`;
    },
  );
  return text === p.text ? p : { ...p, text };
}
