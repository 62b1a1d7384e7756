import { angles } from "./angles.js";
import { as, is, join, lower, type Atom } from "./atoms.js";

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
  [k: string]: unknown;
}

const num = (a: Atom | undefined) => (a && a.tag.t === "num" && !a.tag.ordinal ? Number(a.tag.value) : undefined);
const unitOf = (a: Atom | undefined) => (a && is(a, "unit") ? String(as(a, "unit")!.u) : undefined);
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20 };

export function readNumbers(input: Atom[]): Atom[] {
  let atoms = spelledNumbers(input);
  atoms = percentiles(atoms);
  atoms = angles(atoms);
  atoms = ranges(atoms);
  atoms = thresholds(atoms);
  atoms = topK(atoms);
  return atoms;
}

/** "top five", "which three": number words as numbers where a count is expected. */
function spelledNumbers(atoms: Atom[]): Atom[] {
  return atoms.map((a, i) => {
    const n = NUMBER_WORDS[lower(a)];
    const prev = atoms[i - 1];
    if (n !== undefined && (is(prev, "top") || is(prev, "wh") || is(prev, "sup") || is(prev, "cmp")) && a.tag.t !== "num") {
      return { ...a, tag: { t: "num", value: n, raw: lower(a) }, alt: [] };
    }
    return a;
  });
}

function percentiles(atoms: Atom[]): Atom[] {
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const p = /^p(\d{1,2}(?:\.\d+)?)$/i.exec(lower(a));
    // "p90 of size", "size p90" (not "at P30", a mouse's age): beside a quantity, or before "of".
    const besideQuantity = is(atoms[i + 1], "qty") || is(atoms[i - 1], "qty") || lower(atoms[i + 1]) === "of" || is(atoms[i + 1], "rel", "r", "of");
    if (p && besideQuantity) atoms = join(atoms, i, i + 1, { t: "pctl", p: Number(p[1]) });
    else if (a.tag.t === "num" && a.tag.ordinal && is(atoms[i + 1], "percentile")) atoms = join(atoms, i, i + 2, { t: "pctl", p: Number(a.tag.value) });
    else if (is(a, "percentile") && atoms[i + 1]?.tag.t === "num") atoms = join(atoms, i, i + 2, { t: "pctl", p: Number(atoms[i + 1]!.tag.value) });
  }
  return atoms;
}

