import type { ColRef, Pred } from "./sketch.js";

/**
 * The reader's English for one condition or grouping, in the forms the reader reads without fail
 * (checked by running it): values before the noun ("NGC cells"), places after it ("in V1"),
 * thresholds with "with" ("with soma depth between 300 and 500 µm", "with more than 60 input
 * synapses"), sides with from/onto. undefined: no English form is sure; the condition stays as typed.
 */

const CMP: Record<string, string> = { gt: "above", gte: "at least", lt: "below", lte: "at most", eq: "exactly" };
const COUNT_CMP: Record<string, string> = {
  gt: "more than",
  gte: "at least",
  lt: "fewer than",
  lte: "at most",
  eq: "exactly",
};

/** A value as a name before a noun ("BC", "excitatory"), when its column reads that way. */
export function adjective(p: Pred): string | undefined {
  if (p.t !== "value" || p.not) return undefined;
  const col = p.ref.col;
  if (col && col.kind !== "category") return undefined;
  if (col?.value && col.value !== "{v}") return undefined;
  return p.values.join(" or ");
}

/** A condition after the noun: "in V1", "with m-type L4a", "that are not BC", "with a proofread axon". */
export function modifier(p: Pred): string | undefined {
  if (p.t === "both") return undefined;
  const col = p.ref.col;
  if (p.t === "flag") return col ? `with ${col.words}` : undefined;
  if (p.t === "value") {
    if (!col || col.kind !== "category") return undefined;
    const each = (col.value ?? "{v}").replace("{v}", p.values.join(" or "));
    const bare = !col.value || col.value === "{v}";
    // "not in V1" reads; "not with m-type L4a" does not, and stays as typed.
    if (p.not) return bare ? `that are not ${each}` : col.value!.startsWith("in ") ? `not ${each}` : undefined;
    return bare ? `that are ${each}` : each;
  }
  if (p.t === "range" || p.t === "between") return threshold(p);
  return undefined;
}

function threshold(p: Extract<Pred, { t: "range" | "between" }>): string | undefined {
  const col = p.ref.col;
  if (!col || !["number", "count", "angle"].includes(col.kind)) return undefined;
  const unit = p.unit ?? col.unit;
  const u = unit ? ` ${unit}` : "";
  if (col.kind === "count") {
    const words = col.thresholdWords ?? col.words;
    if (p.t === "between") return `with between ${p.lo} and ${p.hi} ${words}`;
    return `with ${COUNT_CMP[p.op]} ${p.n} ${words}`;
  }
  const words = col.thresholdWords ?? col.words;
  if (p.t === "between") return `with ${words} between ${p.lo} and ${p.hi}${u}`;
  return `with ${words} ${CMP[p.op]} ${p.n}${u}`;
}

/** The cells on one side of a synapse: "BC", "8646…", "BC in V1", "cells with a proofread axon". */
export function sidePhrase(preds: Pred[], both: string[]): string | undefined {
  const heads: string[] = [...both];
  const mods: string[] = [];
  for (const p of preds) {
    if (p.t === "both") continue;
    const bare = sideValue(p);
    if (bare !== undefined && !heads.length) heads.push(bare);
    else {
      const m = modifier(p);
      if (m === undefined) return undefined;
      mods.push(m);
    }
  }
  if (!heads.length && !mods.length) return undefined;
  return [heads.length ? heads.join(" ") : "cells", ...mods].join(" ");
}

/** A value that names the cells of a side by itself: a type, a class, an area, a layer, an id. */
function sideValue(p: Pred): string | undefined {
  if (p.t !== "value" || p.not) return undefined;
  const col = p.ref.col;
  if (!col || col.kind === "id" || col.kind === "category") {
    if (col?.value?.startsWith("with ")) return undefined;
    const template = col?.value?.replace(/^in /, "") ?? "{v}";
    return template.replace("{v}", p.values.join(" or "));
  }
  return undefined;
}

const SIDE_WORD = { pre: "presynaptic", post: "postsynaptic" } as const;

/**
 * "per presynaptic cell type", "per area", "per pre type x post type" (one grouping on each side).
 * Some groupings read only in a top-k ("per postsynaptic root top 5"; data: groupNeedsTop).
 */
export function groupPhrase(groups: ColRef[], topK: boolean): string | undefined {
  if (!groups.length) return "";
  const [a, b] = groups;
  if (groups.length === 2 && a!.col && a!.col === b!.col && a!.side && b!.side && a!.side !== b!.side) {
    return a!.col.matrix ? `per ${a!.col.matrix}` : undefined;
  }
  if (groups.length > 2) return undefined;
  const parts: string[] = [];
  for (const g of groups) {
    const words = g.col ? (g.col.groupWords ?? g.col.words) : "root";
    if (g.col && !["category", "id"].includes(g.col.kind)) return undefined;
    if ((!g.col || g.col.groupNeedsTop) && !topK) return undefined;
    parts.push(`per ${g.side ? `${SIDE_WORD[g.side]} ` : ""}${words}`);
  }
  return parts.join(" ");
}
