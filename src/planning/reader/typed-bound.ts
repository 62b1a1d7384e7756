import type { Prepared } from "./prepare.js";
import { namesOf } from "./words.js";

const BOUND = String.raw`(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|over|under|>=?|<=?|≥|≤)`;
/** "receive at least 10 BC synapses", "23P cells with > 5 MC inputs": a bound, then the type of what sends them. */
const TYPED_INPUTS = new RegExp(
  String.raw`\b(receiv\w*|gets?|getting|got|with|w/|having|have|has)\s+(${BOUND}\s*\d+)\s+([\w/-]+)\s+` +
    String.raw`(synapses|syn|inputs|input\s+synapses)\b`,
  "gi",
);

/**
 * "how many 23P cells receive at least 10 BC synapses": the cells receive them, so the type between the bound
 * and "synapses" sends them ("at least 10 synapses from BC"). Only when that word names cells (a type or class).
 */
export function typedBound(p: Prepared): Prepared {
  const text = p.text.replace(TYPED_INPUTS, (all, verb: string, bound: string, kind: string, noun: string) => {
    // ("BCs with at least 10 23P synapses" may be synapses onto 23P: with "with" or "have", only inputs say it.)
    const received = /^(?:receiv|get|got)/i.test(verb) || /^input/i.test(noun);
    return received && namesOf(kind).some((n) => n.tag.t === "val") ? `${verb} ${bound} ${noun} from ${kind}` : all;
  });
  return text === p.text ? p : { ...p, text };
}