/** "between 1000 and 2000 voxels", "from 300 to 500 µm", "depth 300-500 µm". */
function ranges(atoms: Atom[]): Atom[] {
  for (let i = 0; i < atoms.length; i++) {
    // "[1000, 2000]": an interval, bounds included.
    if (lower(atoms[i]) === "[" && num(atoms[i + 1]) !== undefined && is(atoms[i + 2], "rel", "r", "and") && num(atoms[i + 3]) !== undefined
      && lower(atoms[i + 4]) === "]") {
      const qtyBefore = is(atoms[i - 1], "qty") ? i - 1 : is(atoms[i - 2], "qty") && lower(atoms[i - 1]) === "in" ? i - 2 : -1;
      const from = qtyBefore >= 0 ? qtyBefore : i;
      atoms = join(atoms, from, i + 5, { t: "threshold", op: "between", value: num(atoms[i + 1])!, max: num(atoms[i + 3])!,
        ...(qtyBefore >= 0 ? { qty: String(as(atoms[qtyBefore], "qty")!.q) } : {}) });
      i = from;
      continue;
    }
    // "depth 300 - 500 µm", "size 1000 to 2000": a quantity, then two numbers.
    if (is(atoms[i], "qty") && num(atoms[i + 1]) !== undefined && (lower(atoms[i + 2]) === "-" || is(atoms[i + 2], "rel", "r", "to"))
      && num(atoms[i + 3]) !== undefined) {
      const lo = num(atoms[i + 1])!;
      const hi = num(atoms[i + 3])!;
      const unit = unitOf(atoms[i + 4]);
      atoms = join(atoms, i, i + (unit ? 5 : 4), { t: "threshold", op: "between", value: Math.min(lo, hi), max: Math.max(lo, hi),
        ...(unit ? { unit } : {}), qty: String(as(atoms[i], "qty")!.q) });
      continue;
    }
    // "neurons 200-400 µm deep", "100 to 300 µm below the pia": two numbers with a unit or a quantity after.
    if (num(atoms[i]) !== undefined && !is(atoms[i - 1], "cmp") && (lower(atoms[i + 1]) === "-" || is(atoms[i + 1], "rel", "r", "to"))
      && num(atoms[i + 2]) !== undefined) {
      const unit = unitOf(atoms[i + 3]);
      const after = nounAfter(atoms, i + (unit ? 4 : 3));
      if (unit || after.what.qty) {
        const [lo, hi] = [num(atoms[i])!, num(atoms[i + 2])!];
        atoms = join(atoms, i, after.end, { t: "threshold", op: "between", value: Math.min(lo, hi), max: Math.max(lo, hi),
          ...(unit ? { unit } : {}), ...after.what });
        continue;
      }
    }
    if (!is(atoms[i], "cmp", "op", "between")) continue;
    const lo = num(atoms[i + 1]);
    let j = i + 2;
    const u1 = unitOf(atoms[j]);
    if (u1) j++;
    if (lo === undefined || !(is(atoms[j], "rel", "r", "and") || is(atoms[j], "rel", "r", "to") || lower(atoms[j]) === "-")) continue;
    const before = atoms[i - 1];
    const hi = num(atoms[j + 1]);
    if (hi === undefined) continue;
    j += 2;
    const u2 = unitOf(atoms[j]);
    if (u2) j++;
    const after = nounAfter(atoms, j);
    // "with depth between 100 and 300 µm", "size between 1000 and 2000": the quantity before.
    const qtyBefore = !after.what.qty && !after.what.noun && is(before, "qty") ? String(as(before, "qty")!.q) : undefined;
    const from = qtyBefore ? i - 1 : i;
    atoms = join(atoms, from, after.end, { t: "threshold", op: "between", value: Math.min(lo, hi), max: Math.max(lo, hi), unit: u2 ?? u1,
      ...after.what, ...(qtyBefore ? { qty: qtyBefore } : {}) });
    i = from;
  }
  return atoms;
}

/** The quantity or noun a threshold is about, when it follows the number: "more than 100 inputs". */
function nounAfter(atoms: Atom[], j: number): { end: number; what: { qty?: string; noun?: string } } {
  // "60 or more distinct partners"
  if (is(atoms[j], "distinct") && is(atoms[j + 1], "noun")) {
    const r = nounAfter(atoms, j + 1);
    return r.end > j + 1 ? r : { end: j, what: {} };
  }
  const a = atoms[j];
  if (is(a, "qty")) return { end: j + 1, what: { qty: String(as(a, "qty")!.q) } };
  if (is(a, "noun") && ["synapse", "input", "output", "partner", "target", "source", "connection"].includes(String(as(a, "noun")!.n))) {
    // "more than 5 synapses of size", not a noun phrase head: the noun is what is counted.
    return { end: j + 1, what: { noun: String(as(a, "noun")!.n) } };
  }
  return { end: j, what: {} };
}

const WEIGHT = /^((connection |edge )?weights?|synapse counts?|syn count|synapse number)$/;

