import type { Filter, QueryPlan } from "../plan.js";
import { Unreadable } from "./filters.js";

/** A cell's tuning, measured only for the cells matched to the two-photon recordings. */
const TUNING: readonly Filter["dim"][] = ["osi", "dsi", "pref_ori", "pref_dir"];
const MATCHED: readonly Filter["dim"][] = ["tuned", "coregistered"];

/**
 * "% 23P w/ gOSI > 0.3": a share of cells whose part is a bound on their tuning is a share of the cells
 * whose tuning was measured (a cell never imaged has no gOSI, neither above 0.3 nor below). It had been
 * the share of all 23P cells, 2.5% where the lab means 15.9%. "Read as" names the whole
 * ("functionally characterized"), so the denominator is never silent.
 */
export function tunedWhole(plan: QueryPlan): void {
  if (plan.kind !== "query" || plan.measure.fn !== "fraction" || plan.source !== "cells") return;
  const part = plan.measure.part.filter ?? [];
  // ("% of 23P with func data that have gOSI > 0.2" read with the bound in the whole: every cell with a gOSI has
  // tuning, so the share would be 100%.)
  const implied = part.length > 0 && part.every((f) => MATCHED.includes(f.dim) && !f.not);
  if (implied && plan.filter.some((f) => TUNING.includes(f.dim)))
    throw new Unreadable("A share of which cells? The part named is all of the whole; say the whole, then the part.");
  if (!part.some((f) => TUNING.includes(f.dim))) return;
  if (plan.filter.some((f) => MATCHED.includes(f.dim))) return;
  // ("% cells w/ gOSI > 0.3, per area (func)": a part that is matched and tuned may be of all cells or of the
  // matched ones; it had been of all cells, where the lab meant the functionally matched.)
  if (part.some((f) => MATCHED.includes(f.dim) && !f.not))
    throw new Unreadable(
      'A share of all cells, or of the cells with measured tuning? Say "of all …" or "of the coregistered …".',
    );
  if (part.some((f) => MATCHED.includes(f.dim))) return;
  plan.filter.push({ dim: "tuned", is: true });
}
