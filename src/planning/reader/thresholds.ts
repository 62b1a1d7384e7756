import { as, is, join, lower, type Atom } from "./atoms.js";
import { nounAfter, num, unitOf } from "./number-atoms.js";
import type { Threshold } from "./numbers.js";
import { FLOW_WORDS } from "./shape.js";

const WEIGHT = /^((connection |edge )?weights?|synapse counts?|syn count|synapse number)$/;

/**
 * "more than 5,000 voxels", "gDSI above 0.2", "at least 5 synapses", "5+ synapses", "a size of 853":
 * a comparison and a number, with the quantity or the counted noun beside it, become one threshold.
 */
export function thresholds(atoms: Atom[]): Atom[] {
  for (let i = 0; i < atoms.length; i++) {
    // "a size of 853", "size = 853", "volume equals 300": one value.
    if (
      is(atoms[i], "qty") &&
      (lower(atoms[i + 1]) === "of" || lower(atoms[i + 1]) === "=" || lower(atoms[i + 1]) === "is") &&
      num(atoms[i + 2]) !== undefined &&
      !is(atoms[i + 3], "rel", "r", "and")
    ) {
      const unit = unitOf(atoms[i + 3]);
      atoms = join(atoms, i, i + (unit ? 4 : 3), {
        t: "threshold",
        op: "eq",
        value: num(atoms[i + 2])!,
        qty: String(as(atoms[i], "qty")!.q),
        ...(unit ? { unit } : {}),
      });
      continue;
    }
    // "above size 3000", "over gDSI 0.3": the comparison, then the quantity, then the number.
    if (
      is(atoms[i], "cmp") &&
      !is(atoms[i], "cmp", "op", "near") &&
      !is(atoms[i], "cmp", "op", "between") &&
      is(atoms[i + 1], "qty") &&
      num(atoms[i + 2]) !== undefined
    ) {
      const unit = unitOf(atoms[i + 3]);
      atoms = join(atoms, i, i + (unit ? 4 : 3), {
        t: "threshold",
        op: as(atoms[i], "cmp")!.op as Threshold["op"],
        value: num(atoms[i + 2])!,
        qty: String(as(atoms[i + 1], "qty")!.q),
        ...(unit ? { unit } : {}),
        text: lower(atoms[i]),
      });
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
    } else if (num(a) !== undefined && trailingCmp(atoms, nounAfter(atoms, i + 1))) {
      // "2 synapses or more", "50 distinct targets or more": the number, what it counts, then the direction.
      const counted = nounAfter(atoms, i + 1);
      const noun = counted.what.noun!;
      atoms = join(atoms, i, counted.end + 1, {
        t: "threshold",
        op: as(atoms[counted.end], "cmp")!.op as Threshold["op"],
        value: num(a)!,
        noun,
        text: lower(a),
      });
      continue;
    } else if (
      num(a) !== undefined &&
      (is(atoms[i + 1], "cmp", "op", "gte") || is(atoms[i + 1], "cmp", "op", "lte")) &&
      /^(or|and)\b/.test(lower(atoms[i + 1]))
    ) {
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
    if (
      op &&
      (is(atoms[j], "cmp", "op", "gte") || is(atoms[j], "cmp", "op", "lte")) &&
      /^(or|and)\b/.test(lower(atoms[j]))
    )
      j++;
    const after = nounAfter(atoms, j);
    // The quantity may come before: "size larger than", "gDSI above", "volume of more than".
    let from = i;
    let qty = after.what.qty;
    const before = atoms[i - 1];
    const before2 = atoms[i - 2];
    if (!qty && !after.what.noun && is(before, "qty")) {
      qty = String(as(before, "qty")!.q);
      from = i - 1;
    } else if (
      !qty &&
      !after.what.noun &&
      (is(before, "verb", "v", "be") || lower(before) === "of") &&
      is(before2, "qty")
    ) {
      qty = String(as(before2, "qty")!.q);
      from = i - 2;
    }
    // "cells with a nucleus bigger than 300": the nucleus's volume, not whether there is one.
    if (
      !qty &&
      !after.what.noun &&
      from === i &&
      is(before, "flag", "dim", "has_nucleus") &&
      /nucle/i.test(lower(before))
    ) {
      qty = "volume";
      from = i - 1;
    }
    // "partners that have synapses >= 3", "connections with weight >= 2": the counted noun before,
    // after "have"/"with" (not "synapses larger than 5000", a size).
    if (
      !qty &&
      !after.what.noun &&
      from === i &&
      is(before, "noun") &&
      FLOW_WORDS.has(String(as(before, "noun")!.n)) &&
      // ("at weight >= 3": a weight is a count of synapses, whatever word comes before it.)
      (is(before2, "verb", "v", "have") || is(before2, "rel", "r", "with") || WEIGHT.test(lower(before))) &&
      !/^(bigger|larger|smaller|deeper|shallower)/.test(lower(a))
    ) {
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
    const tag: Threshold = {
      t: "threshold",
      op: opFinal!,
      value: value!,
      ...(unit ? { unit } : {}),
      ...(qty ? { qty } : {}),
      ...(after.what.noun ? { noun: after.what.noun } : {}),
      text: lower(a),
    };
    atoms = join(atoms, from, after.end, tag);
    i = from;
  }
  return atoms;
}

/** "… or more", "… or fewer" right after a counted noun. */
function trailingCmp(atoms: Atom[], counted: ReturnType<typeof nounAfter>): boolean {
  const next = atoms[counted.end];
  return (
    Boolean(counted.what.noun) &&
    (is(next, "cmp", "op", "gte") || is(next, "cmp", "op", "lte")) &&
    /^(or|and)\b/.test(lower(next))
  );
}