function thresholds(atoms: Atom[]): Atom[] {
  for (let i = 0; i < atoms.length; i++) {
    // "a size of 853", "size = 853", "volume equals 300": one value.
    if (is(atoms[i], "qty") && (lower(atoms[i + 1]) === "of" || lower(atoms[i + 1]) === "=" || lower(atoms[i + 1]) === "is")
      && num(atoms[i + 2]) !== undefined && !is(atoms[i + 3], "rel", "r", "and")) {
      const unit = unitOf(atoms[i + 3]);
      atoms = join(atoms, i, i + (unit ? 4 : 3), { t: "threshold", op: "eq", value: num(atoms[i + 2])!, qty: String(as(atoms[i], "qty")!.q),
        ...(unit ? { unit } : {}) });
      continue;
    }
    // "above size 3000", "over gDSI 0.3": the comparison, then the quantity, then the number.
    if (is(atoms[i], "cmp") && !is(atoms[i], "cmp", "op", "near") && !is(atoms[i], "cmp", "op", "between") && is(atoms[i + 1], "qty")
      && num(atoms[i + 2]) !== undefined) {
      const unit = unitOf(atoms[i + 3]);
      atoms = join(atoms, i, i + (unit ? 4 : 3), { t: "threshold", op: as(atoms[i], "cmp")!.op as Threshold["op"], value: num(atoms[i + 2])!,
        qty: String(as(atoms[i + 1], "qty")!.q), ...(unit ? { unit } : {}), text: lower(atoms[i]) });
      continue;
    }
    const a = atoms[i]!;
    const op = as(a, "cmp")?.op as Threshold["op"] | "near" | undefined;
    let value: number | undefined;
    let j: number;
    let opFinal = op === "near" ? undefined : op;
    if (op && op !== "between" && op !== "near" && num(atoms[i + 1]) !== undefined) {
      value = num(atoms[i + 1]);
      j = i + 2;
    } else if (/^\d+\+$/.test(lower(a))) {
      // "5+ synapses"
      value = Number(lower(a).slice(0, -1));
      opFinal = "gte";
      j = i + 1;
    } else if (num(a) !== undefined && nounAfter(atoms, i + 1).what.noun && (is(atoms[i + 2], "cmp", "op", "gte")
      || is(atoms[i + 2], "cmp", "op", "lte")) && /^(or|and)\b/.test(lower(atoms[i + 2]))) {
      // "2 synapses or more": the number, what it counts, then the direction.
      const noun = nounAfter(atoms, i + 1).what.noun!;
      atoms = join(atoms, i, i + 3, { t: "threshold", op: as(atoms[i + 2], "cmp")!.op as Threshold["op"], value: num(a)!, noun, text: lower(a) });
      continue;
    } else if (num(a) !== undefined && (is(atoms[i + 1], "cmp", "op", "gte") || is(atoms[i + 1], "cmp", "op", "lte"))
      && /^(or|and)\b/.test(lower(atoms[i + 1]))) {
      // "5 or more", "100 or fewer"
      value = num(a);
      opFinal = as(atoms[i + 1], "cmp")!.op as Threshold["op"];
      j = i + 2;
    } else continue;
    let unit = unitOf(atoms[j]) ?? (atoms[op ? i + 1 : i]!.tag.unit as string | undefined);
    if (unitOf(atoms[j])) j++;
    if (unit === undefined && lower(atoms[j]) === "%") {
      unit = "pct";
      j++;
    }
    // "5 or more" after the number: "at least 5 or more" is not a thing; "more than 5 or more" neither.
    if (op && (is(atoms[j], "cmp", "op", "gte") || is(atoms[j], "cmp", "op", "lte")) && /^(or|and)\b/.test(lower(atoms[j]))) j++;
    const after = nounAfter(atoms, j);
    // The quantity may come before: "size larger than", "gDSI above", "volume of more than".
    let from = i;
    let qty = after.what.qty;
    const before = atoms[i - 1];
    const before2 = atoms[i - 2];
    if (!qty && !after.what.noun && is(before, "qty")) {
      qty = String(as(before, "qty")!.q);
      from = i - 1;
    } else if (!qty && !after.what.noun && (is(before, "verb", "v", "be") || lower(before) === "of") && is(before2, "qty")) {
      qty = String(as(before2, "qty")!.q);
      from = i - 2;
    }
    // "cells with a nucleus bigger than 300": the nucleus's volume, not whether there is one.
    if (!qty && !after.what.noun && from === i && is(before, "flag", "dim", "has_nucleus") && /nucle/i.test(lower(before))) {
      qty = "volume";
      from = i - 1;
    }
    // "partners that have synapses >= 3", "connections with weight >= 2": the counted noun before,
    // after "have"/"with" (not "synapses larger than 5000", a size).
    const COUNTED = ["synapse", "input", "output", "partner", "target", "source", "connection"];
    if (!qty && !after.what.noun && from === i && is(before, "noun") && COUNTED.includes(String(as(before, "noun")!.n))
      // ("at weight >= 3": a weight is a count of synapses, whatever word comes before it.)
      && (is(before2, "verb", "v", "have") || is(before2, "rel", "r", "with") || WEIGHT.test(lower(before)))
      && !/^(bigger|larger|smaller|deeper|shallower)/.test(lower(a))) {
      after.what.noun = String(as(before, "noun")!.n);
      from = i - 1;
    }
    // "deeper than 500 µm", "shallower than 200 µm": the comparison names the quantity.
    if (!qty && /^(deeper|shallower)/.test(lower(a))) qty = "depth";
    // "bigger than 350": the size of the thing itself (a nucleus's volume, a synapse's size).
    if (!qty && !after.what.noun && /^(bigger|larger|smaller)/.test(lower(a))) qty = "big";
    // "neurons below 700 µm": deeper down, not a smaller number (unless "depth below 700").
    if (unit === "um" && !qty && /^(below|under|beneath)/.test(lower(a))) opFinal = op === "lte" ? "gte" : "gt";
    else if (unit === "um" && !qty && /^(above|over)$/.test(lower(a))) opFinal = "lt";
    const tag: Threshold = { t: "threshold", op: opFinal!, value: value!, ...(unit ? { unit } : {}), ...(qty ? { qty } : {}),
      ...(after.what.noun ? { noun: after.what.noun } : {}), text: lower(a) };
    atoms = join(atoms, from, after.end, tag);
    i = from;
  }
  return atoms;
}

