import { as, is, join, lower, type Atom } from "./atoms.js";
import { num } from "./number-atoms.js";

/** A whole number that opens the question (after "the", "list", "give me") before the cells it counts. */
function leadingCount(atoms: Atom[], i: number): boolean {
  const n = num(atoms[i]);
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 1000) return false;
  const next = atoms[i + 1];
  // ("the 3 cell types with the most synapses", "the 3 presynaptic cell types …": kinds ranked too.)
  const side =
    ["source", "target"].some((n) => is(next, "noun", "n", n)) ||
    ["upstream", "downstream"].some((r) => is(next, "rel", "r", r));
  const kind = (a: Atom | undefined) => KINDS.some((n) => is(a, "noun", "n", n));
  // ("the five postsynaptic partners that receive the most synapses": partners ranked one by one.)
  const partners = ["source", "target", "partner"].some((n) => is(next, "noun", "n", n));
  const cells =
    partners ||
    is(next, "noun", "n", "cell") ||
    is(next, "noun", "n", "neuron") ||
    is(next, "val") ||
    kind(next) ||
    (side && kind(atoms[i + 2]));
  // (It opens the question, or the part after a topic: "Onto V1 cells: the 3 presynaptic types …".)
  const topic = atoms.findLastIndex((x, j) => j < i && /^[:;,—–]$/.test(lower(x)));
  // ("which are the 5 targets …": a "which" that asks for the ranked ones.)
  const lead = (x: Atom) => x.items.every((y) => y.fn) || is(x, "list") || is(x, "wh") || is(x, "verb", "v", "be");
  return cells && atoms.slice(topic + 1, i).every(lead);
}

const KINDS = ["type", "mtype", "area", "layer", "class"];

/** "top 5", "first 10", "which 3 ...", "the 5 strongest", "5 largest". */
export function topK(atoms: Atom[]): Atom[] {
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const n = num(atoms[i + 1]);
    // "#1 target": the first one.
    if (lower(a) === "#" && n !== undefined && Number.isInteger(n) && n > 0 && n <= 100) {
      atoms = join(atoms, i, i + 2, { t: "topk", k: n, dir: "desc" });
      continue;
    }
    // "strongest 3 postsynaptic neurons": the superlative, then how many.
    if (
      is(a, "sup") &&
      !is(a, "top") &&
      n !== undefined &&
      Number.isInteger(n) &&
      n > 0 &&
      n <= 10000 &&
      !is(atoms[i + 2], "unit")
    ) {
      const sup = as(a, "sup")!;
      atoms = join(atoms, i, i + 2, { t: "topk", k: n, dir: sup.dir, ...(sup.q ? { q: sup.q } : {}), sup: !sup.count });
      continue;
    }
    if (
      (is(a, "top") || (is(a, "sup", "dir", "desc") && lower(a) === "top")) &&
      n !== undefined &&
      Number.isInteger(n) &&
      n > 0
    ) {
      atoms = join(atoms, i, i + 2, { t: "topk", k: n, dir: "desc" });
    } else if (
      num(a) !== undefined &&
      Number.isInteger(num(a)) &&
      num(a)! > 0 &&
      num(a)! <= 10000 &&
      is(atoms[i + 1], "sup")
    ) {
      // "5 largest": the number and the superlative stay together as a ranked top-k.
      const sup = as(atoms[i + 1], "sup")!;
      atoms = join(atoms, i, i + 2, { t: "topk", k: num(a)!, dir: sup.dir, ...(sup.q ? { q: sup.q } : {}), sup: true });
    } else if (is(a, "wh") && n !== undefined && Number.isInteger(n) && n > 0 && n <= 10000) {
      atoms = join(atoms, i + 1, i + 2, { t: "topk", k: n, dir: "desc", afterWh: true, open: true });
    } else if (leadingCount(atoms, i) && atoms.slice(i + 2).some((x) => is(x, "sup"))) {
      // ("the 5 cells with the biggest nucleus", "10 neurons with the most inputs": a count of the ranked.)
      // (Its direction is the superlative's: "open" until then.)
      atoms = join(atoms, i, i + 1, { t: "topk", k: num(a)!, dir: "desc", open: true });
    }
  }
  return atoms;
}
