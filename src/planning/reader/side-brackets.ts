import type { Prepared } from "./prepare.js";

/*
 * "23P(V1, depth>250um) → BC(V1, L2/3)", "top 3 MC (V1, >450um) by # syn": where the cells of one side are, said
 * in brackets after their name, is said the long way ("23P in V1 deeper than 250 µm"), which every reader path
 * reads. Only places and depths: a bracket with anything else in it is left as it is, to be read or asked about.
 */

const AREA = /^(V1|AL|LM|RL|HVAs?)$/i;
const LAYER = /^(?:L|layer\s*)(1|2\/3|23|4|5|6|6a|6b)$/i;
const DEPTH = /^(?:(?:soma\s+)?depth\s*)?(>=|≥|>|<=|≤|<)\s*(\d+(?:\.\d+)?)\s*(?:um|µm|μm)(?:\s+deep)?$/i;
const NAME = String.raw`((?:\d{1,2}P(?:-[A-Z]{2})?|[A-Z]{2,5}|[A-Z]{1,3}\d?\/?\d?[A-Z]*)s?)`;
const BRACKET = new RegExp(String.raw`\b${NAME}\s*\(([^()]{2,60})\)`, "g");

/** One item of the bracket said the long way, or undefined when it is not a place or a depth. */
function longWay(item: string): string | undefined {
  const x = item.trim();
  if (AREA.test(x)) return `in ${x}`;
  const layer = LAYER.exec(x);
  if (layer) return `in L${layer[1] === "23" ? "2/3" : layer[1]}`;
  const depth = DEPTH.exec(x);
  if (!depth) return undefined;
  const [, op, n] = depth;
  if (op === ">") return `deeper than ${n} µm`;
  if (op === "<") return `shallower than ${n} µm`;
  return op === ">=" || op === "≥" ? `at least ${n} µm deep` : `at most ${n} µm deep`;
}

export function sideBrackets(p: Prepared): Prepared {
  const text = p.text.replace(BRACKET, (all, name: string, inside: string) => {
    const items = inside.split(/\s*,\s*/).map(longWay);
    if (items.length < 1 || items.some((x) => x === undefined)) return all;
    // ("23P(V1)" alone is read already; said the long way too, for one path through the reader.)
    return `${name} ${items.join(" ")}`;
  });
  return text === p.text ? p : { ...p, text };
}
