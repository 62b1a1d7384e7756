import { AREA, LAYER } from "./compared-later.js";
import type { Prepared } from "./prepare.js";

/*
 * "what percentage of neurons in V1 are coregistered, and what percentage in LM?", "average soma depth of NGCs?
 * and for SST cells the same", "per cell, how many synapses do BPCs make on average, and the same for MCs and BCs?":
 * the same question asked again of other cells or another place, said last. Said as one comparison ("in V1 and
 * LM", "of NGCs and SST cells"), which the reader reads, when the question names exactly one thing of that kind to
 * set the others beside (the second set had been put with the first, one group that no cell is, or not read).
 */

const TYPE =
  String.raw`\d{1,2}P(?:-(?:IT|ET|NP|CT))?s?|BCs?|MCs?|BPCs?|NGCs?|PV|SST|VIP|` +
  String.raw`(?:basket|Martinotti|bipolar|neurogliaform|chandelier)(?:\s+cells?)?`;
const KINDS = [AREA, LAYER, TYPE];
const ONE = String.raw`(?:${AREA}|${LAYER}|${TYPE})`;
const MORE = String.raw`${ONE}(?:\s*(?:,|and|&|\+|\/)\s*(?:with\s+|to\s+|the\s+)?${ONE})*`;
/** The question asked again, said last: "…, and the same for MCs?", "… and what % in LM?", "; same for BCs". */
const AGAIN = new RegExp(
  // (Set apart by a comma, a stop or "and", but for "compared with": "synapses onto 23P for BC" is not "and BC".)
  // (A bare "for" only after "and" or a stop: in "synapses onto 23P, for BC" it may say the senders.)
  String.raw`(?:(?:\s*[,;.?]\s*(?:and\s+)?|\s+and\s+|\s+(?=(?:as\s+)?compared\b))` +
    String.raw`(?:(?:the\s+)?same\s+(?:for|with|in)|(?:what|how)\s+about|(?:as\s+)?compared\s+(?:with|to|against)|` +
    String.raw`what\s+(?:%|percent(?:age)?|fraction|share)\s+(?:for|in|of))|` +
    String.raw`(?:\s*[;.?]\s*(?:and\s+)?|\s*,?\s+and\s+)for)` +
    String.raw`\s+(?:the\s+)?(${MORE})` +
    String.raw`(?:\s+cells|\s+neurons)?(?:\s*,?\s*(?:the\s+same|too|as\s+well|also))?\s*([?.!]*)\s*$`,
  "i",
);
/** "and for SST cells the same, so I can compare the two": the same, with the order turned. */
const AGAIN_AFTER = new RegExp(
  String.raw`\s*[,;.?]?\s*and\s+for\s+(?:the\s+)?(${MORE})(?:\s+cells|\s+neurons)?\s+the\s+same` +
    String.raw`(?:\s*,?\s*(?:so\s+(?:that\s+)?I\s+can\s+compare(?:\s+the\s+two|\s+them|\s+both)?|please|pls))?` +
    String.raw`\s*([?.!]*)\s*$`,
  "i",
);

/** The one thing of `other`'s kind that the question names, or undefined when none or more than one. */
function theOne(text: string, other: string): RegExpExecArray | undefined {
  const kind = KINDS.find((k) => new RegExp(String.raw`^(?:${k})$`, "i").test(other.trim()));
  if (!kind) return undefined;
  // (Not the layer of a name: "L5 IT cells", "L2/3 pyramidal cells".)
  const name = String.raw`(?!\s*(?:IT|ET|NP|CT|pyr|exc|inh|basket|Martinotti)\b)`;
  const said = [...text.matchAll(new RegExp(String.raw`(?<![\w/-])(?:${kind})(?![\w/-])${name}`, "gi"))];
  return said.length === 1 ? said[0] : undefined;
}

export function sameFor(p: Prepared): Prepared {
  const m = AGAIN_AFTER.exec(p.text) ?? AGAIN.exec(p.text);
  if (!m || m.index === 0) return p;
  const head = p.text.slice(0, m.index);
  const others = m[1]!;
  const first = others.split(/\s*(?:,|and|&|\+|\/)\s*(?:with\s+|to\s+|the\s+)?/i)[0]!;
  const one = theOne(head, first);
  if (!one) return p;
  const at = one.index + one[0].length;
  const listed = others.replace(/\s+(?:with|to)\s+/gi, " ");
  // ("among the 23P cells compared with the 4P cells": a comparison stays one, never a pool of the two.)
  const joint = /\bcompared\b/i.test(m[0]) ? "vs" : "and";
  const text = `${head.slice(0, at)} ${joint} ${listed}${head.slice(at)}`.replace(/[?.!\s]*$/, "") + (m[2] || "?");
  return { ...p, text };
}
