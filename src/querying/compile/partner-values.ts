import type { Quantity, Side } from "../../planning/plan.js";
import { circularDifference, orientationDegrees } from "./orientation.js";
import { UnknownValueError } from "./types.js";

/**
 * A partner's tuning on a connection row: the preferred orientation, direction, gOSI or gDSI of the
 * pre or post root, or the difference in preferred orientation of the two. One tuning per root,
 * from its best-predicted nucleus (the highest cc): SQLite takes the bare columns from the row
 * holding max(cc). Angles in degrees, as the cells' own tuning (radians × 180 / π).
 */
export const TUNING_BY_ROOT =
  "(SELECT pt_root_id, pref_ori, pref_dir, osi, dsi, max(cc) AS cc FROM cell_tuning " +
  "WHERE pt_root_id != 0 GROUP BY pt_root_id)";

/** The tuning quantities a root has (on either side of a connection). */
export const ROOT_TUNING: Quantity[] = ["pref_ori", "pref_dir", "osi", "dsi"];

/** The orientation difference of a connection's two roots, joined as ta (pre) and tb (post). */
export const TUNED_DIFFERENCE = circularDifference(
  orientationDegrees("ta.pref_ori"),
  orientationDegrees("tb.pref_ori"),
);

/** The joins that bring both roots' tuning (ta for pre, tb for post) onto connection row `alias`. */
export const bothTunings = (alias: string) => [
  ` JOIN ${TUNING_BY_ROOT} ta ON ta.pt_root_id = ${alias}.pre_pt_root_id`,
  ` JOIN ${TUNING_BY_ROOT} tb ON tb.pt_root_id = ${alias}.post_pt_root_id`,
];

/**
 * A quantity of a connection row that is not the row's own (synapses, summed size): a root's tuning
 * (of `side`) or the orientation difference. The joins are inner: a connection whose root has no
 * tuning has no value, and is not a row of the answer.
 */
export function partnerQuantity(
  quantity: Quantity,
  side: Side | undefined,
  alias: string,
  radians = false,
): { joins: string[]; expr: string } {
  if (quantity === "ori_difference") {
    return { joins: bothTunings(alias), expr: radians ? `radians(${TUNED_DIFFERENCE})` : TUNED_DIFFERENCE };
  }
  if (!ROOT_TUNING.includes(quantity)) {
    throw new UnknownValueError(
      `A connection's ${quantity.replace(/_/g, " ")} is not measured yet; ` + "ask it of the cells themselves.",
    );
  }
  if (!side) {
    throw new UnknownValueError(`Whose ${quantity.replace(/_/g, " ")}: the presynaptic or the postsynaptic cell's?`);
  }
  const t = side === "pre" ? "ta" : "tb";
  const join = ` JOIN ${TUNING_BY_ROOT} ${t} ON ${t}.pt_root_id = ${alias}.${side}_pt_root_id`;
  // (The tables hold radians: degrees are converted, radians given as they are.)
  const angle = quantity === "pref_ori" || quantity === "pref_dir";
  const expr = angle && !radians ? `degrees(${t}.${quantity})` : `${t}.${quantity}`;
  return { joins: [join], expr };
}

/** Adds joins not already present (the two tunings may be needed by a filter and a measure at once). */
export function addJoins(joins: string[], more: string[]): void {
  for (const j of more) if (!joins.includes(j)) joins.push(j);
}
