import type { Prepared } from "./prepare.js";

/*
 * "how many synapses from 23P onto BC, and vice versa?", "synapse count BC → 23P and the reverse", "…, and how many
 * go the other way, from basket cells back onto L2/3 pyramidal cells?": a flow and its reverse, said as one
 * comparison ("from 23P onto BC vs from BC onto 23P"), which the reader reads. (They had been two questions, one
 * group of cells that no cell is, or words not read.)
 */

const REVERSE = new RegExp(
  String.raw`\s*[,;]?\s*(?:and|&)\s+(?:(?:how\s+many|what|how\s+much)\s+(?:go|goes|come|comes|run|runs)\s+)?` +
    String.raw`(?:for\s+)?(?:vice\s+versa|the\s+reverse(?:\s+direction)?|in\s+the\s+(?:reverse|opposite|other)\s+` +
    String.raw`direction|the\s+other\s+way(?:\s+(?:round|around))?|back(?:\s+again)?)` +
    String.raw`(?:\s*,\s*from\s+([^?,;]+?)\s+(?:back\s+)?(?:onto|to|into)\s+([^?,;]+?))?\s*([?.!]*)\s*$`,
  "i",
);
const NAME = String.raw`(?:[\w/-]+\s+){0,3}?[\w/-]+?`;
const FROM_ONTO = new RegExp(
  String.raw`\bfrom\s+(${NAME})\s+(onto|to|into)\s+(${NAME})(?=\s*(?:[,?.!;]|$|\s+(?:and|in|within|with)\b))`,
  "gi",
);
const ARROW = /(?<![\w/-])([\w/-]+)\s*(→|->)\s*([\w/-]+)(?![\w/-])/g;

export function flowReversed(p: Prepared): Prepared {
  const r = REVERSE.exec(p.text);
  if (!r || r.index === 0) return p;
  const head = p.text.slice(0, r.index);
  const said = [...head.matchAll(FROM_ONTO)];
  const arrows = [...head.matchAll(ARROW)];
  if (said.length + arrows.length !== 1) return p;
  const [m, a, how, b] = (said[0] ?? arrows[0]) as unknown as [string, string, string, string];
  // (The reverse said again must be the reverse: "…, the other way, from BC back onto 4P" is another flow.)
  const same = (x: string, y: string) => x.toLowerCase().replace(/s$/, "") === y.toLowerCase().replace(/s$/, "");
  if (r[1] !== undefined && !(same(r[1], b) && same(r[2]!, a))) return p;
  const both = said.length ? `from ${a} ${how} ${b} vs from ${b} ${how} ${a}` : `${a}→${b} vs ${b}→${a}`;
  const at = (said[0] ?? arrows[0])!.index!;
  return { ...p, text: `${head.slice(0, at)}${both}${head.slice(at + m.length)}${r[3] || ""}` };
}