/** A whole number that opens the question (after "the", "list", "give me") before the cells it counts. */
function leadingCount(atoms: Atom[], i: number): boolean {
  const n = num(atoms[i]);
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 1000) return false;
  const next = atoms[i + 1];
  const cells = is(next, "noun", "n", "cell") || is(next, "noun", "n", "neuron") || is(next, "val");
  return cells && atoms.slice(0, i).every((x) => x.items.every((y) => y.fn) || is(x, "list"));
}

/** "top 5", "first 10", "which 3 ...", "the 5 strongest", "5 largest". */
function topK(atoms: Atom[]): Atom[] {
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const n = num(atoms[i + 1]);
    // "#1 target": the first one.
    if (lower(a) === "#" && n !== undefined && Number.isInteger(n) && n > 0 && n <= 100) {
      atoms = join(atoms, i, i + 2, { t: "topk", k: n, dir: "desc" });
      continue;
    }
    // "strongest 3 postsynaptic neurons": the superlative, then how many.
    if (is(a, "sup") && !is(a, "top") && n !== undefined && Number.isInteger(n) && n > 0 && n <= 10000 && !is(atoms[i + 2], "unit")) {
      const sup = as(a, "sup")!;
      atoms = join(atoms, i, i + 2, { t: "topk", k: n, dir: sup.dir, ...(sup.q ? { q: sup.q } : {}), sup: !sup.count });
      continue;
    }
    if ((is(a, "top") || is(a, "sup", "dir", "desc") && lower(a) === "top") && n !== undefined && Number.isInteger(n) && n > 0) {
      atoms = join(atoms, i, i + 2, { t: "topk", k: n, dir: "desc" });
    } else if (num(a) !== undefined && Number.isInteger(num(a)) && num(a)! > 0 && num(a)! <= 10000 && is(atoms[i + 1], "sup")) {
      // "5 largest": the number and the superlative stay together as a ranked top-k.
      const sup = as(atoms[i + 1], "sup")!;
      atoms = join(atoms, i, i + 2, { t: "topk", k: num(a)!, dir: sup.dir, ...(sup.q ? { q: sup.q } : {}), sup: true });
    } else if (is(a, "wh") && n !== undefined && Number.isInteger(n) && n > 0 && n <= 10000) {
      atoms = join(atoms, i + 1, i + 2, { t: "topk", k: n, dir: "desc", afterWh: true });
    } else if (leadingCount(atoms, i) && atoms.slice(i + 2).some((x) => is(x, "sup"))) {
      // ("the 5 cells with the biggest nucleus", "10 neurons with the most inputs": a count of the ranked.)
      atoms = join(atoms, i, i + 1, { t: "topk", k: num(a)!, dir: "desc" });
    }
  }
  return atoms;
}
