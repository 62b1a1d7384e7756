import type { Filter, QueryPlan } from "../plan.js";

/** Dimensions only a cell with a nucleus (and a cell-type row) has. */
const TYPED_DIMS = new Set(["cell_type", "class", "mtype"]);

/** Where a plan holds conditions: on the presynaptic side, the postsynaptic side, or the cells themselves. */
const SIDES = ["pre", "post", "filter"] as const;

const fragmentsOnly = (fs: Filter[] = []) => fs.some((f) => f.dim === "has_nucleus" && f.is === false);
const typedOnly = (fs: Filter[] = []) => fs.some((f) => TYPED_DIMS.has(f.dim));

/**
 * "… synapses onto 23P (inputs from unidentified fragments stay in the total): what percent are from an
 * interneuron?": a share whose part names typed cells on a side that the whole keeps to fragments, which have no
 * type. Such a share is 0 by construction; the words read as the whole had said something else (here, that the
 * fragments stay in). Returns the side, to ask back about.
 */
function emptyPart(plan: QueryPlan): string | undefined {
  if (plan.kind !== "query" || plan.measure.fn !== "fraction") return undefined;
  const part = plan.measure.part;
  for (const side of SIDES) {
    if (fragmentsOnly(plan[side]) && typedOnly(part[side])) return side === "filter" ? "cells" : `${side}synaptic side`;
  }
  return undefined;
}

/**
 * "neurons whose axon is proofread, as a percent of all neurons in that area": a share whose part the whole already
 * keeps to (every condition of the part is one of the whole's), 100% by construction; the whole had taken the part's
 * words. Returns true to ask back.
 */
function partIsWhole(plan: QueryPlan): boolean {
  if (plan.kind !== "query" || plan.measure.fn !== "fraction") return false;
  const part = plan.measure.part;
  const said = (fs: Filter[] = []) => new Set(fs.map((f) => JSON.stringify(f)));
  const sides = SIDES.filter((side) => (part[side]?.length ?? 0) > 0);
  return sides.length > 0 && sides.every((side) => part[side]!.every((f) => said(plan[side]).has(JSON.stringify(f))));
}

const partIsWholeMessage =
  "I read the part of that share as cells the whole already keeps to, which makes it 100%. Please say the part and " +
  'the whole apart, e.g. "what % of neurons in each area are proofread".';

const emptyPartMessage = (side: string) =>
  `I read the whole of that share as fragments only on the ${side}, and the part as typed cells there, which no ` +
  'fragment is. Did you mean the fragments are kept in the total? Say it as "… of all synapses onto 23P, fragments ' +
  'included".';

/**
 * "How many postsynaptic partners does 8646… have (soma-less fragments included)?": a named root kept to fragments
 * (or to cells with a nucleus) on its own side. The words were said of its partners, or of the whole; asked back.
 */
function rootKeptToFragments(plan: QueryPlan): boolean {
  if (plan.kind !== "query") return false;
  return SIDES.some(
    (side) => plan[side].some((f) => f.dim === "root_id") && plan[side].some((f) => f.dim === "has_nucleus"),
  );
}

const rootKeptToFragmentsMessage =
  "I read a condition on fragments as said of the root you named, which it only describes. Say which cells it is " +
  'about, e.g. "… partners of 8646…, fragments included".';

/**
 * Why a plan read from every word still cannot be what was asked (a share that is 0% or 100% by construction, a
 * named root kept to fragments), to ask back; undefined when none of these holds.
 */
export function whyImpossible(plan: QueryPlan): string | undefined {
  const empty = emptyPart(plan);
  if (empty) return emptyPartMessage(empty);
  if (partIsWhole(plan)) return partIsWholeMessage;
  if (rootKeptToFragments(plan)) return rootKeptToFragmentsMessage;
  return undefined;
}
