import type { Filter } from "../plan.js";
import { angles } from "./angles.js";
import type { Atom } from "./atoms.js";
import { percentiles } from "./percentiles.js";
import { ranges } from "./ranges.js";
import { spelledNumbers } from "./spelled-numbers.js";
import { thresholds } from "./thresholds.js";
import { topK } from "./top-k.js";

/**
 * Numbers and what they measure: thresholds ("more than 5,000 voxels", "gDSI above 0.2", "at least
 * 5 synapses", "between 1000 and 2000"), angles ("within 15° of vertical"), top-k ("top 5", "which
 * 3", "5 strongest") and percentiles ("90th percentile", "p90"). Each becomes one atom; a number
 * left over is not understood and is asked back.
 */
export interface Threshold {
  t: "threshold";
  op: "gt" | "gte" | "lt" | "lte" | "eq" | "between";
  value: number;
  max?: number;
  unit?: string;
  /** The quantity named next to it ("volume", "size", "gdsi"), or a noun ("inputs", "synapses"). */
  qty?: string;
  noun?: string;
  /** "at least 50 syn onto 23P": the count takes only synapses with these cells on the other side. */
  partners?: Filter[];
  [k: string]: unknown;
}

export function readNumbers(input: Atom[]): Atom[] {
  let atoms = spelledNumbers(input);
  atoms = percentiles(atoms);
  atoms = angles(atoms);
  atoms = ranges(atoms);
  atoms = thresholds(atoms);
  atoms = topK(atoms);
  return atoms;
}
