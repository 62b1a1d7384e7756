import { UnknownValueError } from "./types.js";

/**
 * Orientation differences between two roots, in one place so that a filter, a grouping and the
 * like-to-like pair counts all bin a pair the same way. Orientations are circular with period
 * 180°: the difference of two is at most 90°.
 */

/** Default bin width of orientation differences (°): four bins, as the MICrONS figures use. */
export const ORI_BIN_WIDTH = 22.5;

/**
 * A preferred orientation (radians in cell_tuning) in degrees, folded into [0, 180). For the values
 * the tables hold (0 to π) this is exactly degrees(x); folding keeps a table in another range
 * (−90° to 90°) from giving differences above 90°.
 */
export const orientationDegrees = (radians: string) =>
  `(degrees(${radians}) - 180.0 * floor(degrees(${radians}) / 180.0))`;

/** The circular difference (0 to 90°) of two orientations already in degrees in [0, 180). */
export function circularDifference(a: string, b: string): string {
  const diff = `abs(${a} - ${b})`;
  return `min(${diff}, 180 - ${diff})`;
}

/** The bins of a width: lower edges 0, w, 2w … below 90; the last bin runs to 90° inclusive. */
export function oriBins(width = ORI_BIN_WIDTH): { index: number; lo: number; hi: number }[] {
  if (!(width >= 1 && width <= 90)) {
    throw new UnknownValueError(
      `An orientation-difference bin is 1° to 90° wide (differences run from 0 to 90°), not ${width}°.`,
    );
  }
  const count = Math.ceil(90 / width - 1e-9);
  return Array.from({ length: count }, (_, i) => ({ index: i, lo: i * width, hi: Math.min((i + 1) * width, 90) }));
}

/** The bin index (SQL) of a difference: floor(d / w), the top bin holding 90° itself. */
export function oriBinIndex(difference: string, width = ORI_BIN_WIDTH): string {
  const last = oriBins(width).length - 1;
  return `min(CAST(${difference} / ${width} AS INTEGER), ${last})`;
}

/** The bin's lower edge (SQL), the value a grouping by orientation difference shows. */
export const oriBinStart = (difference: string, width = ORI_BIN_WIDTH) =>
  `${oriBinIndex(difference, width)} * ${width}`;
