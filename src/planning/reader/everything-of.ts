import type { Prepared } from "./prepare.js";

const RECEIVE = String.raw`(?:receives?|received|gets?|got)`;
const MAKE = String.raw`(?:makes?|made|sends?|sent|puts? out)`;
/** "everything 5P-ET neurons receive": a few words naming the cells, then the verb. */
const EVERYTHING = new RegExp(
  String.raw`\beverything\s+(?:that\s+)?((?:[\w/+-]+\s+){1,4}?)(${RECEIVE}|${MAKE})\b`,
  "gi",
);

/** "everything synapsing onto V1 5P-ET cells", "everything presynaptic to excitatory cells": all their inputs. */
const EVERYTHING_ONTO =
  /\beverything\s+(?:that\s+)?(?:(?:synapses|synapsing|lands|landing|arrives|arriving)\s+(?:onto|on|to)|presynaptic\s+to)\b/gi;

/**
 * "out of everything 5P-ET neurons receive, what share is from MCs": what cells receive or make, said
 * as "everything", is their synapses ("all synapses 5P-ET neurons receive"), the whole of a share.
 */
export function everythingOf(p: Prepared): Prepared {
  const text = p.text
    .replace(EVERYTHING, (_, cells: string, verb: string) => `all synapses ${cells}${verb}`)
    .replace(EVERYTHING_ONTO, "all synapses onto");
  return text === p.text ? p : { ...p, text };
}
