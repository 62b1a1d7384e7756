import type { Prepared } from "./prepare.js";

const SHARE = String.raw`(fraction|share|percent(?:age)?|proportion|%)`;
/** The part said first: words without a question word, up to the share. */
const PART = String.raw`^((?:(?!\b(?:what|how|which|who|where)\b)[^?:;])+?)`;
/** A part that is synapses: a flow, or synapses, connections, inputs or outputs. */
const SYNAPSES = /→|->|\b(?:to|onto|from)\b|\b(?:pre|post)-?syn|\bsyn|\bconn|\binputs?\b|\boutputs?\b/i;
const END = String.raw`(\s*[?.!]*)$`;
/** "BC → 23P synapses as a fraction of all 23P inputs". */
const AS_SHARE = new RegExp(String.raw`${PART}\s+as\s+(?:an?\s+)?${SHARE}\s+of\s+([^?]+?)${END}`, "i");
const THAT = String.raw`(?:that|this|those|these|it|they)`;
/** "Inhibitory neurons → 23P cells: what fraction is that of all the synapses 23P cells receive?" */
const THAT_OF = new RegExp(
  String.raw`${PART}\s*[:,;–—-]+\s*(?:so\s+|and\s+)?what\s+${SHARE}\s+(?:is|are)\s+${THAT}\s+(?:of|out\s+of)\s+` +
    String.raw`([^?]+?)${END}`,
  "i",
);
/** "BC → 23P: what fraction of all synapses onto 23P is that?" */
const OF_THAT = new RegExp(
  String.raw`${PART}\s*[:,;–—-]+\s*(?:so\s+|and\s+)?what\s+${SHARE}\s+of\s+([^?]+?)\s+(?:is|are)\s+${THAT}` +
    String.raw`(?:\s+(?:making\s+up|representing))?${END}`,
  "i",
);
/** "Presynaptic segment with no nucleus: what percentage of all the inputs to PV basket cells are like that?" */
const LIKE_THAT = new RegExp(
  String.raw`${PART}\s*[:,;–—-]+\s*(?:so\s+|and\s+)?what\s+${SHARE}\s+of\s+([^?]+?)\s+(?:is|are)\s+` +
    String.raw`(?:like\s+${THAT}|such|of\s+that\s+kind)${END}`,
  "i",
);

/**
 * A share of synapses whose part is said first and its whole after: "X as a fraction of Y", "X: what fraction is
 * that of Y?", "X: what fraction of Y is that?" are "what fraction of Y are X". The part had been read as the whole
 * ("of BC → 23P synapses, the share onto 23P": 100%), or the share asked back.
 */
export function shareSaidLast(p: Prepared): Prepared {
  let text = p.text;
  for (const pattern of [AS_SHARE, THAT_OF, OF_THAT, LIKE_THAT]) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [, part, share, whole, end] = m as unknown as [string, string, string, string, string];
    // (Only a part of synapses: cells said first are read as they are ("L4 cells that are 4P: what percentage of
    // the layer is that?" points back at its whole).)
    if (!SYNAPSES.test(part)) continue;
    text = `what ${share} of ${whole.trim()} are ${part.trim()}${end}`;
    break;
  }
  // ("What percentage of 8646…'s input synapses from typed neurons are inhibitory?": the whole is the root's inputs
  // from neurons; said with "'s", "from neurons" had gone into the part.)
  text = text.replace(ROOTS_SHARE, (_, share: string, id: string, side: string) => `${share} of the ${side} of ${id}`);
  text = text.replace(
    KIND_OF_CELLS,
    (_, share: string, kind: string, cells: string) => `${share} of ${cells} that are ${kind}`,
  );
  return text === p.text ? p : { ...p, text };
}

const ROOTS_SHARE = new RegExp(
  String.raw`\b${SHARE}\s+of\s+(\d{15,20})'s\s+((?:input|output|incoming|outgoing)\s+(?:synapses|syn)|inputs|outputs)` +
    String.raw`(?=\s+from\b|\s+onto\b|\s+to\b)`,
  "gi",
);

/** "% inh of neurons, V1 vs LM": one word of a kind, then the cells it is a share of ("% of neurons that are inh"). */
const KIND_OF_CELLS = new RegExp(
  String.raw`(?<=^|\s)(%|pct|percent(?:age)?|fraction|share|proportion)\s+(?!of\b|the\b|all\b)([A-Za-z][\w/-]{1,20})` +
    String.raw`\s+(?:of|among)\s+(?:all\s+|the\s+)?(neurons|cells|interneurons)\b`,
  "gi",
);
