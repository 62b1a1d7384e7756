/**
 * Numeric command-line flags, each checked against a range when it is parsed. `Number()` alone let
 * "1e3", "0x10" and " 7 " through, and let values past what the code can hold go on silently (a
 * --timeout of 2^31 ms became 1 ms in setTimeout).
 */
import { InvalidArgumentError } from "commander";
import { z } from "zod";

export interface Range {
  min: number;
  max: number;
  /** The unit, for the message ("milliseconds"). */
  unit?: string;
}

/** setTimeout's longest delay is 2^31-1 ms; an hour is far below it and longer than any query should run. */
export const TIMEOUT_MS: Range = { min: 10, max: 3_600_000, unit: "milliseconds" };
/** Rows held in memory for display; an export with --csv writes every row whatever this is. */
export const ROW_CAP: Range = { min: 1, max: 1_000_000 };
export const ROWS_SHOWN: Range = { min: 0, max: 1_000_000 };
/** A chat message holds a few dozen table rows at most; the whole table goes as a CSV file. */
export const ROWS_IN_MESSAGE: Range = { min: 1, max: 100 };
/** 0 asks the system for any free port. */
export const PORT: Range = { min: 0, max: 65_535 };
export const CELLS: Range = { min: 1, max: 100_000_000 };
export const SEED: Range = { min: 0, max: Number.MAX_SAFE_INTEGER };
/** The public release has 337M synapses; ten times that is still a whole number a CSV can hold. */
export const SYNAPSES: Range = { min: 0, max: 4_000_000_000 };
export const SYNAPSES_PER_NEURON: Range = { min: 0, max: 100_000 };
/** CAVE materialization versions are small positive integers; SQLite keeps them as INTEGER. */
export const VERSION: Range = { min: 0, max: 2_147_483_647 };

const digits = z
  .string()
  .trim()
  .regex(/^\d{1,16}$/)
  .transform(Number);

/** A commander argument parser: the flag's value as a whole number within `range`, or a message naming both. */
export function wholeNumber(flag: string, range: Range) {
  const checked = digits.pipe(z.number().int().min(range.min).max(range.max));
  return (value: string): number => {
    const parsed = checked.safeParse(value);
    if (parsed.success) return parsed.data;
    const unit = range.unit ? ` (${range.unit})` : "";
    const n = (x: number) => x.toLocaleString("en-US");
    const expected = `a whole number from ${n(range.min)} to ${n(range.max)}${unit}`;
    throw new InvalidArgumentError(`${flag} must be ${expected}; got ${JSON.stringify(value)}.`);
  };
}
